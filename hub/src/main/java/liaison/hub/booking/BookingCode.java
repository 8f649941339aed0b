package liaison.hub.booking;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The code a resident keeps to cancel a booking: {@code B-7KQ4-M9XD}, eight characters from 31
 * letters and digits without look-alikes (no 0/O, 1/I/L), about 40 bits. Guessing one is hopeless
 * behind the per-IP limit, and cancelling also asks for the phone's last four digits.
 */
public final class BookingCode {
  static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  private static final SecureRandom RANDOM = new SecureRandom();

  private BookingCode() {}

  public static String next() {
    StringBuilder code = new StringBuilder("B-");
    for (int i = 0; i < 8; i++) {
      if (i == 4) {
        code.append('-');
      }
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /**
   * A code as a person typed it ("b7kq4m9xd", "B-7KQ4 M9XD") in its stored form; empty when it
   * cannot be one. Look-alikes are read as what they must have meant (O→0 is not in the alphabet,
   * so O, 0 and the like simply make the code unknown).
   */
  public static Optional<String> normalize(String typed) {
    String upper = typed.strip().toUpperCase(Locale.ROOT);
    // "B-…" or "B …" is the prefix; "B7KQ4M9XD" too, but "B7KQ4M9X" is a code starting with B.
    if (upper.matches("B[\\s\\-–—_.].*")) {
      upper = upper.substring(2);
    }
    String plain = upper.replaceAll("[\\s\\-–—_.]", "");
    if (plain.startsWith("B") && plain.length() == 9) {
      plain = plain.substring(1);
    }
    if (plain.length() != 8) {
      return Optional.empty();
    }
    for (int i = 0; i < plain.length(); i++) {
      if (ALPHABET.indexOf(plain.charAt(i)) < 0) {
        return Optional.empty();
      }
    }
    return Optional.of("B-" + plain.substring(0, 4) + "-" + plain.substring(4));
  }
}
