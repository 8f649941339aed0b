package liaison.hub.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import liaison.hub.OnBothStores;
import liaison.hub.TestDatabases;
import liaison.hub.TestStore;
import liaison.hub.config.StartupProblem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * What {@link Dialect} says about each database, against the database itself: a search that ignores
 * case and takes wildcards literally, the same order where a NULL meets an ORDER BY, and which
 * failures are the database's state (busy, unreachable: try again) and which the statement's
 * (refused: drop it).
 */
@OnBothStores
class DialectTest {
  @Parameter TestDatabases.Store store;
  @TempDir Path dir;
  private TestStore db;

  @BeforeEach
  void open() {
    db = TestStore.migrated(store, dir);
    db.database()
        .useHandle(
            h -> {
              h.execute("INSERT INTO county (id, name) VALUES ('c-1', '青溪县')");
              int n = 0;
              for (String name :
                  List.of("Road LAMP office", "路灯管理所", "100% sure", "a_b", "back\\slash", "ab")) {
                h.execute(
                    "INSERT INTO department (id, county_id, name, contact, created_at, updated_at)"
                        + " VALUES (?, 'c-1', ?, ?, '2026-03-02T09:00:00+08:00',"
                        + " '2026-03-02T09:00:00+08:00')",
                    "dep-" + n,
                    name,
                    n % 2 == 0 ? "" : "contact " + n);
                n++;
              }
            });
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void shouldTakeTheDialectFromTheUrlAndRefuseAnyOtherDatabase() {
    assertThat(Dialect.of("jdbc:sqlite:data/hub.db?journal_mode=WAL")).isEqualTo(Dialect.SQLITE);
    assertThat(Dialect.of("jdbc:postgresql://db/liaison")).isEqualTo(Dialect.POSTGRESQL);
    assertThat(db.dialect().product()).isEqualTo(store.toString());
    assertThat(db.dialect().writersTakeTurns()).isEqualTo(store == TestDatabases.Store.SQLITE);
    assertThatThrownBy(() -> Dialect.of("jdbc:mysql://db/liaison?password=secret"))
        .isInstanceOf(StartupProblem.class)
        .hasMessageContaining("jdbc:sqlite:")
        .hasMessageContaining("jdbc:postgresql:")
        .hasMessageContaining("--db-url")
        .hasMessageNotContaining("secret");
  }

  @Test
  void shouldFindTextAnywhereIgnoringTheCaseOfLettersAndTakingWildcardsLiterally() {
    assertThat(named("lamp")).containsExactly("Road LAMP office");
    assertThat(named("ROAD lamp")).containsExactly("Road LAMP office");
    assertThat(named("路灯")).containsExactly("路灯管理所");
    assertThat(named("%")).as("a percent sign is a percent sign").containsExactly("100% sure");
    assertThat(named("_")).as("an underscore is an underscore").containsExactly("a_b");
    assertThat(named("\\")).as("a backslash is a backslash").containsExactly("back\\slash");
    assertThat(named("k\\s")).containsExactly("back\\slash");
    assertThat(named("!")).as("nor is the escape character").isEmpty();
    Dialect dialect = db.dialect();
    int twice =
        db.database()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT COUNT(*) FROM department WHERE "
                                + dialect.containsIgnoringCase("name", "q")
                                + " OR "
                                + dialect.containsIgnoringCase("contact", "q"))
                        .bind("q", Dialect.containing("CONTACT"))
                        .mapTo(Integer.class)
                        .one());
    assertThat(twice).as("one parameter, two columns in one statement").isEqualTo(3);
  }

  private List<String> named(String text) {
    Dialect dialect = db.dialect();
    return db.database()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT name FROM department WHERE "
                            + dialect.containsIgnoringCase("name", "q")
                            + " ORDER BY name")
                    .bind("q", Dialect.containing(text))
                    .mapTo(String.class)
                    .list());
  }

  @Test
  void shouldPutNullsWhereTheOrderSaysOnBoth() {
    db.database()
        .useHandle(
            h -> {
              for (String[] row :
                  List.of(
                      new String[] {"A", "2026-03-02T10:00:00+08:00"},
                      new String[] {"B", null},
                      new String[] {"C", "2026-03-02T09:00:00+08:00"})) {
                h.execute(
                    "INSERT INTO station_enrolment (code, station_id, password_hash, app_version,"
                        + " requested_at, requested_from, expires_at, used_at) VALUES (?, 's-1', 'x',"
                        + " '1', '2026-03-02T08:00:00+08:00', '10.0.0.1', '2026-03-02T08:15:00+08:00',"
                        + " ?)",
                    row[0],
                    row[1]);
              }
            });
    assertThat(codes("ORDER BY used_at NULLS FIRST, code")).containsExactly("B", "C", "A");
    assertThat(codes("ORDER BY used_at DESC NULLS LAST, code")).containsExactly("A", "C", "B");
  }

  private List<String> codes(String order) {
    return db.database()
        .withHandle(
            h ->
                h.createQuery("SELECT code FROM station_enrolment " + order)
                    .mapTo(String.class)
                    .list());
  }

  @Test
  void shouldCallARefusedRowRefusedAndADatabaseThatIsNotThereUnavailable() {
    Throwable duplicate =
        catchThrowable(
            () ->
                db.database()
                    .useTransaction(
                        h -> h.execute("INSERT INTO county (id, name) VALUES ('c-1', '又一个青溪县')")));
    Throwable notNull =
        catchThrowable(
            () ->
                db.database()
                    .useTransaction(
                        h -> h.execute("INSERT INTO county (id, name) VALUES ('c-2', NULL)")));
    Throwable noSuchTable =
        catchThrowable(
            () -> db.database().useHandle(h -> h.execute("SELECT * FROM no_such_table")));

    assertThat(DatabaseFault.of(duplicate)).isEqualTo(DatabaseFault.REFUSED);
    assertThat(DatabaseFault.of(notNull)).isEqualTo(DatabaseFault.REFUSED);
    assertThat(DatabaseFault.of(noSuchTable)).isEqualTo(DatabaseFault.REFUSED);
    assertThat(DatabaseFault.of(unreachable())).isEqualTo(DatabaseFault.UNAVAILABLE);
  }

  /** The failure of a connection to where no database is. */
  private SQLException unreachable() {
    String url =
        store == TestDatabases.Store.SQLITE
            ? "jdbc:sqlite:" + dir.resolve("no-such-folder").resolve("hub.db")
            : "jdbc:postgresql://127.0.0.1:1/liaison?connectTimeout=2";
    try (Connection c = DriverManager.getConnection(url, "liaison", "liaison")) {
      throw new AssertionError("connected to " + url);
    } catch (SQLException e) {
      return e;
    }
  }

  @Test
  void shouldAnswerBusyWhenAnotherConnectionHoldsWhatAWriteNeedsPastItsPatience()
      throws SQLException {
    try (Connection other = db.connect();
        Statement lock = other.createStatement()) {
      if (store == TestDatabases.Store.SQLITE) {
        lock.execute("BEGIN IMMEDIATE");
      } else {
        other.setAutoCommit(false);
        lock.execute("UPDATE county SET name = name WHERE id = 'c-1'");
      }

      Throwable waited =
          catchThrowable(
              () ->
                  db.database()
                      .useHandle(
                          h -> {
                            // A short patience, so the test does not wait the hub's 10 s.
                            h.execute(
                                store == TestDatabases.Store.SQLITE
                                    ? "PRAGMA busy_timeout = 200"
                                    : "SET lock_timeout = '200ms'");
                            h.execute("UPDATE county SET name = '清溪县' WHERE id = 'c-1'");
                          }));

      assertThat(waited).isInstanceOf(DatabaseBusy.class);
      assertThat(DatabaseFault.of(waited)).isEqualTo(DatabaseFault.UNAVAILABLE);
      if (store == TestDatabases.Store.SQLITE) {
        lock.execute("ROLLBACK");
      } else {
        other.rollback();
      }
    }
  }

  @Test
  void shouldRefuseToStartOnADatabaseThatCannotHoldChineseText() throws SQLException {
    try (Connection c = db.connect()) {
      assertThat(db.dialect().check(c)).as("UTF-8, collation C: nothing to say").isEmpty();
    }
    if (store == TestDatabases.Store.POSTGRESQL) {
      TestDatabases.PostgresDatabase latin =
          TestDatabases.createPostgres(
              "ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
      try (Connection c = latin.connect()) {
        assertThatThrownBy(() -> Dialect.POSTGRESQL.check(c))
            .isInstanceOf(StartupProblem.class)
            .hasMessageContaining("数据库编码须为 UTF8")
            .hasMessageContaining(latin.name())
            .hasMessageContaining("LATIN1")
            .hasMessageContaining("ENCODING 'UTF8'");
      }
    }
  }
}
