package liaison.hub.opinion;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import liaison.hub.audit.AuditLog;
import liaison.hub.calendar.WorkingCalendar;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.department.Department;
import liaison.hub.department.DepartmentRepository;
import liaison.hub.deputy.Deputy;
import liaison.hub.deputy.DeputyRepository;
import liaison.hub.notify.ResidentSms;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.ForbiddenProblem;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.StationPlace;
import liaison.hub.station.StationsChanged;
import liaison.hub.text.Text;
import org.jdbi.v3.core.Handle;

/**
 * The staff's side of the loop: register, merge, forward, record the department's reply, answer,
 * close, close with guidance, and make a case a deputy's suggestion. Each step is checked field by
 * field first (422, nothing saved), then taken through {@link Cases#transition} with its own fields
 * and an audit entry in one transaction (409 if the case cannot take it now, nothing saved).
 */
@Singleton
public class CaseHandling {
  public static final int MAX_SUMMARY = 500;
  public static final int MAX_TEXT = 4000;
  public static final int MAX_PUBLIC_SUMMARY = 300;

  /**
   * A public summary may not repeat this many characters of the resident's own text in a row: it
   * says the problem in general terms.
   */
  static final int RESIDENT_WORDS_RUN = 12;

  /** Seven digits or more in a row: a phone number, an ID card or a house number. */
  private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("\\d{7,}");

  private final Database database;
  private final Cases cases;
  private final CaseRepository repository;
  private final CaseInbox inbox;
  private final DepartmentRepository departments;
  private final DeputyRepository deputies;
  private final CaseDeadlines deadlines;
  private final WorkingCalendar calendar;
  private final Access access;
  private final AuditLog audit;
  private final Clock clock;
  private final ApplicationEventPublisher<StationsChanged> stationsChanged;
  private final ResidentSms residentSms;
  private final CaseMilestones milestones;

  public CaseHandling(
      Database database,
      Cases cases,
      CaseRepository repository,
      CaseInbox inbox,
      DepartmentRepository departments,
      DeputyRepository deputies,
      CaseDeadlines deadlines,
      WorkingCalendar calendar,
      Access access,
      AuditLog audit,
      Clock clock,
      ApplicationEventPublisher<StationsChanged> stationsChanged,
      ResidentSms residentSms,
      CaseMilestones milestones) {
    this.database = database;
    this.cases = cases;
    this.repository = repository;
    this.inbox = inbox;
    this.departments = departments;
    this.deputies = deputies;
    this.deadlines = deadlines;
    this.calendar = calendar;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
    this.stationsChanged = stationsChanged;
    this.residentSms = residentSms;
    this.milestones = milestones;
  }

  /**
   * The case as lists show it, if this staff member may see it ({@link Access#canSeeCase}: the
   * staff of its station; a deputy's account only a case addressed to the deputy or taken up as
   * their suggestion). Another county's case is not found.
   */
  public CaseInbox.Row get(Staff staff, String id) {
    CaseInbox.Row row = inbox.find(id).orElseThrow(() -> notFound(id));
    if (!row.countyId().equals(staff.countyId())) {
      throw notFound(id);
    }
    StationPlace place = access.requireSee(staff, row.c().stationId());
    if (!access.canSeeCase(staff, place, row.c().deputyId(), row.suggestionDeputyId())) {
      throw new ForbiddenProblem(Text.of("problem.case.deputy-own-only"));
    }
    return row;
  }

  /**
   * Whether this staff member may read the resident's contact in full: the station's staff and
   * county admins.
   */
  public boolean maySeeContact(Staff staff, OpinionCase c) {
    return staff.canEdit()
        && access.visibleStations(staff).stream().anyMatch(p -> p.id().equals(c.stationId()));
  }

  /**
   * The case, if this staff member may read the resident's contact in full (the station's staff and
   * county admins, never a deputy's account).
   */
  public CaseInbox.Row requireContactReader(Staff staff, String id) {
    CaseInbox.Row row = get(staff, id);
    if (!maySeeContact(staff, row.c())) {
      throw new ForbiddenProblem(Text.of("problem.case.contact.staff-only"));
    }
    return row;
  }

  /**
   * The contact in full, for those who may; the viewing is in the audit log (PIPL: who read
   * personal data).
   */
  public Optional<CaseContact> contact(Staff staff, String id) {
    CaseInbox.Row row = requireContactReader(staff, id);
    Optional<CaseContact> contact = repository.contact(id);
    contact.ifPresent(
        x ->
            database.useTransaction(
                h -> audit.record(h, staff, "view-contact", "case", id, row.c().trackingCode())));
    return contact;
  }

  /** A resident's contact in full, read over the API, with the case it belongs to. */
  public record ContactRead(OpinionCase opinion, CaseContact contact) {}

  /**
   * The contact in full over the API, for those who may; the reading is a line of the case's
   * timeline (who read personal data, and when).
   *
   * @throws NotFoundProblem no contact: anonymous, or deleted after the retention period
   */
  public ContactRead readContact(Staff staff, String id) {
    OpinionCase c = requireContactReader(staff, id).c();
    CaseContact contact =
        repository
            .contact(id)
            .orElseThrow(() -> new NotFoundProblem(Text.of("problem.case.contact.none")));
    database.useTransaction(h -> cases.record(h, id, staff.username(), "contact-viewed", ""));
    return new ContactRead(c, contact);
  }

  /**
   * The deadline proposed when forwarding today: the category's working days from today, by the
   * county's calendar (holidays and 调休 included).
   */
  public LocalDate defaultDeadline(Staff staff, Category category) {
    return calendar.after(staff.countyId(), inbox.today(), deadlines.daysFor(category));
  }

  public int defaultDays(Category category) {
    return deadlines.daysFor(category);
  }

  /** Deputies of the case's station, among whom one takes the case up as a suggestion. */
  public List<Deputy> stationDeputies(OpinionCase c) {
    return deputies.atStation(c.stationId());
  }

  public List<Department> departments(Staff staff) {
    return departments.inCounty(staff.countyId());
  }

  // ---- the steps ----

  public OpinionCase register(Staff staff, String id, CaseSteps.Register input) {
    OpinionCase c = editable(staff, id);
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    Optional<Category> category =
        Category.of(input.category() == null ? null : input.category().strip());
    if (category.isEmpty()) {
      problems.add("category", Text.of("problem.case.category.missing"));
    }
    String summary =
        text(
            problems,
            "summary",
            input.summary(),
            MAX_SUMMARY,
            Text.of("problem.case.summary.missing"));
    problems.throwIfAny();
    return step(
        staff,
        c,
        CaseStatus.REGISTERED,
        Text.of("case.note.registered", category.orElseThrow().text(), summary).zh(),
        h ->
            h.createUpdate(
                    "UPDATE opinion_case SET category = :category, summary = :summary WHERE id = :id")
                .bind("category", category.orElseThrow().name())
                .bind("summary", summary)
                .bind("id", id)
                .execute());
  }

  public OpinionCase merge(Staff staff, String id, CaseSteps.Merge input) {
    OpinionCase c = editable(staff, id);
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    String into = input.into() == null ? "" : input.into().strip();
    OpinionCase target = null;
    if (into.isEmpty()) {
      problems.add("into", Text.of("problem.case.into.missing"));
    } else {
      Optional<OpinionCase> found =
          repository
              .find(into)
              .or(() -> TrackingCodes.normalize(into).flatMap(repository::findByCode));
      Optional<CaseInbox.Row> visible =
          found
              .flatMap(f -> inbox.find(f.id()))
              .filter(
                  r -> r.countyId().equals(staff.countyId()) && canSee(staff, r.c().stationId()));
      if (visible.isEmpty()) {
        problems.add("into", Text.of("problem.case.into.unknown", into));
      } else if (visible.get().c().id().equals(id)) {
        problems.add("into", Text.of("problem.case.into.itself"));
      } else if (!visible.get().c().status().isOpen()) {
        problems.add(
            "into", Text.of("problem.case.into.closed", visible.get().c().status().text()));
      } else {
        target = visible.get().c();
      }
    }
    problems.throwIfAny();
    OpinionCase into0 = target;
    String note = optional(input.note());
    return step(
        staff,
        c,
        CaseStatus.MERGED,
        withNote(Text.of("case.note.merged-into", into0.trackingCode()), note),
        h -> {
          h.createUpdate("UPDATE opinion_case SET merged_into = :into WHERE id = :id")
              .bind("into", into0.id())
              .bind("id", id)
              .execute();
          cases.record(
              h,
              into0.id(),
              staff.username(),
              "merged-from",
              Text.of("case.note.merged-from", c.trackingCode(), preview(c)).zh());
        });
  }

  public OpinionCase forward(Staff staff, String id, CaseSteps.Forward input) {
    OpinionCase c = editable(staff, id);
    if (c.category() == Category.LEGAL) {
      throw new ConflictProblem(Text.of("problem.case.legal-not-forwarded"));
    }
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    String departmentId = input.departmentId() == null ? "" : input.departmentId().strip();
    Optional<Department> department =
        departmentId.isEmpty()
            ? Optional.empty()
            : departments.find(departmentId).filter(d -> d.countyId().equals(staff.countyId()));
    if (department.isEmpty()) {
      problems.add(
          "departmentId",
          departmentId.isEmpty()
              ? Text.of("problem.case.department.missing")
              : Text.of("problem.case.department.unknown"));
    }
    LocalDate deadline = defaultDeadline(staff, c.category());
    if (input.deadline() != null && !input.deadline().isBlank()) {
      try {
        deadline = LocalDate.parse(input.deadline().strip());
        if (deadline.isBefore(inbox.today())) {
          problems.add("deadline", Text.of("problem.case.deadline.past"));
        } else if (deadline.isAfter(inbox.today().plusYears(1))) {
          problems.add("deadline", Text.of("problem.case.deadline.too-far"));
        }
      } catch (DateTimeParseException e) {
        problems.add("deadline", Text.of("problem.case.deadline.invalid"));
      }
    }
    String note = optional(input.note());
    problems.throwIfAny();
    LocalDate due = deadline;
    Text contact =
        c.contactToDepartment()
            ? Text.of("case.note.contact-passed")
            : Text.of("case.note.contact-kept");
    return step(
        staff,
        c,
        CaseStatus.FORWARDED,
        withNote(
            Text.of("case.note.forwarded", department.orElseThrow().name(), due, contact), note),
        h -> {
          String to = department.orElseThrow().id();
          h.createUpdate(
                  "UPDATE opinion_case SET department_id = :department, deadline = :deadline, escalated_at = NULL WHERE id = :id")
              .bind("department", to)
              .bind("deadline", Sql.date(due))
              .bind("id", id)
              .execute();
          // The department reads the case from now on, on its desk and afterwards.
          repository.insertForwarding(h, id, to, java.time.OffsetDateTime.now(clock), due);
          milestones.announce(
              h,
              new CaseMilestone(
                  CaseMilestone.Kind.FORWARDED,
                  id,
                  c.trackingCode(),
                  c.stationId(),
                  to,
                  due,
                  staff.username()));
        });
  }

  public OpinionCase departmentReply(Staff staff, String id, CaseSteps.Text input) {
    OpinionCase c = editable(staff, id);
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    String text =
        text(problems, "text", input.text(), MAX_TEXT, Text.of("problem.case.reply.missing"));
    problems.throwIfAny();
    return step(
        staff,
        c,
        CaseStatus.DEPARTMENT_REPLIED,
        text,
        h -> {
          h.createUpdate("UPDATE opinion_case SET department_reply = :text WHERE id = :id")
              .bind("text", text)
              .bind("id", id)
              .execute();
          // Typed in for the department: its desk lists the case as replied all the same.
          if (c.departmentId() != null) {
            repository.endForwarding(
                h, id, c.departmentId(), java.time.OffsetDateTime.now(clock), null);
          }
        });
  }

  /**
   * 答复, with the public summary when 公开 is ticked: both in one transaction, or neither. A case
   * answered again after reopening replaces its summary (and a withdrawn one comes back only with a
   * new text ticked 公开); answered without 公开, an earlier summary stays as it was.
   */
  public OpinionCase answer(Staff staff, String id, CaseSteps.Answer input) {
    OpinionCase c = editable(staff, id);
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    String text =
        text(problems, "text", input.text(), MAX_TEXT, Text.of("problem.case.answer.missing"));
    String summary = input.published() ? publicSummary(problems, c, input.publicSummary()) : "";
    problems.throwIfAny();
    return step(
        staff,
        c,
        CaseStatus.ANSWERED,
        text,
        h -> {
          h.createUpdate("UPDATE opinion_case SET answer = :text WHERE id = :id")
              .bind("text", text)
              .bind("id", id)
              .execute();
          // The resident who ticked "text me" learns of it, with this answer: or neither happens.
          residentSms.caseAnswered(h, id);
          if (input.published()) {
            h.createUpdate(
                    """
                    INSERT INTO published_summary (case_id, station_id, text, published_at, published_by)
                    VALUES (:id, :station, :text, :at, :by)
                    ON CONFLICT (case_id) DO UPDATE SET text = excluded.text,
                      published_at = excluded.published_at, published_by = excluded.published_by,
                      withdrawn_at = NULL, withdrawn_by = NULL
                    """)
                .bind("id", id)
                .bind("station", c.stationId())
                .bind("text", summary)
                .bind("at", Sql.instant(java.time.OffsetDateTime.now(clock)))
                .bind("by", staff.username())
                .execute();
            audit.record(h, staff, "publish-summary", "case", id, c.trackingCode() + " " + summary);
          }
        });
  }

  /**
   * The public summary as typed, refused when empty, too long, or carrying what identifies the
   * resident: their name or phone as they gave them, a run of digits (a phone, an ID card, a house
   * number), or a stretch of their own text copied in.
   */
  private String publicSummary(
      ValidationProblem.Collector problems,
      OpinionCase c,
      @org.jspecify.annotations.Nullable String value) {
    String summary =
        text(
            problems,
            "publicSummary",
            value,
            MAX_PUBLIC_SUMMARY,
            Text.of("problem.case.public-summary.missing"));
    if (summary.isEmpty()) {
      return summary;
    }
    Optional<CaseContact> contact = repository.contact(c.id());
    boolean namesResident =
        contact
            .map(
                x ->
                    !x.name().isBlank() && summary.contains(x.name().strip())
                        || !x.phone().isBlank() && summary.contains(x.phone().strip()))
            .orElse(false);
    if (namesResident || DIGITS.matcher(summary).find()) {
      problems.add("publicSummary", Text.of("problem.case.public-summary.personal"));
    } else if (copiesResident(summary, c.text())) {
      problems.add("publicSummary", Text.of("problem.case.public-summary.own-words"));
    }
    return summary;
  }

  static boolean copiesResident(String summary, String residentText) {
    String own = residentText.strip();
    for (int i = 0; i + RESIDENT_WORDS_RUN <= own.length(); i++) {
      if (summary.contains(own.substring(i, i + RESIDENT_WORDS_RUN))) {
        return true;
      }
    }
    return false;
  }

  public OpinionCase close(Staff staff, String id, CaseSteps.Text input) {
    OpinionCase c = editable(staff, id);
    String note = optional(input.text());
    if (note.length() > MAX_TEXT) {
      throw ValidationProblem.of("text", Text.of("problem.case.text.too-long", MAX_TEXT));
    }
    return step(staff, c, CaseStatus.CLOSED, note, h -> {});
  }

  public OpinionCase guidance(Staff staff, String id, CaseSteps.Text input) {
    OpinionCase c = editable(staff, id);
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    String text =
        text(problems, "text", input.text(), MAX_TEXT, Text.of("problem.case.guidance.missing"));
    problems.throwIfAny();
    return step(
        staff,
        c,
        CaseStatus.CLOSED_WITH_GUIDANCE,
        text,
        h ->
            h.createUpdate("UPDATE opinion_case SET guidance = :text WHERE id = :id")
                .bind("text", text)
                .bind("id", id)
                .execute());
  }

  /** 代表建议: not a step of the loop (the case carries on) but a flag with its timeline line. */
  public OpinionCase suggestion(Staff staff, String id, CaseSteps.Suggestion input) {
    OpinionCase c = editable(staff, id);
    if (c.suggestion()) {
      throw new ConflictProblem(Text.of("problem.case.suggestion.already", c.trackingCode()));
    }
    if (c.status() == CaseStatus.MERGED) {
      throw new ConflictProblem(Text.of("problem.case.suggestion.merged"));
    }
    String deputyId = input.deputyId() == null ? "" : input.deputyId().strip();
    Optional<Deputy> deputy =
        stationDeputies(c).stream().filter(d -> d.id().equals(deputyId)).findFirst();
    if (deputy.isEmpty()) {
      throw ValidationProblem.of(
          "deputyId",
          deputyId.isEmpty()
              ? Text.of("problem.case.suggestion.deputy-missing")
              : Text.of("problem.case.suggestion.deputy-elsewhere"));
    }
    String note = optional(input.note());
    return database.inTransaction(
        h -> {
          int changed =
              h.createUpdate(
                      "UPDATE opinion_case SET suggestion = TRUE, suggestion_deputy_id = :deputy WHERE id = :id AND suggestion = FALSE")
                  .bind("deputy", deputy.get().id())
                  .bind("id", id)
                  .execute();
          if (changed != 1) {
            throw new ConflictProblem(Text.of("problem.case.suggestion.already", c.trackingCode()));
          }
          String line = withNote(Text.of("case.note.suggestion", deputy.get().name()), note);
          cases.record(h, id, staff.username(), "suggestion", line);
          audit.record(h, staff, "suggestion", "case", id, c.trackingCode() + " " + line);
          return repository.find(h, id).orElseThrow();
        });
  }

  // ---- helpers ----

  private OpinionCase step(
      Staff staff, OpinionCase c, CaseStatus to, String note, Consumer<Handle> fields) {
    OpinionCase after =
        database.inTransaction(
            h -> {
              cases.transition(h, c.id(), to, staff.username(), note);
              fields.accept(h);
              audit.record(
                  h,
                  staff,
                  to.name().toLowerCase(java.util.Locale.ROOT),
                  "case",
                  c.id(),
                  c.trackingCode() + " → " + to.zh() + " " + note);
              return repository.find(h, c.id()).orElseThrow();
            });
    // Every step moves the station's handling figures (and an answer may publish a summary).
    stationsChanged.publishEvent(StationsChanged.of(c.stationId()));
    return after;
  }

  private OpinionCase editable(Staff staff, String id) {
    CaseInbox.Row row = get(staff, id);
    access.requireEdit(staff, row.c().stationId());
    return row.c();
  }

  private boolean canSee(Staff staff, String stationId) {
    return access.visibleStations(staff).stream().map(StationPlace::id).anyMatch(stationId::equals);
  }

  /** A required text of a step, refused when empty or longer than {@code max}. */
  public static String text(
      ValidationProblem.Collector problems,
      String field,
      @org.jspecify.annotations.Nullable String value,
      int max,
      Text empty) {
    String text = value == null ? "" : value.strip();
    if (text.isEmpty()) {
      problems.add(field, empty);
    } else if (text.length() > max) {
      problems.add(field, Text.of("problem.case.text.too-long-given", max, text.length()));
    }
    return text;
  }

  /**
   * A timeline line as stored: in Chinese, the county's language (the timeline keeps what was
   * written, it is not translated afterwards), with the staff member's note after it.
   */
  private static String withNote(Text line, String note) {
    return note.isEmpty() ? line.zh() : Text.of("case.note.with-note", line, note).zh();
  }

  private static String optional(@org.jspecify.annotations.Nullable String value) {
    return value == null ? "" : value.strip();
  }

  private static String preview(OpinionCase c) {
    String s = c.summary().isBlank() ? c.text() : c.summary();
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  private static NotFoundProblem notFound(String id) {
    return new NotFoundProblem(Text.of("problem.case.not-found", id));
  }
}
