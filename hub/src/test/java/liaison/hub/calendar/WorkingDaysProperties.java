package liaison.hub.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import liaison.hub.opinion.CaseDeadlines;
import liaison.hub.opinion.Category;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Deadlines in working days, by the State Council's tables built into the hub (2025, 2026) and
 * Monday to Friday in the years around them: the deadline is a working day, exactly n working days
 * on; holidays never count and 调休 weekend days do.
 */
class WorkingDaysProperties {
  private static final List<CalendarDay> NATIONAL = NationalHolidays.builtIn();
  private static final WorkingDays CALENDAR = WorkingDays.of(NATIONAL, List.of());

  @Provide
  Arbitrary<LocalDate> days() {
    return Arbitraries.longs().between(0, 3650).map(n -> LocalDate.of(2024, 1, 1).plusDays(n));
  }

  /** Mostly the two years with a table, where holidays and make-up days are. */
  @Provide
  Arbitrary<LocalDate> tableDays() {
    return Arbitraries.longs().between(0, 729).map(n -> LocalDate.of(2025, 1, 1).plusDays(n));
  }

  @Property(tries = 500)
  void deadlineIsAWorkingDayExactlyNWorkingDaysLater(
      @ForAll("days") LocalDate start, @ForAll @IntRange(min = 1, max = 60) int n) {
    LocalDate due = CALENDAR.after(start, n);

    assertThat(CALENDAR.isWorkingDay(due)).as("%s + %d working days = %s", start, n, due).isTrue();
    assertThat(CALENDAR.between(start, due)).isEqualTo(n);
    assertThat(CALENDAR.between(start, due.minusDays(1))).isEqualTo(n - 1);
    // n working days take at least n calendar days, and at most n plus the weekends and the
    // longest holidays (春节: nine days) they can span
    long calendar = ChronoUnit.DAYS.between(start, due);
    assertThat(calendar).isBetween((long) n, (long) n + 2L * (n / 5 + 1) + 2 + 9L * (n / 40 + 1));
  }

  @Property(tries = 500)
  void aDeadlineNeverLandsOnADayOff(
      @ForAll("tableDays") LocalDate start, @ForAll @IntRange(min = 1, max = 30) int n) {
    LocalDate due = CALENDAR.after(start, n);

    assertThat(NATIONAL)
        .as("%s + %d working days = %s", start, n, due)
        .noneMatch(d -> d.date().equals(due) && d.kind() == DayKind.OFF);
    assertThat(due.getDayOfWeek().getValue() < 6 || workDay(due))
        .as("%s is a weekday or a make-up working day", due)
        .isTrue();
  }

  @Property(tries = 300)
  void everyMakeUpWeekendDayCountsAndNoHolidayDoes(@ForAll("tableDays") LocalDate day) {
    boolean counted = CALENDAR.between(day.minusDays(1), day) == 1;
    if (workDay(day)) {
      assertThat(counted).as("调休 %s counts", day).isTrue();
    } else if (NATIONAL.stream().anyMatch(d -> d.date().equals(day))) {
      assertThat(counted).as("holiday %s does not count", day).isFalse();
    } else {
      assertThat(counted).isEqualTo(day.getDayOfWeek().getValue() < 6);
    }
  }

  @Property(tries = 300)
  void theDayNWorkingDaysBeforeADeadlineLeadsBackToIt(
      @ForAll("tableDays") LocalDate start, @ForAll @IntRange(min = 0, max = 20) int n) {
    LocalDate deadline = CALENDAR.after(start, 15);
    LocalDate warn = CALENDAR.before(deadline, n);

    assertThat(CALENDAR.after(warn, n))
        .as("%d working days before %s", n, deadline)
        .isEqualTo(deadline);
    assertThat(CALENDAR.isWorkingDay(warn)).isTrue();
  }

  @Property(tries = 200)
  void oneMoreWorkingDayNeverComesEarlier(
      @ForAll("days") LocalDate start, @ForAll @IntRange(min = 0, max = 40) int n) {
    assertThat(CALENDAR.after(start, n + 1)).isAfter(CALENDAR.after(start, n));
  }

  @Property(tries = 200)
  void aDeadlineThatWouldFallInTheNationalDayWeekMovesPastIt(
      @ForAll @IntRange(min = 2025, max = 2026) int year,
      @ForAll @IntRange(min = 1, max = 7) int dayOfOctober) {
    LocalDate lastDayBefore = LocalDate.of(year, 9, 30);
    LocalDate due = CALENDAR.after(lastDayBefore, 1);
    LocalDate holiday = LocalDate.of(year, 10, dayOfOctober);

    assertThat(due).isAfter(holiday);
    assertThat(CALENDAR.isWorkingDay(holiday)).isFalse();
  }

  @Example
  void shouldMoveADeadlinePastTheNationalDayWeek() {
    assertThat(CALENDAR.after(LocalDate.of(2026, 9, 30), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
    assertThat(CALENDAR.after(LocalDate.of(2025, 9, 30), 1)).isEqualTo(LocalDate.of(2025, 10, 9));
  }

  @Example
  void shouldCountASaturdayMakeUpDay() {
    LocalDate friday = LocalDate.of(2026, 2, 13);
    assertThat(CALENDAR.after(friday, 1))
        .as("2026-02-14 is a Saturday worked before 春节")
        .isEqualTo(LocalDate.of(2026, 2, 14));
    assertThat(CALENDAR.after(friday, 2))
        .as("then 春节 2-15 … 2-23 is off")
        .isEqualTo(LocalDate.of(2026, 2, 24));
  }

  @Example
  void shouldCountTheDayTwoWorkingDaysBeforeADeadlineAcrossAHoliday() {
    // due Thursday 2026-10-08, just after the week off: one working day before is 09-30, two 09-29
    assertThat(CALENDAR.before(LocalDate.of(2026, 10, 8), 2)).isEqualTo(LocalDate.of(2026, 9, 29));
    assertThat(CALENDAR.before(LocalDate.of(2026, 10, 8), 1)).isEqualTo(LocalDate.of(2026, 9, 30));
  }

  @Example
  void shouldSkipTheWeekendInAYearWithoutATable() {
    LocalDate friday = LocalDate.of(2027, 3, 5);
    assertThat(friday.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
    assertThat(CALENDAR.knows(2027)).isFalse();
    assertThat(CALENDAR.knows(2026)).isTrue();
    assertThat(CALENDAR.after(friday, 1)).isEqualTo(LocalDate.of(2027, 3, 8));
    assertThat(CALENDAR.after(friday, 15)).isEqualTo(LocalDate.of(2027, 3, 26));
    assertThat(CALENDAR.after(LocalDate.of(2027, 3, 6), 1))
        .as("from a Saturday")
        .isEqualTo(LocalDate.of(2027, 3, 8));
  }

  @Example
  void shouldLetACountysOwnDayOverruleTheNationalTable() {
    LocalDate local = LocalDate.of(2026, 3, 10);
    WorkingDays county =
        WorkingDays.of(NATIONAL, List.of(new CalendarDay(local, DayKind.OFF, "县庆", false)));
    assertThat(county.isWorkingDay(local)).isFalse();
    assertThat(county.after(LocalDate.of(2026, 3, 9), 1)).isEqualTo(LocalDate.of(2026, 3, 11));
    assertThat(CALENDAR.isWorkingDay(local)).as("other counties keep it").isTrue();
  }

  @Example
  void shouldTakeTheCategorysDaysOrTheDefault() {
    CaseDeadlines deadlines =
        new CaseDeadlines(15, java.util.Map.of("education", 20, "SAFETY", "5"), null);
    assertThat(deadlines.daysFor(Category.EDUCATION)).isEqualTo(20);
    assertThat(deadlines.daysFor(Category.SAFETY)).isEqualTo(5);
    assertThat(deadlines.daysFor(Category.TRANSPORT)).isEqualTo(15);
  }

  private static boolean workDay(LocalDate day) {
    return NATIONAL.stream().anyMatch(d -> d.date().equals(day) && d.kind() == DayKind.WORK);
  }
}
