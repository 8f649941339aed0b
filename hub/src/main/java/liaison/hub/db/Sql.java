package liaison.hub.db;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How values are written to the portable TEXT columns: instants in Asia/Shanghai with their offset
 * and whole seconds, so that comparing the strings compares the instants, in SQLite and PostgreSQL.
 */
public final class Sql {
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final String LIST_SEPARATOR = "、";

  private Sql() {}

  public static String instant(OffsetDateTime value) {
    return INSTANT.format(value.atZoneSameInstant(ZONE));
  }

  public static @Nullable String instantOrNull(@Nullable OffsetDateTime value) {
    return value == null ? null : instant(value);
  }

  public static OffsetDateTime instant(String text) {
    return OffsetDateTime.parse(text);
  }

  public static @Nullable OffsetDateTime instantOrNull(@Nullable String text) {
    return text == null ? null : OffsetDateTime.parse(text);
  }

  public static String date(LocalDate value) {
    return value.toString();
  }

  public static String time(LocalTime value) {
    return TIME.format(value);
  }

  public static String list(List<String> values) {
    return String.join(LIST_SEPARATOR, values);
  }

  public static List<String> list(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split("[、,，;；]"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
