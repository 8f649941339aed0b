package liaison.hub.station;

import java.security.SecureRandom;

/**
 * Tokens for the residents' QR links: 16 characters from an alphabet without look-alikes (no 0/O,
 * 1/l/I), about 90 bits, so a station's page cannot be found by guessing.
 */
public final class PublicTokens {
  static final String ALPHABET = "23456789abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
  static final int LENGTH = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PublicTokens() {}

  public static String next() {
    StringBuilder token = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      token.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return token.toString();
  }
}
