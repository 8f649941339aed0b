package liaison.hub.software;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.text.Text;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * What an uploaded file must be to be kept as a station bundle, read from the file itself: a gzip'd
 * tar as signage/bundle makes it, with a {@code VERSION}, the launcher {@code bin/liaison-station}
 * and JavaFX for exactly one processor under {@code javafx/} (which gives the bundle's processor),
 * and no entry a station would unpack outside its version's directory (no absolute path, no {@code
 * ..}, no symbolic or hard link).
 */
final class BundleArchive {
  static final String X64 = "linux-x64";
  static final String AARCH64 = "linux-aarch64";
  static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+~-]{0,39}");

  /** What the archive says of itself. */
  record Facts(String version, String arch) {}

  private BundleArchive() {}

  /**
   * Reads the whole archive.
   *
   * @throws ValidationProblem on field {@code bundle}, with the reason, when it is not a bundle
   */
  static Facts read(Path file) {
    Set<String> arches = new HashSet<>();
    var found =
        new Object() {
          String version;
          boolean launcher;
        };
    try {
      walk(
          file,
          (name, entry, content) -> {
            if (name.startsWith("/") || ("/" + name + "/").contains("/../")) {
              throw refused("problem.bundle.unsafe-path");
            }
            if (entry.isSymbolicLink() || entry.isLink()) {
              // a link's target is outside the name checks; signage/bundle makes none
              throw refused("problem.bundle.link");
            }
            if (name.equals("VERSION") && entry.isFile()) {
              found.version = new String(content.readNBytes(200), StandardCharsets.UTF_8).strip();
            } else if (name.equals("bin/liaison-station") && entry.isFile()) {
              found.launcher = true;
            } else if (name.startsWith("javafx/") && name.endsWith(".jar")) {
              arches.add(name.endsWith("-linux-aarch64.jar") ? AARCH64 : X64);
            }
            return false;
          });
    } catch (IOException | IllegalArgumentException e) {
      throw refused("problem.bundle.not-a-bundle");
    } catch (ValidationProblem e) {
      // a damaged file can decode to any entry before its checksum is reached: say it is damaged
      throw intact(file) ? e : refused("problem.bundle.not-a-bundle");
    }
    String version = found.version;
    boolean launcher = found.launcher;
    if (version == null) {
      throw refused("problem.bundle.no-version");
    }
    if (!VERSION.matcher(version).matches()) {
      throw refused("problem.bundle.bad-version");
    }
    if (!launcher) {
      throw refused("problem.bundle.no-launcher");
    }
    if (arches.size() != 1) {
      throw refused("problem.bundle.no-processor");
    }
    return new Facts(version, arches.iterator().next());
  }

  /** What to do with one entry of the archive; true when nothing more need be read. */
  interface Visitor {
    boolean visit(String name, TarArchiveEntry entry, InputStream content) throws IOException;
  }

  /** Visits the entries in order, their names without a leading {@code ./}. */
  static void walk(Path file, Visitor visitor) throws IOException {
    try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file)));
        TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        String name = entry.getName();
        if (visitor.visit(name.startsWith("./") ? name.substring(2) : name, entry, tar)) {
          return;
        }
      }
      // to the gzip trailer, whose checksum finds a file damaged after the tar's last entry
      in.transferTo(OutputStream.nullOutputStream());
    }
  }

  /** Whether the whole file decompresses and its gzip checksums hold. */
  private static boolean intact(Path file) {
    try (InputStream in =
        new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      in.transferTo(OutputStream.nullOutputStream());
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  static ValidationProblem refused(String key) {
    return ValidationProblem.of("bundle", Text.of(key));
  }
}
