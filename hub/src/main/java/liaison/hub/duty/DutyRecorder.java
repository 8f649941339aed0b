package liaison.hub.duty;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import liaison.hub.db.Database;
import liaison.hub.db.Ids;
import liaison.hub.db.Leased;
import liaison.hub.db.Sql;
import liaison.hub.opinion.CaseStatus;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the automatic entries of duty points from what the hub already knows: each on-duty deputy
 * of a reception that has ended (signed in or not; a cancelled one counts neither way), each case
 * addressed to a deputy once closed (办结), each suggestion made (not withdrawn), each report to
 * voters closed, with the voters' rating. Idempotent: an entry is one per deputy, kind and source
 * (the V21 unique key), so running it again, or on two hubs at once, adds nothing twice. An entry
 * whose year the county has closed is not added: it is logged and goes nowhere.
 *
 * <p>Entries are recorded once: a reception's 签到 marked after the job recorded it as missed, or a
 * case reopened after it counted, leaves the entry as it was (staff enter a correction by hand).
 */
@Singleton
public class DutyRecorder {
  private static final Logger LOG = LoggerFactory.getLogger(DutyRecorder.class);

  /** The job's lease. */
  public static final String LEASE = "duty-points";

  /** The statuses in which a case counts as followed to closure (办结). */
  static final List<CaseStatus> CLOSED =
      List.of(CaseStatus.CLOSED, CaseStatus.CLOSED_WITH_GUIDANCE);

  private final Database database;
  private final DutyRules rules;
  private final DutyPointRepository points;
  private final Clock clock;

  public DutyRecorder(Database database, DutyRules rules, DutyPointRepository points, Clock clock) {
    this.database = database;
    this.rules = rules;
    this.points = points;
    this.clock = clock;
  }

  /**
   * Something a deputy did, found in the hub's records, not yet recorded.
   *
   * @param share the part of the rule's points it earns (the satisfied share of a report's vote; 1
   *     for everything else)
   */
  record Activity(
      String deputyId,
      String countyId,
      LocalDate occurredOn,
      DutyKind kind,
      String sourceKind,
      String sourceId,
      double share) {}

  @Scheduled(fixedDelay = "15m", initialDelay = "2m")
  @Leased(LEASE)
  void recordOnSchedule() {
    record();
  }

  /** Records every activity not recorded yet; returns how many entries it added. */
  public int record() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<Activity> found = database.withHandle(h -> found(h, now));
    int added = 0;
    for (Activity a : found) {
      added += database.inTransaction(h -> add(h, a, now) ? 1 : 0);
    }
    if (added > 0) {
      LOG.info("duty points: {} entries recorded", added);
    }
    return added;
  }

  private boolean add(Handle h, Activity a, OffsetDateTime now) {
    int year = a.occurredOn().getYear();
    if (points.isClosed(h, a.countyId(), year)) {
      LOG.warn(
          "duty points: {} of deputy {} from {} {} happened in {}, a year county {} closed; not"
              + " counted",
          a.kind(),
          a.deputyId(),
          a.sourceKind(),
          a.sourceId(),
          year,
          a.countyId());
      return false;
    }
    int rule = rules.pointsOn(h, a.countyId(), a.kind(), a.occurredOn());
    return points.add(
        h,
        new DutyEntry(
            Ids.next("dp"),
            a.deputyId(),
            a.countyId(),
            year,
            a.occurredOn(),
            a.kind(),
            (int) Math.round(rule * a.share()),
            DutyEntry.Status.APPROVED,
            a.sourceKind(),
            a.sourceId(),
            "",
            now,
            null,
            null,
            null,
            ""));
  }

  /** Every activity of the hub's records without its entry yet. */
  private List<Activity> found(Handle h, OffsetDateTime now) {
    List<Activity> found = new ArrayList<>();
    LocalDateTime local = now.atZoneSameInstant(Sql.ZONE).toLocalDateTime();
    h.createQuery(
            """
            SELECT s.id, s.slot_date, s.end_time, rd.deputy_id, d.county_id,
              CASE WHEN a.deputy_id IS NULL THEN 0 ELSE 1 END AS present
            FROM reception_slot s
            JOIN reception_deputy rd ON rd.slot_id = s.id
            JOIN deputy d ON d.id = rd.deputy_id
            LEFT JOIN reception_attendance a ON a.slot_id = s.id AND a.deputy_id = rd.deputy_id
            WHERE s.status <> 'CANCELLED' AND s.slot_date < :today AND d.county_id IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM duty_point p WHERE p.deputy_id = rd.deputy_id
                AND p.source_kind = 'RECEPTION' AND p.source_id = s.id)
            """)
        .bind("today", Sql.date(local.toLocalDate()))
        .map(
            (rs, ctx) -> {
              // Counted the day after: staff may mark or undo 签到 until the day's end.
              LocalDate day = LocalDate.parse(rs.getString("slot_date"));
              return new Activity(
                  rs.getString("deputy_id"),
                  rs.getString("county_id"),
                  day,
                  rs.getInt("present") == 1
                      ? DutyKind.RECEPTION_ATTENDED
                      : DutyKind.RECEPTION_MISSED,
                  "RECEPTION",
                  rs.getString("id"),
                  1);
            })
        .forEach(found::add);
    h.createQuery(
            """
            SELECT c.id, c.deputy_id, d.county_id, c.closed_at FROM opinion_case c
            JOIN deputy d ON d.id = c.deputy_id
            WHERE c.status IN (<closed>) AND c.closed_at IS NOT NULL AND d.county_id IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM duty_point p WHERE p.deputy_id = c.deputy_id
                AND p.source_kind = 'CASE' AND p.source_id = c.id)
            """)
        .bindList("closed", CLOSED.stream().map(CaseStatus::name).toList())
        .map(
            (rs, ctx) ->
                new Activity(
                    rs.getString("deputy_id"),
                    rs.getString("county_id"),
                    day(rs.getString("closed_at")),
                    DutyKind.CASE_CLOSED,
                    "CASE",
                    rs.getString("id"),
                    1))
        .forEach(found::add);
    h.createQuery(
            """
            SELECT g.id, g.deputy_id, g.county_id, g.submitted_at FROM deputy_suggestion g
            WHERE g.status <> 'WITHDRAWN'
              AND NOT EXISTS (SELECT 1 FROM duty_point p WHERE p.deputy_id = g.deputy_id
                AND p.source_kind = 'SUGGESTION' AND p.source_id = g.id)
            """)
        .map(
            (rs, ctx) ->
                new Activity(
                    rs.getString("deputy_id"),
                    rs.getString("county_id"),
                    day(rs.getString("submitted_at")),
                    DutyKind.SUGGESTION_MADE,
                    "SUGGESTION",
                    rs.getString("id"),
                    1))
        .forEach(found::add);
    h.createQuery(
            """
            SELECT r.id, r.deputy_id, t.county_id, r.closed_at, r.ends_at, r.satisfied,
              r.basically_satisfied, r.dissatisfied
            FROM voter_report r JOIN station s ON s.id = r.station_id
            JOIN township t ON t.id = s.township_id
            WHERE r.status = 'CLOSED'
              AND NOT EXISTS (SELECT 1 FROM duty_point p WHERE p.deputy_id = r.deputy_id
                AND p.source_kind = 'REPORT' AND p.source_id = r.id AND p.kind = 'REPORT_RATED')
            """)
        .map(
            (rs, ctx) -> {
              String closedAt = rs.getString("closed_at");
              LocalDate on = day(closedAt == null ? rs.getString("ends_at") : closedAt);
              int content = rs.getInt("satisfied") + rs.getInt("basically_satisfied");
              int ballots = content + rs.getInt("dissatisfied");
              String deputy = rs.getString("deputy_id");
              String county = rs.getString("county_id");
              String id = rs.getString("id");
              return List.of(
                  new Activity(deputy, county, on, DutyKind.REPORT_HELD, "REPORT", id, 1),
                  new Activity(
                      deputy,
                      county,
                      on,
                      DutyKind.REPORT_RATED,
                      "REPORT",
                      id,
                      ballots == 0 ? 0 : (double) content / ballots));
            })
        .forEach(found::addAll);
    return found;
  }

  /** The day in Asia/Shanghai of an instant as the tables keep it. */
  private static LocalDate day(String instant) {
    return Sql.instant(instant).atZoneSameInstant(Sql.ZONE).toLocalDate();
  }
}
