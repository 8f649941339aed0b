package liaison.hub.results;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import liaison.hub.audit.AuditLog;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.opinion.Category;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.StationPlace;
import liaison.hub.station.StationRepository;
import liaison.hub.station.StationsChanged;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;

/**
 * The published summaries (公示摘要): the latest of a station for its screens, a county's or a
 * station's filtered by month and category and paged for the public pages, and the withdrawal by a
 * county administrator (audit-logged; the station's screens drop it at their next snapshot). Staff
 * publish a summary when answering a case ({@code opinion.CaseHandling#answer}).
 */
@Singleton
public class PublishedSummaries {
  /** The most a page of summaries holds. */
  public static final int MAX_PAGE = 50;

  private static final String COLUMNS =
      """
      SELECT p.case_id, p.station_id, s.name AS station_name, c.category, d.name AS department,
             p.text, c.submitted_at, c.answered_at, p.published_at, p.withdrawn_at
      """;

  private static final String JOINS =
      """
        FROM published_summary p
        JOIN opinion_case c ON c.id = p.case_id
        JOIN station s ON s.id = p.station_id
        JOIN township t ON t.id = s.township_id
        LEFT JOIN department d ON d.id = c.department_id
      """;

  private static final String SELECT = COLUMNS + JOINS;

  private final Database database;
  private final StationRepository stations;
  private final Access access;
  private final AuditLog audit;
  private final Clock clock;
  private final ApplicationEventPublisher<StationsChanged> stationsChanged;

  public PublishedSummaries(
      Database database,
      StationRepository stations,
      Access access,
      AuditLog audit,
      Clock clock,
      ApplicationEventPublisher<StationsChanged> stationsChanged) {
    this.database = database;
    this.stations = stations;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
    this.stationsChanged = stationsChanged;
  }

  /**
   * Which summaries a public page lists: a county's, or one station's (when {@code stationId} is
   * given), of opinions received in {@code month} (any when absent), of a category (any when
   * absent).
   */
  public record Filter(
      String countyId,
      @Nullable String stationId,
      @Nullable YearMonth month,
      @Nullable Category category) {}

  /** One page of summaries, newest first, and how many there are in all. */
  public record Page(List<PublishedSummary> items, int page, int size, int total) {
    public int pages() {
      return Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
      return page < pages();
    }

    public boolean hasPrevious() {
      return page > 1;
    }
  }

  /** The station's newest published summaries, for its snapshot. */
  public List<PublishedSummary> latest(String stationId, int limit) {
    return latestAt(List.of(stationId), limit).getOrDefault(stationId, List.of());
  }

  /**
   * Each of these stations' newest published summaries (at most a few hundred stations: one bound
   * list), newest first, by station id; a station with none is absent. One query for them all.
   */
  public Map<String, List<PublishedSummary>> latestAt(Collection<String> stationIds, int limit) {
    Map<String, List<PublishedSummary>> at = new LinkedHashMap<>();
    if (stationIds.isEmpty()) {
      return at;
    }
    database.useHandle(
        h ->
            h.createQuery(
                    "SELECT * FROM ("
                        + COLUMNS
                        + ", ROW_NUMBER() OVER (PARTITION BY p.station_id"
                        + " ORDER BY p.published_at DESC, p.case_id) AS newest"
                        + JOINS
                        + " WHERE p.station_id IN (<stations>) AND p.withdrawn_at IS NULL) x"
                        + " WHERE x.newest <= :limit ORDER BY x.station_id, x.newest")
                .bindList("stations", List.copyOf(stationIds))
                .bind("limit", limit)
                .map((rs, ctx) -> summary(rs))
                .forEach(
                    sum -> at.computeIfAbsent(sum.stationId(), k -> new ArrayList<>()).add(sum)));
    return at;
  }

  /** The summary of a case, withdrawn or not (for staff's case page). */
  public Optional<PublishedSummary> ofCase(String caseId) {
    return database.withHandle(
        h ->
            h.createQuery(SELECT + " WHERE p.case_id = :case")
                .bind("case", caseId)
                .map((rs, ctx) -> summary(rs))
                .findOne());
  }

  /**
   * A page of the summaries the filter chooses (page 1 first, at most {@link #MAX_PAGE} a page),
   * never a withdrawn one.
   */
  public Page page(Filter filter, int page, int size) {
    int per = Math.clamp(size, 1, MAX_PAGE);
    int number = Math.max(1, page);
    StringBuilder where =
        new StringBuilder(" WHERE p.withdrawn_at IS NULL AND t.county_id = :county");
    if (filter.stationId() != null) {
      where.append(" AND p.station_id = :station");
    }
    if (filter.month() != null) {
      where.append(" AND c.submitted_at >= :from AND c.submitted_at < :until");
    }
    if (filter.category() != null) {
      where.append(" AND c.category = :category");
    }
    return database.withHandle(
        h -> {
          var count =
              h.createQuery(
                  "SELECT COUNT(*) FROM published_summary p JOIN opinion_case c ON c.id = p.case_id"
                      + " JOIN station s ON s.id = p.station_id JOIN township t ON t.id = s.township_id"
                      + where);
          var list =
              h.createQuery(
                  SELECT
                      + where
                      + " ORDER BY p.published_at DESC, p.case_id LIMIT :limit OFFSET :offset");
          for (var q : List.of(count, list)) {
            q.bind("county", filter.countyId());
            if (filter.stationId() != null) {
              q.bind("station", filter.stationId());
            }
            if (filter.month() != null) {
              q.bind("from", Sql.date(filter.month().atDay(1)));
              q.bind("until", Sql.date(filter.month().plusMonths(1).atDay(1)));
            }
            if (filter.category() != null) {
              q.bind("category", filter.category().name());
            }
          }
          int total = count.mapTo(Integer.class).one();
          List<PublishedSummary> items =
              new ArrayList<>(
                  list.bind("limit", per)
                      .bind("offset", (number - 1) * per)
                      .map((rs, ctx) -> summary(rs))
                      .list());
          return new Page(items, number, per, total);
        });
  }

  /**
   * A county administrator withdraws a summary of their county: it leaves the public pages at once
   * and the station's screens at its next snapshot; the audit log keeps who and when.
   *
   * @throws NotFoundProblem no summary of this case in the administrator's county
   * @throws ConflictProblem it was withdrawn already
   */
  public PublishedSummary withdraw(Staff staff, String caseId) {
    access.requireCountyAdmin(staff);
    PublishedSummary s =
        ofCase(caseId)
            .filter(
                x ->
                    stations
                        .find(x.stationId())
                        .map(StationPlace::countyId)
                        .filter(staff.countyId()::equals)
                        .isPresent())
            .orElseThrow(() -> new NotFoundProblem(Text.of("problem.summary.not-found")));
    if (s.isWithdrawn()) {
      throw new ConflictProblem(Text.of("problem.summary.withdrawn-already"));
    }
    database.useTransaction(
        h -> {
          int changed =
              h.createUpdate(
                      "UPDATE published_summary SET withdrawn_at = :at, withdrawn_by = :by"
                          + " WHERE case_id = :case AND withdrawn_at IS NULL")
                  .bind("at", Sql.instant(OffsetDateTime.now(clock)))
                  .bind("by", staff.username())
                  .bind("case", caseId)
                  .execute();
          if (changed != 1) {
            throw new ConflictProblem(Text.of("problem.summary.withdrawn-already"));
          }
          audit.record(h, staff, "withdraw-summary", "case", caseId, s.text());
        });
    stationsChanged.publishEvent(StationsChanged.of(s.stationId()));
    return ofCase(caseId).orElseThrow();
  }

  private static PublishedSummary summary(ResultSet rs) throws SQLException {
    return new PublishedSummary(
        rs.getString("case_id"),
        rs.getString("station_id"),
        rs.getString("station_name"),
        Category.of(rs.getString("category")).orElse(Category.OTHER),
        rs.getString("department"),
        rs.getString("text"),
        Sql.instant(rs.getString("submitted_at")).atZoneSameInstant(Sql.ZONE).toLocalDate(),
        Optional.ofNullable(Sql.instantOrNull(rs.getString("answered_at")))
            .map(a -> a.atZoneSameInstant(Sql.ZONE).toLocalDate())
            .orElse(null),
        Sql.instant(rs.getString("published_at")),
        Sql.instantOrNull(rs.getString("withdrawn_at")));
  }
}
