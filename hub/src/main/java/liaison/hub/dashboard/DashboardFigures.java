package liaison.hub.dashboard;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jspecify.annotations.Nullable;

/**
 * Every figure of the county dashboard, from a handful of aggregate queries (the same SQL on SQLite
 * and PostgreSQL: {@code substr} of the stored Beijing instants gives their day and month), for the
 * stations given and the days of a period. The one place the dashboard counts; definitions in
 * docs/DASHBOARD.md:
 *
 * <ul>
 *   <li>a case counts once, in the status it has now, whatever it went through (reopened and closed
 *       again is one closed case); a case merged into another is not counted itself: the case it
 *       was merged into carries it;
 *   <li>received: the cases submitted in the period; answered: of those, the ones with an answer
 *       standing now (答复, closed after it, or closed with guidance); on time: of the answered ones
 *       that had a department deadline, those whose latest answer came on or before it;
 *   <li>satisfaction: each rated case's latest rating;
 *   <li>overdue and escalated (督办): open cases now, whatever their period;
 *   <li>receptions held: announced or held receptions of the period up to today; attendance: the
 *       on-duty deputies signed in at them, of those scheduled;
 *   <li>screens: stations whose screen has reported to the hub, and of them those online now.
 * </ul>
 *
 * Usable without the hub (the benchmarks make one over their own data).
 */
@Singleton
public class DashboardFigures {
  /** Statuses whose answer stands now. */
  static final String ANSWERED = "('ANSWERED', 'CLOSED', 'CLOSED_WITH_GUIDANCE')";

  static final String OPEN =
      "('SUBMITTED', 'REGISTERED', 'REOPENED', 'FORWARDED', 'DEPARTMENT_REPLIED', 'RETURNED')";

  /** How many overdue and escalated cases the dashboard names (the rest: the overdue list). */
  public static final int URGENT_SHOWN = 8;

  private final Database database;
  private final Clock clock;

  public DashboardFigures(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** A number under a key: a status, a category, a station's or a township's id, a month. */
  public record Count(String key, long count) {}

  /** An overdue or escalated case as the dashboard names it: no resident's words. */
  public record UrgentCase(
      String id,
      String trackingCode,
      String stationId,
      String category,
      @Nullable LocalDate deadline,
      long daysLate,
      boolean escalated) {}

  /**
   * The figures of a period.
   *
   * @param byStatus, byCategory, byStation, byTownship the received cases, most first (ties by key)
   * @param byMonth the cases received in each of the twelve months of the monthly chart, oldest
   *     first, months without a case included
   * @param withDeadline answered cases that had a department deadline; {@code onTime} of them
   * @param ratings the rated cases by their latest rating
   * @param visitorsReceived the visitors staff counted in the reception ledger at the period's
   *     receptions held; null when no count was entered for any of them
   * @param receptionsCounted the receptions held whose visitors were counted
   */
  public record Figures(
      DashboardPeriod period,
      long received,
      List<Count> byStatus,
      List<Count> byCategory,
      List<Count> byStation,
      List<Count> byTownship,
      List<Count> byMonth,
      long answered,
      long withDeadline,
      long onTime,
      List<Count> ratings,
      long overdue,
      long escalated,
      List<UrgentCase> urgent,
      long receptionsHeld,
      @Nullable Long visitorsReceived,
      long receptionsCounted,
      long dutiesScheduled,
      long dutiesSignedIn,
      long screens,
      long screensOnline) {

    public long rated() {
      return ratings.stream().mapToLong(Count::count).sum();
    }

    public long count(List<Count> counts, String key) {
      return counts.stream().filter(c -> c.key().equals(key)).mapToLong(Count::count).sum();
    }
  }

  /** The figures of these stations for the period; none at all for no station. */
  public Figures figures(Collection<String> stationIds, DashboardPeriod period) {
    List<String> stations = List.copyOf(stationIds);
    LocalDate today = LocalDate.now(clock.withZone(Sql.ZONE));
    if (stations.isEmpty()) {
      return new Figures(
          period,
          0,
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          months(period, Map.of()),
          0,
          0,
          0,
          List.of(),
          0,
          0,
          List.of(),
          0,
          null,
          0,
          0,
          0,
          0,
          0);
    }
    return database.withHandle(h -> figures(h, stations, period, today));
  }

  private Figures figures(
      Handle h, List<String> stations, DashboardPeriod period, LocalDate today) {
    Map<String, Object> received = received(period);
    // One pass over the period's cases: by station, township and status together.
    Map<String, Long> byStatus = new TreeMap<>();
    Map<String, Long> byStation = new TreeMap<>();
    Map<String, Long> byTownship = new TreeMap<>();
    long[] answered = {0};
    query(
            h,
            """
            SELECT c.station_id, s.township_id, c.status, COUNT(*) AS n
            FROM opinion_case c JOIN station s ON s.id = c.station_id
            WHERE c.station_id IN (<stations>) AND c.status <> 'MERGED'
              AND c.submitted_at >= :from AND c.submitted_at < :until
            GROUP BY c.station_id, s.township_id, c.status
            """,
            stations,
            received)
        .map(
            (rs, ctx) -> {
              long n = rs.getLong("n");
              byStatus.merge(rs.getString("status"), n, Long::sum);
              byStation.merge(rs.getString("station_id"), n, Long::sum);
              byTownship.merge(rs.getString("township_id"), n, Long::sum);
              if (ANSWERED.contains("'" + rs.getString("status") + "'")) {
                answered[0] += n;
              }
              return n;
            })
        .list();
    long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
    List<Count> byCategory =
        counts(
            h,
            "SELECT c.category AS k, COUNT(*) AS n FROM opinion_case c"
                + " WHERE c.station_id IN (<stations>) AND c.status <> 'MERGED'"
                + " AND c.submitted_at >= :from AND c.submitted_at < :until GROUP BY c.category",
            stations,
            received);
    List<Count> ratings =
        counts(
            h,
            "SELECT c.rating AS k, COUNT(*) AS n FROM opinion_case c"
                + " WHERE c.station_id IN (<stations>) AND c.status <> 'MERGED'"
                + " AND c.submitted_at >= :from AND c.submitted_at < :until"
                + " AND c.rating IS NOT NULL GROUP BY c.rating",
            stations,
            received);
    Map<String, Object> chartMonths = new LinkedHashMap<>();
    chartMonths.put("from", period.firstChartMonth().atDay(1).toString());
    chartMonths.put("until", period.lastChartMonth().plusMonths(1).atDay(1).toString());
    Map<String, Long> perMonth = new TreeMap<>();
    counts(
            h,
            "SELECT substr(c.submitted_at, 1, 7) AS k, COUNT(*) AS n FROM opinion_case c"
                + " WHERE c.station_id IN (<stations>) AND c.status <> 'MERGED'"
                + " AND c.submitted_at >= :from AND c.submitted_at < :until"
                + " GROUP BY substr(c.submitted_at, 1, 7)",
            stations,
            chartMonths)
        .forEach(c -> perMonth.put(c.key(), c.count()));
    long[] onTime =
        query(
                h,
                """
                SELECT COUNT(*) AS due,
                       COALESCE(SUM(CASE WHEN substr(x.answered_at, 1, 10) <= x.deadline THEN 1 ELSE 0 END), 0) AS kept
                FROM (SELECT c.deadline,
                             (SELECT MAX(e.at) FROM case_event e
                              WHERE e.case_id = c.id AND e.to_status = 'ANSWERED') AS answered_at
                      FROM opinion_case c
                      WHERE c.station_id IN (<stations>) AND c.status IN ('ANSWERED', 'CLOSED')
                        AND c.deadline IS NOT NULL
                        AND c.submitted_at >= :from AND c.submitted_at < :until) x
                """,
                stations,
                received)
            .map((rs, ctx) -> new long[] {rs.getLong("due"), rs.getLong("kept")})
            .one();
    Map<String, Object> now = Map.of("today", today.toString());
    long[] late =
        query(
                h,
                "SELECT COALESCE(SUM(CASE WHEN c.status = 'FORWARDED' AND c.deadline < :today"
                    + " THEN 1 ELSE 0 END), 0) AS overdue,"
                    + " COALESCE(SUM(CASE WHEN c.escalated_at IS NOT NULL THEN 1 ELSE 0 END), 0)"
                    + " AS escalated FROM opinion_case c WHERE c.station_id IN (<stations>)"
                    + " AND c.status IN "
                    + OPEN,
                stations,
                now)
            .map((rs, ctx) -> new long[] {rs.getLong("overdue"), rs.getLong("escalated")})
            .one();
    List<UrgentCase> urgent =
        query(
                h,
                "SELECT c.id, c.tracking_code, c.station_id, c.category, c.status, c.deadline,"
                    + " c.escalated_at FROM opinion_case c WHERE c.station_id IN (<stations>)"
                    + " AND c.status IN "
                    + OPEN
                    + " AND (c.status = 'FORWARDED' AND c.deadline < :today"
                    + " OR c.escalated_at IS NOT NULL)"
                    + " ORDER BY c.deadline, c.id LIMIT "
                    + URGENT_SHOWN,
                stations,
                now)
            .map(
                (rs, ctx) -> {
                  String d = rs.getString("deadline");
                  LocalDate deadline = d == null ? null : LocalDate.parse(d);
                  long days =
                      "FORWARDED".equals(rs.getString("status"))
                              && deadline != null
                              && deadline.isBefore(today)
                          ? java.time.temporal.ChronoUnit.DAYS.between(deadline, today)
                          : 0;
                  return new UrgentCase(
                      rs.getString("id"),
                      rs.getString("tracking_code"),
                      rs.getString("station_id"),
                      rs.getString("category"),
                      deadline,
                      days,
                      rs.getString("escalated_at") != null);
                })
            .list();
    Map<String, Object> held = new LinkedHashMap<>();
    held.put("from", period.from().toString());
    held.put("last", (period.to().isAfter(today) ? today : period.to()).toString());
    String heldSlots =
        " WHERE r.station_id IN (<stations>) AND r.status IN ('ANNOUNCED', 'HELD')"
            + " AND r.slot_date >= :from AND r.slot_date <= :last";
    long receptions =
        query(h, "SELECT COUNT(*) FROM reception_slot r" + heldSlots, stations, held)
            .mapTo(Long.class)
            .one();
    // Visitors as staff entered them in the reception ledger (the kiosk's motion count is only a
    // hint there and is not added up); receptions without a count add nothing and are not counted.
    long[] visitors =
        query(
                h,
                "SELECT COALESCE(SUM(r.visitors), 0) AS visitors, COUNT(r.visitors) AS counted"
                    + " FROM reception_slot r"
                    + heldSlots,
                stations,
                held)
            .map((rs, ctx) -> new long[] {rs.getLong("visitors"), rs.getLong("counted")})
            .one();
    long[] duties =
        query(
                h,
                "SELECT COUNT(*) AS scheduled, COUNT(a.deputy_id) AS signed FROM reception_deputy d"
                    + " JOIN reception_slot r ON r.id = d.slot_id"
                    + " LEFT JOIN reception_attendance a"
                    + " ON a.slot_id = d.slot_id AND a.deputy_id = d.deputy_id"
                    + heldSlots,
                stations,
                held)
            .map((rs, ctx) -> new long[] {rs.getLong("scheduled"), rs.getLong("signed")})
            .one();
    long[] screens =
        query(
                h,
                "SELECT COUNT(*) AS screens,"
                    + " COALESCE(SUM(CASE WHEN presence = 'ONLINE' THEN 1 ELSE 0 END), 0) AS online"
                    + " FROM station_state WHERE station_id IN (<stations>)",
                stations,
                Map.of())
            .map((rs, ctx) -> new long[] {rs.getLong("screens"), rs.getLong("online")})
            .one();
    return new Figures(
        period,
        total,
        mostFirst(byStatus),
        byCategory,
        mostFirst(byStation),
        mostFirst(byTownship),
        months(period, perMonth),
        answered[0],
        onTime[0],
        onTime[1],
        ratings,
        late[0],
        late[1],
        urgent,
        receptions,
        visitors[1] == 0 ? null : visitors[0],
        visitors[1],
        duties[0],
        duties[1],
        screens[0],
        screens[1]);
  }

  /** The period's days as bounds on the stored instants: from its first day to after its last. */
  private static Map<String, Object> received(DashboardPeriod period) {
    Map<String, Object> binds = new LinkedHashMap<>();
    binds.put("from", period.from().toString());
    binds.put("until", period.to().plusDays(1).toString());
    return binds;
  }

  private static Query query(
      Handle h, String sql, List<String> stations, Map<String, Object> binds) {
    Query q = h.createQuery(sql).bindList("stations", stations);
    binds.forEach(q::bind);
    return q;
  }

  private static List<Count> counts(
      Handle h, String sql, List<String> stations, Map<String, Object> binds) {
    return mostFirst(
        query(h, sql, stations, binds)
            .map((rs, ctx) -> new Count(rs.getString("k"), rs.getLong("n")))
            .list()
            .stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    Count::key, Count::count, Long::sum, TreeMap::new)));
  }

  private static List<Count> mostFirst(Map<String, Long> counts) {
    List<Count> list = new ArrayList<>();
    counts.forEach((k, n) -> list.add(new Count(k, n)));
    list.sort(
        java.util.Comparator.comparingLong(Count::count).reversed().thenComparing(Count::key));
    return List.copyOf(list);
  }

  private static List<Count> months(DashboardPeriod period, Map<String, Long> perMonth) {
    List<Count> months = new ArrayList<>();
    for (YearMonth m = period.firstChartMonth();
        !m.isAfter(period.lastChartMonth());
        m = m.plusMonths(1)) {
      months.add(new Count(m.toString(), perMonth.getOrDefault(m.toString(), 0L)));
    }
    return List.copyOf(months);
  }
}
