package liaison.hub.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Every table of a hub's database (Flyway's history aside) with its row count and the SHA-256 of
 * its rows ({@link TableDigest}), read through the connection it is given: inside the caller's
 * transaction, so a backup can state what its one snapshot holds and a restore can check it came
 * back the same. Works on SQLite and PostgreSQL; a digest is compared with one of the same store.
 */
public final class DatabaseDigest {
  /** One table as the digest found it. */
  public record TableFigures(String table, long rows, String sha256) {}

  private DatabaseDigest() {}

  /**
   * @param history Flyway's history table, left out (its times are no data of the county's)
   * @return the tables by name
   */
  public static List<TableFigures> of(Connection connection, String history) throws SQLException {
    boolean sqlite =
        connection
            .getMetaData()
            .getDatabaseProductName()
            .toLowerCase(Locale.ROOT)
            .contains("sqlite");
    List<Table> tables =
        sqlite ? sqliteTables(connection, history) : postgresTables(connection, history);
    TableDigest.Side side = sqlite ? TableDigest.Side.SQLITE : TableDigest.Side.POSTGRESQL;
    List<TableFigures> figures = new ArrayList<>();
    for (Table table : tables) {
      TableDigest digest = TableDigest.of(connection, table, side);
      figures.add(new TableFigures(table.name(), digest.rows(), digest.sha256()));
    }
    figures.sort(java.util.Comparator.comparing(TableFigures::table));
    return figures;
  }

  /** The name of Flyway's history table, as the hub configures Flyway. */
  public static String historyTable() {
    return new HubMigrations(MigrateToPostgres.flywaySettings(), "", "", "").historyTable();
  }

  /** The schema's version: the last migration Flyway applied, or empty before the first. */
  public static java.util.Optional<String> schemaVersion(Connection connection, String history)
      throws SQLException {
    try (PreparedStatement q =
            connection.prepareStatement(
                "SELECT version FROM "
                    + Table.quote(history)
                    + " WHERE version IS NOT NULL AND success ORDER BY installed_rank DESC");
        ResultSet r = q.executeQuery()) {
      return r.next() ? java.util.Optional.of(r.getString(1)) : java.util.Optional.empty();
    }
  }

  private static List<Table> postgresTables(Connection connection, String history)
      throws SQLException {
    List<String> names =
        names(
            connection,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                + " AND table_type = 'BASE TABLE' AND table_name <> ? ORDER BY table_name",
            history);
    return TargetSchema.read(connection, names);
  }

  /** SQLite's tables with each column's kind from the type the migrations declared for it. */
  private static List<Table> sqliteTables(Connection connection, String history)
      throws SQLException {
    List<Table> tables = new ArrayList<>();
    for (String name :
        names(
            connection,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%'"
                + " ESCAPE '!' AND name <> ? ORDER BY name",
            history)) {
      List<Table.Column> columns = new ArrayList<>();
      TreeMap<Integer, String> key = new TreeMap<>();
      try (PreparedStatement q =
          connection.prepareStatement("SELECT name, type, pk FROM pragma_table_info(?)")) {
        q.setString(1, name);
        try (ResultSet r = q.executeQuery()) {
          while (r.next()) {
            columns.add(
                new Table.Column(r.getString(1), ColumnKind.ofSqlite(r.getString(2)), false));
            if (r.getInt(3) > 0) {
              key.put(r.getInt(3), r.getString(1));
            }
          }
        }
      }
      tables.add(
          new Table(name, columns, new ArrayList<>(key.values()), java.util.Set.of(), false));
    }
    return tables;
  }

  private static List<String> names(Connection connection, String query, String history)
      throws SQLException {
    List<String> names = new ArrayList<>();
    try (PreparedStatement q = connection.prepareStatement(query)) {
      q.setString(1, history);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          names.add(r.getString(1));
        }
      }
    }
    return names;
  }
}
