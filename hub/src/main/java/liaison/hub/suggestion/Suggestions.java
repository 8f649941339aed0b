package liaison.hub.suggestion;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import liaison.hub.audit.AuditLog;
import liaison.hub.calendar.WorkingCalendar;
import liaison.hub.db.Database;
import liaison.hub.db.Ids;
import liaison.hub.db.Sql;
import liaison.hub.opinion.CaseHandling;
import liaison.hub.opinion.Category;
import liaison.hub.opinion.ReplyFiles;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.ForbiddenProblem;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.satisfaction.Satisfaction;
import liaison.hub.security.Role;
import liaison.hub.security.Staff;
import liaison.hub.text.Text;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * A suggestion's way (代表建议): made by its deputy (or registered for them by a county administrator),
 * forwarded by the county to a lead department and co-handling ones, replied to by each department
 * with its promises, rated by the deputy per department; a 不满意 lets the county forward it to that
 * department again. It closes once every department's latest reply is rated and none 不满意, or when
 * the county closes it as it stands.
 *
 * <p>Who reads what: a deputy their own suggestions, a county administrator the county's, a
 * department's account those forwarded to its department; anyone else finds nothing (404), a
 * station manager has no list at all. Every step is checked whole before anything is written (422
 * with every field's reason, nothing saved), runs in one transaction with its audit line and its
 * e-mails, and is refused with 409 when the suggestion is not where the step needs it.
 */
@Singleton
public class Suggestions {
  public static final int MAX_TITLE = 100;
  public static final int MAX_BODY = 5000;
  public static final int MAX_REPLY = 5000;
  public static final int MAX_COMMENT = 500;
  public static final int MAX_PROMISE = 300;
  public static final int MAX_PROMISES = 10;
  public static final int MAX_CO_DEPARTMENTS = 5;

  /** 代表建议 are answered within three months: about sixty working days. */
  public static final int DEFAULT_WORKING_DAYS = 60;

  public static final int MAX_WORKING_DAYS = 250;

  /** What a deputy (or the county for them) makes. */
  public record Draft(
      @Nullable String deputyId,
      @Nullable String title,
      @Nullable String body,
      @Nullable String category) {}

  /** A promise as the department writes it: the text and the day it is to be done by. */
  public record PromiseDraft(@Nullable String text, @Nullable String due) {}

  /** A suggestion with everything it went through, as the person asking may read it. */
  public record Dossier(
      Suggestion suggestion,
      List<Forwarding> forwardings,
      List<Forwarding> latest,
      List<Promise> promises,
      List<SuggestionFile> files) {}

  private final Database database;
  private final SuggestionRepository repository;
  private final SuggestionMail mail;
  private final ReplyFiles replyFiles;
  private final WorkingCalendar calendar;
  private final AuditLog audit;
  private final Clock clock;

  public Suggestions(
      Database database,
      SuggestionRepository repository,
      SuggestionMail mail,
      ReplyFiles replyFiles,
      WorkingCalendar calendar,
      AuditLog audit,
      Clock clock) {
    this.database = database;
    this.repository = repository;
    this.mail = mail;
    this.replyFiles = replyFiles;
    this.calendar = calendar;
    this.audit = audit;
    this.clock = clock;
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(Sql.ZONE));
  }

  // ---- reading ----

  /** The suggestions this person may read, newest first (a station manager has none to read). */
  public List<Suggestion> list(Staff staff, @Nullable SuggestionStatus status) {
    String where;
    Map<String, Object> binds;
    switch (staff.role()) {
      case COUNTY_ADMIN -> {
        where = "s.county_id = :key";
        binds = Map.of("key", staff.countyId());
      }
      case DEPUTY -> {
        where = "s.deputy_id = :key";
        binds = Map.of("key", deputy(staff));
      }
      case DEPARTMENT -> {
        where =
            "EXISTS (SELECT 1 FROM suggestion_forwarding f WHERE f.suggestion_id = s.id"
                + " AND f.department_id = :key)";
        binds = Map.of("key", department(staff));
      }
      default -> throw new ForbiddenProblem(Text.of("problem.suggestion.not-yours"));
    }
    if (status == null) {
      return repository.list(where, binds);
    }
    Map<String, Object> withStatus = new java.util.HashMap<>(binds);
    withStatus.put("status", status.name());
    return repository.list(where + " AND s.status = :status", withStatus);
  }

  /**
   * The suggestion with its forwardings, promises and files; 404 unless this person may read it.
   */
  public Dossier open(Staff staff, String id) {
    return database.withHandle(
        h -> {
          Suggestion s = readable(h, staff, id);
          List<Forwarding> all = repository.forwardings(h, id);
          List<Forwarding> shown =
              staff.isDepartment()
                  ? all.stream().filter(f -> f.departmentId().equals(staff.departmentId())).toList()
                  : all;
          List<Promise> promises =
              repository.promises(h, "p.suggestion_id = :id", Map.of("id", id)).stream()
                  .filter(
                      p -> !staff.isDepartment() || p.departmentId().equals(staff.departmentId()))
                  .toList();
          return new Dossier(
              s, shown, SuggestionRepository.latest(shown), promises, repository.files(h, id));
        });
  }

  /** A file of a suggestion this person may read. */
  public Optional<ReplyFiles.Download> file(Staff staff, String id, String file) {
    return open(staff, id).files().stream()
        .filter(f -> f.file().equals(file))
        .findFirst()
        .flatMap(
            f ->
                replyFiles
                    .read(f.kind(), f.hash())
                    .map(bytes -> new ReplyFiles.Download(f.kind(), f.fileName(), bytes)));
  }

  /** The county's departments a suggestion may be forwarded to (id → name), by name. */
  public Map<String, String> departments(Staff staff) {
    return names("department", staff.countyId());
  }

  /** The county's deputies a county administrator may register a suggestion for (id → name). */
  public Map<String, String> deputies(Staff staff) {
    countyAdmin(staff);
    return names("deputy", staff.countyId());
  }

  /** The county's rows of a table with an id, a name and a county (id → name), by name. */
  private Map<String, String> names(String table, String countyId) {
    Map<String, String> names = new java.util.LinkedHashMap<>();
    database.useHandle(
        h ->
            h.createQuery(
                    "SELECT id, name FROM " + table + " WHERE county_id = :c ORDER BY name, id")
                .bind("c", countyId)
                .map((rs, ctx) -> Map.entry(rs.getString("id"), rs.getString("name")))
                .forEach(e -> names.put(e.getKey(), e.getValue())));
    return names;
  }

  // ---- the steps ----

  /**
   * 提出建议: a deputy makes one of their own; a county administrator registers one for a deputy of the
   * county (made at a meeting). Files as a department's reply files ({@link ReplyFiles}).
   */
  public Suggestion make(Staff staff, Draft draft, List<ReplyFiles.Upload> uploads) {
    String deputyId =
        switch (staff.role()) {
          case DEPUTY -> deputy(staff);
          case COUNTY_ADMIN -> draft.deputyId() == null ? "" : draft.deputyId().strip();
          default -> throw new ForbiddenProblem(Text.of("problem.suggestion.make.who"));
        };
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    if (staff.isCountyAdmin() && !deputies(staff).containsKey(deputyId)) {
      problems.add("deputyId", Text.of("problem.suggestion.deputy.unknown"));
    }
    String title =
        CaseHandling.text(
            problems,
            "title",
            draft.title(),
            MAX_TITLE,
            Text.of("problem.suggestion.title.missing"));
    String body =
        CaseHandling.text(
            problems, "body", draft.body(), MAX_BODY, Text.of("problem.suggestion.body.missing"));
    Category category = Category.OTHER;
    if (draft.category() != null && !draft.category().isBlank()) {
      Optional<Category> chosen = Category.of(draft.category().strip());
      if (chosen.isEmpty() || chosen.get() == Category.LEGAL) {
        problems.add("category", Text.of("problem.suggestion.category.unknown"));
      } else {
        category = chosen.get();
      }
    }
    List<ReplyFiles.Checked> files = replyFiles.check(uploads, problems);
    problems.throwIfAny();
    OffsetDateTime now = OffsetDateTime.now(clock);
    Suggestion made =
        new Suggestion(
            Ids.next("sg"),
            deputyId,
            "",
            staff.countyId(),
            title,
            body,
            category,
            SuggestionStatus.SUBMITTED,
            now,
            staff.username(),
            now);
    return database.inTransaction(
        h -> {
          repository.insert(h, made);
          for (ReplyFiles.Checked file : files) {
            replyFiles.store(file);
            repository.attach(h, made.id(), file, staff.username(), now);
          }
          audit.record(h, staff, "suggestion-made", "suggestion", made.id(), title);
          return repository.find(h, made.id()).orElseThrow();
        });
  }

  /** 撤回: the deputy takes back their own suggestion while it is not yet forwarded. */
  public Suggestion withdraw(Staff staff, String id) {
    return database.inTransaction(
        h -> {
          Suggestion s = readable(h, staff, id);
          if (staff.role() != Role.DEPUTY) {
            throw new ForbiddenProblem(Text.of("problem.suggestion.withdraw.who"));
          }
          requireStatus(s, SuggestionStatus.SUBMITTED, "problem.suggestion.withdraw.too-late");
          repository.setStatus(h, id, SuggestionStatus.WITHDRAWN, OffsetDateTime.now(clock));
          audit.record(h, staff, "suggestion-withdrawn", "suggestion", id, s.title());
          return repository.find(h, id).orElseThrow();
        });
  }

  /**
   * 交办: a county administrator forwards a submitted suggestion to its lead department (主办) and any
   * co-handling ones (协办), the reply due {@code workingDays} working days on (60 when not given) by
   * the county's calendar; each department is e-mailed.
   */
  public Suggestion forward(
      Staff staff,
      String id,
      @Nullable String lead,
      @Nullable List<String> co,
      @Nullable Integer workingDays) {
    countyAdmin(staff);
    database.withHandle(h -> readable(h, staff, id));
    Map<String, String> departments = departments(staff);
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    String leadId = lead == null ? "" : lead.strip();
    if (leadId.isEmpty()) {
      problems.add("lead", Text.of("problem.suggestion.lead.missing"));
    } else if (!departments.containsKey(leadId)) {
      problems.add("lead", Text.of("problem.suggestion.department.unknown"));
    }
    Set<String> coIds = new LinkedHashSet<>();
    for (String c : co == null ? List.<String>of() : co) {
      String given = c == null ? "" : c.strip();
      if (given.isEmpty() || given.equals(leadId)) {
        continue;
      }
      if (!departments.containsKey(given)) {
        problems.add("co", Text.of("problem.suggestion.department.unknown"));
      } else {
        coIds.add(given);
      }
    }
    if (coIds.size() > MAX_CO_DEPARTMENTS) {
      problems.add("co", Text.of("problem.suggestion.co.too-many", MAX_CO_DEPARTMENTS));
    }
    int days = workingDays(problems, workingDays);
    problems.throwIfAny();
    return database.inTransaction(
        h -> {
          Suggestion s = readable(h, staff, id);
          requireStatus(s, SuggestionStatus.SUBMITTED, "problem.suggestion.forward.not-submitted");
          OffsetDateTime now = OffsetDateTime.now(clock);
          LocalDate deadline = calendar.after(s.countyId(), today(), days);
          List<String> to = new ArrayList<>();
          to.add(leadId);
          to.addAll(coIds);
          for (String department : to) {
            repository.forward(
                h, id, department, 1, department.equals(leadId), now, staff.username(), deadline);
          }
          repository.setStatus(h, id, SuggestionStatus.FORWARDED, now);
          String names = String.join("、", to.stream().map(departments::get).toList());
          audit.record(
              h,
              staff,
              "suggestion-forwarded",
              "suggestion",
              id,
              s.title() + " → " + names + " " + deadline);
          for (String department : to) {
            mail.forwarded(h, s, department, deadline);
          }
          return repository.find(h, id).orElseThrow();
        });
  }

  /**
   * 再交办: a county administrator forwards the suggestion again to a department whose latest reply
   * the deputy rated 不满意; the department replies anew (a new round, the earlier reply kept).
   */
  public Suggestion forwardAgain(
      Staff staff, String id, @Nullable String departmentId, @Nullable Integer workingDays) {
    countyAdmin(staff);
    database.withHandle(h -> readable(h, staff, id));
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    int days = workingDays(problems, workingDays);
    problems.throwIfAny();
    String department = departmentId == null ? "" : departmentId.strip();
    return database.inTransaction(
        h -> {
          Suggestion s = readable(h, staff, id);
          Forwarding last =
              SuggestionRepository.latest(repository.forwardings(h, id)).stream()
                  .filter(f -> f.departmentId().equals(department))
                  .findFirst()
                  .orElseThrow(
                      () ->
                          ValidationProblem.of(
                              "department",
                              Text.of("problem.suggestion.department.not-forwarded")));
          if (s.status() == SuggestionStatus.CLOSED || last.rating() != Satisfaction.DISSATISFIED) {
            throw new ConflictProblem(Text.of("problem.suggestion.again.not-dissatisfied"));
          }
          OffsetDateTime now = OffsetDateTime.now(clock);
          LocalDate deadline = calendar.after(s.countyId(), today(), days);
          repository.forward(
              h, id, department, last.round() + 1, last.lead(), now, staff.username(), deadline);
          repository.setStatus(h, id, SuggestionStatus.FORWARDED, now);
          audit.record(
              h,
              staff,
              "suggestion-forwarded-again",
              "suggestion",
              id,
              s.title() + " → " + last.departmentName() + " " + deadline);
          mail.forwarded(h, s, department, deadline);
          return repository.find(h, id).orElseThrow();
        });
  }

  /**
   * 答复: the department's reply to the suggestion forwarded to it (its latest round, not yet
   * replied), with its promises; once every department of the latest rounds replied the suggestion
   * is REPLIED.
   */
  public Suggestion reply(
      Staff staff, String id, @Nullable String text, @Nullable List<PromiseDraft> promises) {
    String department = department(staff);
    database.withHandle(h -> readable(h, staff, id));
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    String reply =
        CaseHandling.text(
            problems, "text", text, MAX_REPLY, Text.of("problem.suggestion.reply.missing"));
    record Checked(String text, LocalDate due) {}
    List<Checked> checked = new ArrayList<>();
    List<PromiseDraft> given =
        (promises == null ? List.<PromiseDraft>of() : promises)
            .stream().filter(p -> p != null && !(blank(p.text()) && blank(p.due()))).toList();
    if (given.size() > MAX_PROMISES) {
      problems.add("promises", Text.of("problem.suggestion.promises.too-many", MAX_PROMISES));
    }
    for (int i = 0; i < given.size() && i < MAX_PROMISES; i++) {
      PromiseDraft p = given.get(i);
      String field = "promises[" + i + "]";
      String promise =
          CaseHandling.text(
              problems,
              field + ".text",
              p.text(),
              MAX_PROMISE,
              Text.of("problem.suggestion.promise.text.missing", i + 1));
      LocalDate due = day(problems, field + ".due", p.due(), i + 1);
      if (due != null) {
        checked.add(new Checked(promise, due));
      }
    }
    problems.throwIfAny();
    return database.inTransaction(
        h -> {
          Suggestion s = readable(h, staff, id);
          Forwarding ours = waiting(h, s, department);
          OffsetDateTime now = OffsetDateTime.now(clock);
          repository.reply(h, ours, reply, now, staff.username());
          for (Checked p : checked) {
            repository.promise(h, ours, p.text(), p.due(), now);
          }
          boolean allReplied =
              SuggestionRepository.latest(repository.forwardings(h, id)).stream()
                  .allMatch(Forwarding::replied);
          if (allReplied) {
            repository.setStatus(h, id, SuggestionStatus.REPLIED, now);
          }
          audit.record(
              h,
              staff,
              "suggestion-replied",
              "suggestion",
              id,
              s.title()
                  + " · "
                  + reply
                  + (checked.isEmpty()
                      ? ""
                      : " · " + Text.of("suggestion.audit.promises", checked.size()).zh()));
          return repository.find(h, id).orElseThrow();
        });
  }

  /**
   * 评价: the deputy rates a department's latest reply (满意 / 基本满意 / 不满意, with a comment); when every
   * department's latest reply is rated and none 不满意, the suggestion is closed.
   */
  public Suggestion rate(
      Staff staff,
      String id,
      @Nullable String departmentId,
      @Nullable String rating,
      @Nullable String comment) {
    if (staff.role() != Role.DEPUTY) {
      throw new ForbiddenProblem(Text.of("problem.suggestion.rate.who"));
    }
    database.withHandle(h -> readable(h, staff, id));
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    Optional<Satisfaction> chosen = Satisfaction.of(rating);
    if (chosen.isEmpty()) {
      problems.add("rating", Text.of("problem.suggestion.rating.missing"));
    }
    String note = comment == null ? "" : comment.strip();
    if (note.length() > MAX_COMMENT) {
      problems.add(
          "comment", Text.of("problem.case.text.too-long-given", MAX_COMMENT, note.length()));
    }
    problems.throwIfAny();
    String department = departmentId == null ? "" : departmentId.strip();
    return database.inTransaction(
        h -> {
          Suggestion s = readable(h, staff, id);
          List<Forwarding> latest = SuggestionRepository.latest(repository.forwardings(h, id));
          Forwarding f =
              latest.stream()
                  .filter(x -> x.departmentId().equals(department))
                  .findFirst()
                  .orElseThrow(
                      () ->
                          ValidationProblem.of(
                              "department",
                              Text.of("problem.suggestion.department.not-forwarded")));
          if (!f.replied() || f.rated()) {
            throw new ConflictProblem(
                Text.of(
                    f.rated()
                        ? "problem.suggestion.rate.already"
                        : "problem.suggestion.rate.no-reply",
                    f.departmentName()));
          }
          OffsetDateTime now = OffsetDateTime.now(clock);
          repository.rate(h, f, chosen.orElseThrow(), note, now);
          List<Forwarding> after = SuggestionRepository.latest(repository.forwardings(h, id));
          boolean done =
              after.stream().allMatch(x -> x.rated() && x.rating() != Satisfaction.DISSATISFIED);
          if (done) {
            repository.setStatus(h, id, SuggestionStatus.CLOSED, now);
          }
          audit.record(
              h,
              staff,
              "suggestion-rated",
              "suggestion",
              id,
              s.title()
                  + " · "
                  + f.departmentName()
                  + " "
                  + chosen.get().zh()
                  + (note.isEmpty() ? "" : " · " + note));
          return repository.find(h, id).orElseThrow();
        });
  }

  /**
   * 办结: a county administrator closes a suggestion whose latest replies are all rated, a 不满意 among
   * them standing (the county decided not to forward it again).
   */
  public Suggestion close(Staff staff, String id) {
    countyAdmin(staff);
    return database.inTransaction(
        h -> {
          Suggestion s = readable(h, staff, id);
          boolean allRated =
              SuggestionRepository.latest(repository.forwardings(h, id)).stream()
                  .allMatch(Forwarding::rated);
          if (s.status() != SuggestionStatus.REPLIED || !allRated) {
            throw new ConflictProblem(Text.of("problem.suggestion.close.not-rated"));
          }
          repository.setStatus(h, id, SuggestionStatus.CLOSED, OffsetDateTime.now(clock));
          audit.record(h, staff, "suggestion-closed", "suggestion", id, s.title());
          return repository.find(h, id).orElseThrow();
        });
  }

  // ---- helpers ----

  /** The suggestion if this person may read it; 404 otherwise, whether it exists or not. */
  Suggestion readable(Handle h, Staff staff, String id) {
    Optional<Suggestion> found = repository.find(h, id);
    boolean may =
        found.isPresent()
            && switch (staff.role()) {
              case COUNTY_ADMIN -> found.get().countyId().equals(staff.countyId());
              case DEPUTY -> found.get().deputyId().equals(staff.deputyId());
              case DEPARTMENT ->
                  repository.forwardings(h, id).stream()
                      .anyMatch(f -> f.departmentId().equals(staff.departmentId()));
              default -> false;
            };
    if (!may) {
      throw new NotFoundProblem(Text.of("problem.suggestion.not-found"));
    }
    return found.get();
  }

  /** The department's latest forwarding of the suggestion, if it waits for its reply; else 409. */
  private Forwarding waiting(Handle h, Suggestion s, String department) {
    return SuggestionRepository.latest(repository.forwardings(h, s.id())).stream()
        .filter(f -> f.departmentId().equals(department) && !f.replied())
        .findFirst()
        .orElseThrow(() -> new ConflictProblem(Text.of("problem.suggestion.reply.not-waiting")));
  }

  private static void requireStatus(Suggestion s, SuggestionStatus wanted, String key) {
    if (s.status() != wanted) {
      throw new ConflictProblem(Text.of(key, s.status().text()));
    }
  }

  private static int workingDays(ValidationProblem.Collector problems, @Nullable Integer given) {
    int days = given == null ? DEFAULT_WORKING_DAYS : given;
    if (days < 1 || days > MAX_WORKING_DAYS) {
      problems.add("workingDays", Text.of("problem.suggestion.working-days", MAX_WORKING_DAYS));
    }
    return days;
  }

  /** A promise's day: a date from today to three years on. */
  private @Nullable LocalDate day(
      ValidationProblem.Collector problems, String field, @Nullable String given, int number) {
    if (blank(given)) {
      problems.add(field, Text.of("problem.suggestion.promise.due.missing", number));
      return null;
    }
    try {
      LocalDate day = LocalDate.parse(given.strip());
      if (day.isBefore(today()) || day.isAfter(today().plusYears(3))) {
        problems.add(field, Text.of("problem.suggestion.promise.due.range", number));
        return null;
      }
      return day;
    } catch (DateTimeParseException e) {
      problems.add(field, Text.of("problem.case.deadline.invalid"));
      return null;
    }
  }

  static boolean blank(@Nullable String s) {
    return s == null || s.isBlank();
  }

  private static String deputy(Staff staff) {
    String deputy = staff.deputyId();
    if (staff.role() != Role.DEPUTY || deputy == null) {
      throw new ForbiddenProblem(Text.of("problem.suggestion.not-yours"));
    }
    return deputy;
  }

  static String department(Staff staff) {
    String department = staff.departmentId();
    if (!staff.isDepartment() || department == null) {
      throw new ForbiddenProblem(Text.of("problem.access.department-only"));
    }
    return department;
  }

  static void countyAdmin(Staff staff) {
    if (!staff.isCountyAdmin()) {
      throw new ForbiddenProblem(Text.of("problem.suggestion.county-only"));
    }
  }
}
