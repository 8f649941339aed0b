package liaison.signage.player.text;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and times as a station's screens write them: Chinese first, English beside. */
public final class Dates {
  private static final DateTimeFormatter DATE_ZH = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final DateTimeFormatter DAY_ZH = DateTimeFormatter.ofPattern("M月d日");
  private static final DateTimeFormatter DATE_EN =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter DAY_EN =
      DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  private Dates() {}

  public static String weekdayZh(DayOfWeek day) {
    return switch (day) {
      case MONDAY -> "星期一";
      case TUESDAY -> "星期二";
      case WEDNESDAY -> "星期三";
      case THURSDAY -> "星期四";
      case FRIDAY -> "星期五";
      case SATURDAY -> "星期六";
      case SUNDAY -> "星期日";
    };
  }

  /** 2026年11月23日 星期一 / Mon 23 Nov 2026 */
  public static Bilingual date(LocalDate date) {
    return Bilingual.of(
        DATE_ZH.format(date) + " " + weekdayZh(date.getDayOfWeek()), DATE_EN.format(date));
  }

  /** 11月23日 星期一 / Mon 23 Nov */
  public static Bilingual day(LocalDate date) {
    return Bilingual.of(
        DAY_ZH.format(date) + " " + weekdayZh(date.getDayOfWeek()), DAY_EN.format(date));
  }

  public static String time(LocalTime time) {
    return HH_MM.format(time);
  }

  /** 09:00—11:30 */
  public static String window(LocalTime start, LocalTime end) {
    return time(start) + "—" + time(end);
  }
}
