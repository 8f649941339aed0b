package liaison.hub.migrate;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import liaison.hub.text.Text;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The hub's own Flyway migrations, configured as the hub configures them at start ({@code
 * flyway.datasources.default} in application.yml), pointed at the target database: what they are,
 * how far the target has them, and bringing it to the source's version.
 */
final class HubMigrations {
  private final Map<String, String> settings;
  private final String url;
  private final String user;
  private final String password;

  /**
   * @param settings Flyway's own configuration keys ({@code flyway.locations}, …)
   */
  HubMigrations(Map<String, String> settings, String url, String user, String password) {
    this.settings = Map.copyOf(settings);
    this.url = url;
    this.user = user;
    this.password = password;
  }

  private Flyway flyway(FluentConfiguration configuration) {
    return configuration.dataSource(url, user, password).load();
  }

  private FluentConfiguration configuration() {
    return Flyway.configure(HubMigrations.class.getClassLoader()).configuration(settings);
  }

  /** The name of Flyway's history table (in the SQLite file too). */
  String historyTable() {
    return configuration().getTable();
  }

  /** Every versioned migration this hub has, version → checksum. */
  SortedMap<MigrationVersion, Integer> known() {
    SortedMap<MigrationVersion, Integer> known = new TreeMap<>();
    for (MigrationInfo info : run(() -> flyway(configuration()).info().all())) {
      if (info.getVersion() != null && info.getResolvedChecksum() != null) {
        known.put(info.getVersion(), info.getResolvedChecksum());
      }
    }
    if (known.isEmpty()) {
      throw new IllegalStateException("this hub carries no migrations: " + settings);
    }
    return known;
  }

  /** The version the target's schema is at, if Flyway has been there. */
  Optional<MigrationVersion> applied() {
    MigrationInfo current = run(() -> flyway(configuration()).info().current());
    return Optional.ofNullable(current).map(MigrationInfo::getVersion);
  }

  /** Applies the hub's migrations to the target up to {@code version}, and no further. */
  void migrateTo(MigrationVersion version) {
    run(() -> flyway(configuration().target(version)).migrate());
  }

  private static <T> T run(java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (FlywayException e) {
      throw new MigrationRefused(
          Text.of("migrate.failed.schema", String.valueOf(e.getMessage())), e);
    }
  }
}
