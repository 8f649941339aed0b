package liaison.hub.software;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A station bundle the hub keeps: its version, processor, size and the hub's signature of the three
 * with its SHA-256, who uploaded it and when.
 *
 * @param arch linux-x64 or linux-aarch64
 * @param signature base64 Ed25519 signature of {@link
 *     liaison.signage.protocol.BundleSignature#statement}
 */
public record StationBundle(
    String sha256,
    String version,
    String arch,
    long sizeBytes,
    String signature,
    String uploadedBy,
    OffsetDateTime uploadedAt) {

  /** The name a station and a browser save it under, as signage/bundle names it. */
  public String fileName() {
    return "liaison-station-" + version + "-" + arch + ".tar.gz";
  }

  /**
   * Newest version first: numbers compared as numbers part by part (0.10.0 after 0.9.2), a release
   * after its pre-releases (0.2.0 after 0.2.0-SNAPSHOT, 0.2.0-rc1), then by upload time.
   */
  public static final Comparator<StationBundle> NEWEST_FIRST =
      Comparator.comparing(StationBundle::version, StationBundle::compareVersions)
          .thenComparing(StationBundle::uploadedAt)
          .reversed();

  private static final Pattern PART = Pattern.compile("(\\d+)|([^\\d.+~-]+)");

  static int compareVersions(String a, String b) {
    String[] release = {a.split("[-+~]", 2)[0], b.split("[-+~]", 2)[0]};
    int byRelease = compareParts(release[0], release[1]);
    if (byRelease != 0) {
      return byRelease;
    }
    boolean preA = a.length() > release[0].length();
    boolean preB = b.length() > release[1].length();
    if (preA != preB) {
      return preA ? -1 : 1;
    }
    return compareParts(a, b);
  }

  private static int compareParts(String a, String b) {
    Matcher ma = PART.matcher(a);
    Matcher mb = PART.matcher(b);
    while (true) {
      boolean hasA = ma.find();
      boolean hasB = mb.find();
      if (!hasA || !hasB) {
        return Boolean.compare(hasA, hasB);
      }
      int c =
          ma.group(1) != null && mb.group(1) != null
              ? new java.math.BigInteger(ma.group(1))
                  .compareTo(new java.math.BigInteger(mb.group(1)))
              : ma.group().compareTo(mb.group());
      if (c != 0) {
        return c;
      }
    }
  }
}
