package liaison.hub.backup;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import liaison.hub.migrate.DatabaseDigest;
import liaison.hub.migrate.DatabaseDigest.TableFigures;
import liaison.hub.text.Text;

/**
 * The database's part of a backup: a copy of one consistent moment, taken while the hub writes,
 * with the figures of every table read in that same moment; and the way back into an empty store.
 */
sealed interface DatabaseCopy permits SqliteCopy, PostgresCopy {

  /** What a copy holds beside the copy itself: the schema's version and every table's figures. */
  record Snapshot(String schemaVersion, List<TableFigures> tables) {}

  static DatabaseCopy of(HubSettings settings) {
    return settings
        .sqliteFile()
        .<DatabaseCopy>map(SqliteCopy::new)
        .orElseGet(
            () -> new PostgresCopy(settings.dbUrl(), settings.dbUser(), settings.dbPassword()));
  }

  /** {@code sqlite} or {@code postgresql}, as the manifest names it. */
  String store();

  /** The database's entry in the backup file. */
  String entryName();

  /** Writes the copy to {@code into} and reads the figures, all in one snapshot. */
  Snapshot take(Path into);

  /**
   * @throws BackupRefused when the target holds anything already
   */
  void checkEmpty();

  /** Puts a copy taken by {@link #take} into the (empty) target. */
  void restore(Path from);

  /** The database's address (a file, a URL without its query) for people to read. */
  String shown();

  /** A connection of its own to the database. */
  Connection connect() throws SQLException;

  /** The schema's version and every table's figures as the target holds them now. */
  default Snapshot read() {
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      Snapshot snapshot = snapshot(c);
      c.commit();
      return snapshot;
    } catch (SQLException e) {
      throw new BackupRefused(Text.of("backup.failed", String.valueOf(e.getMessage())), e);
    }
  }

  /** The schema's version and every table's figures, in the connection's transaction. */
  default Snapshot snapshot(Connection c) throws SQLException {
    String history = DatabaseDigest.historyTable();
    String version =
        DatabaseDigest.schemaVersion(c, history)
            .orElseThrow(() -> new BackupRefused(Text.of("backup.refused.not-liaison", shown())));
    return new Snapshot(version, DatabaseDigest.of(c, history));
  }

  /** Removes what {@link #restore} put into the target, which was empty before. */
  void undo();
}
