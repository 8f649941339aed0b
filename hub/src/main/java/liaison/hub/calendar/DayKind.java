package liaison.hub.calendar;

import java.util.Locale;
import java.util.Optional;

/** What a calendar row says of its day. */
public enum DayKind {
  /** 放假: a day off, even on a weekday. */
  OFF,
  /** 调休上班: a working day, even on a weekend. */
  WORK;

  /** How a file writes it: 休 or 班, as the State Council's notice and printed calendars do. */
  public String cell() {
    return this == OFF ? "休" : "班";
  }

  /** A file's cell: 休 / 班, or off / work in any case; empty for anything else. */
  public static Optional<DayKind> ofCell(String cell) {
    return switch (cell.strip().toLowerCase(Locale.ROOT)) {
      case "休", "off" -> Optional.of(OFF);
      case "班", "work" -> Optional.of(WORK);
      default -> Optional.empty();
    };
  }
}
