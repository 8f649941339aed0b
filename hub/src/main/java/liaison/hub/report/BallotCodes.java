package liaison.hub.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one-time codes printed on ballot slips: eight characters from an alphabet without the ones
 * read wrongly on paper (no 0/O, 1/I/L), shown as {@code XXXX-XXXX}, about 39 bits each. Stored
 * only as a hash bound to the vote they belong to (a report to voters, a livelihood projects'
 * session), so a code is worth nothing at another vote.
 */
public final class BallotCodes {
  private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();
  static final int LENGTH = 8;

  private BallotCodes() {}

  /**
   * Codes drawn for one vote, as printed, and their hashes in the same order (what the database
   * keeps).
   */
  public record Drawn(List<String> codes, List<String> hashes) {}

  /**
   * {@code count} codes for the vote {@code voteId}, no two alike (a code drawn twice, about one
   * batch in a hundred million, is drawn again with its batch).
   */
  public static Drawn draw(String voteId, int count) {
    while (true) {
      List<String> codes = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        codes.add(next());
      }
      List<String> hashes =
          codes.stream().map(c -> hash(voteId, normalize(c).orElseThrow())).toList();
      if (hashes.stream().distinct().count() == hashes.size()) {
        return new Drawn(List.copyOf(codes), hashes);
      }
    }
  }

  /** A new code as printed: {@code 7KQ4-M9XD}. */
  public static String next() {
    StringBuilder code = new StringBuilder(LENGTH + 1);
    for (int i = 0; i < LENGTH; i++) {
      if (i == LENGTH / 2) {
        code.append('-');
      }
      code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return code.toString();
  }

  /**
   * A code as typed (any case, spaces or a dash anywhere) in its stored form, its eight characters;
   * empty when it cannot be one.
   */
  public static Optional<String> normalize(String typed) {
    String bare = typed.replaceAll("[\\s\\-－—_]", "").toUpperCase(Locale.ROOT);
    if (bare.length() != LENGTH) {
      return Optional.empty();
    }
    for (char c : bare.toCharArray()) {
      if (new String(ALPHABET).indexOf(c) < 0) {
        return Optional.empty();
      }
    }
    return Optional.of(bare);
  }

  /** What the database keeps of a normalized code: SHA-256 of the vote's id and the code. */
  public static String hash(String reportId, String normalized) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(digest.digest((reportId + ":" + normalized).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A ballot form's random token ({@code report_ballot_form}): 22 URL-safe characters. */
  public static String formToken() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static boolean isFormToken(String token) {
    return token.matches("[A-Za-z0-9_-]{22}");
  }
}
