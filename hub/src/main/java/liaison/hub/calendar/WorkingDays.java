package liaison.hub.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * A county's working days as they stand: Monday to Friday, unless a row makes a day a day off (放假)
 * or a working day (调休上班). A value, read once from the database: counting a deadline walks days in
 * memory, never one query per day.
 *
 * <p>A year counts as known when its 1 January is a day off in the table: 元旦 is a holiday every
 * year, so every year's notice has it, while a county's single local day (县庆) does not make a
 * year's table. In a year not known, only weekends are off, and {@link WorkingCalendar} says so.
 */
public final class WorkingDays {
  /** No table at all: Monday to Friday. */
  public static final WorkingDays MONDAY_TO_FRIDAY = new WorkingDays(Map.of());

  private final Map<LocalDate, DayKind> days;

  private WorkingDays(Map<LocalDate, DayKind> days) {
    this.days = Map.copyOf(days);
  }

  /** The national rows, then the county's: a county's row for a day replaces the national one. */
  public static WorkingDays of(Collection<CalendarDay> national, Collection<CalendarDay> county) {
    Map<LocalDate, DayKind> days = new HashMap<>();
    national.forEach(d -> days.put(d.date(), d.kind()));
    county.forEach(d -> days.put(d.date(), d.kind()));
    return new WorkingDays(days);
  }

  /** Whether the table covers the year (else its days fall back to Monday to Friday). */
  public boolean knows(int year) {
    return days.get(LocalDate.of(year, 1, 1)) == DayKind.OFF;
  }

  public boolean isWorkingDay(LocalDate day) {
    DayKind kind = days.get(day);
    if (kind != null) {
      return kind == DayKind.WORK;
    }
    DayOfWeek dow = day.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
  }

  /**
   * The day that is {@code days} working days after {@code start} (start itself does not count): a
   * deadline. It is always a working day when {@code days > 0}, so one that would fall in the
   * National Day week lands after it.
   */
  public LocalDate after(LocalDate start, int days) {
    requireNotNegative(days);
    LocalDate d = start;
    int left = days;
    while (left > 0) {
      d = d.plusDays(1);
      if (isWorkingDay(d)) {
        left--;
      }
    }
    return d;
  }

  /**
   * The working day {@code days} working days before {@code deadline}: the last day on which "the
   * deadline is in {@code days} working days" is true, so {@code after(before(deadline, n), n)} is
   * the deadline when it is a working day. {@code days = 0} is the deadline itself.
   */
  public LocalDate before(LocalDate deadline, int days) {
    requireNotNegative(days);
    LocalDate d = deadline;
    int left = days;
    while (left > 0) {
      if (isWorkingDay(d)) {
        left--;
      }
      d = d.minusDays(1);
    }
    while (days > 0 && !isWorkingDay(d)) {
      d = d.minusDays(1);
    }
    return d;
  }

  /** Working days in (from, to]; 0 when to is not after from. */
  public int between(LocalDate from, LocalDate to) {
    int n = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        n++;
      }
    }
    return n;
  }

  private static void requireNotNegative(int days) {
    if (days < 0) {
      throw new IllegalArgumentException("working days must not be negative, was " + days);
    }
  }
}
