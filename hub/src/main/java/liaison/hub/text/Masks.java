package liaison.hub.text;

import org.jspecify.annotations.Nullable;

/**
 * How personal details appear where not everyone may read them in full (lists, the audit log):
 * enough to tell two apart, not enough to call or name someone. The one place that masks names and
 * phones, for residents' contacts, bookings and deputies alike.
 */
public final class Masks {
  private Masks() {}

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
