package liaison.hub.db;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/**
 * Long lists bound into {@code IN (…)} a slice at a time. A statement may bind at most 32,766
 * values on SQLite and 65,535 on PostgreSQL; a chunk of 500 stations' reception slots can pass ten
 * thousand ids, and a county with more slots a station would pass the limit, so reads that bind ids
 * they did not choose the number of ask in slices of {@link #SLICE}.
 */
public final class BoundLists {
  /** Values bound in one statement: well under both limits, with room for the query's own. */
  public static final int SLICE = 5_000;

  private BoundLists() {}

  /** Calls {@code read} with consecutive slices of {@code values}, each at most {@link #SLICE}. */
  public static <T> void inSlices(List<T> values, Consumer<List<T>> read) {
    for (int from = 0; from < values.size(); from += SLICE) {
      read.accept(values.subList(from, Math.min(values.size(), from + SLICE)));
    }
  }

  /**
   * Reads a query of two text columns whose {@code IN (<ids>)} binds {@code ids} (in slices), the
   * second column's values grouped by the first in the order the query gives them; a key with no
   * row is left out.
   */
  public static Map<String, List<String>> grouped(Handle h, String sql, List<String> ids) {
    Map<String, List<String>> byKey = new HashMap<>();
    inSlices(
        ids,
        slice ->
            h.createQuery(sql)
                .bindList("ids", slice)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(
                    e ->
                        byKey
                            .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                            .add(e.getValue())));
    return byKey;
  }
}
