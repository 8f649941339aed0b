package liaison.hub.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
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
}
