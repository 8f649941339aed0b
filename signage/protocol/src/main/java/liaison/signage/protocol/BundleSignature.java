package liaison.signage.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What the hub signs for a station bundle and how a station checks it: not the file but a short
 * statement binding the bundle's version, processor and SHA-256, so a signature cannot be moved to
 * another file, another version or another processor. Ed25519; the hub's public key travels as PEM
 * (in the enrolment ticket and at {@code /install/hub-key.pub}), the signature as base64.
 */
public final class BundleSignature {
  public static final String ALGORITHM = "Ed25519";
  private static final String KIND = "liaison-station-bundle";

  private BundleSignature() {}

  /** The bytes signed: {@code liaison-station-bundle\n0.2.0\nlinux-aarch64\n<sha256 hex>\n}. */
  public static byte[] statement(String version, String arch, String sha256) {
    if (!sha256.matches("[0-9a-fA-F]{64}")) {
      throw new IllegalArgumentException("not a SHA-256 in hex: " + sha256);
    }
    String text =
        KIND
            + "\n"
            + version.strip()
            + "\n"
            + arch.strip()
            + "\n"
            + sha256.toLowerCase(Locale.ROOT);
    return (text + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Whether {@code signature} (base64) is the key's signature of this bundle's statement; false for
   * anything malformed, never an exception, so a station treats every doubt as a refusal.
   */
  public static boolean verifies(
      PublicKey key, String version, String arch, byte[] sha256, String signature) {
    try {
      Signature verifier = Signature.getInstance(ALGORITHM);
      verifier.initVerify(key);
      verifier.update(statement(version, arch, HexFormat.of().formatHex(sha256)));
      return verifier.verify(Base64.getDecoder().decode(signature.strip()));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  /** A public key from its PEM block ({@code -----BEGIN PUBLIC KEY-----}). */
  public static PublicKey publicKey(String pem) {
    String body =
        pem.replace("-----BEGIN PUBLIC KEY-----", "")
            .replace("-----END PUBLIC KEY-----", "")
            .replaceAll("\\s", "");
    try {
      return KeyFactory.getInstance(ALGORITHM)
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not an " + ALGORITHM + " public key in PEM", e);
    }
  }

  /** A public key as PEM, base64 in lines of 64. */
  public static String pem(PublicKey key) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded());
    return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
  }
}
