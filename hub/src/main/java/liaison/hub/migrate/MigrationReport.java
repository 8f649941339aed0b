package liaison.hub.migrate;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import liaison.hub.text.Text;

/**
 * What the person moving the county reads as the migration goes: each sentence in Chinese, then in
 * English, and a line per table (name, rows, same or different, time) as each is checked.
 */
final class MigrationReport {
  private final PrintStream out;
  private boolean tableHeaderShown;

  MigrationReport(PrintStream out) {
    this.out = out;
  }

  /** A sentence in Chinese, then in English, each on its line. */
  void say(Text text) {
    out.println(text.zh());
    out.println(text.en());
  }

  /** One line for one table; the heading comes before the first. */
  void table(TableResult result) {
    if (!tableHeaderShown) {
      tableHeaderShown = true;
      out.println();
      out.printf(
          "  %-30s %14s  %-16s %s%n",
          both("migrate.report.table"),
          both("migrate.report.rows"),
          both("migrate.report.result"),
          both("migrate.report.time"));
    }
    String rows =
        result.sourceRows() == result.targetRows()
            ? Long.toString(result.sourceRows())
            : result.sourceRows() + " → " + result.targetRows();
    out.printf(
        "  %-30s %14s  %-16s %s%n",
        result.table(),
        rows,
        both(result.same() ? "migrate.report.same" : "migrate.report.different"),
        seconds(result.took()));
  }

  /** After the last table: a blank line, so the summary stands apart. */
  void endOfTables() {
    if (tableHeaderShown) {
      out.println();
    }
  }

  private static String both(String key) {
    Text text = Text.of(key);
    return text.zh() + " " + text.en();
  }

  /** {@code 0.42 s}: one unit for both languages, as the table's heading says. */
  static String seconds(Duration took) {
    return String.format(Locale.ROOT, "%.2f s", took.toNanos() / 1e9);
  }

  /** How one table came through: rows on each side, whether every row is the same, how long. */
  record TableResult(String table, long sourceRows, long targetRows, boolean same, Duration took) {}
}
