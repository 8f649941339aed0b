package liaison.hub.opinion;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import liaison.hub.db.Database;
import liaison.hub.db.Dialect;
import liaison.hub.problem.BadRequestProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.StationPlace;
import liaison.hub.text.Masks;
import org.jdbi.v3.core.statement.Query;
import org.jspecify.annotations.Nullable;

/**
 * The cases a staff member may see, as lists show them: newest first, the phone masked, overdue
 * marked. A case is overdue when it is with a department (FORWARDED) past its deadline. Who sees
 * which is {@link Access#canSeeCase}'s rule, here as a query.
 */
@Singleton
public class CaseInbox {
  static final int LIMIT = 500;

  private final Database database;
  private final Access access;
  private final Clock clock;
  private final Dialect dialect;

  public CaseInbox(Database database, Access access, Clock clock, Dialect dialect) {
    this.database = database;
    this.access = access;
    this.clock = clock;
    this.dialect = dialect;
  }

  /**
   * Which cases to list.
   *
   * @param status a {@link CaseStatus} name, {@code open} (staff still have work), {@code overdue},
   *     or empty for all
   */
  public record Filter(
      @Nullable String stationId,
      @Nullable String status,
      @Nullable String category,
      @Nullable String q) {
    public static Filter all() {
      return new Filter(null, null, null, null);
    }
  }

  /** A case in a list: no contact detail but the masked phone. */
  public record Row(
      OpinionCase c,
      String stationName,
      String countyId,
      @Nullable String departmentName,
      boolean hasContact,
      String maskedPhone,
      @Nullable String suggestionDeputyId,
      long daysOverdue) {
    public boolean overdue() {
      return daysOverdue > 0;
    }

    public boolean escalated() {
      return c.escalatedAt() != null;
    }
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  public List<Row> list(Staff staff, Filter filter) {
    List<String> stations = stationIds(staff, filter.stationId());
    if (stations.isEmpty()) {
      return List.of();
    }
    StringBuilder where = new StringBuilder(" WHERE c.station_id IN (<stations>)");
    Map<String, Object> binds = new HashMap<>();
    if (!staff.canEdit()) {
      // A deputy's account: only what was addressed to the deputy or taken up as their suggestion
      // (Access.canSeeCase).
      where.append(" AND (c.deputy_id = :me OR c.suggestion_deputy_id = :me)");
      binds.put("me", staff.deputyId() == null ? "" : staff.deputyId());
    }
    String status = filter.status() == null ? "" : filter.status().strip();
    if (status.equals("open")) {
      where.append(" AND c.status IN (").append(CaseStatus.openInSql()).append(")");
    } else if (status.equals("overdue")) {
      where
          .append(
              " AND (c.status = 'FORWARDED' AND c.deadline < :today OR c.escalated_at IS NOT NULL AND c.status IN ")
          .append("(")
          .append(CaseStatus.openInSql())
          .append("))");
      binds.put("today", today().toString());
    } else if (!status.isEmpty()) {
      String name = status.toUpperCase(Locale.ROOT);
      if (java.util.Arrays.stream(CaseStatus.values()).noneMatch(s -> s.name().equals(name))) {
        List<String> allowed = new java.util.ArrayList<>(List.of("open", "overdue"));
        java.util.Arrays.stream(CaseStatus.values()).map(Enum::name).forEach(allowed::add);
        throw BadRequestProblem.unknownChoice("status", status, allowed);
      }
      where.append(" AND c.status = :status");
      binds.put("status", name);
    }
    if (filter.category() != null && !filter.category().isBlank()) {
      if (Category.of(filter.category().strip()).isEmpty()) {
        throw BadRequestProblem.unknownChoice(
            "category",
            filter.category(),
            java.util.Arrays.stream(Category.values()).map(Enum::name).toList());
      }
      where.append(" AND c.category = :category");
      binds.put("category", filter.category().strip());
    }
    if (filter.q() != null && !filter.q().isBlank()) {
      String q = filter.q().strip();
      where
          .append(" AND (")
          .append(dialect.containsIgnoringCase("c.text", "q"))
          .append(" OR ")
          .append(dialect.containsIgnoringCase("c.summary", "q"))
          .append(" OR ")
          .append(dialect.containsIgnoringCase("c.tracking_code", "q"))
          .append(")");
      binds.put("q", Dialect.containing(like(q)));
    }
    String order =
        status.equals("overdue")
            ? " ORDER BY c.deadline NULLS FIRST, c.submitted_at, c.id"
            : " ORDER BY c.submitted_at DESC, c.id";
    return query(where + order + " LIMIT " + LIMIT, stations, binds);
  }

  /** All overdue and escalated open cases the staff member may see, longest overdue first. */
  public List<Row> overdue(Staff staff) {
    return list(staff, new Filter(null, "overdue", null, null));
  }

  public Optional<Row> find(String caseId) {
    List<Row> rows = query(" WHERE c.id = :id", List.of(), Map.of("id", caseId));
    return rows.stream().findFirst();
  }

  private List<Row> query(String tail, List<String> stations, Map<String, Object> binds) {
    LocalDate today = today();
    return database.withHandle(
        h -> {
          Query q =
              h.createQuery(
                  """
                  SELECT c.*, s.name AS station_name, t.county_id AS county_id, d.name AS department_name,
                         cc.phone AS contact_phone, cc.case_id AS contact_case
                  FROM opinion_case c
                  JOIN station s ON s.id = c.station_id
                  JOIN township t ON t.id = s.township_id
                  LEFT JOIN department d ON d.id = c.department_id
                  LEFT JOIN case_contact cc ON cc.case_id = c.id
                  """
                      + tail);
          if (!stations.isEmpty()) {
            q.bindList("stations", stations);
          }
          binds.forEach(q::bind);
          return q.map((rs, ctx) -> row(rs, today)).list();
        });
  }

  private static Row row(ResultSet rs, LocalDate today) throws SQLException {
    OpinionCase c = CaseRepository.opinion(rs);
    long late =
        c.status() == CaseStatus.FORWARDED && c.deadline() != null && c.deadline().isBefore(today)
            ? ChronoUnit.DAYS.between(c.deadline(), today)
            : 0;
    return new Row(
        c,
        rs.getString("station_name"),
        rs.getString("county_id"),
        rs.getString("department_name"),
        rs.getString("contact_case") != null,
        Masks.phone(rs.getString("contact_phone")),
        rs.getString("suggestion_deputy_id"),
        late);
  }

  private List<String> stationIds(Staff staff, @Nullable String stationId) {
    List<String> visible =
        new ArrayList<>(access.visibleStations(staff).stream().map(StationPlace::id).toList());
    if (stationId != null && !stationId.isBlank()) {
      access.requireSee(staff, stationId.strip());
      return List.of(stationId.strip());
    }
    return visible;
  }

  private static String like(String text) {
    // The few LIKE wildcards a resident's text may contain are matched literally enough for a
    // search box.
    return text.replace("%", "").replace("_", "");
  }
}
