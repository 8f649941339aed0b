package liaison.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/**
 * The hub's SQLite schema, migrated once per test JVM and copied into the folder of each hub a test
 * starts on SQLite: Flyway's 34 migrations ran at every one of the suite's hundred-odd hub starts
 * (0.4–0.9 s each on two busy cores), now once per fork. The hub's own Flyway still validates every
 * migration against the copy's history as it starts (a changed or missing script fails the start as
 * before), and a hub whose folder does not exist yet, or already has a database, or names its own
 * {@code hub.db.url}, is left to make or migrate its database itself, as {@code HubStartupTest}'s
 * fresh folder and every restart on a folder do. The migrations from an empty database run here,
 * with the hub's own locations and settings, in every test JVM, and again in {@code
 * SchemaParityTest} and {@code MigrateToPostgresTest}.
 */
final class SqliteTemplate {
  /** The hub's own settings for its file (application.yml's hub.db.url), journal aside. */
  private static final String SETTINGS =
      "?synchronous=FULL&foreign_keys=true&busy_timeout=10000&transaction_mode=IMMEDIATE";

  private static Path template;

  private SqliteTemplate() {}

  /**
   * Copies the migrated schema to {@code dataDir/hub.db} if the folder exists and has no database
   * yet; otherwise does nothing.
   */
  static void copyInto(Path dataDir) {
    Path target = dataDir.resolve("hub.db");
    if (!Files.isDirectory(dataDir) || Files.exists(target)) {
      return;
    }
    try {
      Files.copy(migrated(), target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the migrated schema to " + target, e);
    }
  }

  private static synchronized Path migrated() throws IOException {
    if (template != null) {
      return template;
    }
    Path dir = Files.createTempDirectory("hub-schema");
    Path file = dir.resolve("hub.db");
    String url = "jdbc:sqlite:" + file + SETTINGS;
    Flyway.configure().dataSource(url, "", "").locations("classpath:db/migration").load().migrate();
    // One self-contained file (no -wal beside it) to copy; each hub's URL turns WAL on again.
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode=DELETE");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot settle the migrated schema in " + file, e);
    }
    // Deleted in the reverse order: the file, then its folder.
    dir.toFile().deleteOnExit();
    file.toFile().deleteOnExit();
    template = file;
    return file;
  }
}
