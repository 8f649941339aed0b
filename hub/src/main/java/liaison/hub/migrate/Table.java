package liaison.hub.migrate;

import java.util.List;
import java.util.Set;

/**
 * One table to copy, as the target's schema has it after the migrations: its columns in their
 * order, its primary key (how its rows are ordered for the check), the columns of foreign keys to
 * itself (filled in once every row is there), and whether the database numbers a column itself.
 */
record Table(
    String name,
    List<Column> columns,
    List<String> primaryKey,
    Set<String> selfReferences,
    boolean identity) {

  Table {
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    selfReferences = Set.copyOf(selfReferences);
  }

  /** A column: its name, what it holds, and whether the database numbers it (serial, identity). */
  record Column(String name, ColumnKind kind, boolean numbered) {}

  Column column(String name) {
    return columns.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(name + " is not a column of " + this.name));
  }

  /** The columns that order the rows: the primary key, or every column of a table without one. */
  List<Column> order() {
    return primaryKey.isEmpty() ? columns : primaryKey.stream().map(this::column).toList();
  }

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
