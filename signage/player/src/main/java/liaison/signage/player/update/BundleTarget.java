package liaison.signage.player.update;

import java.net.URI;

/**
 * A bundle a station is to run: what the hub said of it, and where to fetch it.
 *
 * @param sha256 lower-case hex
 * @param signature base64, the hub's signature of {@link
 *     liaison.signage.protocol.BundleSignature#statement}
 */
public record BundleTarget(
    String version, String arch, String sha256, long size, String signature, URI url) {

  public BundleTarget {
    if (!version.matches("[0-9A-Za-z][0-9A-Za-z.+~-]{0,39}")) {
      // the version names a folder under versions/: nothing that could leave it
      throw new IllegalArgumentException("not a bundle version: " + version);
    }
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a SHA-256: " + sha256);
    }
  }
}
