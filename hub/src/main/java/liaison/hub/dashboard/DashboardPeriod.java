package liaison.hub.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import liaison.hub.problem.BadRequestProblem;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;

/**
 * The days the dashboard counts, both included (Beijing dates): a month, a year, the last twelve
 * months (the default: this month and the eleven before it) or a range typed from–to. The monthly
 * chart always shows the twelve months that end with {@code to}'s month.
 *
 * @param kind {@code 12m}, {@code month}, {@code year} or {@code range}: the page's filter as
 *     chosen
 */
public record DashboardPeriod(String kind, LocalDate from, LocalDate to) {
  /** A range longer than this is refused: the figures are a county's years, not its history. */
  static final int MAX_DAYS = 3700;

  public static final String LAST_12_MONTHS = "12m";
  public static final String MONTH = "month";
  public static final String YEAR = "year";
  public static final String RANGE = "range";

  /** The months of the monthly chart: the twelve ending with the period's last month. */
  public YearMonth firstChartMonth() {
    return YearMonth.from(to).minusMonths(11);
  }

  public YearMonth lastChartMonth() {
    return YearMonth.from(to);
  }

  /** The last twelve months up to today: this month and the eleven before it. */
  public static DashboardPeriod last12Months(LocalDate today) {
    return new DashboardPeriod(
        LAST_12_MONTHS, YearMonth.from(today).minusMonths(11).atDay(1), today);
  }

  /**
   * The period a page's GET parameters ask for; a bad one is refused (400, counted as bad input).
   */
  public static DashboardPeriod of(
      @Nullable String kind,
      @Nullable String month,
      @Nullable String year,
      @Nullable String from,
      @Nullable String to,
      LocalDate today) {
    String chosen = kind == null || kind.isBlank() ? LAST_12_MONTHS : kind.strip();
    return switch (BadRequestProblem.choice(
        "period", chosen, java.util.List.of(LAST_12_MONTHS, MONTH, YEAR, RANGE))) {
      case MONTH -> month(month, today);
      case YEAR -> year(year, today);
      case RANGE -> range(from, to);
      default -> last12Months(today);
    };
  }

  private static DashboardPeriod month(@Nullable String month, LocalDate today) {
    YearMonth m;
    if (month == null || month.isBlank()) {
      m = YearMonth.from(today);
    } else {
      try {
        m = YearMonth.parse(month.strip());
      } catch (DateTimeParseException e) {
        throw refused("problem.dashboard.month.invalid");
      }
    }
    return new DashboardPeriod(MONTH, m.atDay(1), m.atEndOfMonth());
  }

  private static DashboardPeriod year(@Nullable String year, LocalDate today) {
    int y = today.getYear();
    if (year != null && !year.isBlank()) {
      if (!year.strip().matches("\\d{4}")) {
        throw refused("problem.dashboard.year.invalid");
      }
      y = Integer.parseInt(year.strip());
    }
    return new DashboardPeriod(YEAR, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
  }

  private static DashboardPeriod range(@Nullable String from, @Nullable String to) {
    LocalDate f = date(from);
    LocalDate t = date(to);
    if (t.isBefore(f)) {
      throw refused("problem.dashboard.to.before-from");
    }
    if (f.plusDays(MAX_DAYS).isBefore(t)) {
      throw refused("problem.dashboard.too-long");
    }
    return new DashboardPeriod(RANGE, f, t);
  }

  private static LocalDate date(@Nullable String value) {
    if (value == null || value.isBlank()) {
      throw refused("problem.dashboard.date.missing");
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw refused("problem.dashboard.date.invalid");
    }
  }

  /**
   * A period the address asks for that cannot be: a bad address (400), counted as bad input like
   * any other.
   */
  static BadRequestProblem refused(String key) {
    return new BadRequestProblem("dashboard-filter", Text.of(key));
  }
}
