package liaison.hub.station;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.signage.protocol.StationKind;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/** Counties, townships and stations. */
@Singleton
public class StationRepository {
  private static final String SELECT_PLACE =
      """
      SELECT s.*, t.name AS township_name, c.id AS county_id, c.name AS county_name
      FROM station s JOIN township t ON t.id = s.township_id JOIN county c ON c.id = t.county_id
      """;

  private final Database database;
  private final Clock clock;

  public StationRepository(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  public List<StationPlace> all() {
    return database.withHandle(
        h -> h.createQuery(SELECT_PLACE + " ORDER BY s.id").map((rs, ctx) -> place(rs)).list());
  }

  public List<String> allIds() {
    return database.withHandle(
        h -> h.createQuery("SELECT id FROM station ORDER BY id").mapTo(String.class).list());
  }

  /**
   * The stations something aimed at {@code reach} reaches: the listed ones, a township's, or every
   * station of the county (of the hub, when {@code countyId} is null: a record from before records
   * carried their county).
   */
  public List<String> reached(Reach reach, @Nullable String countyId) {
    return database.withHandle(
        h ->
            switch (reach.target()) {
              case STATIONS -> reach.stationIds();
              case TOWNSHIP ->
                  h.createQuery("SELECT id FROM station WHERE township_id = :t ORDER BY id")
                      .bind("t", reach.townshipId())
                      .mapTo(String.class)
                      .list();
              case ALL ->
                  countyId == null
                      ? h.createQuery("SELECT id FROM station ORDER BY id")
                          .mapTo(String.class)
                          .list()
                      : h.createQuery(
                              """
                              SELECT s.id FROM station s JOIN township t ON t.id = s.township_id
                              WHERE t.county_id = :county ORDER BY s.id
                              """)
                          .bind("county", countyId)
                          .mapTo(String.class)
                          .list();
            });
  }

  public Optional<StationPlace> find(String id) {
    return database.withHandle(
        h ->
            h.createQuery(SELECT_PLACE + " WHERE s.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> place(rs))
                .findOne());
  }

  /**
   * The stations found among these ids, each with its place, by id (in one query: a publishing
   * round reads hundreds at once).
   */
  public Map<String, StationPlace> places(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<String, StationPlace> found = new HashMap<>();
    database.useHandle(
        h ->
            h.createQuery(SELECT_PLACE + " WHERE s.id IN (<ids>)")
                .bindList("ids", List.copyOf(ids))
                .map((rs, ctx) -> place(rs))
                .forEach(p -> found.put(p.station().id(), p)));
    return found;
  }

  public Optional<StationPlace> findByToken(String token) {
    return database.withHandle(
        h ->
            h.createQuery(SELECT_PLACE + " WHERE s.public_token = :token")
                .bind("token", token)
                .map((rs, ctx) -> place(rs))
                .findOne());
  }

  public boolean countyExists(String id) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT COUNT(*) FROM county WHERE id = :id")
                    .bind("id", id)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  public void insertCounty(Handle h, String id, String name) {
    h.createUpdate("INSERT INTO county (id, name) VALUES (:id, :name)")
        .bind("id", id)
        .bind("name", name)
        .execute();
  }

  public void insertTownship(Handle h, String id, String countyId, String name) {
    h.createUpdate("INSERT INTO township (id, county_id, name) VALUES (:id, :county, :name)")
        .bind("id", id)
        .bind("county", countyId)
        .bind("name", name)
        .execute();
  }

  /** The county's townships, by name. */
  public List<Township> townships(String countyId) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT id, county_id, name FROM township WHERE county_id = :county ORDER BY name, id")
                .bind("county", countyId)
                .map(
                    (rs, ctx) ->
                        new Township(
                            rs.getString("id"), rs.getString("county_id"), rs.getString("name")))
                .list());
  }

  /**
   * Receptions from {@code today} on at the station that are not cancelled: a station with such
   * receptions is not deleted (residents were told to come).
   */
  public List<UpcomingReception> upcomingReceptions(String stationId, LocalDate today) {
    return database.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT r.id, r.station_id, s.name, r.slot_date, r.start_time
                    FROM reception_slot r JOIN station s ON s.id = r.station_id
                    WHERE r.station_id = :station AND r.slot_date >= :today AND r.status <> 'CANCELLED'
                    ORDER BY r.slot_date, r.start_time, r.id
                    """)
                .bind("station", stationId)
                .bind("today", Sql.date(today))
                .map(
                    (rs, ctx) ->
                        new UpcomingReception(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            LocalDate.parse(rs.getString(4)),
                            LocalTime.parse(rs.getString(5))))
                .list());
  }

  /**
   * Whether a deleted station once had this id. Its screens may still hold that station's content
   * with a high version, and would ignore a new station's first versions, so the id is not reused.
   */
  public boolean wasDeleted(String id) {
    return database.withHandle(
        h ->
            h.createQuery(
                        "SELECT COUNT(*) FROM audit_entry WHERE entity = 'station' AND action = 'delete' AND entity_id = :id")
                    .bind("id", id)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  public void update(Handle h, Station s) {
    h.createUpdate(
            """
            UPDATE station SET township_id = :township, name = :name, kind = :kind, address = :address,
                               opening_hours = :hours, sign_plate = :plate, latitude = :lat, longitude = :lon,
                               updated_at = :now
            WHERE id = :id
            """)
        .bind("id", s.id())
        .bind("township", s.townshipId())
        .bind("name", s.name())
        .bind("kind", s.kind().name())
        .bind("address", s.address())
        .bind("hours", s.openingHours())
        .bind("plate", s.signPlate())
        .bind("lat", s.latitude())
        .bind("lon", s.longitude())
        .bind("now", Sql.instant(OffsetDateTime.now(clock)))
        .execute();
  }

  /**
   * Deletes the station; its assignments, receptions, states and publications go with it (ON DELETE
   * CASCADE).
   */
  public void delete(Handle h, String id) {
    h.createUpdate("DELETE FROM station WHERE id = :id").bind("id", id).execute();
  }

  public void insert(Handle h, Station s) {
    String now = Sql.instant(OffsetDateTime.now(clock));
    h.createUpdate(
            """
            INSERT INTO station (id, township_id, name, kind, address, opening_hours, sign_plate,
                                 latitude, longitude, public_token, created_at, updated_at)
            VALUES (:id, :township, :name, :kind, :address, :hours, :plate, :lat, :lon, :token, :now, :now)
            """)
        .bind("id", s.id())
        .bind("township", s.townshipId())
        .bind("name", s.name())
        .bind("kind", s.kind().name())
        .bind("address", s.address())
        .bind("hours", s.openingHours())
        .bind("plate", s.signPlate())
        .bind("lat", s.latitude())
        .bind("lon", s.longitude())
        .bind("token", s.publicToken())
        .bind("now", now)
        .execute();
  }

  private static StationPlace place(ResultSet rs) throws SQLException {
    double lat = rs.getDouble("latitude");
    Double latitude = rs.wasNull() ? null : lat;
    double lon = rs.getDouble("longitude");
    Double longitude = rs.wasNull() ? null : lon;
    Station station =
        new Station(
            rs.getString("id"),
            rs.getString("township_id"),
            rs.getString("name"),
            StationKind.valueOf(rs.getString("kind")),
            rs.getString("address"),
            rs.getString("opening_hours"),
            rs.getString("sign_plate"),
            latitude,
            longitude,
            rs.getString("public_token"));
    return new StationPlace(
        station,
        rs.getString("township_name"),
        rs.getString("county_id"),
        rs.getString("county_name"));
  }
}
