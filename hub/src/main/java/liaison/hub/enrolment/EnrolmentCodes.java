package liaison.hub.enrolment;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The code a waiting screen shows, {@code K7QX-M4PD}: eight characters from 31 letters and digits
 * without look-alikes (no 0/O, 1/I/L), about 40 bits. It is short because a person reads it off a
 * screen and types it; it is safe because it is worth nothing without the station's page (staff
 * log-in, CSRF), expires in minutes, is used once, and wrong guesses are limited per account.
 */
public final class EnrolmentCodes {
  static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  private static final SecureRandom RANDOM = new SecureRandom();

  private EnrolmentCodes() {}

  public static String next() {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == 4) {
        code.append('-');
      }
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /**
   * A code as a person typed it ({@code k7qx m4pd}, {@code K7QXM4PD}, {@code K7QX—M4PD}) in its
   * stored form; empty when it cannot be one.
   */
  public static Optional<String> normalize(String typed) {
    String plain = typed.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s\\-–—_.·]", "");
    if (plain.length() != 8) {
      return Optional.empty();
    }
    for (int i = 0; i < plain.length(); i++) {
      if (ALPHABET.indexOf(plain.charAt(i)) < 0) {
        return Optional.empty();
      }
    }
    return Optional.of(plain.substring(0, 4) + "-" + plain.substring(4));
  }
}
