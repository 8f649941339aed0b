package liaison.hub.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import liaison.hub.migrate.DatabaseDigest;
import liaison.hub.migrate.DatabaseDigest.TableFigures;
import liaison.hub.migrate.MigrateToPostgres;
import liaison.hub.text.Text;

/**
 * {@code java -jar hub.jar restore --from=FILE --data-dir=NEW [--db-url=…]}: a backup put back into
 * a new data folder (and, for PostgreSQL, an empty database), checked against its manifest.
 *
 * <ol>
 *   <li>Refuses, writing nothing, a file that is not a backup or is damaged (every entry's size and
 *       SHA-256 is checked before anything is written), a data folder that holds anything, a
 *       database that holds any table, a store other than the backup's.
 *   <li>Writes the files and the database, then reads every table's figures back and compares them
 *       with the manifest's.
 *   <li>When anything differs or fails, removes what it wrote: the folder and the database are as
 *       empty as they were.
 * </ol>
 */
public final class HubRestore {
  /** The first argument of {@code java -jar hub.jar} that runs this instead of the hub. */
  public static final String COMMAND = "restore";

  static final String USAGE =
      """
      Usage: java -jar hub.jar restore --from=FILE --data-dir=NEW [options]   (./liaison restore …)

        把备份文件恢复到新的数据目录（PostgreSQL：恢复到空数据库），逐表逐文件核对。
        Restores a backup into a new data folder (PostgreSQL: into an empty database) and
        checks every table and file against the backup's manifest.

        --from=FILE.zip         a file written by backup
        --data-dir=NEW          an empty or new folder for the hub's files (and SQLite's file)
        --db-url=JDBC_URL       for a PostgreSQL backup: an empty database  (HUB_DB_URL)
        --db-user=… --db-password=…                                  (HUB_DB_USER, HUB_DB_PASSWORD)

      Then: java -jar hub.jar --data-dir=NEW [--db-url=…]. Exit status: 0 restored and every
      table and file the same; 1 refused or failed, nothing left written; 2 wrong options.
      """;

  private HubRestore() {}

  /**
   * Runs the command.
   *
   * @param args what followed {@code restore}
   */
  public static int run(List<String> args, PrintStream out, PrintStream err) {
    Map<String, String> flags;
    try {
      flags =
          MigrateToPostgres.flags(
              args, Set.of("from", "data-dir", "db-url", "db-user", "db-password"));
      if (!flags.containsKey("from") || !flags.containsKey("data-dir")) {
        throw new IllegalArgumentException("--from=FILE and --data-dir=NEW are both needed");
      }
    } catch (IllegalArgumentException e) {
      return Commands.usage("restore", e, USAGE, out, err);
    }
    Path from = Path.of(flags.get("from")).toAbsolutePath().normalize();
    try {
      HubSettings settings = HubSettings.resolve(flags);
      Manifest manifest = restore(from, settings);
      for (Text said :
          List.of(
              Text.of(
                  "restore.done",
                  from,
                  manifest.takenAt(),
                  manifest.tables().size(),
                  manifest.rows(),
                  manifest.files().size(),
                  settings.dataDir(),
                  settings.shownDatabase()),
              Text.of(
                  "restore.next",
                  settings.dataDir(),
                  settings.sqlite() ? "" : " --db-url=" + PostgresTools.shown(settings.dbUrl())))) {
        out.println(said.zh());
        out.println(said.en());
      }
      return 0;
    } catch (BackupRefused e) {
      return Commands.refused(e, err);
    }
  }

  private static Manifest restore(Path from, HubSettings settings) {
    if (!Files.isRegularFile(from)) {
      throw new BackupRefused(Text.of("restore.refused.missing", from));
    }
    try (ZipFile zip = new ZipFile(from.toFile())) {
      ZipEntry listed = zip.getEntry(Manifest.NAME);
      if (listed == null) {
        throw new BackupRefused(Text.of("restore.refused.not-backup", from));
      }
      Manifest manifest;
      try (InputStream in = zip.getInputStream(listed)) {
        manifest = Manifest.read(in, from.toString());
      }
      DatabaseCopy database = DatabaseCopy.of(settings);
      if (!database.store().equals(manifest.store())) {
        throw new BackupRefused(
            Text.of("restore.refused.store", from, Text.of("backup.store." + manifest.store())));
      }
      Path dir = settings.dataDir();
      checkEmpty(dir);
      database.checkEmpty();
      // Every entry read whole once before anything is written: a damaged file writes nothing.
      for (Manifest.Entry entry : manifest.entries()) {
        copy(zip, entry, from, OutputStream.nullOutputStream());
      }
      boolean made = !Files.exists(dir);
      try {
        write(zip, manifest, from, dir, database);
        DatabaseCopy.Snapshot restored = database.read();
        List<String> different = different(manifest.tables(), restored.tables());
        if (!restored.schemaVersion().equals(manifest.schemaVersion())) {
          // Flyway's history is no table of the digest's; its version is the manifest's word on it.
          different.add(DatabaseDigest.historyTable());
        }
        if (!different.isEmpty()) {
          throw new BackupRefused(
              Text.of(
                  "restore.refused.tables-differ",
                  different.size(),
                  String.join(", ", different.subList(0, Math.min(5, different.size())))));
        }
        return manifest;
      } catch (IOException | RuntimeException e) {
        database.undo();
        if (made) {
          Commands.deleteTree(dir);
        } else {
          emptyFolder(dir);
        }
        // The file was whole (checked above): a write that failed is this server's, not the file's.
        throw e instanceof BackupRefused refused
            ? refused
            : new BackupRefused(Text.of("restore.failed", String.valueOf(e.getMessage())), e);
      }
    } catch (IOException e) {
      throw new BackupRefused(
          Text.of("restore.refused.damaged", from, String.valueOf(e.getMessage())), e);
    }
  }

  private static void checkEmpty(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    if (!Files.isDirectory(dir)) {
      throw new BackupRefused(Text.of("restore.refused.not-empty", dir));
    }
    try (Stream<Path> inside = Files.list(dir)) {
      if (inside.findAny().isPresent()) {
        throw new BackupRefused(Text.of("restore.refused.not-empty", dir));
      }
    }
  }

  private static void write(
      ZipFile zip, Manifest manifest, Path from, Path dir, DatabaseCopy database)
      throws IOException {
    // The hub's secrets are among the files: the folder is its owner's alone.
    Files.createDirectories(dir);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    for (Manifest.Entry entry : manifest.files()) {
      Path file = dir.resolve(entry.name().substring(Manifest.FILES_PREFIX.length())).normalize();
      if (!file.startsWith(dir) || file.equals(dir)) {
        throw new BackupRefused(Text.of("restore.refused.manifest", from));
      }
      Files.createDirectories(file.getParent());
      try (OutputStream out = Files.newOutputStream(file)) {
        copy(zip, entry, from, out);
      }
    }
    Path work = Files.createTempDirectory(dir, ".liaison-restore-");
    try {
      Path copy = work.resolve("database");
      try (OutputStream out = Files.newOutputStream(copy)) {
        copy(zip, manifest.database(), from, out);
      }
      database.restore(copy);
    } finally {
      Commands.deleteTree(work);
    }
  }

  /** Copies one entry out, refusing it when its size or SHA-256 is not the manifest's. */
  private static void copy(ZipFile zip, Manifest.Entry entry, Path from, OutputStream out)
      throws IOException {
    ZipEntry found = zip.getEntry(entry.name());
    if (found == null) {
      throw new BackupRefused(Text.of("restore.refused.entry-missing", from, entry.name()));
    }
    Checksums sums;
    try (InputStream in = zip.getInputStream(found)) {
      sums = Checksums.copy(in, out);
    }
    if (!sums.matches(entry)) {
      throw new BackupRefused(Text.of("restore.refused.entry-differs", from, entry.name()));
    }
  }

  /** The tables whose rows or digest are not the manifest's, or that one side lacks. */
  static List<String> different(List<TableFigures> expected, List<TableFigures> found) {
    List<String> different = new ArrayList<>();
    Map<String, TableFigures> byName = new java.util.HashMap<>();
    found.forEach(t -> byName.put(t.table(), t));
    for (TableFigures t : expected) {
      if (!Objects.equals(byName.remove(t.table()), t)) {
        different.add(t.table());
      }
    }
    different.addAll(new java.util.TreeSet<>(byName.keySet()));
    return different;
  }

  private static void emptyFolder(Path dir) {
    try (Stream<Path> inside = Files.list(dir)) {
      inside.forEach(Commands::deleteTree);
    } catch (IOException e) {
      // the refusal names the folder
    }
  }
}
