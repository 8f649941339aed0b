package liaison.hub.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import liaison.hub.TestDatabases;
import liaison.hub.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same migrations make the same schema on SQLite and on PostgreSQL, as each database's own
 * catalogue reports it: the tables, their columns (name, type, whether NULL is allowed), primary
 * keys, foreign keys (columns, the table and columns they point to, what a delete does) and every
 * index, those that enforce uniqueness included. A migration written for one database only, or one
 * that means something else on the other, fails here.
 */
class SchemaParityTest {

  @Test
  void shouldMakeTheSameTablesColumnsKeysAndIndexesOnBothStores(@TempDir Path dir)
      throws SQLException {
    TestDatabases.assumePostgres();
    Map<String, Table> sqlite;
    Map<String, Table> postgres;
    try (TestStore a = TestStore.migrated(TestDatabases.Store.SQLITE, dir.resolve("sqlite"));
        TestStore b = TestStore.migrated(TestDatabases.Store.POSTGRESQL, dir.resolve("pg"))) {
      sqlite = schema(a, null);
      postgres = schema(b, "public");
    }

    assertThat(sqlite).as("the hub's tables").containsKeys("station", "opinion_case");
    assertThat(postgres.keySet()).isEqualTo(sqlite.keySet());
    for (String table : sqlite.keySet()) {
      assertThat(postgres.get(table)).as(table).isEqualTo(sqlite.get(table));
    }
  }

  /** A table as both catalogues can say it. */
  record Table(
      SortedMap<String, String> columns,
      List<String> primaryKey,
      SortedSet<String> foreignKeys,
      SortedSet<String> uniqueIndexes,
      SortedSet<String> indexes) {}

  private static Map<String, Table> schema(TestStore store, String schema) throws SQLException {
    Map<String, Table> tables = new TreeMap<>();
    try (Connection c = store.connect()) {
      DatabaseMetaData meta = c.getMetaData();
      List<String> names = new ArrayList<>();
      try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
          // Flyway's own bookkeeping is Flyway's, shaped per database.
          if (!name.equals("flyway_schema_history")) {
            names.add(name);
          }
        }
      }
      for (String name : names) {
        List<String> primaryKey = primaryKey(meta, schema, name);
        tables.put(
            name,
            new Table(
                columns(meta, schema, name, primaryKey),
                primaryKey,
                foreignKeys(meta, schema, name),
                indexes(meta, schema, name, true),
                indexes(meta, schema, name, false)));
      }
    }
    return tables;
  }

  private static SortedMap<String, String> columns(
      DatabaseMetaData meta, String schema, String table, List<String> primaryKey)
      throws SQLException {
    SortedMap<String, String> columns = new TreeMap<>();
    try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
      while (rs.next()) {
        String name = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
        // SQLite lets NULL into a primary key column not declared NOT NULL (a quirk it keeps for
        // old files); PostgreSQL never does, and the hub never writes one: a key column counts as
        // NOT NULL on both.
        boolean nullable = "YES".equals(rs.getString("IS_NULLABLE")) && !primaryKey.contains(name);
        columns.put(name, type(rs.getString("TYPE_NAME")) + (nullable ? " NULL" : " NOT NULL"));
      }
    }
    return columns;
  }

  /** The declared type, in one spelling: SQLite reports it as written, PostgreSQL by its name. */
  private static String type(String declared) {
    String t = declared.toLowerCase(Locale.ROOT).strip();
    return switch (t) {
      case "text", "varchar" -> "text";
      case "integer", "int", "int4" -> "integer";
      case "bigint", "int8" -> "bigint";
      case "boolean", "bool" -> "boolean";
      case "double precision", "double", "float8" -> "double precision";
      default -> t;
    };
  }

  private static List<String> primaryKey(DatabaseMetaData meta, String schema, String table)
      throws SQLException {
    SortedMap<Integer, String> key = new TreeMap<>();
    try (ResultSet rs = meta.getPrimaryKeys(null, schema, table)) {
      while (rs.next()) {
        key.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
      }
    }
    return List.copyOf(key.values());
  }

  private static SortedSet<String> foreignKeys(DatabaseMetaData meta, String schema, String table)
      throws SQLException {
    // One row per column of each key, the key's columns in a row (KEY_SEQ 1, 2, …): SQLite names
    // none of its keys, so a key starts where KEY_SEQ starts again.
    List<String[]> keys = new ArrayList<>();
    try (ResultSet rs = meta.getImportedKeys(null, schema, table)) {
      while (rs.next()) {
        String from = rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT);
        String to = rs.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT);
        if (rs.getInt("KEY_SEQ") == 1 || keys.isEmpty()) {
          keys.add(
              new String[] {
                from,
                rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT),
                to,
                rule(rs.getInt("DELETE_RULE"))
              });
        } else {
          String[] key = keys.getLast();
          key[0] += "," + from;
          key[2] += "," + to;
        }
      }
    }
    SortedSet<String> described = new TreeSet<>();
    for (String[] k : keys) {
      described.add("(" + k[0] + ") → " + k[1] + " (" + k[2] + ") on delete " + k[3]);
    }
    return described;
  }

  private static String rule(int code) {
    return switch (code) {
      case DatabaseMetaData.importedKeyCascade -> "cascade";
      case DatabaseMetaData.importedKeySetNull -> "set null";
      case DatabaseMetaData.importedKeySetDefault -> "set default";
      case DatabaseMetaData.importedKeyRestrict, DatabaseMetaData.importedKeyNoAction ->
          "no action";
      default -> Integer.toString(code);
    };
  }

  /**
   * The table's indexes, unique or not, as column lists; the named ones (CREATE INDEX) with their
   * names, since both databases keep those as written. The indexes a database makes itself for a
   * primary key or a UNIQUE column are named after its own fashion, so they go by columns alone.
   */
  private static SortedSet<String> indexes(
      DatabaseMetaData meta, String schema, String table, boolean unique) throws SQLException {
    Map<String, SortedMap<Integer, String>> byName = new TreeMap<>();
    try (ResultSet rs = meta.getIndexInfo(null, schema, table, unique, false)) {
      while (rs.next()) {
        String name = rs.getString("INDEX_NAME");
        String column = rs.getString("COLUMN_NAME");
        if (name == null || column == null || rs.getBoolean("NON_UNIQUE") == unique) {
          continue;
        }
        byName
            .computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new TreeMap<>())
            .put(rs.getInt("ORDINAL_POSITION"), column.toLowerCase(Locale.ROOT));
      }
    }
    SortedSet<String> indexes = new TreeSet<>();
    byName.forEach(
        (name, columns) -> {
          String list = "(" + String.join(",", columns.values()) + ")";
          boolean own =
              name.startsWith("sqlite_autoindex_")
                  || name.endsWith("_pkey")
                  || name.endsWith("_key");
          indexes.add(own ? list : name + " " + list);
        });
    return indexes;
  }
}
