package liaison.hub.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import liaison.hub.migrate.MigrateToPostgres;
import liaison.hub.text.Text;

/**
 * {@code java -jar hub.jar backup --to=FILE}: the county's hub in one zip file, taken while it runs
 * ({@code ./liaison backup}, the nightly {@code liaison-hub-backup.service}).
 *
 * <p>The file holds the database's copy of one moment ({@link DatabaseCopy}), every file of the
 * data folder (photos, reply attachments, screenshots, the hub's MQTT secret, a keystore kept
 * there) and {@link Manifest}. The database is copied first, so every file its rows name is there
 * when the files are read. It is written under a hidden name beside the target and renamed once
 * complete: a backup file that exists is a whole one.
 */
public final class HubBackup {
  /** The first argument of {@code java -jar hub.jar} that runs this instead of the hub. */
  public static final String COMMAND = "backup";

  static final String USAGE =
      """
      Usage: java -jar hub.jar backup --to=FILE|DIR [options]   (./liaison backup …)

        把运行中的枢纽备份为一个文件：数据库的一致副本、照片等文件和清单。
        Backs up a running hub into one file: a consistent copy of the database, the
        files of its data folder and a manifest with every table's and file's checksum.

        --to=FILE.zip           the backup file to write; never overwritten. A folder:
                                liaison-hub-YYYYMMDD-HHMMSS.zip in it
        --data-dir=DIR          the hub's data folder                (HUB_DATA_DIR)
        --db-url=JDBC_URL       the hub's database, when not SQLite in the data folder
                                                                     (HUB_DB_URL)
        --db-user=… --db-password=…                                  (HUB_DB_USER, HUB_DB_PASSWORD)

      PostgreSQL is dumped by Debian's pg_dump (package postgresql-client, of the server's
      major version or newer). Exit status: 0 written; 1 refused or failed, nothing written;
      2 wrong options.
      """;

  /** Top-level folders of the data folder that are not the county's: the broker's own files. */
  private static final Set<String> LEFT_OUT = Set.of("broker");

  private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

  private HubBackup() {}

  /**
   * Runs the command.
   *
   * @param args what followed {@code backup}
   */
  public static int run(List<String> args, Clock clock, PrintStream out, PrintStream err) {
    Map<String, String> flags;
    try {
      flags =
          MigrateToPostgres.flags(
              args, Set.of("to", "data-dir", "db-url", "db-user", "db-password"));
      if (!flags.containsKey("to")) {
        throw new IllegalArgumentException("--to=FILE is missing");
      }
    } catch (IllegalArgumentException e) {
      return Commands.usage("backup", e, USAGE, out, err);
    }
    long started = System.nanoTime();
    try {
      HubSettings settings = HubSettings.resolve(flags);
      String to = flags.get("to");
      if (to.endsWith("/") && !Files.isDirectory(Path.of(to))) {
        // A folder was meant: not a file named like it.
        throw new BackupRefused(Text.of("backup.refused.no-folder", Path.of(to).toAbsolutePath()));
      }
      Path target = target(Path.of(to), settings, clock);
      Manifest manifest = write(settings, target, clock);
      Text done =
          Text.of(
              "backup.done",
              target,
              Commands.size(Files.size(target)),
              manifest.tables().size(),
              manifest.rows(),
              manifest.files().size(),
              Commands.seconds(Duration.ofNanos(System.nanoTime() - started)));
      out.println(done.zh());
      out.println(done.en());
      return 0;
    } catch (BackupRefused e) {
      return Commands.refused(e, err);
    } catch (IOException e) {
      return Commands.refused(
          new BackupRefused(Text.of("backup.failed", String.valueOf(e.getMessage())), e), err);
    }
  }

  private static Path target(Path to, HubSettings settings, Clock clock) {
    Path target = to.toAbsolutePath().normalize();
    if (Files.isDirectory(target)) {
      target =
          target.resolve(
              "liaison-hub-"
                  + ZonedDateTime.now(clock.withZone(COUNTY))
                      .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT))
                  + ".zip");
    }
    if (Files.exists(target)) {
      throw new BackupRefused(Text.of("backup.refused.exists", target));
    }
    if (target.startsWith(settings.dataDir())) {
      // Each backup would hold the ones before it, and a lost disk would take them all.
      throw new BackupRefused(
          Text.of("backup.refused.inside-data-dir", target, settings.dataDir()));
    }
    if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
      throw new BackupRefused(Text.of("backup.refused.no-folder", target.getParent()));
    }
    return target;
  }

  private static Manifest write(HubSettings settings, Path target, Clock clock) throws IOException {
    if (!Files.isDirectory(settings.dataDir())) {
      throw new BackupRefused(Text.of("backup.refused.no-data-dir", settings.dataDir()));
    }
    DatabaseCopy database = DatabaseCopy.of(settings);
    Path work = Files.createTempDirectory(target.getParent(), ".liaison-backup-");
    Path partial = work.resolve(target.getFileName());
    try {
      String takenAt =
          ZonedDateTime.now(clock.withZone(COUNTY))
              .truncatedTo(ChronoUnit.SECONDS)
              .toOffsetDateTime()
              .toString();
      Path copy = work.resolve("database");
      DatabaseCopy.Snapshot snapshot = database.take(copy);
      List<Manifest.Entry> entries = new ArrayList<>();
      Manifest manifest;
      createOwnerOnly(partial);
      try (ZipOutputStream zip =
          new ZipOutputStream(Files.newOutputStream(partial), StandardCharsets.UTF_8)) {
        entries.add(put(zip, database.entryName(), copy));
        for (Path f : files(settings)) {
          String name =
              Manifest.FILES_PREFIX
                  + settings.dataDir().relativize(f).toString().replace('\\', '/');
          try {
            entries.add(put(zip, name, f));
          } catch (NoSuchFileException gone) {
            // removed since the folder was listed (an expired photo): not part of the moment
          }
        }
        manifest =
            new Manifest(
                version(),
                database.store(),
                snapshot.schemaVersion(),
                takenAt,
                entries,
                snapshot.tables());
        zip.putNextEntry(new ZipEntry(Manifest.NAME));
        zip.write(manifest.text().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
      // On the disk before it has its name: after a power cut, a backup file is a whole one.
      try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      // a rename in the same folder: the file keeps its owner-only permissions
      Files.move(partial, target);
      return manifest;
    } catch (FileAlreadyExistsException e) {
      throw new BackupRefused(Text.of("backup.refused.exists", target), e);
    } finally {
      Commands.deleteTree(work);
    }
  }

  /**
   * The backup holds the database (the hub's signing key, password hashes) and the MQTT secret: on
   * a POSIX file system it is made readable by its owner only, whatever the umask of the shell that
   * ran {@code ./liaison backup}.
   */
  private static void createOwnerOnly(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
      Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
    } else {
      Files.createFile(file);
    }
  }

  private static Manifest.Entry put(ZipOutputStream zip, String name, Path file)
      throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      ZipEntry entry = new ZipEntry(name);
      entry.setLastModifiedTime(Files.getLastModifiedTime(file));
      zip.putNextEntry(entry);
      Checksums sums = Checksums.copy(in, zip);
      zip.closeEntry();
      return new Manifest.Entry(name, sums.size(), sums.sha256());
    }
  }

  /**
   * The data folder's files, in name order: not the database (copied above, never as a file), not
   * the broker's files (HiveMQ's queues, made again at start), not the media uploads' work files.
   */
  private static List<Path> files(HubSettings settings) throws IOException {
    Path dir = settings.dataDir();
    Set<Path> database =
        settings
            .sqliteFile()
            .map(f -> Set.of(f, Path.of(f + "-wal"), Path.of(f + "-shm"), Path.of(f + "-journal")))
            .orElse(Set.of());
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile)
          .filter(f -> !database.contains(f))
          .filter(f -> !LEFT_OUT.contains(dir.relativize(f).getName(0).toString()))
          // an upload under way (or left by a kill): not a file of the library yet
          .filter(f -> !liaison.hub.media.MediaStore.isUploadWork(dir.relativize(f)))
          .sorted(Comparator.comparing(Path::toString))
          .toList();
    }
  }

  static String version() {
    String version = HubBackup.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }
}
