package liaison.hub.results;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import org.jdbi.v3.core.statement.Query;

/**
 * Handling figures computed from the cases, per station, township and county, for a period of whole
 * months (Asia/Shanghai, from the injected clock). One aggregate query per call, grouped by station
 * and month, summed here; the same SQL on SQLite and PostgreSQL.
 *
 * <p>The figures of a period count the opinions <em>received</em> in it (by the day the resident
 * sent them), each as it stands now; so answered is never more than received, and a month's figures
 * grow as its cases move on. Precisely:
 *
 * <ul>
 *   <li><b>received</b>: every case sent in the period, except one merged into another case: the
 *       matter is counted once, under the case it was merged into (which keeps its own date), and
 *       the merged case nowhere.
 *   <li><b>registered</b>: received and read by staff (登记): any status but 收集.
 *   <li><b>forwarded</b>: given to a department at least once (交办; it keeps its department).
 *   <li><b>answered</b>: its answer stands now: 已答复 or 已办结. A case reopened after a 不满意 rating is
 *       not answered until staff answer it again; then it counts once, not twice.
 *   <li><b>answered within the deadline</b>: answered, and its latest answer came on or before the
 *       deadline day; a case the station answered without forwarding it had no deadline and counts
 *       as within it.
 *   <li><b>closed</b>: 已办结 or closed with guidance to the legal channels (涉法涉诉; not answered).
 *   <li><b>满意 / 基本满意 / 不满意</b>: each case's latest rating, whatever its status: a case reopened
 *       after 不满意 counts as 不满意 until the resident rates the new answer. Shares are of the cases
 *       rated, not of those received.
 * </ul>
 */
@Singleton
public class HandlingResults {
  /**
   * Grouped over the cases alone, then joined to the (few) stations: a county's 12 months are tens
   * of thousands of cases, read from one covering index (V13) without a lookup per case.
   */
  private static final String BY_STATION_AND_MONTH =
      """
      SELECT g.*, s.township_id AS township_id
        FROM (SELECT c.station_id AS station_id, substr(c.submitted_at, 1, 7) AS month,
                     COUNT(*) AS received,
                     SUM(CASE WHEN c.status <> 'SUBMITTED' THEN 1 ELSE 0 END) AS registered,
                     SUM(CASE WHEN c.department_id IS NOT NULL THEN 1 ELSE 0 END) AS forwarded,
                     SUM(CASE WHEN c.status IN ('ANSWERED', 'CLOSED') THEN 1 ELSE 0 END) AS answered,
                     SUM(CASE WHEN c.status IN ('ANSWERED', 'CLOSED')
                               AND (c.deadline IS NULL OR substr(c.answered_at, 1, 10) <= c.deadline)
                              THEN 1 ELSE 0 END) AS on_time,
                     SUM(CASE WHEN c.status IN ('CLOSED', 'CLOSED_WITH_GUIDANCE') THEN 1 ELSE 0 END)
                       AS closed,
                     SUM(CASE WHEN c.rating = 'SATISFIED' THEN 1 ELSE 0 END) AS satisfied,
                     SUM(CASE WHEN c.rating = 'BASICALLY_SATISFIED' THEN 1 ELSE 0 END) AS fair,
                     SUM(CASE WHEN c.rating = 'DISSATISFIED' THEN 1 ELSE 0 END) AS dissatisfied
                FROM opinion_case c
               WHERE c.status <> 'MERGED'
                 AND c.submitted_at >= :from AND c.submitted_at < :until
                 AND %s
               GROUP BY c.station_id, substr(c.submitted_at, 1, 7)) g
        JOIN station s ON s.id = g.station_id
      """;

  /** The stations a call counts: one, or a county's. */
  private static final String ONE_STATION = "c.station_id = :scope";

  private static final String COUNTY_STATIONS =
      "c.station_id IN (SELECT s2.id FROM station s2 JOIN township t ON t.id = s2.township_id"
          + " WHERE t.county_id = :scope)";

  private final Database database;
  private final Clock clock;

  public HandlingResults(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** A station's figures for this month, this year and the last 12 months. */
  public record Periods(
      ReportingPeriod monthPeriod,
      HandlingFigures month,
      ReportingPeriod yearPeriod,
      HandlingFigures year,
      ReportingPeriod last12MonthsPeriod,
      HandlingFigures last12Months) {}

  /** One station's figures of one month. */
  record Monthly(String stationId, String townshipId, YearMonth month, HandlingFigures figures) {}

  public LocalDate today() {
    return LocalDate.now(clock.withZone(Sql.ZONE));
  }

  /** The station's three periods, from one query over the last 12 months. */
  public Periods forStation(String stationId) {
    return forStations(List.of(stationId)).get(stationId);
  }

  /**
   * Each of these stations' three periods (at most a few hundred stations: one bound list), by
   * station id, every station given present (with no figures when it had no case): one query over
   * the last 12 months for them all.
   */
  public Map<String, Periods> forStations(Collection<String> stationIds) {
    LocalDate today = today();
    ReportingPeriod month = ReportingPeriod.month(today);
    ReportingPeriod year = ReportingPeriod.year(today);
    ReportingPeriod last12 = ReportingPeriod.last12Months(today);
    Map<String, List<Monthly>> rows = new HashMap<>();
    if (!stationIds.isEmpty()) {
      // This year's months so far all lie within the last 12; its later months have no cases yet.
      monthly(
              "c.station_id IN (<scope>)",
              q -> q.bindList("scope", List.copyOf(stationIds)),
              new ReportingPeriod(last12.first(), year.last()))
          .forEach(r -> rows.computeIfAbsent(r.stationId(), k -> new ArrayList<>()).add(r));
    }
    Map<String, Periods> periods = new LinkedHashMap<>();
    for (String id : stationIds) {
      List<Monthly> own = rows.getOrDefault(id, List.of());
      periods.put(
          id, new Periods(month, sum(own, month), year, sum(own, year), last12, sum(own, last12)));
    }
    return periods;
  }

  /** One station's figures for a period. */
  public HandlingFigures station(String stationId, ReportingPeriod period) {
    return sum(monthly(ONE_STATION, stationId, period), period);
  }

  /** A county's figures for a period. */
  public HandlingFigures county(String countyId, ReportingPeriod period) {
    return sum(monthly(COUNTY_STATIONS, countyId, period), period);
  }

  /** A county's figures per station (only stations with cases in the period), by station id. */
  public Map<String, HandlingFigures> byStation(String countyId, ReportingPeriod period) {
    Map<String, HandlingFigures> by = new TreeMap<>();
    monthly(COUNTY_STATIONS, countyId, period)
        .forEach(r -> by.merge(r.stationId(), r.figures(), HandlingFigures::plus));
    return by;
  }

  /** A county's figures per township (only townships with cases in the period), by township id. */
  public Map<String, HandlingFigures> byTownship(String countyId, ReportingPeriod period) {
    Map<String, HandlingFigures> by = new TreeMap<>();
    monthly(COUNTY_STATIONS, countyId, period)
        .forEach(r -> by.merge(r.townshipId(), r.figures(), HandlingFigures::plus));
    return by;
  }

  /** A county's figures month by month (every month of the period, empty ones too). */
  public Map<YearMonth, HandlingFigures> byMonth(String countyId, ReportingPeriod period) {
    Map<YearMonth, HandlingFigures> by = new LinkedHashMap<>();
    for (YearMonth m = period.first(); !m.isAfter(period.last()); m = m.plusMonths(1)) {
      by.put(m, HandlingFigures.NONE);
    }
    monthly(COUNTY_STATIONS, countyId, period)
        .forEach(r -> by.merge(r.month(), r.figures(), HandlingFigures::plus));
    return by;
  }

  private static HandlingFigures sum(List<Monthly> rows, ReportingPeriod period) {
    return rows.stream()
        .filter(r -> period.contains(r.month()))
        .map(Monthly::figures)
        .reduce(HandlingFigures.NONE, HandlingFigures::plus);
  }

  /**
   * @param scope the stations counted, naming {@code :scope}: one of the two fixed above, never
   *     built from input
   */
  private List<Monthly> monthly(String scope, String value, ReportingPeriod period) {
    return monthly(scope, q -> q.bind("scope", value), period);
  }

  /**
   * @param scope the stations counted, naming {@code scope}: a fixed text, never built from input
   * @param bindScope binds {@code scope}'s value
   */
  private List<Monthly> monthly(
      String scope, UnaryOperator<Query> bindScope, ReportingPeriod period) {
    return database.withHandle(
        h ->
            bindScope
                .apply(h.createQuery(BY_STATION_AND_MONTH.formatted(scope)))
                .bind("from", Sql.date(period.from()))
                .bind("until", Sql.date(period.until()))
                .map((rs, ctx) -> monthly(rs))
                .list());
  }

  private static Monthly monthly(ResultSet rs) throws SQLException {
    return new Monthly(
        rs.getString("station_id"),
        rs.getString("township_id"),
        YearMonth.parse(rs.getString("month")),
        new HandlingFigures(
            rs.getInt("received"),
            rs.getInt("registered"),
            rs.getInt("forwarded"),
            rs.getInt("answered"),
            rs.getInt("on_time"),
            rs.getInt("closed"),
            rs.getInt("satisfied"),
            rs.getInt("fair"),
            rs.getInt("dissatisfied")));
  }
}
