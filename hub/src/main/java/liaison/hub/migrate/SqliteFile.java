package liaison.hub.migrate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * The county's SQLite file, held alone for as long as the migration runs.
 *
 * <p>A running hub keeps a connection open, and in WAL mode an open connection holds a shared lock
 * on the file. The file is opened here in SQLite's exclusive locking mode without waiting: the
 * first read then needs the file to itself, so it fails at once while any hub has it open, and once
 * it succeeds no hub can open the file until the migration ends, so nothing is written to it that
 * would not be copied. The file is never written (SQLite folds a write-ahead log left by a hub into
 * it when the last connection closes, as the hub itself does on stopping).
 */
final class SqliteFile implements AutoCloseable {
  private static final byte[] HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
  private static final int SQLITE_BUSY = 5;
  private static final int SQLITE_LOCKED = 6;

  private final Path path;
  private final Connection connection;

  private SqliteFile(Path path, Connection connection) {
    this.path = path;
    this.connection = connection;
  }

  /**
   * @throws MigrationRefused when the file is missing, is not a SQLite database, or a hub has it
   *     open
   */
  static SqliteFile open(Path file) {
    Path path = file.toAbsolutePath().normalize();
    if (!Files.isRegularFile(path)) {
      throw new MigrationRefused(Text.of("migrate.refused.source-missing", path));
    }
    if (!startsWithHeader(path)) {
      throw new MigrationRefused(Text.of("migrate.refused.not-liaison", path));
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setOpenMode(SQLiteOpenMode.READWRITE);
    config.setLockingMode(SQLiteConfig.LockingMode.EXCLUSIVE);
    config.setBusyTimeout(0);
    Connection connection = null;
    try {
      connection = DriverManager.getConnection("jdbc:sqlite:" + path, config.toProperties());
      // The first read takes the lock, or finds a hub holding the file.
      try (Statement s = connection.createStatement();
          ResultSet r = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
        r.next();
      }
      return new SqliteFile(path, connection);
    } catch (SQLException e) {
      closeQuietly(connection);
      if (isBusy(e)) {
        throw new MigrationRefused(Text.of("migrate.refused.source-in-use", path), e);
      }
      throw new MigrationRefused(
          Text.of("migrate.refused.source-unreadable", path, TableCopy.reason(e)), e);
    }
  }

  private static boolean startsWithHeader(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      return Arrays.equals(in.readNBytes(HEADER.length), HEADER);
    } catch (IOException e) {
      throw new MigrationRefused(
          Text.of("migrate.refused.source-unreadable", path, String.valueOf(e.getMessage())), e);
    }
  }

  private static boolean isBusy(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql
          && (sql.getErrorCode() == SQLITE_BUSY
              || sql.getErrorCode() == SQLITE_LOCKED
              || String.valueOf(sql.getMessage()).contains("SQLITE_BUSY"))) {
        return true;
      }
    }
    return false;
  }

  Path path() {
    return path;
  }

  Connection connection() {
    return connection;
  }

  /** Every table of the file but SQLite's own and Flyway's history ({@code history}). */
  List<String> tables(String history) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (PreparedStatement q =
        connection.prepareStatement(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%'"
                + " ESCAPE '!' AND name <> ? ORDER BY name")) {
      q.setString(1, history);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          tables.add(r.getString(1));
        }
      }
    }
    return tables;
  }

  /** The columns of a table, in the file's order. */
  List<String> columns(String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (PreparedStatement q =
        connection.prepareStatement("SELECT name FROM pragma_table_info(?)")) {
      q.setString(1, table);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          columns.add(r.getString(1));
        }
      }
    }
    return columns;
  }

  boolean hasTable(String name) throws SQLException {
    try (PreparedStatement q =
        connection.prepareStatement(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
      q.setString(1, name);
      try (ResultSet r = q.executeQuery()) {
        return r.next();
      }
    }
  }

  /** Flyway's history as the file keeps it, or empty without one. */
  List<SchemaHistory.Applied> history(String table) throws SQLException {
    List<SchemaHistory.Applied> applied = new ArrayList<>();
    if (!hasTable(table)) {
      return applied;
    }
    try (Statement s = connection.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT version, description, type, checksum, success FROM "
                    + Table.quote(table)
                    + " ORDER BY installed_rank")) {
      while (r.next()) {
        Object checksum = r.getObject(4);
        applied.add(
            new SchemaHistory.Applied(
                r.getString(1),
                String.valueOf(r.getString(2)),
                String.valueOf(r.getString(3)),
                checksum == null ? null : ((Number) checksum).intValue(),
                r.getInt(5) == 1));
      }
    }
    return applied;
  }

  /**
   * SQLite's own checks before anything is copied: the file is sound ({@code quick_check}) and no
   * row refers to one that does not exist ({@code foreign_key_check}); PostgreSQL would refuse such
   * a row halfway through.
   */
  void check() throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("PRAGMA quick_check")) {
      List<String> problems = new ArrayList<>();
      while (r.next() && problems.size() < 5) {
        String line = r.getString(1);
        if (!"ok".equals(line)) {
          problems.add(line);
        }
      }
      if (!problems.isEmpty()) {
        throw new MigrationRefused(
            Text.of("migrate.refused.source-damaged", path, String.join("; ", problems)));
      }
    }
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("PRAGMA foreign_key_check")) {
      List<String> orphans = new ArrayList<>();
      while (r.next() && orphans.size() < 5) {
        orphans.add(r.getString(1) + " (rowid " + r.getLong(2) + ") → " + r.getString(3));
      }
      if (!orphans.isEmpty()) {
        throw new MigrationRefused(
            Text.of("migrate.refused.source-orphans", path, String.join("; ", orphans)));
      }
    }
  }

  @Override
  public void close() {
    closeQuietly(connection);
  }

  private static void closeQuietly(@Nullable Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      // Only read from: nothing to lose.
    }
  }
}
