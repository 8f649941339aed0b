package liaison.hub.backup;

import java.nio.file.Path;
import java.util.List;
import liaison.hub.migrate.DatabaseDigest.TableFigures;

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

  /** The schema's version and every table's figures as the target holds them now. */
  Snapshot read();

  /** Removes what {@link #restore} put into the target, which was empty before. */
  void undo();
}
