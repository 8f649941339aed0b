package liaison.hub.mywork;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import liaison.hub.db.Database;
import liaison.signage.protocol.SignInCodes;
import org.jdbi.v3.core.Handle;

/**
 * Each station's sign-in key ({@code station.sign_in_key}): its screen derives the 签到 codes from it
 * and the hub checks them with it. A station gets one the first time it is asked for, and keeps it;
 * two hubs asking at once keep the one written first.
 */
@Singleton
public class SignInKeys {
  private final Database database;

  public SignInKeys(Database database) {
    this.database = database;
  }

  /** The station's key, made now when it has none; empty when there is no such station. */
  public Optional<String> keyOf(String stationId) {
    return Optional.ofNullable(keysOf(List.of(stationId)).get(stationId));
  }

  /**
   * The keys of those of these stations that exist (at most a few hundred: one bound list), by
   * station id, each made now when it has none: one query for them all when every one has its key.
   */
  public Map<String, String> keysOf(Collection<String> stationIds) {
    if (stationIds.isEmpty()) {
      return Map.of();
    }
    Map<String, String> stored = database.withHandle(h -> stored(h, stationIds));
    List<String> missing =
        stored.entrySet().stream()
            .filter(e -> e.getValue().isEmpty())
            .map(Map.Entry::getKey)
            .toList();
    if (missing.isEmpty()) {
      return stored;
    }
    database.useTransaction(
        h -> {
          for (String stationId : missing) {
            // Only where still missing: a key another hub wrote meanwhile stays.
            h.createUpdate(
                    "UPDATE station SET sign_in_key = :key WHERE id = :id AND sign_in_key IS NULL")
                .bind("key", SignInCodes.newKey())
                .bind("id", stationId)
                .execute();
          }
          stored.putAll(stored(h, missing));
        });
    return stored;
  }

  /**
   * The stored keys, blank while there is none, by station id; a station that does not exist is
   * absent.
   */
  private static Map<String, String> stored(Handle h, Collection<String> stationIds) {
    Map<String, String> keys = new LinkedHashMap<>();
    h.createQuery("SELECT id, COALESCE(sign_in_key, '') FROM station WHERE id IN (<ids>)")
        .bindList("ids", List.copyOf(stationIds))
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
        .forEach(e -> keys.put(e.getKey(), e.getValue()));
    return keys;
  }
}
