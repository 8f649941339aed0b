package liaison.hub.results;

import java.time.LocalDate;
import java.time.YearMonth;
import liaison.hub.text.Text;

/**
 * The days whose opinions a set of figures counts, from {@code from} until the day before {@code
 * until}, always whole months in Asia/Shanghai: this month, this year, the last 12 months (this
 * month and the 11 before it), or any run of months a public page asks for.
 */
public record ReportingPeriod(YearMonth first, YearMonth last) {
  public ReportingPeriod {
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("a period ends before it starts: " + first + "…" + last);
    }
  }

  public static ReportingPeriod month(LocalDate today) {
    YearMonth m = YearMonth.from(today);
    return new ReportingPeriod(m, m);
  }

  public static ReportingPeriod year(LocalDate today) {
    return new ReportingPeriod(YearMonth.of(today.getYear(), 1), YearMonth.of(today.getYear(), 12));
  }

  public static ReportingPeriod last12Months(LocalDate today) {
    YearMonth m = YearMonth.from(today);
    return new ReportingPeriod(m.minusMonths(11), m);
  }

  public LocalDate from() {
    return first.atDay(1);
  }

  /** The first day after the period. */
  public LocalDate until() {
    return last.plusMonths(1).atDay(1);
  }

  public boolean contains(YearMonth month) {
    return !month.isBefore(first) && !month.isAfter(last);
  }

  /** How people read it: 2026年12月, 2026年, 2026年1月—12月 (and in English). */
  public Text text() {
    if (first.equals(last)) {
      return Text.of("results.period.month", first.getYear(), first.getMonthValue());
    }
    if (first.getMonthValue() == 1
        && last.getMonthValue() == 12
        && first.getYear() == last.getYear()) {
      return Text.of("results.period.year", first.getYear());
    }
    return Text.of(
        "results.period.months",
        first.getYear(),
        first.getMonthValue(),
        last.getYear(),
        last.getMonthValue());
  }
}
