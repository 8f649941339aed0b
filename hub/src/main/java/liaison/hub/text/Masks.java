package liaison.hub.text;

import org.jspecify.annotations.Nullable;

/**
 * How personal details appear where not everyone may read them in full (lists, the audit log):
 * enough to tell two apart, not enough to call or name someone. The one place that masks names and
 * phones, for residents' contacts, bookings and deputies alike.
 */
public final class Masks {
  /** Seven digits or more in a row, ASCII or full-width: a phone, an ID card, a house number. */
  private static final java.util.regex.Pattern LONG_NUMBER =
      java.util.regex.Pattern.compile("[0-9０-９]{7,}");

  private Masks() {}

  /**
   * A resident's own words with every long number hidden ({@code 电话13812341234} → {@code 电话***}):
   * for where the words go beyond the station (a department's printed slip), since a resident
   * writes their phone into the text now and then.
   */
  public static String longNumbers(String text) {
    return LONG_NUMBER.matcher(text).replaceAll("***");
  }

  /**
   * {@code 13812341234} → {@code 138****1234}; a shorter number keeps at most its last two digits
   * visible (a seven-digit one would otherwise be shown whole); blank stays blank.
   */
  public static String phone(@Nullable String phone) {
    if (phone == null || phone.isBlank()) {
      return "";
    }
    String digits = phone.strip();
    int n = digits.length();
    if (n >= 11) {
      return digits.substring(0, 3) + "****" + digits.substring(n - 4);
    }
    if (n >= 7) {
      return digits.substring(0, 2) + "*".repeat(n - 4) + digits.substring(n - 2);
    }
    return "*".repeat(Math.max(0, n - 2)) + digits.substring(Math.max(0, n - 2));
  }

  /**
   * {@code 张三丰} → {@code 张**}: the first character, a star for each other (at least one); blank
   * stays blank.
   */
  public static String name(@Nullable String name) {
    if (name == null || name.isBlank()) {
      return "";
    }
    int first = name.offsetByCodePoints(0, 1);
    return name.substring(0, first)
        + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
  }
}
