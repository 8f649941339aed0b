package liaison.hub.deputy;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.station.Access;
import liaison.signage.protocol.DeputyLevel;
import org.jdbi.v3.core.Handle;

/** Deputies, their levels, and the stations they are assigned to. */
@Singleton
public class DeputyRepository {
  private final Database database;
  private final Clock clock;

  public DeputyRepository(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** The deputies assigned to a station, highest level first, then by name. */
  public List<Deputy> atStation(String stationId) {
    return atStations(List.of(stationId)).getOrDefault(stationId, List.of());
  }

  /**
   * The deputies assigned to each of these stations (at most a few hundred: one bound list), as
   * {@link #atStation} orders them, by station id; a station with none is absent. Two queries for
   * them all.
   */
  public Map<String, List<Deputy>> atStations(Collection<String> stationIds) {
    if (stationIds.isEmpty()) {
      return Map.of();
    }
    return database.withHandle(
        h -> {
          Map<String, List<Deputy>> bare = new LinkedHashMap<>();
          h.createQuery(
                  """
                  SELECT sd.station_id AS at_station, d.* FROM deputy d
                    JOIN station_deputy sd ON sd.deputy_id = d.id
                  WHERE sd.station_id IN (<stations>) ORDER BY sd.station_id, d.id
                  """)
              .bindList("stations", List.copyOf(stationIds))
              .map((rs, ctx) -> Map.entry(rs.getString("at_station"), row(rs)))
              .forEach(
                  e -> bare.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
          Map<String, List<DeputyLevel>> levels =
              levels(
                  h,
                  bare.values().stream().flatMap(List::stream).map(Deputy::id).distinct().toList());
          Map<String, List<Deputy>> at = new LinkedHashMap<>();
          bare.forEach((station, list) -> at.put(station, withLevels(list, levels)));
          return at;
        });
  }

  public Optional<Deputy> find(String id) {
    return database.withHandle(
        h ->
            withLevels(
                    h,
                    h.createQuery("SELECT * FROM deputy WHERE id = :id")
                        .bind("id", id)
                        .map((rs, ctx) -> row(rs))
                        .list())
                .stream()
                .findFirst());
  }

  public int count() {
    return database.withHandle(
        h -> h.createQuery("SELECT COUNT(*) FROM deputy").mapTo(Integer.class).one());
  }

  /** Every deputy of the county, highest level first, then by name. */
  public List<Deputy> inCounty(String countyId) {
    return database.withHandle(
        h ->
            withLevels(
                h,
                h.createQuery("SELECT * FROM deputy WHERE county_id = :county ORDER BY id")
                    .bind("county", countyId)
                    .map((rs, ctx) -> row(rs))
                    .list()));
  }

  /** The county a deputy belongs to; empty when there is no such deputy. */
  public Optional<String> countyOf(String id) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT county_id FROM deputy WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> Optional.ofNullable(rs.getString(1)).orElse(""))
                .findOne());
  }

  /**
   * The deputy of the county with this name and constituency, if any (how spreadsheets name a
   * deputy).
   */
  public Optional<String> idByNameAndConstituency(
      String countyId, String name, String constituency) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT id FROM deputy WHERE county_id = :county AND name = :name AND constituency = :constituency ORDER BY id")
                .bind("county", countyId)
                .bind("name", name)
                .bind("constituency", constituency)
                .mapTo(String.class)
                .findFirst());
  }

  /**
   * The deputy's county and every station they sit at, as {@link Access} judges them; empty when
   * there is no such deputy.
   */
  public Optional<Access.Seat> seat(String id) {
    return countyOf(id).map(county -> new Access.Seat(id, county, stationsOf(id)));
  }

  /** The stations a deputy is assigned to, by id. */
  public List<String> stationsOf(String deputyId) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT station_id FROM station_deputy WHERE deputy_id = :id ORDER BY station_id")
                .bind("id", deputyId)
                .mapTo(String.class)
                .list());
  }

  /** Every assignment in the county: deputy id → station ids, in station order. */
  public Map<String, List<String>> assignments(String countyId) {
    Map<String, List<String>> byDeputy = new LinkedHashMap<>();
    database.useHandle(
        h ->
            h.createQuery(
                    """
                    SELECT sd.deputy_id, sd.station_id FROM station_deputy sd JOIN deputy d ON d.id = sd.deputy_id
                    WHERE d.county_id = :county ORDER BY sd.deputy_id, sd.station_id
                    """)
                .bind("county", countyId)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(
                    e ->
                        byDeputy
                            .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                            .add(e.getValue())));
    return byDeputy;
  }

  /** The deputy's receptions from {@code today} on that are not cancelled, in time order. */
  public List<Duty> upcomingDuties(String deputyId, LocalDate today) {
    return database.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT r.id, r.station_id, s.name, r.slot_date, r.start_time
                    FROM reception_deputy rd
                    JOIN reception_slot r ON r.id = rd.slot_id
                    JOIN station s ON s.id = r.station_id
                    WHERE rd.deputy_id = :deputy AND r.slot_date >= :today AND r.status <> 'CANCELLED'
                    ORDER BY r.slot_date, r.start_time, r.id
                    """)
                .bind("deputy", deputyId)
                .bind("today", Sql.date(today))
                .map(
                    (rs, ctx) ->
                        new Duty(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            LocalDate.parse(rs.getString(4)),
                            LocalTime.parse(rs.getString(5))))
                .list());
  }

  public void insert(Handle h, String countyId, Deputy d) {
    String now = Sql.instant(OffsetDateTime.now(clock));
    h.createUpdate(
            """
            INSERT INTO deputy (id, county_id, name, constituency, occupation, work_unit, specialties, photo_hash,
                                phone, phone_public, created_at, updated_at)
            VALUES (:id, :county, :name, :constituency, :occupation, :workUnit, :specialties, :photo,
                    :phone, :phonePublic, :now, :now)
            """)
        .bind("id", d.id())
        .bind("county", countyId)
        .bind("name", d.name())
        .bind("constituency", d.constituency())
        .bind("occupation", d.occupation())
        .bind("workUnit", d.workUnit())
        .bind("specialties", Sql.list(d.specialties()))
        .bind("photo", d.photoHash())
        .bind("phone", d.phone())
        .bind("phonePublic", d.phonePublic())
        .bind("now", now)
        .execute();
    for (DeputyLevel level : d.levels()) {
      h.createUpdate("INSERT INTO deputy_level (deputy_id, level) VALUES (:id, :level)")
          .bind("id", d.id())
          .bind("level", level.name())
          .execute();
    }
  }

  /** Changes the deputy's details and levels (not the photo, not the assignments). */
  public void update(Handle h, Deputy d) {
    h.createUpdate(
            """
            UPDATE deputy SET name = :name, constituency = :constituency, occupation = :occupation,
                              work_unit = :workUnit, specialties = :specialties, phone = :phone,
                              phone_public = :phonePublic, updated_at = :now
            WHERE id = :id
            """)
        .bind("id", d.id())
        .bind("name", d.name())
        .bind("constituency", d.constituency())
        .bind("occupation", d.occupation())
        .bind("workUnit", d.workUnit())
        .bind("specialties", Sql.list(d.specialties()))
        .bind("phone", d.phone())
        .bind("phonePublic", d.phonePublic())
        .bind("now", Sql.instant(OffsetDateTime.now(clock)))
        .execute();
    h.createUpdate("DELETE FROM deputy_level WHERE deputy_id = :id").bind("id", d.id()).execute();
    for (DeputyLevel level : d.levels()) {
      h.createUpdate("INSERT INTO deputy_level (deputy_id, level) VALUES (:id, :level)")
          .bind("id", d.id())
          .bind("level", level.name())
          .execute();
    }
  }

  /** Deletes the deputy; levels, assignments and past duties go with them (ON DELETE CASCADE). */
  public void delete(Handle h, String id) {
    h.createUpdate("DELETE FROM deputy WHERE id = :id").bind("id", id).execute();
  }

  public void unassign(Handle h, String stationId, String deputyId) {
    h.createUpdate("DELETE FROM station_deputy WHERE station_id = :station AND deputy_id = :deputy")
        .bind("station", stationId)
        .bind("deputy", deputyId)
        .execute();
  }

  public void assign(Handle h, String stationId, String deputyId) {
    h.createUpdate("INSERT INTO station_deputy (station_id, deputy_id) VALUES (:station, :deputy)")
        .bind("station", stationId)
        .bind("deputy", deputyId)
        .execute();
  }

  private static List<Deputy> withLevels(Handle h, List<Deputy> bare) {
    if (bare.isEmpty()) {
      return bare;
    }
    return withLevels(bare, levels(h, bare.stream().map(Deputy::id).toList()));
  }

  /** The levels of these deputies, by deputy id; none for an empty list. */
  private static Map<String, List<DeputyLevel>> levels(Handle h, List<String> deputyIds) {
    Map<String, List<DeputyLevel>> levels = new LinkedHashMap<>();
    if (deputyIds.isEmpty()) {
      return levels;
    }
    h.createQuery("SELECT deputy_id, level FROM deputy_level WHERE deputy_id IN (<ids>)")
        .bindList("ids", deputyIds)
        .map((rs, ctx) -> Map.entry(rs.getString(1), DeputyLevel.valueOf(rs.getString(2))))
        .forEach(e -> levels.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return levels;
  }

  /** The deputies with their levels, highest level first, then by name. */
  private static List<Deputy> withLevels(List<Deputy> bare, Map<String, List<DeputyLevel>> levels) {
    return bare.stream()
        .map(
            d -> {
              List<DeputyLevel> own = new ArrayList<>(levels.getOrDefault(d.id(), List.of()));
              own.sort(Comparator.naturalOrder());
              return new Deputy(
                  d.id(),
                  d.name(),
                  own,
                  d.constituency(),
                  d.occupation(),
                  d.workUnit(),
                  d.specialties(),
                  d.photoHash(),
                  d.phone(),
                  d.phonePublic());
            })
        .sorted(
            Comparator.comparing(
                    (Deputy d) -> d.levels().isEmpty() ? DeputyLevel.TOWNSHIP : d.levels().get(0))
                .thenComparing(Deputy::name))
        .toList();
  }

  private static Deputy row(ResultSet rs) throws SQLException {
    return new Deputy(
        rs.getString("id"),
        rs.getString("name"),
        List.of(),
        rs.getString("constituency"),
        rs.getString("occupation"),
        rs.getString("work_unit"),
        Sql.list(rs.getString("specialties")),
        rs.getString("photo_hash"),
        rs.getString("phone"),
        rs.getBoolean("phone_public"));
  }
}
