package liaison.hub.calendar;

import io.micronaut.core.annotation.Introspected;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import liaison.hub.audit.AuditLog;
import liaison.hub.db.Database;
import liaison.hub.problem.BadInput;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.text.Text;
import liaison.hub.web.ApiTimes;
import org.jspecify.annotations.Nullable;

/**
 * A county's calendar for its staff: everyone signed in reads it (deadlines are counted with it), a
 * county administrator adds and removes the county's own days, one at a time or as a CSV file taken
 * whole. Every change is audited and drops the kept calendar ({@link WorkingCalendar#changed}).
 * Days gone by are not changed: deadlines already set were counted with them.
 */
@Singleton
public class CalendarService {
  static final String AUDITED = "calendar-day";

  private final Database database;
  private final CalendarRepository repository;
  private final WorkingCalendar calendar;
  private final Access access;
  private final AuditLog audit;
  private final BadInput badInput;

  public CalendarService(
      Database database,
      CalendarRepository repository,
      WorkingCalendar calendar,
      Access access,
      AuditLog audit,
      BadInput badInput) {
    this.database = database;
    this.repository = repository;
    this.calendar = calendar;
    this.access = access;
    this.audit = audit;
    this.badInput = badInput;
  }

  /** One day as the form or the API sends it. */
  @Introspected
  public record Draft(@Nullable String date, @Nullable String kind, @Nullable String name) {}

  /** A holiday of the year: its name and the days off it brings (ISO dates), in order. */
  public record Holiday(String name, List<String> off) {}

  /** A weekend day worked (调休上班, ISO date), and the holiday it makes up for (or empty). */
  public record WorkDay(String date, String holiday) {}

  /**
   * A county's year as the API gives it: the holidays, the make-up working days, and whether the
   * year has a table at all ({@code known}; without one, Monday to Friday counts).
   */
  public record Year(int year, boolean known, List<Holiday> holidays, List<WorkDay> workDays) {}

  /** A day as the API gives it back: kind OFF (休) or WORK (班). */
  public record DayView(String date, String kind, String name) {
    static DayView of(CalendarDay d) {
      return new DayView(ApiTimes.date(d.date()), d.kind().name(), d.name());
    }
  }

  public Year year(Staff staff, int year) {
    Map<String, List<String>> holidays = new LinkedHashMap<>();
    List<WorkDay> work = new ArrayList<>();
    for (CalendarDay d : effective(staff.countyId(), year)) {
      if (d.kind() == DayKind.OFF) {
        holidays.computeIfAbsent(d.name(), n -> new ArrayList<>()).add(ApiTimes.date(d.date()));
      } else {
        work.add(new WorkDay(ApiTimes.date(d.date()), d.name()));
      }
    }
    return new Year(
        year,
        calendar.of(staff.countyId()).knows(year),
        holidays.entrySet().stream()
            .map(e -> new Holiday(e.getKey(), List.copyOf(e.getValue())))
            .toList(),
        List.copyOf(work));
  }

  /** The county's days of the year: the national ones where the county has none of its own. */
  private List<CalendarDay> effective(String countyId, int year) {
    CalendarRepository.Rows rows = repository.rows(countyId);
    TreeMap<LocalDate, CalendarDay> days = new TreeMap<>();
    rows.national().forEach(d -> days.put(d.date(), d));
    rows.county().forEach(d -> days.put(d.date(), d));
    return days.values().stream().filter(d -> d.date().getYear() == year).toList();
  }

  /** The first day a county administrator may set: the first of this year. */
  public LocalDate earliest() {
    return calendar.today().withDayOfYear(1);
  }

  /** Sets one of the county's days (replacing the county's own row for that day). */
  public CalendarDay put(Staff staff, Draft draft) {
    access.requireCountyAdmin(staff);
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    Optional<CalendarDay> day =
        CalendarFile.check(
            problems,
            "date",
            0,
            strip(draft.date()),
            strip(draft.kind()),
            strip(draft.name()),
            earliest());
    problems.throwIfAny();
    CalendarDay d = day.orElseThrow();
    database.useTransaction(
        h -> {
          repository.put(h, staff.countyId(), d, staff.id());
          audit.record(h, staff, "update", AUDITED, d.date().toString(), summary(d));
        });
    calendar.changed(staff.countyId());
    return d;
  }

  /** Removes one of the county's own days; a national day is not the county's to remove. */
  public void remove(Staff staff, String date) {
    access.requireCountyAdmin(staff);
    LocalDate day;
    try {
      day = LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw new NotFoundProblem(Text.of("problem.calendar.day.not-found", date));
    }
    if (day.isBefore(earliest())) {
      throw ValidationProblem.of(
          "date", Text.of("problem.calendar.date.past", day, earliest().getYear()));
    }
    boolean removed =
        database.inTransaction(
            h -> {
              boolean gone = repository.remove(h, staff.countyId(), day);
              if (gone) {
                audit.record(h, staff, "delete", AUDITED, day.toString(), day.toString());
              }
              return gone;
            });
    if (!removed) {
      throw new NotFoundProblem(Text.of("problem.calendar.day.not-found", date));
    }
    calendar.changed(staff.countyId());
  }

  /**
   * Takes a CSV file whole: every row checked first, then all written in one transaction with one
   * audit entry; one bad row refuses the file and nothing is written. Returns the days taken.
   */
  public List<CalendarDay> importFile(Staff staff, byte[] file) {
    access.requireCountyAdmin(staff);
    List<CalendarDay> days;
    try {
      days = CalendarFile.read(file, earliest());
    } catch (ValidationProblem e) {
      badInput.record("calendar.csv", "refused", e.getMessage());
      throw e;
    }
    String years =
        days.stream()
            .map(d -> String.valueOf(d.date().getYear()))
            .distinct()
            .sorted()
            .collect(Collectors.joining("、"));
    database.useTransaction(
        h -> {
          for (CalendarDay d : days) {
            repository.put(h, staff.countyId(), d, staff.id());
          }
          audit.record(
              h,
              staff,
              "import",
              AUDITED,
              years,
              Text.of("calendar.audit.imported", days.size(), years).both(" / "));
        });
    calendar.changed(staff.countyId());
    return days;
  }

  /** The county's year as a file {@link #importFile} takes back. */
  public byte[] export(Staff staff, int year) {
    access.requireEditor(staff);
    return CalendarFile.write(effective(staff.countyId(), year));
  }

  /**
   * The page's read, every row of the year (national or the county's): station managers and county
   * administrators, not a deputy's account.
   */
  public List<CalendarDay> days(Staff staff, int year) {
    access.requireEditor(staff);
    return effective(staff.countyId(), year);
  }

  /** Whether the county's year has a table (else Monday to Friday counts). */
  public boolean known(Staff staff, int year) {
    return calendar.of(staff.countyId()).knows(year);
  }

  /** In December, next year when the county has no table for it yet. */
  public Optional<Integer> missingNextYear(Staff staff) {
    return staff.isCountyAdmin() ? calendar.missingNextYear(staff.countyId()) : Optional.empty();
  }

  private static String summary(CalendarDay d) {
    return d.date() + " " + d.kind().cell() + (d.name().isEmpty() ? "" : " " + d.name());
  }

  private static String strip(@Nullable String s) {
    return s == null ? "" : s.strip();
  }
}
