package liaison.hub.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import liaison.hub.text.Text;
import org.sqlite.SQLiteConfig;

/**
 * SQLite's file, copied with SQLite's online backup while the hub writes to it: never a copy of the
 * file itself, which a hub in WAL mode may be halfway through changing (the last changes sit in
 * {@code hub.db-wal} until a checkpoint folds them in).
 *
 * <p>One read transaction holds the moment: the schema's version and every table's figures are read
 * in it, then the online backup runs on the same connection, which reads from the transaction it
 * finds open instead of starting one of its own. The hub goes on writing to its write-ahead log
 * meanwhile; none of that reaches this transaction.
 */
final class SqliteCopy implements DatabaseCopy {
  private final Path file;

  SqliteCopy(Path file) {
    this.file = file;
  }

  @Override
  public String store() {
    return "sqlite";
  }

  @Override
  public String entryName() {
    return Manifest.DATABASE_PREFIX + "hub.db";
  }

  @Override
  public Snapshot take(Path into) {
    if (!Files.isRegularFile(file)) {
      throw new BackupRefused(Text.of("backup.refused.no-database", file));
    }
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      // The first read starts the transaction, and with it the moment the copy is of.
      Snapshot snapshot = snapshot(c);
      try (Statement s = c.createStatement()) {
        s.executeUpdate("backup to \"" + into.toAbsolutePath() + "\"");
      }
      c.commit();
      return snapshot;
    } catch (SQLException e) {
      throw new BackupRefused(Text.of("backup.failed", String.valueOf(e.getMessage())), e);
    }
  }

  @Override
  public String shown() {
    return file.toString();
  }

  @Override
  public Connection connect() throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(10_000);
    return DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
  }

  @Override
  public void checkEmpty() {
    if (Files.exists(file)) {
      throw new BackupRefused(Text.of("restore.refused.not-empty", file));
    }
  }

  @Override
  public void restore(Path from) {
    try {
      Files.createDirectories(file.getParent());
      Files.copy(from, file);
    } catch (IOException e) {
      throw new BackupRefused(Text.of("backup.failed", String.valueOf(e.getMessage())), e);
    }
  }

  @Override
  public void undo() {
    for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
      try {
        Files.deleteIfExists(Path.of(file + suffix));
      } catch (IOException e) {
        // what is left is named in the refusal's folder, which the person removes
      }
    }
  }
}
