package liaison.hub.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import liaison.hub.RunningHub;
import liaison.hub.TestDatabases;
import liaison.hub.config.StartupProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hubs of this run work on the store the run chose, as the database itself says: with {@code
 * -Dliaison.test.db=postgresql} (CI's second step) every hub test runs on PostgreSQL, not on a
 * SQLite file that a forgotten setting left in place. On PostgreSQL each connection gives up
 * waiting for another's row lock after the hub's patience, and a database that cannot hold Chinese
 * text is refused before anything is written to it.
 */
class StoreInUseTest {

  @Test
  void shouldRunTheHubOnTheStoreTheRunChose(@TempDir Path dir) throws Exception {
    TestDatabases.Store chosen = TestDatabases.chosen();
    try (RunningHub hub = RunningHub.start(dir, Map.of("hub.demo", "never"))) {
      Database database = hub.bean(Database.class);
      String product =
          database.withHandle(h -> h.getConnection().getMetaData().getDatabaseProductName());

      assertThat(product).isEqualTo(chosen.toString());
      assertThat(hub.bean(Dialect.class).product()).isEqualTo(chosen.toString());
      if (chosen == TestDatabases.Store.POSTGRESQL) {
        String lockTimeout =
            database.withHandle(h -> h.createQuery("SHOW lock_timeout").mapTo(String.class).one());
        assertThat(lockTimeout).isEqualTo("10s");
        assertThat(database.waitingWriters()).isZero();
      }
    }
  }

  @Test
  void shouldRefuseToStartOnAPostgresDatabaseThatCannotHoldChineseTextBeforeMigratingIt(
      @TempDir Path dir) throws Exception {
    TestDatabases.PostgresDatabase latin =
        TestDatabases.createPostgres(
            "ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
    Map<String, Object> settings = new java.util.HashMap<>(latin.hubProperties());
    settings.put("hub.demo", "never");

    assertThatThrownBy(() -> RunningHub.start(dir, settings).close())
        .rootCause()
        .isInstanceOf(StartupProblem.class)
        .hasMessageContaining("数据库编码须为 UTF8")
        .hasMessageContaining("LATIN1")
        .hasMessageContaining("ENCODING 'UTF8'");
    try (var c = latin.connect();
        var tables = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
      assertThat(tables.next()).as("nothing migrated").isFalse();
    }
  }
}
