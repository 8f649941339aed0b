package liaison.hub.opinion;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import liaison.hub.audit.AuditLog;
import liaison.hub.calendar.WorkingCalendar;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.problem.BadRequestProblem;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.ForbiddenProblem;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.security.StaffAccountRepository;
import liaison.hub.station.StationsChanged;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;

/**
 * A department's side of the loop (承办单位): its inbox, a case as it reads it, and its three steps
 * (reply, ask for a later deadline, hand back as not theirs). Every read and step is for a
 * department's account only, and only for cases forwarded to its department, now or before: like a
 * 12345 system, a department keeps reading what it handled after it replied, handed it back or the
 * case went elsewhere, but it takes a step only while the case is with it (forwarded to it and not
 * yet answered). Another case is not found, whether it exists or not. The resident's contact is
 * shown only when the resident allowed it to go to the department, and only while the case is with
 * it.
 */
@Singleton
public class DepartmentDesk {
  public static final int MAX_REASON = 500;

  /** The inbox's tabs. */
  public enum Tab {
    /** Forwarded to the department and not replied yet: its work. */
    WAITING,
    /** Replied by the department (whatever happened afterwards). */
    REPLIED,
    /** Handed back by the department. */
    RETURNED,
    /** Everything ever forwarded to it. */
    ALL;

    public static Tab of(@Nullable String value) {
      if (value == null || value.isBlank()) {
        return WAITING;
      }
      for (Tab t : values()) {
        if (t.name().equalsIgnoreCase(value.strip())) {
          return t;
        }
      }
      throw BadRequestProblem.unknownChoice(
          "tab",
          value,
          java.util.Arrays.stream(values()).map(t -> t.name().toLowerCase(Locale.ROOT)).toList());
    }

    public Text text() {
      return Text.of("dept.tab." + name().toLowerCase(Locale.ROOT));
    }
  }

  /**
   * A case in the department's inbox (no contact, no answer to the resident, no rating).
   *
   * @param withUs forwarded to this department and waiting for its reply: it may take a step
   * @param workingDaysLeft working days until the deadline (0 on the day), when not overdue
   * @param daysOverdue calendar days past the deadline while it waits for the reply; 0 otherwise
   * @param pendingExtension a request for a later deadline awaits the county's decision
   */
  public record Row(
      OpinionCase c,
      String stationName,
      boolean withUs,
      int workingDaysLeft,
      long daysOverdue,
      boolean pendingExtension) {
    public boolean overdue() {
      return daysOverdue > 0;
    }

    public boolean escalated() {
      return withUs && c.escalatedAt() != null;
    }
  }

  /**
   * A case as the department reads it.
   *
   * @param contact the resident's name and phone, when they allowed it and the case is with us
   * @param contactKept the resident left a contact but did not allow it to go to the department
   * @param extensions this department's requests for a later deadline, newest first
   */
  public record DeskCase(
      Row row,
      List<String> photos,
      List<ReplyFiles.Attachment> attachments,
      @Nullable CaseContact contact,
      boolean contactKept,
      List<CaseFiles.TimelineLine> timeline,
      List<Extensions.Request> extensions) {}

  private final Database database;
  private final Cases cases;
  private final CaseRepository repository;
  private final CaseFiles files;
  private final StaffAccountRepository accounts;
  private final ReplyFiles replyFiles;
  private final Extensions extensions;
  private final CaseMilestones milestones;
  private final WorkingCalendar calendar;
  private final AuditLog audit;
  private final Clock clock;
  private final ApplicationEventPublisher<StationsChanged> stationsChanged;

  public DepartmentDesk(
      Database database,
      Cases cases,
      CaseRepository repository,
      CaseFiles files,
      StaffAccountRepository accounts,
      ReplyFiles replyFiles,
      Extensions extensions,
      CaseMilestones milestones,
      WorkingCalendar calendar,
      AuditLog audit,
      Clock clock,
      ApplicationEventPublisher<StationsChanged> stationsChanged) {
    this.database = database;
    this.cases = cases;
    this.repository = repository;
    this.files = files;
    this.accounts = accounts;
    this.replyFiles = replyFiles;
    this.extensions = extensions;
    this.milestones = milestones;
    this.calendar = calendar;
    this.audit = audit;
    this.clock = clock;
    this.stationsChanged = stationsChanged;
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(Sql.ZONE));
  }

  /** The department's cases on a tab: waiting ones by deadline, the others newest first. */
  public List<Row> inbox(Staff staff, Tab tab) {
    String department = department(staff);
    String forwarding =
        switch (tab) {
          case REPLIED -> " AND f.replied_at IS NOT NULL";
          case RETURNED -> " AND f.returned_at IS NOT NULL";
          case WAITING, ALL -> "";
        };
    String now =
        tab == Tab.WAITING ? " AND c.status = 'FORWARDED' AND c.department_id = :department" : "";
    String order =
        tab == Tab.WAITING
            ? " ORDER BY c.deadline, c.submitted_at, c.id"
            : " ORDER BY c.updated_at DESC, c.id";
    return database.withHandle(
        h ->
            h.createQuery(
                    SELECT + " WHERE EXISTS (" + FORWARDED_HERE + forwarding + ")" + now + order)
                .bind("department", department)
                .map((rs, ctx) -> row(rs, department, staff.countyId()))
                .list());
  }

  /**
   * A case as the department reads it; not found unless it was forwarded to the department. The
   * contact, when shown, is a line of the audit log (who read personal data).
   *
   * @param contactWanted the department asked to see the resident's contact
   */
  public DeskCase open(Staff staff, String id, boolean contactWanted) {
    Row row = find(staff, id);
    OpinionCase c = row.c();
    Optional<CaseContact> contact = repository.contact(id);
    boolean allowed = row.withUs() && c.contactToDepartment();
    CaseContact shown = contactWanted && allowed ? contact.orElse(null) : null;
    if (shown != null) {
      database.useTransaction(
          h -> audit.record(h, staff, "view-contact", "case", id, c.trackingCode()));
    }
    return new DeskCase(
        row,
        repository.photos(id),
        replyFiles.of(id),
        shown,
        contact.isPresent() && !c.contactToDepartment(),
        timeline(id, department(staff)),
        extensions.ofCase(id).stream()
            .filter(e -> e.departmentId().equals(staff.departmentId()))
            .toList());
  }

  /** Whether the resident left a contact the department may ask to see now. */
  public boolean maySeeContact(Row row) {
    return row.withUs()
        && row.c().contactToDepartment()
        && repository.contact(row.c().id()).isPresent();
  }

  /** Whether the resident attached the photo with this hash to a case the department may read. */
  public boolean hasPhoto(Staff staff, String id, String hash) {
    find(staff, id);
    return repository.photos(id).contains(hash);
  }

  /** A file attached to a case the department may read. */
  public Optional<ReplyFiles.Download> attachment(Staff staff, String id, String file) {
    find(staff, id);
    return replyFiles.read(id, file);
  }

  // ---- the steps ----

  /**
   * 办理: the reply, with up to {@link ReplyFiles#MAX_FILES} files; the case goes to
   * DEPARTMENT_REPLIED and the station answers the resident. The text and every file are checked
   * first (422, nothing saved); a pending extension request lapses.
   */
  public OpinionCase reply(
      Staff staff, String id, @Nullable String text, List<ReplyFiles.Upload> uploads) {
    Row row = withUs(staff, id);
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    String reply =
        CaseHandling.text(
            problems, "text", text, CaseHandling.MAX_TEXT, Text.of("problem.case.reply.missing"));
    List<ReplyFiles.Checked> checked = replyFiles.check(uploads, problems);
    problems.throwIfAny();
    OpinionCase c = row.c();
    String department = department(staff);
    OffsetDateTime now = OffsetDateTime.now(clock);
    OpinionCase after =
        database.inTransaction(
            h -> {
              cases.transition(h, id, CaseStatus.DEPARTMENT_REPLIED, staff.username(), reply);
              h.createUpdate("UPDATE opinion_case SET department_reply = :text WHERE id = :id")
                  .bind("text", reply)
                  .bind("id", id)
                  .execute();
              replyFiles.attach(h, id, department, staff.username(), now, checked);
              repository.endForwarding(h, id, department, now, null);
              extensions.lapse(h, id);
              audit.record(
                  h,
                  staff,
                  "department-reply",
                  "case",
                  id,
                  c.trackingCode() + " → " + CaseStatus.DEPARTMENT_REPLIED.zh() + " " + reply);
              milestones.announce(h, milestone(CaseMilestone.Kind.REPLIED, c, staff));
              return repository.find(h, id).orElseThrow();
            });
    stationsChanged.publishEvent(StationsChanged.of(c.stationId()));
    return after;
  }

  /**
   * 延期申请: asks the county for a later deadline, with the reason. One request per case waits at a
   * time (409 for a second).
   */
  public Extensions.Request askExtension(
      Staff staff, String id, @Nullable String deadline, @Nullable String reason) {
    Row row = withUs(staff, id);
    OpinionCase c = row.c();
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    String why =
        CaseHandling.text(
            problems, "reason", reason, MAX_REASON, Text.of("problem.extension.reason.missing"));
    LocalDate current = c.deadline() == null ? today() : c.deadline();
    LocalDate wanted = null;
    String given = deadline == null ? "" : deadline.strip();
    if (given.isEmpty()) {
      problems.add("deadline", Text.of("problem.extension.deadline.missing"));
    } else {
      try {
        wanted = LocalDate.parse(given);
        if (!wanted.isAfter(current) || wanted.isBefore(today())) {
          problems.add(
              "deadline", Text.of("problem.extension.deadline.not-later", current.toString()));
        } else if (wanted.isAfter(today().plusYears(1))) {
          problems.add("deadline", Text.of("problem.case.deadline.too-far"));
        }
      } catch (DateTimeParseException e) {
        problems.add("deadline", Text.of("problem.case.deadline.invalid"));
      }
    }
    problems.throwIfAny();
    LocalDate asked = wanted;
    return database.inTransaction(
        h -> {
          Extensions.Request request =
              extensions.ask(h, c, department(staff), staff.username(), current, asked, why);
          String line = Text.of("case.note.extension-asked", asked.toString(), why).zh();
          cases.record(h, id, staff.username(), "extension-asked", line);
          audit.record(h, staff, "extension-asked", "case", id, c.trackingCode() + " " + line);
          milestones.announce(h, milestone(CaseMilestone.Kind.EXTENSION_ASKED, c, staff));
          return request;
        });
  }

  /**
   * 退回: hands the case back as not the department's, with the reason; the case goes to RETURNED and
   * the station or the county forwards it elsewhere. The resident reads only that it is being
   * forwarded again, never the reason.
   */
  public OpinionCase handBack(Staff staff, String id, @Nullable String reason) {
    Row row = withUs(staff, id);
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    String why =
        CaseHandling.text(
            problems, "reason", reason, MAX_REASON, Text.of("problem.return.reason.missing"));
    problems.throwIfAny();
    OpinionCase c = row.c();
    String department = department(staff);
    OffsetDateTime now = OffsetDateTime.now(clock);
    OpinionCase after =
        database.inTransaction(
            h -> {
              String line = Text.of("case.note.returned", why).zh();
              cases.transition(h, id, CaseStatus.RETURNED, staff.username(), line);
              repository.endForwarding(h, id, department, now, why);
              extensions.lapse(h, id);
              audit.record(
                  h, staff, "department-return", "case", id, c.trackingCode() + " " + line);
              milestones.announce(h, milestone(CaseMilestone.Kind.RETURNED, c, staff));
              return repository.find(h, id).orElseThrow();
            });
    stationsChanged.publishEvent(StationsChanged.of(c.stationId()));
    return after;
  }

  // ---- helpers ----

  private static final String SELECT =
      """
      SELECT c.*, s.name AS station_name,
             (SELECT COUNT(*) FROM case_extension e
               WHERE e.case_id = c.id AND e.department_id = :department AND e.status = 'PENDING') AS pending
      FROM opinion_case c
      JOIN station s ON s.id = c.station_id
      """;

  private static final String FORWARDED_HERE =
      "SELECT 1 FROM case_forwarding f WHERE f.case_id = c.id AND f.department_id = :department";

  /** The case, if it was ever forwarded to the staff member's department; else not found. */
  Row find(Staff staff, String id) {
    String department = department(staff);
    return database
        .withHandle(
            h ->
                h.createQuery(SELECT + " WHERE c.id = :id AND EXISTS (" + FORWARDED_HERE + ")")
                    .bind("department", department)
                    .bind("id", id)
                    .map((rs, ctx) -> row(rs, department, staff.countyId()))
                    .findOne())
        .orElseThrow(() -> new NotFoundProblem(Text.of("problem.case.not-found", id)));
  }

  /** The case, if the department may take a step on it now: forwarded to it, not yet replied. */
  private Row withUs(Staff staff, String id) {
    Row row = find(staff, id);
    if (!row.withUs()) {
      throw new ConflictProblem(Text.of("problem.dept.not-with-you", row.c().trackingCode()));
    }
    return row;
  }

  private static String department(Staff staff) {
    String department = staff.departmentId();
    if (!staff.isDepartment() || department == null) {
      throw new ForbiddenProblem(Text.of("problem.access.department-only"));
    }
    return department;
  }

  private static CaseMilestone milestone(CaseMilestone.Kind kind, OpinionCase c, Staff staff) {
    return new CaseMilestone(
        kind,
        c.id(),
        c.trackingCode(),
        c.stationId(),
        department(staff),
        c.deadline(),
        staff.username());
  }

  /**
   * The lines a department reads: every forward (where the case went), the county's decisions on
   * extensions, and what its own accounts did; not another department's reply or reasons, nor the
   * station's work with the resident.
   */
  private List<CaseFiles.TimelineLine> timeline(String id, String department) {
    Set<String> ours =
        accounts.all().stream()
            .filter(s -> department.equals(s.departmentId()))
            .map(Staff::username)
            .collect(java.util.stream.Collectors.toSet());
    return files.timeline(id).stream()
        .filter(
            line -> {
              CaseEvent e = line.event();
              return e.to() == CaseStatus.FORWARDED
                  || e.action().equals("extension-approved")
                  || e.action().equals("extension-refused")
                  || ours.contains(e.actor());
            })
        .toList();
  }

  private Row row(ResultSet rs, String department, String countyId) throws SQLException {
    OpinionCase c = CaseRepository.opinion(rs);
    LocalDate today = today();
    boolean withUs = c.status() == CaseStatus.FORWARDED && department.equals(c.departmentId());
    LocalDate deadline = c.deadline();
    long late =
        withUs && deadline != null && deadline.isBefore(today)
            ? ChronoUnit.DAYS.between(deadline, today)
            : 0;
    int left =
        withUs && deadline != null && late == 0 ? calendar.between(countyId, today, deadline) : 0;
    return new Row(c, rs.getString("station_name"), withUs, left, late, rs.getInt("pending") > 0);
  }
}
