package liaison.hub.media;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import liaison.hub.config.HubConfig;

/**
 * The media library's files on disk: {@code <data-dir>/media/<sha256>}, each named by the SHA-256
 * of its bytes, written once through a temporary file and an atomic move, so a file under its name
 * is always whole and never changes (a station may cache it for good, a backup copies the folder).
 * Which files the library uses is in the database ({@code media_file}, V29); this class only keeps
 * bytes.
 */
// Made when the hub starts, before the server takes a request: the parts' folder must exist
// before the first form's part is written into it.
@Context
@Singleton
public class MediaStore {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  /** The store's folder in the data folder, and the library's work folder in it. */
  static final String FOLDER = "media";

  static final String INCOMING = "incoming";

  /**
   * Where the server keeps a form's parts above a megabyte while the request is read ({@code
   * micronaut.server.multipart.location}): on the data disk beside the store, not in {@code
   * java.io.tmpdir} (often memory), so a video's part and its work file share one filesystem.
   */
  public static final String PARTS = "uploads";

  private final Path dir;

  public MediaStore(HubConfig config) {
    this(config.dataPath().resolve(FOLDER));
  }

  MediaStore(Path dir) {
    this.dir = dir;
  }

  /**
   * Removes what uploads left when the hub stopped in the middle of one (a kill, a power cut): the
   * store's own temporary files ({@code media/upload-*.tmp}), the library's work folders ({@code
   * media/incoming/}) and the server's form parts ({@code media/uploads/}), whose folder it makes.
   * Each hub has its own data folder, and this store is made as the hub starts, before its server
   * listens: no upload of it is under way.
   */
  @PostConstruct
  void sweep() {
    try {
      Files.createDirectories(dir.resolve(PARTS));
      empty(dir.resolve(PARTS));
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.list(dir)) {
          for (Path f : files.filter(f -> isWorkFile(f.getFileName().toString())).toList()) {
            Files.deleteIfExists(f);
          }
        }
      }
      empty(dir.resolve(INCOMING));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear the uploads left in " + dir, e);
    }
  }

  /** Removes everything in a folder, the folder kept; nothing if there is no such folder. */
  private static void empty(Path folder) throws IOException {
    if (Files.isDirectory(folder)) {
      try (Stream<Path> all = Files.walk(folder)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          if (!p.equals(folder)) {
            Files.deleteIfExists(p);
          }
        }
      }
    }
  }

  /**
   * Whether a file of the data folder (its path relative to it) is an upload's work, not a file of
   * the library: a backup leaves it out.
   */
  public static boolean isUploadWork(Path underDataDir) {
    return underDataDir.getNameCount() >= 2
        && underDataDir.getName(0).toString().equals(FOLDER)
        && (underDataDir.getName(1).toString().equals(INCOMING)
            || underDataDir.getName(1).toString().equals(PARTS)
            || (underDataDir.getNameCount() == 2
                && isWorkFile(underDataDir.getName(1).toString())));
  }

  private static boolean isWorkFile(String name) {
    return name.startsWith("upload-") && name.endsWith(".tmp");
  }

  /** Whether a name is a SHA-256 in lower-case hex, as every file here is named. */
  public static boolean isHash(String name) {
    return SHA256.matcher(name).matches();
  }

  /** The file of that hash, if the store has it. */
  public Optional<Path> find(String sha256) {
    if (!isHash(sha256)) {
      return Optional.empty();
    }
    Path file = dir.resolve(sha256);
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  /** Stores bytes (once); returns their hash. */
  public String put(byte[] bytes) {
    try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
      return put(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Copies a stream into the store under the hash of what was read (once: the same bytes again
   * leave the stored file as it was); returns the hash.
   */
  public String put(InputStream in) {
    try {
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, "upload-", ".tmp");
      try {
        MessageDigest digest = sha256();
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
          in.transferTo(out);
        }
        String hash = HexFormat.of().formatHex(digest.digest());
        Path target = dir.resolve(hash);
        if (!Files.exists(target)) {
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        }
        return hash;
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a media file into " + dir, e);
    }
  }

  /**
   * Moves a file of the library's work folder (on the store's filesystem) into the store under its
   * hash, computed by the caller as the bytes arrived, instead of copying it: a 500 MB video is
   * written once on its way in. When the store has those bytes already, the file is removed.
   */
  public void take(Path file, String sha256) {
    if (!isHash(sha256)) {
      throw new IllegalArgumentException("not a SHA-256: " + sha256);
    }
    try {
      Path target = dir.resolve(sha256);
      if (Files.exists(target)) {
        Files.delete(file);
      } else {
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move " + file + " into " + dir, e);
    }
  }

  /** Removes a file no item uses any more (the caller checks that); nothing if it is not here. */
  public void delete(String sha256) {
    if (!isHash(sha256)) {
      return;
    }
    try {
      Files.deleteIfExists(dir.resolve(sha256));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove media file " + sha256, e);
    }
  }

  /** A new SHA-256 digest (the library hashes uploads as they arrive with it too). */
  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
