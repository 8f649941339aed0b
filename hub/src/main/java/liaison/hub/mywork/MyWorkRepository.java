package liaison.hub.mywork;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.duty.DutyKind;
import liaison.hub.opinion.CaseStatus;
import liaison.hub.opinion.Category;
import liaison.signage.protocol.ReceptionStatus;
import org.jdbi.v3.core.Handle;

/**
 * Reads a deputy's own work from the tables the other features keep (receptions and their 签到,
 * opinions, suggestions, duty points, reports to voters): one deputy's rows only, every query bound
 * to their id.
 */
@Singleton
public class MyWorkRepository {
  /** The most opinions a deputy's page reads: years of a busy deputy, not a county's ledger. */
  static final int MAX_CASES = 200;

  private final Database database;

  public MyWorkRepository(Database database) {
    this.database = database;
  }

  /** The deputy's name and county, or empty when there is no such deputy. */
  public Optional<MyWork.Deputy> deputy(String deputyId) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT id, name, county_id FROM deputy WHERE id = :id")
                .bind("id", deputyId)
                .map(
                    (rs, ctx) ->
                        new MyWork.Deputy(rs.getString(1), rs.getString(2), rs.getString(3)))
                .findOne());
  }

  /**
   * The receptions the deputy is on duty at from {@code from} to {@code to} (dates included), by
   * date and time, with the other deputies on duty and the deputy's own 签到.
   */
  public List<MyWork.Reception> receptions(String deputyId, LocalDate from, LocalDate to) {
    return database.withHandle(
        h -> {
          List<MyWork.Reception> slots =
              h.createQuery(
                      """
                      SELECT r.id, s.name AS station, r.slot_date, r.start_time, r.end_time,
                             r.theme, r.location, r.status, a.marked_by, a.marked_at
                      FROM reception_deputy rd
                      JOIN reception_slot r ON r.id = rd.slot_id
                      JOIN station s ON s.id = r.station_id
                      LEFT JOIN reception_attendance a
                        ON a.slot_id = r.id AND a.deputy_id = rd.deputy_id
                      WHERE rd.deputy_id = :deputy AND r.slot_date >= :from AND r.slot_date <= :to
                      ORDER BY r.slot_date, r.start_time, r.id
                      """)
                  .bind("deputy", deputyId)
                  .bind("from", Sql.date(from))
                  .bind("to", Sql.date(to))
                  .map(
                      (rs, ctx) ->
                          new MyWork.Reception(
                              rs.getString("id"),
                              rs.getString("station"),
                              LocalDate.parse(rs.getString("slot_date")),
                              LocalTime.parse(rs.getString("start_time")),
                              LocalTime.parse(rs.getString("end_time")),
                              rs.getString("theme"),
                              rs.getString("location"),
                              ReceptionStatus.valueOf(rs.getString("status")),
                              List.of(),
                              rs.getString("marked_by") == null
                                  ? null
                                  : new MyWork.Attendance(
                                      rs.getString("marked_by"),
                                      Sql.instant(rs.getString("marked_at")))))
                  .list();
          Map<String, List<String>> others = others(h, deputyId, slots);
          return slots.stream()
              .map(r -> r.withOthers(others.getOrDefault(r.id(), List.of())))
              .toList();
        });
  }

  /** The names of the other deputies on duty at each slot, in their order on the slot. */
  private static Map<String, List<String>> others(
      Handle h, String deputyId, List<MyWork.Reception> slots) {
    if (slots.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> bySlot = new HashMap<>();
    h.createQuery(
            """
            SELECT rd.slot_id, d.name FROM reception_deputy rd JOIN deputy d ON d.id = rd.deputy_id
            WHERE rd.slot_id IN (<ids>) AND rd.deputy_id <> :deputy
            ORDER BY rd.slot_id, rd.position
            """)
        .bindList("ids", slots.stream().map(MyWork.Reception::id).toList())
        .bind("deputy", deputyId)
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
        .forEach(e -> bySlot.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return bySlot;
  }

  /**
   * The opinions the deputy is involved in, newest first: those left through their own QR link and
   * those taken at a reception they were on duty at. The resident's contact is not read at all.
   */
  public List<MyWork.Opinion> opinions(String deputyId) {
    return database.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT c.id, c.submitted_at, c.category, c.status, c.text,
                           CASE WHEN c.deputy_id = :deputy THEN 1 ELSE 0 END AS for_me
                    FROM opinion_case c
                    WHERE c.deputy_id = :deputy
                       OR c.reception_id IN
                          (SELECT slot_id FROM reception_deputy WHERE deputy_id = :deputy)
                    ORDER BY c.submitted_at DESC, c.id
                    LIMIT :max
                    """)
                .bind("deputy", deputyId)
                .bind("max", MAX_CASES)
                .map(
                    (rs, ctx) ->
                        new MyWork.Opinion(
                            rs.getString("id"),
                            Sql.instant(rs.getString("submitted_at")),
                            Category.valueOf(rs.getString("category")),
                            CaseStatus.valueOf(rs.getString("status")),
                            rs.getString("text"),
                            rs.getInt("for_me") == 1))
                .list());
  }

  /** How many of the deputy's suggestions are in each status (only those with any). */
  public Map<String, Integer> suggestionCounts(String deputyId) {
    return database.withHandle(
        h -> {
          Map<String, Integer> counts = new LinkedHashMap<>();
          h.createQuery(
                  """
                  SELECT status, COUNT(*) FROM deputy_suggestion WHERE deputy_id = :deputy
                  GROUP BY status ORDER BY status
                  """)
              .bind("deputy", deputyId)
              .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
              .forEach(e -> counts.put(e.getKey(), e.getValue()));
          return counts;
        });
  }

  /** The deputy's latest suggestions, newest first. */
  public List<MyWork.Suggestion> latestSuggestions(String deputyId, int limit) {
    return database.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT id, title, status, submitted_at FROM deputy_suggestion
                    WHERE deputy_id = :deputy ORDER BY submitted_at DESC, id LIMIT :limit
                    """)
                .bind("deputy", deputyId)
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new MyWork.Suggestion(
                            rs.getString("id"),
                            rs.getString("title"),
                            rs.getString("status"),
                            Sql.instant(rs.getString("submitted_at"))))
                .list());
  }

  /**
   * Every deputy's approved points of the county's year, those with any: the deputy's total and
   * rank come from it.
   */
  public Map<String, Integer> approvedTotals(String countyId, int year) {
    return database.withHandle(
        h -> {
          Map<String, Integer> totals = new HashMap<>();
          h.createQuery(
                  """
                  SELECT deputy_id, SUM(points) FROM duty_point
                  WHERE county_id = :county AND year = :year AND status = 'APPROVED'
                  GROUP BY deputy_id
                  """)
              .bind("county", countyId)
              .bind("year", year)
              .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
              .forEach(e -> totals.put(e.getKey(), e.getValue()));
          return totals;
        });
  }

  /** The deputy's duty-point entries of the year, newest first, whatever their status. */
  public List<MyWork.PointEntry> pointEntries(String deputyId, int year) {
    return database.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT occurred_on, kind, points, status, note FROM duty_point
                    WHERE deputy_id = :deputy AND year = :year
                    ORDER BY occurred_on DESC, recorded_at DESC, id
                    """)
                .bind("deputy", deputyId)
                .bind("year", year)
                .map(
                    (rs, ctx) ->
                        new MyWork.PointEntry(
                            LocalDate.parse(rs.getString("occurred_on")),
                            DutyKind.valueOf(rs.getString("kind")),
                            rs.getInt("points"),
                            rs.getString("status"),
                            rs.getString("note")))
                .list());
  }

  /** The deputy's reports to voters, by start, with the counts kept when each vote closed. */
  public List<MyWork.Report> reports(String deputyId) {
    return database.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT r.id, s.name AS station, r.starts_at, r.ends_at, r.title, r.status,
                           r.satisfied, r.basically_satisfied, r.dissatisfied
                    FROM voter_report r JOIN station s ON s.id = r.station_id
                    WHERE r.deputy_id = :deputy
                    ORDER BY r.starts_at, r.id
                    """)
                .bind("deputy", deputyId)
                .map(
                    (rs, ctx) ->
                        new MyWork.Report(
                            rs.getString("id"),
                            rs.getString("station"),
                            Sql.instant(rs.getString("starts_at")),
                            Sql.instant(rs.getString("ends_at")),
                            rs.getString("title"),
                            rs.getString("status"),
                            rs.getInt("satisfied"),
                            rs.getInt("basically_satisfied"),
                            rs.getInt("dissatisfied")))
                .list());
  }
}
