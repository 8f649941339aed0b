package liaison.signage.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A station's MQTT password, kept only as a hash: PBKDF2-HMAC-SHA512 in Mosquitto's own text form
 * ({@code $7$101$<salt>$<hash>}, as {@code mosquitto_passwd} writes it), so the one stored hash
 * serves the hub's embedded broker and, copied into a password file, an external Mosquitto.
 *
 * <p>The screen makes its own password ({@link #newPassword()}, 256 random bits) and sends the hub
 * only this hash, so the password never travels. 101 iterations, Mosquitto's default, are plenty
 * for a random 256-bit secret (nobody can guess one, however cheap a guess); slow hashing protects
 * passwords people choose, which these are not.
 */
public final class MqttPasswordHash {
  private static final int ITERATIONS = 101;
  private static final int SALT_BYTES = 12;
  private static final int HASH_BYTES = 64;
  private static final Pattern FORM =
      Pattern.compile("\\$7\\$(\\d{1,7})\\$([A-Za-z0-9+/]{8,88}={0,2})\\$([A-Za-z0-9+/]{86}==)");
  private static final SecureRandom RANDOM = new SecureRandom();

  private MqttPasswordHash() {}

  /** A new random password: 32 bytes, URL-safe Base64 (43 characters). */
  public static String newPassword() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The hash of a password with a fresh salt. */
  public static String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return encode(
        ITERATIONS, salt, pbkdf2(password.getBytes(StandardCharsets.UTF_8), salt, ITERATIONS));
  }

  /**
   * The hash of a password with a given salt: for tests that compare with {@code mosquitto_passwd}.
   */
  static String hash(String password, byte[] salt, int iterations) {
    return encode(
        iterations, salt, pbkdf2(password.getBytes(StandardCharsets.UTF_8), salt, iterations));
  }

  /** True when the text has the form of a hash this class makes (and Mosquitto reads). */
  public static boolean isWellFormed(String encoded) {
    Matcher m = FORM.matcher(encoded == null ? "" : encoded);
    if (!m.matches()) {
      return false;
    }
    long iterations = Long.parseLong(m.group(1));
    try {
      return iterations >= 1
          && iterations <= 1_000_000
          && Base64.getDecoder().decode(m.group(2)).length >= 8;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * True if the password (the raw bytes of an MQTT CONNECT) matches; false for a wrong one or a
   * hash of another form. Compares in constant time.
   */
  public static boolean matches(byte[] password, String encoded) {
    if (!isWellFormed(encoded)) {
      return false;
    }
    Matcher m = FORM.matcher(encoded);
    if (!m.matches()) {
      return false;
    }
    int iterations = Integer.parseInt(m.group(1));
    byte[] salt = Base64.getDecoder().decode(m.group(2));
    byte[] expected = Base64.getDecoder().decode(m.group(3));
    return MessageDigest.isEqual(expected, pbkdf2(password, salt, iterations));
  }

  private static String encode(int iterations, byte[] salt, byte[] hash) {
    Base64.Encoder b64 = Base64.getEncoder();
    return "$7$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
  }

  private static byte[] pbkdf2(byte[] password, byte[] salt, int iterations) {
    // PBEKeySpec takes chars and the JDK's PBKDF2 turns them back into UTF-8 bytes: decode first.
    // A password that is not valid UTF-8 cannot be one we made; it is hashed as decoded
    // (replacement characters) and simply does not match.
    char[] chars = new String(password, StandardCharsets.UTF_8).toCharArray();
    PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, HASH_BYTES * 8);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA512 is part of every JDK", e);
    } finally {
      spec.clearPassword();
    }
  }
}
