package liaison.hub.calendar;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.spreadsheet.CsvText;
import liaison.hub.text.Text;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A calendar as a CSV file: a header {@code date,kind,name} (or 日期,类型,名称), then one row per day:
 * {@code 2027-02-06,休,春节}. Kind is 休 / 班 or off / work. A file is taken whole or not at all: any
 * bad row refuses it, each problem naming its row (the header is row 1, as Excel numbers them).
 */
public final class CalendarFile {
  /** The most rows a file may have: a year has about 40. */
  public static final int MAX_ROWS = 400;

  public static final int MAX_NAME = 20;

  private static final List<String> COLUMNS = List.of("date", "kind", "name");
  private static final Map<String, String> CHINESE =
      Map.of("日期", "date", "类型", "kind", "名称", "name");

  /** Excel writes a date cell back as 2027/2/6 when the file was opened and saved there. */
  private static final DateTimeFormatter SLASHES = DateTimeFormatter.ofPattern("uuuu/M/d");

  private CalendarFile() {}

  /**
   * The file's days, every one checked.
   *
   * @param earliest the first day the file may set (days gone by are history)
   * @throws ValidationProblem on field {@code file}: every problem of the file, nothing taken
   */
  public static List<CalendarDay> read(byte[] bytes, LocalDate earliest) {
    String text;
    try {
      text = CsvText.decode(bytes).text();
    } catch (CsvText.UnreadableFile e) {
      throw ValidationProblem.of("file", Text.of("problem.calendar.file.unreadable"));
    }
    List<CSVRecord> records;
    try (CSVParser parser =
        CSVFormat.EXCEL.builder().setIgnoreEmptyLines(true).get().parse(new StringReader(text))) {
      records = parser.getRecords();
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw ValidationProblem.of("file", Text.of("problem.calendar.file.not-csv"));
    }
    if (records.isEmpty()) {
      throw ValidationProblem.of("file", Text.of("problem.calendar.file.empty"));
    }
    List<String> header =
        records.getFirst().stream()
            .map(c -> c.strip().toLowerCase(Locale.ROOT))
            .map(c -> CHINESE.getOrDefault(c, c))
            .toList();
    if (!header.equals(COLUMNS)) {
      throw ValidationProblem.of(
          "file", Text.of("problem.calendar.file.header", String.join(",", records.getFirst())));
    }
    if (records.size() - 1 > MAX_ROWS) {
      throw ValidationProblem.of("file", Text.of("problem.calendar.file.too-long", MAX_ROWS));
    }
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    List<CalendarDay> days = new ArrayList<>();
    Map<LocalDate, Long> seen = new HashMap<>();
    for (CSVRecord record : records.subList(1, records.size())) {
      long row = record.getRecordNumber();
      if (record.size() != COLUMNS.size()) {
        problems.add("file", Text.of("problem.calendar.row.cells", row, record.size()));
        continue;
      }
      Optional<CalendarDay> day =
          check(
              problems,
              "file",
              row,
              record.get(0).strip(),
              record.get(1).strip(),
              record.get(2).strip(),
              earliest);
      if (day.isPresent()) {
        Long first = seen.putIfAbsent(day.get().date(), row);
        if (first != null) {
          problems.add("file", Text.of("problem.calendar.row.twice", row, day.get().date(), first));
        } else {
          days.add(day.get());
        }
      }
    }
    if (records.size() == 1) {
      problems.add("file", Text.of("problem.calendar.file.empty"));
    }
    problems.throwIfAny();
    return List.copyOf(days);
  }

  /**
   * One day as typed, in a file's row or the page's form; its problems go to {@code field},
   * prefixed with the row when there is one ({@code row > 0}).
   */
  static Optional<CalendarDay> check(
      ValidationProblem.Collector problems,
      String field,
      long row,
      String date,
      String kind,
      String name,
      LocalDate earliest) {
    Optional<LocalDate> day = date(date);
    Optional<DayKind> k = DayKind.ofCell(kind);
    List<Text> found = new ArrayList<>();
    if (day.isEmpty()) {
      found.add(Text.of("problem.calendar.date.invalid", date));
    } else if (day.get().isBefore(earliest)) {
      found.add(Text.of("problem.calendar.date.past", day.get(), earliest.getYear()));
    }
    if (k.isEmpty()) {
      found.add(Text.of("problem.calendar.kind.invalid", kind));
    }
    if (name.length() > MAX_NAME) {
      found.add(Text.of("problem.calendar.name.too-long", MAX_NAME));
    } else if (name.isEmpty() && k.orElse(null) == DayKind.OFF) {
      found.add(Text.of("problem.calendar.name.missing"));
    }
    if (day.isPresent() && k.orElse(null) == DayKind.WORK && !weekend(day.get())) {
      found.add(Text.of("problem.calendar.work.weekday", day.get()));
    }
    for (Text t : found) {
      problems.add(field, row > 0 ? Text.of("problem.calendar.row", row, t.zh(), t.en()) : t);
    }
    return found.isEmpty()
        ? Optional.of(new CalendarDay(day.orElseThrow(), k.orElseThrow(), name, false))
        : Optional.empty();
  }

  private static boolean weekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  private static Optional<LocalDate> date(String cell) {
    for (DateTimeFormatter f : List.of(DateTimeFormatter.ISO_LOCAL_DATE, SLASHES)) {
      try {
        return Optional.of(LocalDate.parse(cell, f));
      } catch (DateTimeParseException e) {
        // the next way of writing it
      }
    }
    return Optional.empty();
  }

  /** The days as a file that {@link #read} takes back. */
  public static byte[] write(List<CalendarDay> days) {
    return CsvText.write(
        COLUMNS,
        days.stream().map(d -> List.of(d.date().toString(), d.kind().cell(), d.name())).toList());
  }
}
