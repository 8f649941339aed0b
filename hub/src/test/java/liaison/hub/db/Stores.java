package liaison.hub.db;

import java.nio.file.Path;
import java.time.Duration;
import liaison.hub.TestDatabases;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/** The hub's schema on either store, for tests of the base that need no hub around it. */
public final class Stores {
  private Stores() {}

  /** A fresh database with every migration: a SQLite file in {@code dir}, or its own PostgreSQL. */
  public static Database migrated(TestDatabases.Store store, Path dir) {
    if (store == TestDatabases.Store.SQLITE) {
      String url =
          "jdbc:sqlite:"
              + dir.resolve("hub.db")
              + "?foreign_keys=true&busy_timeout=10000&journal_mode=WAL&transaction_mode=IMMEDIATE";
      Flyway.configure()
          .dataSource(url, "", "")
          .locations("classpath:db/migration")
          .load()
          .migrate();
      return new Database(Jdbi.create(url), true, Duration.ofSeconds(10));
    }
    TestDatabases.PostgresDatabase pg = TestDatabases.createPostgres();
    Flyway.configure()
        .dataSource(pg.url(), pg.user(), pg.password())
        .locations("classpath:db/migration")
        .load()
        .migrate();
    return new Database(
        Jdbi.create(pg.url(), pg.user(), pg.password()), false, Duration.ofSeconds(10));
  }
}
