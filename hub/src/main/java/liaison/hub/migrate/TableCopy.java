package liaison.hub.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import liaison.hub.text.Text;

/**
 * Copies a table's rows from the SQLite file into the target, in batches, inside the target's open
 * transaction (the caller commits or rolls back). Rows stream from SQLite; nothing holds a table in
 * memory.
 */
final class TableCopy {
  static final int BATCH = 1000;

  private final Connection source;
  private final Connection target;

  TableCopy(Connection source, Connection target) {
    this.source = source;
    this.target = target;
  }

  /**
   * Copies every row of {@code table}; a column referring to its own table is written empty first
   * and filled in once all the rows are there (an opinion merged into one stored after it).
   *
   * @return the number of rows copied
   * @throws MigrationRefused when a value does not fit its column (naming the row) or the target
   *     refuses a row
   */
  long copy(Table table) {
    List<Table.Column> columns = table.columns();
    String names =
        columns.stream().map(c -> Table.quote(c.name())).collect(Collectors.joining(", "));
    String insert =
        "INSERT INTO "
            + Table.quote(table.name())
            + " ("
            + names
            + ")"
            + (table.identity() ? " OVERRIDING SYSTEM VALUE" : "")
            + " VALUES ("
            + String.join(", ", java.util.Collections.nCopies(columns.size(), "?"))
            + ")";
    long rows = 0;
    try (Statement read = source.createStatement();
        ResultSet r = read.executeQuery("SELECT " + names + " FROM " + Table.quote(table.name()));
        PreparedStatement write = target.prepareStatement(insert)) {
      while (r.next()) {
        for (int i = 0; i < columns.size(); i++) {
          Table.Column column = columns.get(i);
          Object stored =
              table.selfReferences().contains(column.name()) ? null : r.getObject(i + 1);
          bind(table, column, write, i + 1, stored, r);
        }
        write.addBatch();
        if (++rows % BATCH == 0) {
          write.executeBatch();
        }
      }
      if (rows % BATCH != 0) {
        write.executeBatch();
      }
      fillSelfReferences(table);
    } catch (SQLException e) {
      throw new MigrationRefused(Text.of("migrate.failed.table", table.name(), reason(e)), e);
    }
    return rows;
  }

  private static void bind(
      Table table,
      Table.Column column,
      PreparedStatement write,
      int index,
      @org.jspecify.annotations.Nullable Object stored,
      ResultSet row)
      throws SQLException {
    try {
      column.kind().bind(write, index, stored);
    } catch (ColumnKind.ValueRefused e) {
      throw new MigrationRefused(
          Text.of(
              "migrate.refused.value", table.name(), column.name(), key(table, row), e.reason()));
    }
  }

  /** The row's primary key as the person can look it up: {@code id = n-0001}. */
  private static String key(Table table, ResultSet row) throws SQLException {
    List<String> parts = new ArrayList<>();
    for (Table.Column c : table.order()) {
      parts.add(c.name() + " = " + row.getString(c.name()));
    }
    return String.join(", ", parts);
  }

  private void fillSelfReferences(Table table) throws SQLException {
    if (table.selfReferences().isEmpty()) {
      return;
    }
    if (table.primaryKey().isEmpty()) {
      throw new MigrationRefused(
          Text.of(
              "migrate.refused.self-reference",
              table.name(),
              String.join(", ", table.selfReferences())));
    }
    List<Table.Column> refs = table.selfReferences().stream().sorted().map(table::column).toList();
    List<Table.Column> key = table.order();
    String select =
        "SELECT "
            + columnList(refs)
            + ", "
            + columnList(key)
            + " FROM "
            + Table.quote(table.name())
            + " WHERE "
            + refs.stream()
                .map(c -> Table.quote(c.name()) + " IS NOT NULL")
                .collect(Collectors.joining(" OR "));
    String update =
        "UPDATE "
            + Table.quote(table.name())
            + " SET "
            + refs.stream()
                .map(c -> Table.quote(c.name()) + " = ?")
                .collect(Collectors.joining(", "))
            + " WHERE "
            + key.stream()
                .map(c -> Table.quote(c.name()) + " = ?")
                .collect(Collectors.joining(" AND "));
    try (Statement read = source.createStatement();
        ResultSet r = read.executeQuery(select);
        PreparedStatement write = target.prepareStatement(update)) {
      long rows = 0;
      while (r.next()) {
        int index = 1;
        for (Table.Column c : refs) {
          bind(table, c, write, index, r.getObject(index), r);
          index++;
        }
        for (Table.Column c : key) {
          bind(table, c, write, index, r.getObject(index), r);
          index++;
        }
        write.addBatch();
        if (++rows % BATCH == 0) {
          write.executeBatch();
        }
      }
      if (rows % BATCH != 0) {
        write.executeBatch();
      }
    }
  }

  /**
   * Sets each sequence behind a serial or identity column past the highest id copied, so the next
   * row the hub adds does not take an id already used. (The hub's tables have none today; a table
   * that gains one is covered.)
   */
  void setSequencesPast(List<Table> tables) {
    for (Table table : tables) {
      for (Table.Column c : table.columns()) {
        if (!c.numbered()) {
          continue;
        }
        try (PreparedStatement q =
            target.prepareStatement(
                "SELECT setval(pg_get_serial_sequence(?, ?), m) FROM (SELECT max("
                    + Table.quote(c.name())
                    + ") AS m FROM "
                    + Table.quote(table.name())
                    + ") copied WHERE m IS NOT NULL")) {
          q.setString(1, Table.quote(table.name()));
          q.setString(2, c.name());
          q.executeQuery().close();
        } catch (SQLException e) {
          throw new MigrationRefused(Text.of("migrate.failed.table", table.name(), reason(e)), e);
        }
      }
    }
  }

  private static String columnList(List<Table.Column> columns) {
    return columns.stream().map(c -> Table.quote(c.name())).collect(Collectors.joining(", "));
  }

  /** What the database said, with the row a batch failed on (the driver's next exception). */
  static String reason(SQLException e) {
    SQLException next = e.getNextException();
    String message = next != null && next.getMessage() != null ? next.getMessage() : e.getMessage();
    return message == null ? "SQL state " + e.getSQLState() : message;
  }
}
