package liaison.hub.opinion;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Deadlines in working days (工作日): Monday to Friday. Public holidays and the weekends worked in
 * exchange for them (调休) are not known here: the state council publishes them each December, and
 * staff edit the proposed deadline when a holiday falls in it.
 */
public final class WorkingDays {
  private WorkingDays() {}

  /**
   * The day that is {@code days} working days after {@code start} (start itself does not count).
   */
  public static LocalDate after(LocalDate start, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("working days must not be negative, was " + days);
    }
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

  public static boolean isWorkingDay(LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
  }

  /** Working days in (from, to]; 0 when to is not after from. */
  public static int between(LocalDate from, LocalDate to) {
    int n = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        n++;
      }
    }
    return n;
  }
}
