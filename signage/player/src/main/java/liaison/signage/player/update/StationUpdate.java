package liaison.signage.player.update;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import liaison.signage.player.download.ResumableDownload;
import liaison.signage.protocol.BundleSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a station from the version it runs to a target bundle, on the layout the installer made
 * (docs/FIELD.md): {@code LIAISON_HOME/versions/VERSION}, the links {@code current} and {@code
 * previous}, and {@code update/}. Each step leaves the station able to start: the download goes to
 * {@code update/downloads/<sha256>.part} and resumes where a cut one stopped; a bundle whose
 * SHA-256 or signature does not match is deleted and never unpacked; it is unpacked under {@code
 * VERSION.tmp} and renamed; each link is made under another name and renamed over the old one; and
 * {@code update/pending} is written last, so {@code liaison-update-check} rolls back a version that
 * does not come up healthy.
 */
public final class StationUpdate {
  private static final Logger LOG = LoggerFactory.getLogger(StationUpdate.class);

  private final Path home;
  private final PublicKey hubKey;
  private final HttpClient http;
  private final Clock clock;

  public StationUpdate(Path home, PublicKey hubKey, HttpClient http, Clock clock) {
    this.home = home;
    this.hubKey = hubKey;
    this.http = http;
    this.clock = clock;
  }

  /**
   * The station's update, when it was installed by the installer: {@code LIAISON_HOME} set and its
   * {@code versions/} writable; empty otherwise (then updates are off).
   */
  public static Optional<Path> installedHome(
      @org.jspecify.annotations.Nullable String liaisonHome) {
    if (liaisonHome == null || liaisonHome.isBlank()) {
      return Optional.empty();
    }
    Path home = Path.of(liaisonHome);
    return Files.isDirectory(home.resolve("versions")) && Files.isWritable(home.resolve("versions"))
        ? Optional.of(home)
        : Optional.empty();
  }

  /** Why a bundle was not switched to: {@code sha256} or {@code signature}, and in words. */
  public static final class Refused extends Exception {
    private final String reason;

    public Refused(String reason, String message) {
      super(message);
      this.reason = reason;
    }

    /** What the hub is told: {@code sha256} or {@code signature}. */
    public String reason() {
      return reason;
    }
  }

  /**
   * Downloads the target (resuming a part already there) and checks it.
   *
   * @return the complete, checked file
   * @throws Refused when its SHA-256 or its signature is not the hub's (the file is deleted)
   */
  public Path download(BundleTarget target) throws IOException, InterruptedException, Refused {
    Path downloads = Files.createDirectories(home.resolve("update/downloads"));
    Path done = downloads.resolve(target.sha256() + ".tar.gz");
    byte[] sha256;
    if (Files.exists(done)) {
      sha256 = ResumableDownload.sha256(done);
    } else {
      Path part = downloads.resolve(target.sha256() + ".part");
      ResumableDownload.Outcome got;
      try {
        got =
            ResumableDownload.fetch(
                http, target.url(), part, target.size() > 0 ? target.size() : -1, null);
      } catch (ResumableDownload.Overlong e) {
        throw new Refused(
            "sha256",
            "bundle "
                + target.version()
                + " refused: its SHA-256 is not the one the hub named ("
                + e.getMessage()
                + ")");
      }
      LOG.info(
          "downloaded bundle {} ({} bytes){}",
          target.version(),
          target.size(),
          got.resumedAt() > 0 ? ", resumed at " + got.resumedAt() : "");
      Files.move(part, done, StandardCopyOption.ATOMIC_MOVE);
      sha256 = got.sha256();
    }
    check(target, done, sha256);
    return done;
  }

  private void check(BundleTarget target, Path file, byte[] sha256) throws IOException, Refused {
    String reason = null;
    String why = null;
    if (!HexFormat.of().formatHex(sha256).equals(target.sha256())) {
      reason = "sha256";
      why = "its SHA-256 is not the one the hub named";
    } else if (!BundleSignature.verifies(
        hubKey, target.version(), target.arch(), sha256, target.signature())) {
      reason = "signature";
      why = "its signature is not the hub's";
    }
    if (reason != null) {
      Files.deleteIfExists(file);
      throw new Refused(reason, "bundle " + target.version() + " refused: " + why);
    }
  }

  /**
   * Unpacks a checked bundle into {@code versions/VERSION} (through {@code VERSION.tmp}), moves
   * {@code previous} to what {@code current} is and {@code current} to the new version, and writes
   * {@code update/pending} with a deadline {@code healthWithin} from now.
   */
  public void switchTo(BundleTarget target, Path bundle, Duration healthWithin)
      throws IOException, InterruptedException {
    Path versions = home.resolve("versions");
    Path staged = versions.resolve(target.version());
    if (!Files.isDirectory(staged)) {
      Path tmp = versions.resolve(target.version() + ".tmp");
      deleteTree(tmp);
      Files.createDirectories(tmp);
      Process tar =
          new ProcessBuilder("tar", "-xzf", bundle.toString(), "-C", tmp.toString())
              .redirectErrorStream(true)
              .start();
      String output = new String(tar.getInputStream().readAllBytes());
      if (tar.waitFor() != 0) {
        deleteTree(tmp);
        throw new IOException("cannot unpack bundle " + target.version() + ": " + output.strip());
      }
      Files.move(tmp, staged, StandardCopyOption.ATOMIC_MOVE);
    }
    Path current = home.resolve("current");
    String previousVersion = Files.readSymbolicLink(current).getFileName().toString();
    relink("previous", Path.of("versions", previousVersion));
    relink("current", Path.of("versions", target.version()));
    Path update = Files.createDirectories(home.resolve("update"));
    long deadline = clock.instant().plus(healthWithin).getEpochSecond();
    Path pending = update.resolve("pending.tmp");
    Files.writeString(
        pending,
        "VERSION="
            + target.version()
            + "\nPREVIOUS="
            + previousVersion
            + "\nDEADLINE="
            + deadline
            + "\nSTARTS=0\n");
    Files.move(pending, update.resolve("pending"), StandardCopyOption.ATOMIC_MOVE);
    LOG.info(
        "switched from {} to {}; healthy by {} or rolled back",
        previousVersion,
        target.version(),
        deadline);
  }

  /** A link made under another name and renamed over the old one: it is never missing. */
  private void relink(String name, Path target) throws IOException {
    Path fresh = home.resolve(name + ".new");
    Files.deleteIfExists(fresh);
    Files.createSymbolicLink(fresh, target);
    Files.move(fresh, home.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
