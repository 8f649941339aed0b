package liaison.hub.duty;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import liaison.hub.audit.AuditLog;
import liaison.hub.db.Database;
import liaison.hub.db.Leased;
import liaison.hub.db.Sql;
import liaison.hub.problem.BadInput;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.StationsChanged;
import liaison.hub.text.Text;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * 履职之星: after a month or a year ends, the county's rule chooses its stars among the deputies with
 * the most approved points (at least the rule's minimum). Ties are broken by more kinds of
 * activity, then by reaching the total earlier; deputies still level at the last place are all
 * chosen, so the board never picks one of two equals by chance. A period once chosen stays as
 * chosen: a rule changed later chooses only the periods not chosen yet. Written into {@code
 * duty_star}, and the county's stations told ({@link StationsChanged}) so their screens show them.
 */
@Singleton
public class DutyStars {
  /** The job's lease. */
  public static final String LEASE = "duty-stars";

  /** The rule without a row of the county's own. */
  public static final StarRule DEFAULT = new StarRule(3, 5, 1);

  private final Database database;
  private final DutyPoints points;
  private final Access access;
  private final AuditLog audit;
  private final BadInput badInput;
  private final ApplicationEventPublisher<StationsChanged> stationsChanged;
  private final Clock clock;

  public DutyStars(
      Database database,
      DutyPoints points,
      Access access,
      AuditLog audit,
      BadInput badInput,
      ApplicationEventPublisher<StationsChanged> stationsChanged,
      Clock clock) {
    this.database = database;
    this.points = points;
    this.access = access;
    this.audit = audit;
    this.badInput = badInput;
    this.stationsChanged = stationsChanged;
    this.clock = clock;
  }

  /** How many stars a month and a year, and the least points a star needs. */
  public record StarRule(int perMonth, int perYear, int minPoints) {}

  /** The rule as the form or the API sends it. */
  @Introspected
  public record RuleDraft(
      @Nullable String perMonth, @Nullable String perYear, @Nullable String minPoints) {}

  /** A chosen star. */
  public record Star(String periodKind, String period, String deputyId, String name, int points) {}

  public StarRule rule(String countyId) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT per_month, per_year, min_points FROM duty_star_rule WHERE county_id = :county")
                .bind("county", countyId)
                .map(
                    (rs, ctx) ->
                        new StarRule(
                            rs.getInt("per_month"), rs.getInt("per_year"), rs.getInt("min_points")))
                .findOne()
                .orElse(DEFAULT));
  }

  /** Sets the county's rule (a county administrator); periods already chosen stay as they are. */
  public StarRule setRule(Staff staff, RuleDraft draft) {
    access.requireCountyAdmin(staff);
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    int perMonth = number(problems, "perMonth", draft.perMonth(), 1, 50);
    int perYear = number(problems, "perYear", draft.perYear(), 1, 100);
    int min = number(problems, "minPoints", draft.minPoints(), 0, 10_000);
    if (!problems.isEmpty()) {
      badInput.record("points.stars", "refused", "rule");
    }
    problems.throwIfAny();
    StarRule rule = new StarRule(perMonth, perYear, min);
    database.useTransaction(
        h -> {
          h.createUpdate(
                  """
                  INSERT INTO duty_star_rule (county_id, per_month, per_year, min_points, set_by, set_at)
                  VALUES (:county, :month, :year, :min, :by, :at)
                  ON CONFLICT (county_id) DO UPDATE SET per_month = excluded.per_month,
                    per_year = excluded.per_year, min_points = excluded.min_points,
                    set_by = excluded.set_by, set_at = excluded.set_at
                  """)
              .bind("county", staff.countyId())
              .bind("month", perMonth)
              .bind("year", perYear)
              .bind("min", min)
              .bind("by", staff.id())
              .bind("at", Sql.instant(OffsetDateTime.now(clock)))
              .execute();
          audit.record(
              h,
              staff,
              "update",
              "duty-star-rule",
              staff.countyId(),
              perMonth + "/" + perYear + "/" + min);
        });
    return rule;
  }

  static int number(
      ValidationProblem.Collector problems,
      String field,
      @Nullable String given,
      int min,
      int max) {
    try {
      int n = Integer.parseInt(given == null ? "" : given.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(field, Text.of("problem.points.number", given == null ? "" : given, min, max));
    return 0;
  }

  @Scheduled(cron = "0 30 1 * * *", zoneId = "Asia/Shanghai")
  @Leased(LEASE)
  void chooseOnSchedule() {
    counties().forEach(this::chooseDue);
  }

  /** The button: chooses the county's periods that ended and have no stars yet. */
  public List<Star> chooseNow(Staff staff) {
    access.requireCountyAdmin(staff);
    return chooseDue(staff.countyId());
  }

  /**
   * Chooses every period of this year and the last that has ended and has no stars yet; returns the
   * stars chosen now.
   */
  public List<Star> chooseDue(String countyId) {
    LocalDate today = points.today();
    List<DutyPoints.Period> due = new ArrayList<>();
    for (int year = today.getYear() - 1; year <= today.getYear(); year++) {
      for (int month = 1; month <= 12; month++) {
        DutyPoints.Period p = new DutyPoints.Period(year, month);
        if (p.to().isBefore(today)) {
          due.add(p);
        }
      }
      if (DutyPoints.Period.year(year).to().isBefore(today)) {
        due.add(DutyPoints.Period.year(year));
      }
    }
    StarRule rule = rule(countyId);
    List<Star> chosen = new ArrayList<>();
    for (DutyPoints.Period p : due) {
      chosen.addAll(choose(countyId, p, rule));
    }
    if (!chosen.isEmpty()) {
      stationsChanged.publishEvent(new StationsChanged(stationsOf(countyId)));
    }
    return chosen;
  }

  /** Chooses a period's stars unless it has them already. */
  List<Star> choose(String countyId, DutyPoints.Period period, StarRule rule) {
    String kind = period.month() == null ? "YEAR" : "MONTH";
    int places = period.month() == null ? rule.perYear() : rule.perMonth();
    List<DutyPoints.Standing> candidates =
        new ArrayList<>(
            points.ranking(countyId, period, null, null).stream()
                .filter(s -> s.points() >= rule.minPoints() && s.points() > 0)
                .toList());
    Comparator<DutyPoints.Standing> order =
        Comparator.comparingInt(DutyPoints.Standing::points)
            .reversed()
            .thenComparing(Comparator.comparingInt(DutyPoints.Standing::kinds).reversed())
            .thenComparing(
                DutyPoints.Standing::reachedOn, Comparator.nullsLast(Comparator.naturalOrder()));
    candidates.sort(order.thenComparing(DutyPoints.Standing::deputyId));
    List<DutyPoints.Standing> stars = new ArrayList<>();
    for (DutyPoints.Standing s : candidates) {
      if (stars.size() < places || order.compare(stars.getLast(), s) == 0) {
        stars.add(s);
      } else {
        break;
      }
    }
    String at = Sql.instant(OffsetDateTime.now(clock));
    return database.inTransaction(
        h -> {
          if (chosen(h, countyId, kind, period.key())) {
            return List.of();
          }
          List<Star> written = new ArrayList<>();
          for (DutyPoints.Standing s : stars) {
            h.createUpdate(
                    """
                    INSERT INTO duty_star (county_id, period_kind, period, deputy_id, points, chosen_at)
                    VALUES (:county, :kind, :period, :deputy, :points, :at)
                    ON CONFLICT (county_id, period_kind, period, deputy_id) DO NOTHING
                    """)
                .bind("county", countyId)
                .bind("kind", kind)
                .bind("period", period.key())
                .bind("deputy", s.deputyId())
                .bind("points", s.points())
                .bind("at", at)
                .execute();
            written.add(new Star(kind, period.key(), s.deputyId(), s.name(), s.points()));
          }
          return written;
        });
  }

  private static boolean chosen(Handle h, String countyId, String kind, String period) {
    return h.createQuery(
                """
            SELECT COUNT(*) FROM duty_star WHERE county_id = :county AND period_kind = :kind
              AND period = :period
            """)
            .bind("county", countyId)
            .bind("kind", kind)
            .bind("period", period)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  /** The county's stars, the latest periods first. */
  public List<Star> stars(String countyId) {
    return database.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT s.period_kind, s.period, s.deputy_id, d.name, s.points FROM duty_star s
                    JOIN deputy d ON d.id = s.deputy_id WHERE s.county_id = :county
                    ORDER BY s.period DESC, s.period_kind, s.points DESC, d.id
                    """)
                .bind("county", countyId)
                .map(
                    (rs, ctx) ->
                        new Star(
                            rs.getString("period_kind"),
                            rs.getString("period"),
                            rs.getString("deputy_id"),
                            rs.getString("name"),
                            rs.getInt("points")))
                .list());
  }

  private List<String> counties() {
    return database.withHandle(
        h -> h.createQuery("SELECT id FROM county ORDER BY id").mapTo(String.class).list());
  }

  private List<String> stationsOf(String countyId) {
    return database.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT s.id FROM station s JOIN township t ON t.id = s.township_id
                    WHERE t.county_id = :county ORDER BY s.id
                    """)
                .bind("county", countyId)
                .mapTo(String.class)
                .list());
  }
}
