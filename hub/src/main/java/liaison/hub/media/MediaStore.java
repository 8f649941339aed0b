package liaison.hub.media;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
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
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import liaison.hub.broker.BrokerSettings;
import liaison.hub.config.HubConfig;
import liaison.hub.config.StartupProblem;

/**
 * The media library's files on disk: {@code <data-dir>/media/<sha256>}, each named by the SHA-256
 * of its bytes, written once through a temporary file and an atomic move, so a file under its name
 * is always whole and never changes (a station may cache it for good, a backup copies the folder).
 * Which files the library uses is in the database ({@code media_file}, V29); this class only keeps
 * bytes.
 *
 * <p>The county's hubs share one data folder (docs/SCALING.md): the library's files are common to
 * them, while each hub keeps its work (temporary files, an upload's work folder, the server's form
 * parts) in folders of its own, named by its MQTT client id ({@code media/incoming/hub-<id>/},
 * {@code media/uploads/hub-<id>/}), which it alone empties when it starts.
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

  /** The prefix of a hub's own work folder in {@link #INCOMING} and {@link #PARTS}. */
  static final String HUB_PREFIX = "hub-";

  /** The client id a hub has unless told otherwise ({@code hub.mqtt.broker.client-id}). */
  static final String DEFAULT_HUB = "liaison-hub";

  private static final Pattern HUB_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  private final Path dir;
  private final String hub;

  @Inject
  public MediaStore(HubConfig config, BrokerSettings broker) {
    this(config.dataPath().resolve(FOLDER), broker.clientId());
  }

  public MediaStore(HubConfig config) {
    this(config.dataPath().resolve(FOLDER), DEFAULT_HUB);
  }

  MediaStore(Path dir) {
    this(dir, DEFAULT_HUB);
  }

  MediaStore(Path dir, String hubClientId) {
    if (!HUB_ID.matcher(hubClientId).matches()) {
      throw new StartupProblem(
          "the hub's MQTT client id '"
              + hubClientId
              + "' also names its work folders in the data folder the hubs share; choose one of"
              + " letters, digits, '.', '-' and '_' (--mqtt-client-id, HUB_MQTT_BROKER_CLIENT_ID)");
    }
    this.dir = dir;
    this.hub = HUB_PREFIX + hubClientId;
  }

  /**
   * This hub's work folder, {@code media/incoming/hub-<client id>}: the library's upload folders
   * and the store's temporary files, on the store's filesystem so that a move into the store is a
   * rename. No other hub writes or clears it.
   */
  public Path work() {
    return dir.resolve(INCOMING).resolve(hub);
  }

  /**
   * This hub's folder for the server's form parts ({@code micronaut.server.multipart.location}).
   */
  Path parts() {
    return dir.resolve(PARTS).resolve(hub);
  }

  /**
   * Removes what this hub's uploads left when it stopped in the middle of one (a kill, a power
   * cut): its work folder ({@code media/incoming/hub-<id>/}: the library's upload folders and the
   * store's temporary files) and its server's form parts ({@code media/uploads/hub-<id>/}), whose
   * folder it makes. This store is made as the hub starts, before its server listens: no upload of
   * this hub is under way. Another hub's folders are left alone, since its uploads may be; so is
   * the library. What a hub of an earlier version left where no hub writes now ({@code
   * media/upload-*.tmp}, anything in {@code incoming/} or {@code uploads/} outside a hub's folder)
   * goes too.
   */
  @PostConstruct
  void sweep() {
    try {
      Files.createDirectories(parts());
      empty(parts());
      empty(work());
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.list(dir)) {
          for (Path f : files.filter(f -> isWorkFile(f.getFileName().toString())).toList()) {
            Files.deleteIfExists(f);
          }
        }
      }
      for (Path folder : List.of(dir.resolve(INCOMING), dir.resolve(PARTS))) {
        if (Files.isDirectory(folder)) {
          try (Stream<Path> children = Files.list(folder)) {
            for (Path c :
                children.filter(c -> !c.getFileName().toString().startsWith(HUB_PREFIX)).toList()) {
              deleteTree(c);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear the uploads left in " + dir, e);
    }
  }

  /** Removes everything in a folder, the folder kept; nothing if there is no such folder. */
  private static void empty(Path folder) throws IOException {
    if (Files.isDirectory(folder)) {
      try (Stream<Path> children = Files.list(folder)) {
        for (Path c : children.toList()) {
          deleteTree(c);
        }
      }
    }
  }

  /** Removes a file, or a folder with everything in it. */
  private static void deleteTree(Path path) throws IOException {
    try (Stream<Path> all = Files.walk(path)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
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
      Path temp = Files.createTempFile(Files.createDirectories(work()), "upload-", ".tmp");
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
