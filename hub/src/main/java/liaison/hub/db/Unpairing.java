package liaison.hub.db;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Rewrites a closed vote's secret rows so that nothing pairs a ballot with the code it used.
 *
 * <p>On PostgreSQL every row a transaction writes carries that transaction's id ({@code xmin}), so
 * a ballot and the code it used, written together, could be paired by it. Rewriting the ballots,
 * used codes and noted forms in the close's own transaction gives them all the close's id (the old
 * row versions are gone at the next vacuum and no query sees them). On SQLite it changes nothing.
 * The report to voters' vote and the livelihood vote both close this way.
 */
public final class Unpairing {
  private Unpairing() {}

  /**
   * Rows of one table to rewrite: {@code column} set to itself where {@code where} holds, {@code
   * :id} in it standing for the vote's id.
   */
  public record Rows(String table, String column, String where) {}

  /** Rewrites each kind of rows of the vote {@code id}, in the caller's transaction. */
  public static void rewrite(Handle h, String id, List<Rows> rows) {
    for (Rows r : rows) {
      h.createUpdate(
              "UPDATE "
                  + r.table()
                  + " SET "
                  + r.column()
                  + " = "
                  + r.column()
                  + " WHERE "
                  + r.where())
          .bind("id", id)
          .execute();
    }
  }
}
