package liaison.hub.software;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Small tar.gz files shaped like signage/bundle's, or not quite, for the upload's checks. */
public final class TestBundles {
  private final Map<String, byte[]> entries = new LinkedHashMap<>();
  private final Map<String, TarArchiveEntry> links = new LinkedHashMap<>();

  private TestBundles() {}

  /** A bundle as signage/bundle lays it out, for this processor's JavaFX. */
  public static TestBundles bundle(String version, String arch) {
    String classifier = arch.equals("linux-aarch64") ? "linux-aarch64" : "linux";
    return new TestBundles()
        .with("VERSION", version + "\n")
        .with("bin/liaison-station", "#!/bin/sh\nexec java -cp 'lib/*' Main\n")
        .with("lib/signage-" + version + ".jar", "not really a jar " + version)
        .with("javafx/javafx-graphics-25-" + classifier + ".jar", "graphics for " + arch)
        .with("install/station.sh", "#!/bin/bash\n# installs " + version + "\n");
  }

  public TestBundles with(String name, String text) {
    entries.put(name, text.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** An entry of this many bytes that gzip cannot shrink. */
  public TestBundles withNoise(String name, int bytes) {
    byte[] noise = new byte[bytes];
    new java.util.SplittableRandom(19).nextBytes(noise);
    entries.put(name, noise);
    return this;
  }

  /** A symbolic link entry ({@code TarConstants.LF_SYMLINK}) to this target. */
  public TestBundles withSymlink(String name, String target) {
    return withLink(name, target, TarConstants.LF_SYMLINK);
  }

  /** A hard link entry ({@code TarConstants.LF_LINK}) to this target. */
  public TestBundles withHardLink(String name, String target) {
    return withLink(name, target, TarConstants.LF_LINK);
  }

  private TestBundles withLink(String name, String target, byte flag) {
    TarArchiveEntry link = new TarArchiveEntry(name, flag, true);
    link.setLinkName(target);
    links.put(name, link);
    return this;
  }

  public TestBundles without(String name) {
    entries.remove(name);
    return this;
  }

  public byte[] tarGz() {
    var bytes = new ByteArrayOutputStream();
    try (var tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (var e : entries.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(e.getKey(), true);
        entry.setSize(e.getValue().length);
        entry.setMode(e.getKey().startsWith("bin/") ? 0755 : 0644);
        tar.putArchiveEntry(entry);
        tar.write(e.getValue());
        tar.closeArchiveEntry();
      }
      for (TarArchiveEntry link : links.values()) {
        tar.putArchiveEntry(link);
        tar.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
