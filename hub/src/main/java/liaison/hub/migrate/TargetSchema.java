package liaison.hub.migrate;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import liaison.hub.text.Text;

/**
 * The tables to copy, read from the target's schema once the migrations have made it (JDBC
 * metadata, not a list kept by hand), in an order that puts every table after the tables it refers
 * to.
 */
final class TargetSchema {
  private TargetSchema() {}

  /**
   * @param names the tables the SQLite file has (Flyway's history aside)
   * @throws MigrationRefused when one is missing, has a column of a type this copy does not know,
   *     or the tables refer to each other in a circle
   */
  static List<Table> read(Connection target, Collection<String> names) throws SQLException {
    DatabaseMetaData meta = target.getMetaData();
    String schema = target.getSchema();
    Map<String, Set<String>> numbered = numberedColumns(target);
    Map<String, Table> tables = new TreeMap<>();
    Map<String, Set<String>> refersTo = new HashMap<>();
    for (String name : names) {
      List<Table.Column> columns = new ArrayList<>();
      Set<String> required = new HashSet<>();
      try (ResultSet r = meta.getColumns(null, schema, name, null)) {
        while (r.next()) {
          if (!name.equals(r.getString("TABLE_NAME"))) {
            continue; // the name is a pattern: '_' stands for any character
          }
          String column = r.getString("COLUMN_NAME");
          if (r.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls) {
            required.add(column);
          }
          String type = r.getString("TYPE_NAME");
          ColumnKind kind =
              ColumnKind.ofPostgres(type)
                  .orElseThrow(
                      () ->
                          new MigrationRefused(
                              Text.of("migrate.refused.column-type", name, column, type)));
          columns.add(
              new Table.Column(
                  column, kind, numbered.getOrDefault(name, Set.of()).contains(column)));
        }
      }
      if (columns.isEmpty()) {
        throw new MigrationRefused(Text.of("migrate.refused.table-missing", name));
      }
      Map<Short, String> key = new TreeMap<>();
      try (ResultSet r = meta.getPrimaryKeys(null, schema, name)) {
        while (r.next()) {
          key.put(r.getShort("KEY_SEQ"), r.getString("COLUMN_NAME"));
        }
      }
      Set<String> selfReferences = new TreeSet<>();
      Set<String> parents = new TreeSet<>();
      try (ResultSet r = meta.getImportedKeys(null, schema, name)) {
        while (r.next()) {
          String parent = r.getString("PKTABLE_NAME");
          String column = r.getString("FKCOLUMN_NAME");
          if (parent.equals(name) && required.contains(column)) {
            // Filled in afterwards means NULL first: a required one would need the rows in order.
            throw new MigrationRefused(Text.of("migrate.refused.self-reference", name, column));
          }
          if (parent.equals(name)) {
            selfReferences.add(column);
          } else if (names.contains(parent)) {
            parents.add(parent);
          }
        }
      }
      refersTo.put(name, parents);
      boolean identity = isIdentity(target, name);
      tables.put(
          name, new Table(name, columns, new ArrayList<>(key.values()), selfReferences, identity));
    }
    return inForeignKeyOrder(tables, refersTo);
  }

  /** Columns the database numbers itself: serial (a nextval default) or identity, per table. */
  private static Map<String, Set<String>> numberedColumns(Connection target) throws SQLException {
    Map<String, Set<String>> numbered = new HashMap<>();
    try (PreparedStatement q =
            target.prepareStatement(
                "SELECT table_name, column_name FROM information_schema.columns"
                    + " WHERE table_schema = current_schema()"
                    + " AND (column_default LIKE 'nextval(%' OR is_identity = 'YES')");
        ResultSet r = q.executeQuery()) {
      while (r.next()) {
        numbered.computeIfAbsent(r.getString(1), t -> new HashSet<>()).add(r.getString(2));
      }
    }
    return numbered;
  }

  private static boolean isIdentity(Connection target, String table) throws SQLException {
    try (PreparedStatement q =
        target.prepareStatement(
            "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema()"
                + " AND table_name = ? AND is_identity = 'YES'")) {
      q.setString(1, table);
      try (ResultSet r = q.executeQuery()) {
        return r.next();
      }
    }
  }

  /**
   * Parents before children (ties by name, so every run copies in the same order); a foreign key of
   * a table to itself does not count here, the copy fills those columns in afterwards.
   */
  static List<Table> inForeignKeyOrder(
      Map<String, Table> tables, Map<String, Set<String>> refersTo) {
    List<Table> ordered = new ArrayList<>();
    Map<String, Set<String>> waiting = new LinkedHashMap<>();
    tables.keySet().forEach(t -> waiting.put(t, new TreeSet<>(refersTo.getOrDefault(t, Set.of()))));
    while (!waiting.isEmpty()) {
      String ready =
          waiting.entrySet().stream()
              .filter(e -> e.getValue().isEmpty())
              .map(Map.Entry::getKey)
              .findFirst()
              .orElseThrow(
                  () ->
                      new MigrationRefused(
                          Text.of("migrate.refused.cycle", String.join(", ", waiting.keySet()))));
      waiting.remove(ready);
      waiting.values().forEach(parents -> parents.remove(ready));
      ordered.add(tables.get(ready));
    }
    return ordered;
  }
}
