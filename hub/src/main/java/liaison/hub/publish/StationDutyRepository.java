package liaison.hub.publish;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationContent.Star;
import liaison.signage.protocol.StationContent.StarPeriod;

/**
 * What a station's screen shows of the deputies' side (issue 18), read straight from the tables the
 * other parts fill: the county's 履职之星 ({@code duty_star}) and the reports to voters at the station
 * ({@code voter_report}). Read only: the screens never change them.
 */
@Singleton
public class StationDutyRepository {

  /** Stars of one period on the board: a month's and a year's share {@link #MAX_STARS}. */
  static final int STARS_PER_PERIOD = StationContent.Duty.MAX_STARS / 2;

  private final Database database;

  public StationDutyRepository(Database database) {
    this.database = database;
  }

  /** A report to voters at the station as its screen needs it. */
  public record ReportRow(
      String id,
      String deputyId,
      String deputyName,
      OffsetDateTime starts,
      OffsetDateTime ends,
      String title) {}

  /**
   * The county's stars of its latest month, then of its latest year, the most points first, at most
   * {@link #STARS_PER_PERIOD} of each, as the STARS board shows them: the portrait by the hash the
   * roster uses, and the first station the deputy is assigned to.
   */
  public List<Star> latestStars(String countyId) {
    List<Star> stars = new ArrayList<>();
    for (StarPeriod kind : List.of(StarPeriod.MONTH, StarPeriod.YEAR)) {
      stars.addAll(
          database.withHandle(
              h ->
                  h.createQuery(
                          """
                          SELECT s.period, s.deputy_id, s.points, d.name, d.photo_hash,
                                 (SELECT st.name FROM station_deputy sd
                                    JOIN station st ON st.id = sd.station_id
                                   WHERE sd.deputy_id = s.deputy_id
                                   ORDER BY sd.station_id LIMIT 1) AS station_name
                          FROM duty_star s JOIN deputy d ON d.id = s.deputy_id
                          WHERE s.county_id = :county AND s.period_kind = :kind
                            AND s.period = (SELECT MAX(period) FROM duty_star
                                             WHERE county_id = :county AND period_kind = :kind)
                          ORDER BY s.points DESC, d.name, s.deputy_id
                          LIMIT :limit
                          """)
                      .bind("county", countyId)
                      .bind("kind", kind.name())
                      .bind("limit", STARS_PER_PERIOD)
                      .map((rs, ctx) -> star(kind, rs))
                      .list()));
    }
    return stars;
  }

  /**
   * The station's reports to voters still to come or under way (SCHEDULED, OPEN) that end on {@code
   * today} or later and start before {@code until}, and those CLOSED today, whose result the screen
   * announces; in time order. Cancelled ones are left out.
   */
  public List<ReportRow> reports(String stationId, LocalDate today, LocalDate until) {
    return reports(List.of(stationId), today, until).getOrDefault(stationId, List.of());
  }

  /** {@link #reports(String, LocalDate, LocalDate)} for many stations, by station id: one query. */
  public Map<String, List<ReportRow>> reports(
      Collection<String> stationIds, LocalDate today, LocalDate until) {
    if (stationIds.isEmpty()) {
      return Map.of();
    }
    String dayStart = Sql.instant(today.atStartOfDay(Sql.ZONE).toOffsetDateTime());
    String horizon = Sql.instant(until.atStartOfDay(Sql.ZONE).toOffsetDateTime());
    Map<String, List<ReportRow>> byStation = new HashMap<>();
    database.useHandle(
        h ->
            h.createQuery(
                    """
                    SELECT r.station_id, r.id, r.deputy_id, d.name, r.starts_at, r.ends_at, r.title
                    FROM voter_report r JOIN deputy d ON d.id = r.deputy_id
                    WHERE r.station_id IN (<stations>) AND r.starts_at < :horizon
                      AND ((r.status IN ('SCHEDULED', 'OPEN') AND r.ends_at >= :dayStart)
                        OR (r.status = 'CLOSED' AND r.closed_at >= :dayStart))
                    ORDER BY r.starts_at, r.id
                    """)
                .bindList("stations", List.copyOf(stationIds))
                .bind("dayStart", dayStart)
                .bind("horizon", horizon)
                .map(
                    (rs, ctx) ->
                        Map.entry(
                            rs.getString("station_id"),
                            new ReportRow(
                                rs.getString("id"),
                                rs.getString("deputy_id"),
                                rs.getString("name"),
                                Sql.instant(rs.getString("starts_at")),
                                Sql.instant(rs.getString("ends_at")),
                                rs.getString("title"))))
                .forEach(
                    e ->
                        byStation
                            .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                            .add(e.getValue())));
    return byStation;
  }

  private static Star star(StarPeriod kind, ResultSet rs) throws SQLException {
    String station = rs.getString("station_name");
    return new Star(
        kind,
        rs.getString("period"),
        rs.getString("deputy_id"),
        rs.getString("name"),
        rs.getString("photo_hash"),
        station == null ? "" : station,
        rs.getInt("points"));
  }
}
