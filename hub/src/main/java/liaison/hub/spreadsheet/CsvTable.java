package liaison.hub.spreadsheet;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liaison.hub.text.Text;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * A spreadsheet read into rows of cells by column name. Row numbers are the ones Excel shows: the
 * header is row 1. Whatever makes the whole file unsafe to read (an unknown or repeated column, a
 * required column missing, broken quoting) is a file problem, and then no row is taken: a
 * misspelled column would otherwise be dropped without a word.
 */
final class CsvTable {
  /** One data row; {@code get} is null when the file has no such column (the value is kept). */
  record Row(long number, Map<String, String> cells, int extraCells) {
    @Nullable String get(String column) {
      return cells.get(column);
    }

    boolean isBlank() {
      return extraCells == 0 && cells.values().stream().allMatch(String::isEmpty);
    }
  }

  private final List<String> columns;
  private final List<Row> rows;
  private final List<ImportReport.Problem> problems;

  private CsvTable(List<String> columns, List<Row> rows, List<ImportReport.Problem> problems) {
    this.columns = columns;
    this.rows = rows;
    this.problems = problems;
  }

  List<String> columns() {
    return columns;
  }

  List<Row> rows() {
    return rows;
  }

  List<ImportReport.Problem> problems() {
    return problems;
  }

  boolean has(String column) {
    return columns.contains(column);
  }

  /**
   * Reads the text.
   *
   * @param known the columns this kind of sheet has, in their Chinese names
   * @param aliases other names accepted for them (the API's English field names)
   */
  static CsvTable parse(String text, List<String> known, Map<String, String> aliases) {
    List<ImportReport.Problem> problems = new ArrayList<>();
    List<CSVRecord> records;
    try (CSVParser parser =
        CSVFormat.EXCEL.builder().setIgnoreEmptyLines(false).get().parse(new StringReader(text))) {
      records = parser.getRecords();
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      problems.add(
          ImportReport.Problem.of(0, "", Text.of("problem.sheet.not-csv", e.getMessage())));
      return new CsvTable(List.of(), List.of(), problems);
    }
    if (records.isEmpty() || records.getFirst().stream().allMatch(c -> c.isBlank())) {
      problems.add(ImportReport.Problem.of(1, "", Text.of("problem.sheet.empty")));
      return new CsvTable(List.of(), List.of(), problems);
    }
    List<String> columns = new ArrayList<>();
    for (String raw : records.getFirst()) {
      String name = raw.strip();
      String column =
          aliases.getOrDefault(
              name, aliases.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), name));
      if (name.isEmpty()) {
        columns.add("");
        continue;
      }
      if (!known.contains(column)) {
        problems.add(
            ImportReport.Problem.of(
                1,
                name,
                Text.of(
                    "problem.sheet.column.unknown",
                    name,
                    String.join("、", known),
                    String.join(", ", known))));
      } else if (columns.contains(column)) {
        problems.add(ImportReport.Problem.of(1, name, Text.of("problem.sheet.column.twice", name)));
      }
      columns.add(column);
    }
    List<Row> rows = new ArrayList<>();
    for (CSVRecord record : records.subList(1, records.size())) {
      Map<String, String> cells = new LinkedHashMap<>();
      int extra = 0;
      for (int i = 0; i < record.size(); i++) {
        String value = CsvText.unguard(record.get(i));
        if (i >= columns.size() || columns.get(i).isEmpty()) {
          if (!value.isEmpty()) {
            extra++;
          }
          continue;
        }
        cells.put(columns.get(i), value);
      }
      for (String column : columns) {
        if (!column.isEmpty()) {
          cells.putIfAbsent(column, "");
        }
      }
      Row row = new Row(record.getRecordNumber(), cells, extra);
      if (!row.isBlank()) {
        rows.add(row);
      }
    }
    return new CsvTable(columns.stream().filter(c -> !c.isEmpty()).toList(), rows, problems);
  }

  /** Adds a file problem for each required column the header lacks. */
  void require(List<String> required) {
    for (String column : required) {
      if (!columns.contains(column)) {
        problems.add(
            ImportReport.Problem.of(1, column, Text.of("problem.sheet.column.missing", column)));
      }
    }
  }
}
