package liaison.hub.opinion;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Tracking codes (查询码) such as {@code 7KQ4-M9XD-2HWP}: 12 characters from 31 that cannot be
 * mistaken for one another when read aloud or copied by hand (no 0/O, 1/I/L), about 59 bits, so a
 * case cannot be found by guessing (and public POSTs are rate-limited on top).
 */
public final class TrackingCodes {
  static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  static final int LENGTH = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private TrackingCodes() {}

  public static String next() {
    StringBuilder code = new StringBuilder(LENGTH + 2);
    for (int i = 0; i < LENGTH; i++) {
      if (i > 0 && i % 4 == 0) {
        code.append('-');
      }
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /**
   * The canonical form of what a resident typed: case, spaces and dashes do not matter. Empty when
   * it cannot be a code at all (then no lookup is made).
   */
  public static Optional<String> normalize(@Nullable String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    String bare = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-－—_]", "");
    if (bare.length() != LENGTH) {
      return Optional.empty();
    }
    for (int i = 0; i < bare.length(); i++) {
      if (ALPHABET.indexOf(bare.charAt(i)) < 0) {
        return Optional.empty();
      }
    }
    return Optional.of(bare.substring(0, 4) + "-" + bare.substring(4, 8) + "-" + bare.substring(8));
  }
}
