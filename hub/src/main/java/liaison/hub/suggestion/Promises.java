package liaison.hub.suggestion;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import liaison.hub.audit.AuditLog;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.opinion.CaseHandling;
import liaison.hub.problem.BadRequestProblem;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.spreadsheet.CsvText;
import liaison.hub.text.Text;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * The promise ledger (答复承诺事项台账), a county administrator's: every promise departments made in their
 * replies, with its state (pending, kept, overdue) and its reviews (定期回头看). The county sets the
 * next review date (and how many months apart reviews come), records each review with what was
 * found, and marks a promise kept with a note; a kept promise is reviewed no more.
 */
@Singleton
public class Promises {
  public static final int MAX_FINDING = 1000;
  public static final int MAX_REVIEW_MONTHS = 12;

  /** Which promises the ledger shows. */
  public enum Filter {
    /** Not yet kept (pending and overdue). */
    OPEN,
    OVERDUE,
    KEPT,
    ALL;

    public static Filter of(@Nullable String value) {
      if (value == null || value.isBlank()) {
        return OPEN;
      }
      for (Filter f : values()) {
        if (f.name().equalsIgnoreCase(value.strip())) {
          return f;
        }
      }
      throw BadRequestProblem.unknownChoice(
          "state",
          value,
          java.util.Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList());
    }

    public Text text() {
      return Text.of("suggestion.promises.filter." + name().toLowerCase(Locale.ROOT));
    }
  }

  private final Database database;
  private final SuggestionRepository repository;
  private final AuditLog audit;
  private final Clock clock;

  public Promises(Database database, SuggestionRepository repository, AuditLog audit, Clock clock) {
    this.database = database;
    this.repository = repository;
    this.audit = audit;
    this.clock = clock;
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(Sql.ZONE));
  }

  /** The county's promises on the filter, by due day. */
  public List<Promise> ledger(Staff staff, Filter filter) {
    Suggestions.countyAdmin(staff);
    String where =
        switch (filter) {
          case OPEN -> " AND p.kept_at IS NULL";
          case OVERDUE -> " AND p.kept_at IS NULL AND p.due_on < :today";
          case KEPT -> " AND p.kept_at IS NOT NULL";
          case ALL -> "";
        };
    Map<String, Object> binds =
        filter == Filter.OVERDUE
            ? Map.of("county", staff.countyId(), "today", Sql.date(today()))
            : Map.of("county", staff.countyId());
    return database.withHandle(h -> repository.promises(h, "s.county_id = :county" + where, binds));
  }

  /** The ledger as a CSV file for Excel (UTF-8 with a BOM), every promise of the county. */
  public byte[] csv(Staff staff) {
    LocalDate today = today();
    List<List<String>> rows =
        ledger(staff, Filter.ALL).stream()
            .map(
                p ->
                    List.of(
                        p.suggestionTitle(),
                        p.deputyName(),
                        p.departmentName(),
                        p.text(),
                        p.dueOn().toString(),
                        p.state(today).text().zh(),
                        p.nextReviewOn() == null ? "" : p.nextReviewOn().toString(),
                        p.reviews().isEmpty()
                            ? ""
                            : p.reviews().getFirst().on() + " " + p.reviews().getFirst().finding(),
                        p.keptNote()))
            .toList();
    return CsvText.write(
        List.of(
            Text.of("suggestion.csv.title").zh(),
            Text.of("suggestion.csv.deputy").zh(),
            Text.of("suggestion.csv.department").zh(),
            Text.of("suggestion.csv.promise").zh(),
            Text.of("suggestion.csv.due").zh(),
            Text.of("suggestion.csv.state").zh(),
            Text.of("suggestion.csv.next-review").zh(),
            Text.of("suggestion.csv.last-review").zh(),
            Text.of("suggestion.csv.kept-note").zh()),
        rows);
  }

  /**
   * Sets the next review date (from today to two years on) and how many months apart reviews come
   * (0 to {@link #MAX_REVIEW_MONTHS}; 0: each review's date is set by hand).
   */
  public Promise scheduleReview(
      Staff staff, String id, @Nullable String on, @Nullable Integer everyMonths) {
    find(staff, id);
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    LocalDate day = date(problems, "on", on);
    if (day != null && (day.isBefore(today()) || day.isAfter(today().plusYears(2)))) {
      problems.add("on", Text.of("problem.promise.review-date.range"));
    }
    int months = everyMonths == null ? 0 : everyMonths;
    if (months < 0 || months > MAX_REVIEW_MONTHS) {
      problems.add("everyMonths", Text.of("problem.promise.months", MAX_REVIEW_MONTHS));
    }
    problems.throwIfAny();
    return step(
        staff,
        id,
        "promise-review-scheduled",
        (h, p) -> {
          repository.scheduleReview(h, id, day, months);
          return day + (months > 0 ? " / " + months : "");
        });
  }

  /**
   * 回头看: records a review (on a day up to today, today when not given) with what was found; the
   * next review moves on by the promise's months, or is cleared when reviews are not regular.
   */
  public Promise review(Staff staff, String id, @Nullable String on, @Nullable String finding) {
    find(staff, id);
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    String found =
        CaseHandling.text(
            problems, "finding", finding, MAX_FINDING, Text.of("problem.promise.finding.missing"));
    LocalDate day = Suggestions.blank(on) ? today() : date(problems, "on", on);
    if (day != null && day.isAfter(today())) {
      problems.add("on", Text.of("problem.promise.review.future"));
    }
    problems.throwIfAny();
    return step(
        staff,
        id,
        "promise-reviewed",
        (h, p) -> {
          repository.review(h, id, day, found, staff.displayName(), OffsetDateTime.now(clock));
          LocalDate next = p.reviewMonths() > 0 ? day.plusMonths(p.reviewMonths()) : null;
          repository.scheduleReview(h, id, next, p.reviewMonths());
          return day + " " + found;
        });
  }

  /** 已兑现: marks the promise kept, with a note of how; it is reviewed no more. */
  public Promise kept(Staff staff, String id, @Nullable String note) {
    find(staff, id);
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    String how =
        CaseHandling.text(
            problems, "note", note, MAX_FINDING, Text.of("problem.promise.kept-note.missing"));
    problems.throwIfAny();
    return step(
        staff,
        id,
        "promise-kept",
        (h, p) -> {
          if (p.keptAt() != null) {
            throw new liaison.hub.problem.ConflictProblem(Text.of("problem.promise.already-kept"));
          }
          repository.kept(h, id, how, staff.displayName(), OffsetDateTime.now(clock));
          return how;
        });
  }

  private interface Change {
    /** Makes the change in the transaction; returns what the audit line says of it. */
    String apply(Handle h, Promise p);
  }

  /** The promise, if it is of the county administrator's county; 404 otherwise. */
  public Promise find(Staff staff, String id) {
    Suggestions.countyAdmin(staff);
    return database.withHandle(h -> readable(h, staff, id));
  }

  private Promise readable(Handle h, Staff staff, String id) {
    return repository
        .promise(h, id)
        .filter(x -> x.countyId().equals(staff.countyId()))
        .orElseThrow(() -> new NotFoundProblem(Text.of("problem.promise.not-found")));
  }

  private Promise step(Staff staff, String id, String action, Change change) {
    return database.inTransaction(
        h -> {
          Promise p = readable(h, staff, id);
          String said = change.apply(h, p);
          audit.record(h, staff, action, "promise", id, p.text() + " · " + said);
          return repository.promise(h, id).orElseThrow();
        });
  }

  private static @Nullable LocalDate date(
      ValidationProblem.Collector problems, String field, @Nullable String given) {
    if (Suggestions.blank(given)) {
      problems.add(field, Text.of("problem.promise.date.missing"));
      return null;
    }
    try {
      return LocalDate.parse(given.strip());
    } catch (DateTimeParseException e) {
      problems.add(field, Text.of("problem.case.deadline.invalid"));
      return null;
    }
  }
}
