package liaison.hub.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import liaison.hub.TestDatabases;
import liaison.hub.TestDatabases.PostgresDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The copy on what the hub's tables do not have today but a migration may add: a column the
 * database numbers itself (bigserial), bytes, a foreign key to a row stored later in the same
 * table; and the check that catches a difference. SQLite file and PostgreSQL database of the test's
 * own.
 */
class TableCopyTest {
  @TempDir Path dir;
  private Connection sqlite;
  private Connection postgres;

  @BeforeEach
  void open() throws SQLException {
    PostgresDatabase target = TestDatabases.createPostgres();
    sqlite = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("source.db"));
    postgres = target.connect();
    try (Statement s = sqlite.createStatement()) {
      s.execute(
          "CREATE TABLE item (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES item (id),"
              + " name TEXT NOT NULL, done BOOLEAN NOT NULL, weight DOUBLE PRECISION,"
              + " picture BLOB)");
    }
    try (Statement s = postgres.createStatement()) {
      s.execute(
          "CREATE TABLE item (id BIGSERIAL PRIMARY KEY, parent BIGINT REFERENCES item (id),"
              + " name TEXT NOT NULL, done BOOLEAN NOT NULL, weight DOUBLE PRECISION,"
              + " picture BYTEA)");
    }
  }

  @AfterEach
  void close() throws SQLException {
    // Nothing opened when there is no PostgreSQL to copy to (the test was skipped, saying why).
    if (sqlite != null) {
      sqlite.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  private void insert(long id, Long parent, String name, Object done, Double weight, byte[] picture)
      throws SQLException {
    try (PreparedStatement q =
        sqlite.prepareStatement("INSERT INTO item VALUES (?, ?, ?, ?, ?, ?)")) {
      q.setLong(1, id);
      q.setObject(2, parent);
      q.setString(3, name);
      q.setObject(4, done);
      q.setObject(5, weight);
      q.setBytes(6, picture);
      q.executeUpdate();
    }
  }

  private Table item() throws SQLException {
    return TargetSchema.read(postgres, List.of("item")).getFirst();
  }

  /** Copies in one transaction, as the migration does, and commits. */
  private long copy(Table table) throws SQLException {
    postgres.setAutoCommit(false);
    TableCopy copy = new TableCopy(sqlite, postgres);
    long rows = copy.copy(table);
    copy.setSequencesPast(List.of(table));
    postgres.commit();
    postgres.setAutoCommit(true);
    return rows;
  }

  @Test
  void shouldCopyBytesNumbersAndReferencesToLaterRowsAndNumberOnPastThem() throws SQLException {
    byte[] picture = new byte[256];
    for (int i = 0; i < picture.length; i++) {
      picture[i] = (byte) i;
    }
    // Row 1 refers to row 3, which SQLite stores after it.
    insert(1, 3L, "一号", 1, 0.1, picture);
    insert(2, 1L, "二号", 0, Double.MIN_VALUE, new byte[0]);
    insert(3, null, "三号", 1, null, null);
    Table table = item();
    assertThat(table.selfReferences()).containsExactly("parent");
    assertThat(table.column("id").numbered()).isTrue();

    assertThat(copy(table)).isEqualTo(3);

    assertThat(TableDigest.of(postgres, table, TableDigest.Side.POSTGRESQL))
        .isEqualTo(TableDigest.of(sqlite, table, TableDigest.Side.SQLITE));
    try (Statement s = postgres.createStatement();
        ResultSet r =
            s.executeQuery("SELECT parent, done, weight, picture FROM item ORDER BY id")) {
      r.next();
      assertThat(r.getLong(1)).isEqualTo(3);
      assertThat(r.getBoolean(2)).isTrue();
      assertThat(r.getDouble(3)).isEqualTo(0.1);
      assertThat(r.getBytes(4)).isEqualTo(picture);
      r.next();
      assertThat(r.getDouble(3)).isEqualTo(Double.MIN_VALUE);
      assertThat(r.getBytes(4)).isEmpty();
    }
    try (Statement s = postgres.createStatement();
        ResultSet r =
            s.executeQuery("INSERT INTO item (name, done) VALUES ('四号', false) RETURNING id")) {
      r.next();
      assertThat(r.getLong(1)).as("the sequence goes on past the ids copied").isEqualTo(4);
    }
  }

  @Test
  void shouldSeeAnyCellThatDiffers() throws SQLException {
    insert(1, null, "一号", 1, 0.1, new byte[] {1, 2, 3});
    insert(2, null, "二号", 0, 0.2, new byte[] {4});
    Table table = item();
    copy(table);
    TableDigest source = TableDigest.of(sqlite, table, TableDigest.Side.SQLITE);

    List<String> changes =
        List.of(
            "UPDATE item SET name = '二號' WHERE id = 2",
            "UPDATE item SET done = true WHERE id = 2",
            "UPDATE item SET weight = 0.2000001 WHERE id = 2",
            "UPDATE item SET picture = '\\x0102' WHERE id = 1",
            "UPDATE item SET parent = 1 WHERE id = 2",
            "DELETE FROM item WHERE id = 2");
    for (String change : changes) {
      postgres.setAutoCommit(false);
      try (Statement s = postgres.createStatement()) {
        s.execute(change);
        assertThat(TableDigest.of(postgres, table, TableDigest.Side.POSTGRESQL))
            .as(change)
            .isNotEqualTo(source);
      } finally {
        postgres.rollback();
        postgres.setAutoCommit(true);
      }
    }
    assertThat(TableDigest.of(postgres, table, TableDigest.Side.POSTGRESQL)).isEqualTo(source);
  }

  @Test
  void shouldRefuseAValueItsColumnCannotTakeNamingTheRow() throws SQLException {
    insert(1, null, "一号", 1, 0.1, null);
    insert(7, null, "七号", 2, 0.1, null);
    Table table = item();
    postgres.setAutoCommit(false);

    assertThatThrownBy(() -> new TableCopy(sqlite, postgres).copy(table))
        .isInstanceOfSatisfying(
            MigrationRefused.class,
            e -> {
              assertThat(e.reason().zh()).contains("表 item 的列 done（id = 7）", "是非列里存着 2");
              assertThat(e.reason().en())
                  .contains("column done of table item (id = 7)", "a boolean column holds 2");
            });
    postgres.rollback();

    try (Statement s = sqlite.createStatement()) {
      s.execute("UPDATE item SET done = 1 WHERE id = 7");
      s.execute("UPDATE item SET name = x'e4b883' WHERE id = 7");
    }
    assertThatThrownBy(() -> new TableCopy(sqlite, postgres).copy(table))
        .isInstanceOfSatisfying(
            MigrationRefused.class,
            e -> assertThat(e.reason().en()).contains("(id = 7)", "a TEXT column holds bytes"));
    postgres.rollback();
  }

  @Test
  void shouldOrderParentsBeforeChildrenAndRefuseACircle() {
    Table a = new Table("a", List.of(), List.of(), Set.of(), false);
    Table b = new Table("b", List.of(), List.of(), Set.of(), false);
    Table c = new Table("c", List.of(), List.of(), Set.of(), false);
    List<Table> ordered =
        TargetSchema.inForeignKeyOrder(
            new java.util.TreeMap<>(Map.of("a", a, "b", b, "c", c)),
            Map.of("a", Set.of("c"), "c", Set.of("b")));
    assertThat(new ArrayList<>(ordered.stream().map(Table::name).toList()))
        .containsExactly("b", "c", "a");

    assertThatThrownBy(
            () ->
                TargetSchema.inForeignKeyOrder(
                    new java.util.TreeMap<>(Map.of("a", a, "b", b, "c", c)),
                    Map.of("a", Set.of("b"), "b", Set.of("a"))))
        .isInstanceOfSatisfying(
            MigrationRefused.class,
            e -> assertThat(e.reason().en()).contains("in a circle", "copies them: a, b"));
  }
}
