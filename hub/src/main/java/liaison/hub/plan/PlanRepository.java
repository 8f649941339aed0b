package liaison.hub.plan;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import org.jdbi.v3.core.Handle;

/** The stations' planned activities and the deputies taking part. */
@Singleton
public class PlanRepository {
  private final Database database;
  private final Clock clock;

  public PlanRepository(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** The station's activities dated in [from, to], earliest first, at most {@code limit}. */
  public List<Activity> forStation(String stationId, LocalDate from, LocalDate to, int limit) {
    return forStations(List.of(stationId), from, to, limit).getOrDefault(stationId, List.of());
  }

  /**
   * {@link #forStation} for many stations, by station id (absent when a station has none): the
   * first {@code limit} of each station in one query for them all.
   */
  public Map<String, List<Activity>> forStations(
      Collection<String> stationIds, LocalDate from, LocalDate to, int limit) {
    if (stationIds.isEmpty()) {
      return Map.of();
    }
    Map<String, List<Activity>> byStation = new HashMap<>();
    database
        .withHandle(
            h ->
                withDeputies(
                    h,
                    h.createQuery(
                            """
                            SELECT * FROM (
                              SELECT a.*, ROW_NUMBER() OVER (
                                       PARTITION BY a.station_id ORDER BY a.activity_date, a.id) AS n
                                FROM plan_activity a
                               WHERE a.station_id IN (<stations>)
                                 AND a.activity_date >= :from AND a.activity_date <= :to) ranked
                            WHERE n <= :limit
                            ORDER BY activity_date, id
                            """)
                        .bindList("stations", List.copyOf(stationIds))
                        .bind("from", Sql.date(from))
                        .bind("to", Sql.date(to))
                        .bind("limit", limit)
                        .map((rs, ctx) -> row(rs))
                        .list()))
        .forEach(a -> byStation.computeIfAbsent(a.stationId(), k -> new ArrayList<>()).add(a));
    return byStation;
  }

  /** The years the station has planned activities in, earliest first. */
  public List<Integer> years(String stationId) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT DISTINCT SUBSTR(activity_date, 1, 4) FROM plan_activity"
                        + " WHERE station_id = :station ORDER BY 1")
                .bind("station", stationId)
                .mapTo(String.class)
                .map(Integer::parseInt)
                .list());
  }

  public Optional<Activity> find(String id) {
    return database.withHandle(
        h ->
            withDeputies(
                    h,
                    h.createQuery("SELECT * FROM plan_activity WHERE id = :id")
                        .bind("id", id)
                        .map((rs, ctx) -> row(rs))
                        .list())
                .stream()
                .findFirst());
  }

  public void insert(Handle h, Activity a) {
    String now = Sql.instant(OffsetDateTime.now(clock));
    h.createUpdate(
            """
            INSERT INTO plan_activity (id, station_id, activity_date, kind, theme, place, notes,
                                       created_at, updated_at)
            VALUES (:id, :station, :date, :kind, :theme, :place, :notes, :now, :now)
            """)
        .bindMap(fields(a))
        .bind("notes", a.notes())
        .bind("now", now)
        .execute();
    insertDeputies(h, a);
  }

  public void update(Handle h, Activity a) {
    h.createUpdate(
            """
            UPDATE plan_activity SET station_id = :station, activity_date = :date, kind = :kind,
                   theme = :theme, place = :place, notes = :notes, updated_at = :now
            WHERE id = :id
            """)
        .bindMap(fields(a))
        .bind("notes", a.notes())
        .bind("now", Sql.instant(OffsetDateTime.now(clock)))
        .execute();
    h.createUpdate("DELETE FROM plan_activity_deputy WHERE activity_id = :id")
        .bind("id", a.id())
        .execute();
    insertDeputies(h, a);
  }

  public void delete(Handle h, String id) {
    h.createUpdate("DELETE FROM plan_activity_deputy WHERE activity_id = :id")
        .bind("id", id)
        .execute();
    h.createUpdate("DELETE FROM plan_activity WHERE id = :id").bind("id", id).execute();
  }

  /** The activity's columns by their statement names; the notes, which may be null, bound apart. */
  private static Map<String, Object> fields(Activity a) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", a.id());
    fields.put("station", a.stationId());
    fields.put("date", Sql.date(a.date()));
    fields.put("kind", a.kind().name());
    fields.put("theme", a.theme());
    fields.put("place", a.place());
    return fields;
  }

  private static void insertDeputies(Handle h, Activity a) {
    int position = 0;
    for (String deputyId : a.deputyIds()) {
      h.createUpdate(
              """
              INSERT INTO plan_activity_deputy (activity_id, deputy_id, position)
              VALUES (:activity, :deputy, :position)
              """)
          .bind("activity", a.id())
          .bind("deputy", deputyId)
          .bind("position", position++)
          .execute();
    }
  }

  private static Activity row(ResultSet rs) throws SQLException {
    return new Activity(
        rs.getString("id"),
        rs.getString("station_id"),
        LocalDate.parse(rs.getString("activity_date")),
        ActivityKind.valueOf(rs.getString("kind")),
        rs.getString("theme"),
        rs.getString("place"),
        List.of(),
        rs.getString("notes"));
  }

  private static List<Activity> withDeputies(Handle h, List<Activity> bare) {
    if (bare.isEmpty()) {
      return bare;
    }
    Map<String, List<String>> deputies = new HashMap<>();
    h.createQuery(
            """
            SELECT activity_id, deputy_id FROM plan_activity_deputy
            WHERE activity_id IN (<ids>) ORDER BY activity_id, position
            """)
        .bindList("ids", bare.stream().map(Activity::id).toList())
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
        .forEach(
            e -> deputies.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return bare.stream()
        .map(
            a ->
                new Activity(
                    a.id(),
                    a.stationId(),
                    a.date(),
                    a.kind(),
                    a.theme(),
                    a.place(),
                    deputies.getOrDefault(a.id(), List.of()),
                    a.notes()))
        .toList();
  }
}
