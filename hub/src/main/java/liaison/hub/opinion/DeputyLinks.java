package liaison.hub.opinion;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.station.PublicTokens;
import org.jdbi.v3.core.statement.PreparedBatch;

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
    return tokens(Map.of(stationId, deputyIds)).getOrDefault(stationId, Map.of());
  }

  /**
   * {@link #tokens(String, Collection)} for many stations (station id → its deputies), by station
   * id: one query for them all, and the missing ones made in one transaction.
   */
  public Map<String, Map<String, String>> tokens(
      Map<String, ? extends Collection<String>> deputiesByStation) {
    if (deputiesByStation.isEmpty()) {
      return Map.of();
    }
    Map<String, Map<String, String>> known = existing(deputiesByStation.keySet());
    Map<String, List<String>> missing = new LinkedHashMap<>();
    deputiesByStation.forEach(
        (station, deputyIds) -> {
          Map<String, String> at = known.getOrDefault(station, Map.of());
          List<String> absent = deputyIds.stream().filter(d -> !at.containsKey(d)).toList();
          if (!absent.isEmpty()) {
            missing.put(station, absent);
          }
        });
    if (missing.isEmpty()) {
      return known;
    }
    String now = Sql.instant(OffsetDateTime.now(clock));
    database.useTransaction(
        h -> {
          PreparedBatch batch =
              // Another replica may have made it meanwhile: the unique (station, deputy) keeps the
              // first.
              h.prepareBatch(
                  """
                  INSERT INTO deputy_link (token, station_id, deputy_id, created_at)
                  SELECT :token, :station, :deputy, :now
                  WHERE NOT EXISTS (SELECT 1 FROM deputy_link WHERE station_id = :station AND deputy_id = :deputy)
                  """);
          missing.forEach(
              (station, deputyIds) -> {
                for (String deputyId : deputyIds) {
                  batch
                      .bind("token", PublicTokens.next())
                      .bind("station", station)
                      .bind("deputy", deputyId)
                      .bind("now", now)
                      .add();
                }
              });
          batch.execute();
        });
    known.putAll(existing(missing.keySet()));
    return known;
  }

  public String token(String stationId, String deputyId) {
    return tokens(stationId, java.util.List.of(deputyId)).get(deputyId);
  }

  private Map<String, Map<String, String>> existing(Collection<String> stationIds) {
    Map<String, Map<String, String>> tokens = new HashMap<>();
    database.useHandle(
        h ->
            h.createQuery(
                    "SELECT station_id, deputy_id, token FROM deputy_link"
                        + " WHERE station_id IN (<stations>)")
                .bindList("stations", List.copyOf(stationIds))
                .map((rs, ctx) -> new DeputyLink(rs.getString(3), rs.getString(1), rs.getString(2)))
                .forEach(
                    l ->
                        tokens
                            .computeIfAbsent(l.stationId(), k -> new HashMap<>())
                            .put(l.deputyId(), l.token())));
    return tokens;
  }
}
