package liaison.hub.migrate;

import java.nio.file.Path;
import java.util.Objects;
import java.util.SortedMap;
import liaison.hub.text.Text;
import org.flywaydb.core.api.MigrationVersion;
import org.jspecify.annotations.Nullable;

/**
 * The SQLite file's Flyway history held against the migrations this hub carries: it says whether
 * the file is a Liaison hub's at all, and at which version its schema is.
 */
final class SchemaHistory {
  /** One row of Flyway's history table. */
  record Applied(
      @Nullable String version,
      String description,
      String type,
      @Nullable Integer checksum,
      boolean success) {}

  private SchemaHistory() {}

  /**
   * The file's schema version: the highest migration applied to it.
   *
   * @param known this hub's migrations, version → checksum
   * @throws MigrationRefused when the history is not a Liaison hub's (no first migration of ours),
   *     a migration failed on the file, one is newer than this hub knows, or one is not ours
   */
  static MigrationVersion version(
      Path file, Iterable<Applied> applied, SortedMap<MigrationVersion, Integer> known) {
    MigrationVersion first = known.firstKey();
    MigrationVersion newest = known.lastKey();
    MigrationVersion version = null;
    boolean startsAsOurs = false;
    for (Applied row : applied) {
      if (row.version() == null) {
        continue; // a repeatable migration or Flyway's own bookkeeping: no schema version
      }
      MigrationVersion v = MigrationVersion.fromVersion(row.version());
      if (!row.success()) {
        throw new MigrationRefused(Text.of("migrate.refused.source-failed", file, v));
      }
      if (v.isNewerThan(newest)) {
        throw new MigrationRefused(Text.of("migrate.refused.source-newer", file, v, newest));
      }
      Integer checksum = known.get(v);
      if (checksum == null || !Objects.equals(checksum, row.checksum())) {
        if (v.equals(first)) {
          throw new MigrationRefused(Text.of("migrate.refused.not-liaison", file));
        }
        throw new MigrationRefused(
            Text.of("migrate.refused.source-unknown-migration", file, v, row.description()));
      }
      startsAsOurs |= v.equals(first);
      version = version == null || v.isNewerThan(version) ? v : version;
    }
    if (!startsAsOurs || version == null) {
      throw new MigrationRefused(Text.of("migrate.refused.not-liaison", file));
    }
    return version;
  }
}
