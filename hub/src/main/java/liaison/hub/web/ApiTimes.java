package liaison.hub.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import liaison.hub.db.Sql;
import org.jspecify.annotations.Nullable;

/**
 * How the JSON API writes times: instants in Asia/Shanghai with their offset and whole seconds
 * ({@code 2026-03-02T09:30:00+08:00}), dates as ISO dates, times of day as {@code HH:mm}: the forms
 * the database stores, so an API client and a row read the same.
 */
public final class ApiTimes {
  private ApiTimes() {}

  public static String instant(OffsetDateTime value) {
    return Sql.instant(value);
  }

  public static @Nullable String instantOrNull(@Nullable OffsetDateTime value) {
    return Sql.instantOrNull(value);
  }

  public static String date(LocalDate value) {
    return Sql.date(value);
  }

  public static String time(LocalTime value) {
    return Sql.time(value);
  }

  /**
   * An instant as staff type it: with an offset ({@code 2026-11-23T09:00:00+08:00}) or without,
   * then Beijing time ({@code 2026-11-23T09:00}, what a form's datetime-local sends); empty when it
   * is neither.
   */
  public static Optional<OffsetDateTime> typed(String text) {
    String t = text.strip();
    try {
      return Optional.of(OffsetDateTime.parse(t));
    } catch (DateTimeParseException withoutOffset) {
      try {
        return Optional.of(LocalDateTime.parse(t).atZone(Sql.ZONE).toOffsetDateTime());
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
  }
}
