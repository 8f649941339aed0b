package liaison.hub.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Deadlines in working days: weekends never count, and the deadline itself is a working day. */
class WorkingDaysProperties {

  @Provide
  Arbitrary<LocalDate> days() {
    return Arbitraries.longs().between(0, 3650).map(n -> LocalDate.of(2024, 1, 1).plusDays(n));
  }

  @Property(tries = 500)
  void deadlineIsAWorkingDayExactlyNWorkingDaysLater(
      @ForAll("days") LocalDate start, @ForAll @IntRange(min = 1, max = 60) int n) {
    LocalDate due = WorkingDays.after(start, n);

    assertThat(WorkingDays.isWorkingDay(due))
        .as("%s + %d working days = %s", start, n, due)
        .isTrue();
    assertThat(WorkingDays.between(start, due)).isEqualTo(n);
    assertThat(WorkingDays.between(start, due.minusDays(1))).isEqualTo(n - 1);
    // n working days take at least n and at most n + 2 * weeks + 2 calendar days
    long calendar = java.time.temporal.ChronoUnit.DAYS.between(start, due);
    assertThat(calendar).isBetween((long) n, (long) n + 2L * (n / 5 + 1) + 2);
  }

  @Property(tries = 200)
  void oneMoreWorkingDayNeverComesEarlier(
      @ForAll("days") LocalDate start, @ForAll @IntRange(min = 0, max = 40) int n) {
    assertThat(WorkingDays.after(start, n + 1)).isAfter(WorkingDays.after(start, n));
  }

  @Example
  void shouldSkipTheWeekend() {
    LocalDate friday = LocalDate.of(2026, 3, 6);
    assertThat(friday.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
    assertThat(WorkingDays.after(friday, 1)).isEqualTo(LocalDate.of(2026, 3, 9));
    assertThat(WorkingDays.after(friday, 15)).isEqualTo(LocalDate.of(2026, 3, 27));
    assertThat(WorkingDays.after(LocalDate.of(2026, 3, 7), 1))
        .as("from a Saturday")
        .isEqualTo(LocalDate.of(2026, 3, 9));
  }

  @Example
  void shouldTakeTheCategorysDaysOrTheDefault() {
    CaseDeadlines deadlines =
        new CaseDeadlines(15, java.util.Map.of("education", 20, "SAFETY", "5"), null);
    assertThat(deadlines.daysFor(Category.EDUCATION)).isEqualTo(20);
    assertThat(deadlines.daysFor(Category.SAFETY)).isEqualTo(5);
    assertThat(deadlines.daysFor(Category.TRANSPORT)).isEqualTo(15);
  }
}
