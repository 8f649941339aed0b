package liaison.hub;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import liaison.hub.db.Database;
import liaison.hub.db.Dialect;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.jdbi.v3.core.Jdbi;

/**
 * The hub's schema without the hub, for repository and migration tests: a database of the given
 * store for a test's folder (SQLite's file in it, or the folder's own PostgreSQL database),
 * migrated by the hub's own Flyway migrations, and the {@link Database} the hub would put over it.
 * Test classes that use it run on both stores ({@link OnBothStores}).
 */
public final class TestStore implements AutoCloseable {
  /** As the hub opens its file, but without waiting for the disk: a test's data may be lost. */
  private static final String SQLITE_SETTINGS =
      "?journal_mode=WAL&synchronous=OFF&foreign_keys=true&busy_timeout=10000&transaction_mode=IMMEDIATE";

  private final TestDatabases.Store store;
  private final String url;
  private final String user;
  private final String password;
  private final HikariDataSource pool;
  private final Database database;

  private TestStore(TestDatabases.Store store, Path dir) {
    this.store = store;
    if (store == TestDatabases.Store.SQLITE) {
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      this.url = "jdbc:sqlite:" + dir.resolve("hub.db") + SQLITE_SETTINGS;
      this.user = "";
      this.password = "";
    } else {
      Map<String, Object> settings = TestDatabases.hubProperties(store, dir);
      this.url = (String) settings.get("hub.db.url");
      this.user = (String) settings.get("hub.db.user");
      this.password = (String) settings.get("hub.db.password");
    }
    // A small pool, as the hub has one: a connection per statement would make PostgreSQL's
    // property tests crawl. Idle connections close soon, so a test that forgets close() leaves
    // none open for long.
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(0);
    config.setIdleTimeout(10_000);
    config.setPoolName("test-store");
    this.pool = new HikariDataSource(config);
    Dialect dialect = Dialect.of(url);
    this.database =
        new Database(Jdbi.create(pool), dialect.writersTakeTurns(), Duration.ofSeconds(10));
  }

  /** The folder's database with every migration applied, as the hub leaves it at start. */
  public static TestStore migrated(TestDatabases.Store store, Path dir) {
    TestStore s = new TestStore(store, dir);
    s.flyway(MigrationVersion.LATEST).migrate();
    return s;
  }

  /** The folder's database as it is (empty the first time), for a test that migrates it itself. */
  public static TestStore empty(TestDatabases.Store store, Path dir) {
    return new TestStore(store, dir);
  }

  /** The hub's migrations up to {@code target} on this database. */
  public Flyway flyway(MigrationVersion target) {
    return Flyway.configure()
        .dataSource(url, user, password)
        .locations("classpath:db/migration")
        .target(target)
        .load();
  }

  public TestDatabases.Store store() {
    return store;
  }

  public Dialect dialect() {
    return Dialect.of(url);
  }

  public Database database() {
    return database;
  }

  @Override
  public void close() {
    pool.close();
  }

  /** A plain JDBC connection of its own, for reading the catalogue or holding a lock. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }
}
