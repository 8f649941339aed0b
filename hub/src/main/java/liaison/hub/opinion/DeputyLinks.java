package liaison.hub.opinion;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.station.PublicTokens;

/**
 * The QR token of each deputy at a station ({@code /o/<token>} opens the opinion form addressed to
 * them). Made the first time a deputy's link is needed, then never changed, so printed cards stay
 * valid; gone with the assignment's station or deputy.
 */
@Singleton
public class DeputyLinks {
  /** A deputy's link at a station. */
  public record DeputyLink(String token, String stationId, String deputyId) {}

  private final Database database;
  private final Clock clock;

  public DeputyLinks(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  public Optional<DeputyLink> find(String token) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT token, station_id, deputy_id FROM deputy_link WHERE token = :token")
                .bind("token", token)
                .map((rs, ctx) -> new DeputyLink(rs.getString(1), rs.getString(2), rs.getString(3)))
                .findOne());
  }

  /** The tokens of these deputies at the station, making the missing ones (deputy id → token). */
  public Map<String, String> tokens(String stationId, Collection<String> deputyIds) {
    Map<String, String> known = existing(stationId);
    if (known.keySet().containsAll(deputyIds)) {
      return known;
    }
    String now = Sql.instant(OffsetDateTime.now(clock));
    database.useTransaction(
        h -> {
          for (String deputyId : deputyIds) {
            // Another replica may have made it meanwhile: the unique (station, deputy) keeps the
            // first.
            h.createUpdate(
                    """
                    INSERT INTO deputy_link (token, station_id, deputy_id, created_at)
                    SELECT :token, :station, :deputy, :now
                    WHERE NOT EXISTS (SELECT 1 FROM deputy_link WHERE station_id = :station AND deputy_id = :deputy)
                    """)
                .bind("token", PublicTokens.next())
                .bind("station", stationId)
                .bind("deputy", deputyId)
                .bind("now", now)
                .execute();
          }
        });
    return existing(stationId);
  }

  public String token(String stationId, String deputyId) {
    return tokens(stationId, java.util.List.of(deputyId)).get(deputyId);
  }

  private Map<String, String> existing(String stationId) {
    return database.withHandle(
        h -> {
          Map<String, String> tokens = new HashMap<>();
          h.createQuery("SELECT deputy_id, token FROM deputy_link WHERE station_id = :station")
              .bind("station", stationId)
              .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
              .forEach(e -> tokens.put(e.getKey(), e.getValue()));
          return tokens;
        });
  }
}
