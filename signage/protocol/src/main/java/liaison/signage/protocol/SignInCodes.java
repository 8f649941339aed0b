package liaison.signage.protocol;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The short-lived code a station's screen shows during a reception so that a deputy on duty signs
 * in (签到) by scanning it with the phone they are logged in on; no location is asked for.
 *
 * <p>The hub gives each station a key in its snapshot ({@link StationContent.SignIn}); the screen
 * derives the code for the reception and the current minute, the hub derives the same to check it.
 * A code is accepted in its minute and the {@link #GRACE_MINUTES} after, so one photographed and
 * passed on stops working within minutes; and it signs in only a deputy on duty at that reception.
 * Both sides share this one definition.
 */
public final class SignInCodes {

  /** How many whole minutes after its own a code is still accepted (a slow scan, clock skew). */
  public static final int GRACE_MINUTES = 2;

  private static final int LENGTH = 10;

  private SignInCodes() {}

  /** A new random key for a station, as the snapshot carries it. */
  public static String newKey() {
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
  }

  /** The code for {@code receptionId} in the minute {@code at} falls in. */
  public static String code(String key, String receptionId, Instant at) {
    return codeForMinute(key, receptionId, at.getEpochSecond() / 60);
  }

  /**
   * Whether {@code code} is the one for the reception at {@code now}, up to the grace before, or
   * the next minute's (a station's clock a little ahead of the hub's).
   */
  public static boolean accepts(String key, String receptionId, String code, Instant now) {
    long minute = now.getEpochSecond() / 60;
    boolean match = false;
    for (int back = -1; back <= GRACE_MINUTES; back++) {
      // Every candidate is compared, in constant time, so the answer's timing says nothing.
      match |=
          java.security.MessageDigest.isEqual(
              codeForMinute(key, receptionId, minute - back).getBytes(StandardCharsets.US_ASCII),
              code.getBytes(StandardCharsets.US_ASCII));
    }
    return match;
  }

  private static String codeForMinute(String key, String receptionId, long minute) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getUrlDecoder().decode(key), "HmacSHA256"));
      byte[] digest = mac.doFinal((receptionId + "|" + minute).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, LENGTH);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
