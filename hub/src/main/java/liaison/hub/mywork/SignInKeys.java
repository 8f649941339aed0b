package liaison.hub.mywork;

import jakarta.inject.Singleton;
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
    Optional<String> stored = database.withHandle(h -> stored(h, stationId));
    if (stored.isEmpty() || !stored.get().isEmpty()) {
      return stored;
    }
    return database.inTransaction(
        h -> {
          // Only where still missing: a key another hub wrote meanwhile stays.
          h.createUpdate(
                  "UPDATE station SET sign_in_key = :key WHERE id = :id AND sign_in_key IS NULL")
              .bind("key", SignInCodes.newKey())
              .bind("id", stationId)
              .execute();
          return stored(h, stationId);
        });
  }

  /** The stored key, blank while there is none; empty when there is no such station. */
  private static Optional<String> stored(Handle h, String stationId) {
    return h.createQuery("SELECT COALESCE(sign_in_key, '') FROM station WHERE id = :id")
        .bind("id", stationId)
        .mapTo(String.class)
        .findOne();
  }
}
