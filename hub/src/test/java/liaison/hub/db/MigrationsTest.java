package liaison.hub.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import liaison.hub.OnBothStores;
import liaison.hub.TestDatabases;
import liaison.hub.TestStore;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * The hub's Flyway migrations on each store, as the hub runs them at start: all of them on an empty
 * database, none on the next start, and the ones that move data (not only tables) doing so on both.
 */
@OnBothStores
class MigrationsTest {
  @Parameter TestDatabases.Store store;
  @TempDir Path dir;
  private TestStore db;

  @AfterEach
  void close() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void shouldApplyEveryMigrationToAnEmptyDatabaseAndNoneOnTheNextStart() {
    db = TestStore.empty(store, dir);
    MigrationInfo[] pending = db.flyway(MigrationVersion.LATEST).info().pending();
    assertThat(pending).as("the hub's migrations").hasSizeGreaterThanOrEqualTo(11);

    MigrateResult first = db.flyway(MigrationVersion.LATEST).migrate();
    MigrateResult again = db.flyway(MigrationVersion.LATEST).migrate();

    assertThat(first.success).isTrue();
    assertThat(first.migrationsExecuted).isEqualTo(pending.length);
    assertThat(first.targetSchemaVersion)
        .isEqualTo(pending[pending.length - 1].getVersion().toString());
    assertThat(again.migrationsExecuted).as("a restart migrates nothing").isZero();
    assertThat(db.flyway(MigrationVersion.LATEST).validateWithResult().validationSuccessful)
        .as("the applied migrations match the files (checksums)")
        .isTrue();
  }

  @Test
  void shouldGiveEachStoredDeputyTheCountyOfTheirFirstStationInVersion3() {
    db = TestStore.empty(store, dir);
    db.flyway(MigrationVersion.fromVersion("2")).migrate();
    db.database()
        .useHandle(
            h -> {
              h.execute("INSERT INTO county (id, name) VALUES ('c-1', '青溪县'), ('c-2', '白沙县')");
              h.execute(
                  "INSERT INTO township (id, county_id, name) VALUES ('t-1', 'c-1', '城关镇'),"
                      + " ('t-2', 'c-2', '白沙镇')");
              for (String[] s : List.of(new String[] {"s-b", "t-2"}, new String[] {"s-a", "t-1"})) {
                h.execute(
                    "INSERT INTO station (id, township_id, name, kind, public_token, created_at,"
                        + " updated_at) VALUES (?, ?, '站', 'HOME', ?, '2026-01-01T08:00:00+08:00',"
                        + " '2026-01-01T08:00:00+08:00')",
                    s[0],
                    s[1],
                    "tok-" + s[0]);
              }
              for (String d : List.of("d-both", "d-none")) {
                h.execute(
                    "INSERT INTO deputy (id, name, created_at, updated_at) VALUES (?, '代表',"
                        + " '2026-01-01T08:00:00+08:00', '2026-01-01T08:00:00+08:00')",
                    d);
              }
              // Assigned to s-b first: the migration takes the first station by id, s-a.
              h.execute(
                  "INSERT INTO station_deputy (station_id, deputy_id) VALUES ('s-b', 'd-both'),"
                      + " ('s-a', 'd-both')");
            });

    db.flyway(MigrationVersion.fromVersion("3")).migrate();

    assertThat(county("d-both")).isEqualTo("c-1");
    assertThat(county("d-none")).as("a deputy at no station has no county yet").isNull();
  }

  @Test
  void shouldLetExistingAccountsKeepTheirPasswordsInVersion11() {
    db = TestStore.empty(store, dir);
    db.flyway(MigrationVersion.fromVersion("10")).migrate();
    db.database()
        .useHandle(
            h -> {
              h.execute("INSERT INTO county (id, name) VALUES ('c-1', '青溪县')");
              h.execute(
                  "INSERT INTO staff_account (id, username, display_name, role, county_id,"
                      + " password_hash, created_at, updated_at) VALUES ('u-1', 'lin', '林',"
                      + " 'COUNTY_ADMIN', 'c-1', 'x', '2026-01-01T08:00:00+08:00',"
                      + " '2026-01-01T08:00:00+08:00')");
            });

    db.flyway(MigrationVersion.fromVersion("11")).migrate();

    Boolean mustChange =
        db.database()
            .withHandle(
                h ->
                    h.createQuery("SELECT must_change_password FROM staff_account WHERE id = 'u-1'")
                        .mapTo(Boolean.class)
                        .one());
    assertThat(mustChange).isFalse();
  }

  private String county(String deputy) {
    return db.database()
        .withHandle(
            h ->
                h.createQuery("SELECT county_id FROM deputy WHERE id = :id")
                    .bind("id", deputy)
                    .mapTo(String.class)
                    .one());
  }
}
