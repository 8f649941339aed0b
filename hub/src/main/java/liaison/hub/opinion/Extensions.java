package liaison.hub.opinion;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import liaison.hub.audit.AuditLog;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.StationsChanged;
import liaison.hub.text.Text;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * 延期申请: a department's requests for a later deadline, and the county administrator's decision. One
 * request per case waits at a time (the database's own unique index keeps it so under concurrent
 * requests). Approval moves the deadline and lifts 督办 when the new deadline is still to come; a
 * refusal leaves both. A request lapses when the department replies or hands the case back first.
 */
@Singleton
public class Extensions {
  public static final int MAX_NOTE = 500;

  /** Where a request stands. */
  public enum Status {
    PENDING,
    APPROVED,
    REFUSED,
    /** The department replied or handed the case back before the county decided. */
    WITHDRAWN;

    public Text text() {
      return Text.of("extension.status." + name());
    }
  }

  /** A request as stored, with the case's code and station for the county's list. */
  public record Request(
      String id,
      String caseId,
      String trackingCode,
      String stationName,
      String departmentId,
      String departmentName,
      String askedBy,
      OffsetDateTime askedAt,
      LocalDate oldDeadline,
      LocalDate wantedDeadline,
      String reason,
      Status status,
      @Nullable String decidedBy,
      @Nullable OffsetDateTime decidedAt,
      String decisionNote) {
    public boolean pending() {
      return status == Status.PENDING;
    }
  }

  private final Database database;
  private final Cases cases;
  private final CaseHandling handling;
  private final CaseMilestones milestones;
  private final Access access;
  private final AuditLog audit;
  private final Clock clock;
  private final ApplicationEventPublisher<StationsChanged> stationsChanged;

  public Extensions(
      Database database,
      Cases cases,
      CaseHandling handling,
      CaseMilestones milestones,
      Access access,
      AuditLog audit,
      Clock clock,
      ApplicationEventPublisher<StationsChanged> stationsChanged) {
    this.database = database;
    this.cases = cases;
    this.handling = handling;
    this.milestones = milestones;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
    this.stationsChanged = stationsChanged;
  }

  /** The county's requests awaiting a decision, oldest first: for its administrators only. */
  public List<Request> pending(Staff staff) {
    access.requireCountyAdmin(staff);
    return query(
        " WHERE x.status = 'PENDING' AND t.county_id = :county ORDER BY x.asked_at, x.id",
        "county",
        staff.countyId());
  }

  /** Every request made on a case, newest first (the caller has checked who may read the case). */
  public List<Request> ofCase(String caseId) {
    return query(" WHERE x.case_id = :case ORDER BY x.asked_at DESC, x.id", "case", caseId);
  }

  /** The request waiting on a case, if any. */
  public Optional<Request> pendingOn(String caseId) {
    return ofCase(caseId).stream().filter(Request::pending).findFirst();
  }

  /**
   * Approves or refuses the request waiting on a case: a county administrator of the case's county
   * only; a refusal needs its note (the department reads why). Approval needs the case still with
   * the department that asked (409 otherwise, as when nothing waits).
   */
  public Request decide(Staff staff, String caseId, boolean approve, @Nullable String note) {
    OpinionCase c = handling.get(staff, caseId).c();
    access.requireCountyAdmin(staff);
    String why = note == null ? "" : note.strip();
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    if (!approve && why.isEmpty()) {
      problems.add("note", Text.of("problem.extension.note.missing"));
    } else if (why.length() > MAX_NOTE) {
      problems.add("note", Text.of("problem.case.text.too-long-given", MAX_NOTE, why.length()));
    }
    problems.throwIfAny();
    Request request =
        pendingOn(caseId)
            .orElseThrow(
                () ->
                    new ConflictProblem(
                        Text.of("problem.extension.none-pending", c.trackingCode())));
    if (approve
        && (c.status() != CaseStatus.FORWARDED
            || !request.departmentId().equals(c.departmentId()))) {
      throw new ConflictProblem(Text.of("problem.extension.case-moved-on", c.trackingCode()));
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    LocalDate today = now.atZoneSameInstant(Sql.ZONE).toLocalDate();
    Status to = approve ? Status.APPROVED : Status.REFUSED;
    Request decided =
        database.inTransaction(
            h -> {
              int changed =
                  h.createUpdate(
                          """
                          UPDATE case_extension SET status = :to, decided_by = :by, decided_at = :now,
                                 decision_note = :note
                          WHERE id = :id AND status = 'PENDING'
                          """)
                      .bind("to", to.name())
                      .bind("by", staff.username())
                      .bind("now", Sql.instant(now))
                      .bind("note", why)
                      .bind("id", request.id())
                      .execute();
              if (changed != 1) {
                throw new ConflictProblem(
                    Text.of("problem.extension.none-pending", c.trackingCode()));
              }
              Text line;
              if (approve) {
                // A deadline still to come lifts 督办: the case is no longer overdue.
                boolean lifts = !request.wantedDeadline().isBefore(today);
                h.createUpdate(
                        "UPDATE opinion_case SET deadline = :deadline"
                            + (lifts ? ", escalated_at = NULL" : "")
                            + " WHERE id = :id")
                    .bind("deadline", Sql.date(request.wantedDeadline()))
                    .bind("id", caseId)
                    .execute();
                line =
                    Text.of(
                        "case.note.extension-approved",
                        request.oldDeadline().toString(),
                        request.wantedDeadline().toString());
              } else {
                line = Text.of("case.note.extension-refused", request.oldDeadline().toString());
              }
              String written =
                  why.isEmpty() ? line.zh() : Text.of("case.note.with-note", line, why).zh();
              String action = "extension-" + to.name().toLowerCase(Locale.ROOT);
              cases.record(h, caseId, staff.username(), action, written);
              audit.record(h, staff, action, "case", caseId, c.trackingCode() + " " + written);
              milestones.announce(
                  h,
                  new CaseMilestone(
                      approve ? CaseMilestone.Kind.EXTENDED : CaseMilestone.Kind.EXTENSION_REFUSED,
                      caseId,
                      c.trackingCode(),
                      c.stationId(),
                      request.departmentId(),
                      approve ? request.wantedDeadline() : request.oldDeadline(),
                      staff.username()));
              return query(h, " WHERE x.id = :id", "id", request.id()).getFirst();
            });
    if (approve) {
      // The deadline and 督办 feed the station's handling figures.
      stationsChanged.publishEvent(StationsChanged.of(c.stationId()));
    }
    return decided;
  }

  /** Records a department's request, in the caller's transaction; 409 if one already waits. */
  Request ask(
      Handle h,
      OpinionCase c,
      String departmentId,
      String by,
      LocalDate oldDeadline,
      LocalDate wanted,
      String reason) {
    boolean waiting =
        h.createQuery(
                    "SELECT COUNT(*) FROM case_extension WHERE case_id = :case AND status = 'PENDING'")
                .bind("case", c.id())
                .mapTo(Integer.class)
                .one()
            > 0;
    if (waiting) {
      throw new ConflictProblem(Text.of("problem.extension.already-pending", c.trackingCode()));
    }
    String id = "ext-" + java.util.UUID.randomUUID().toString().substring(0, 13);
    h.createUpdate(
            """
            INSERT INTO case_extension (id, case_id, department_id, asked_by, asked_at, old_deadline,
                                        wanted_deadline, reason, status)
            VALUES (:id, :case, :department, :by, :at, :old, :wanted, :reason, 'PENDING')
            """)
        .bind("id", id)
        .bind("case", c.id())
        .bind("department", departmentId)
        .bind("by", by)
        .bind("at", Sql.instant(OffsetDateTime.now(clock)))
        .bind("old", Sql.date(oldDeadline))
        .bind("wanted", Sql.date(wanted))
        .bind("reason", reason)
        .execute();
    return query(h, " WHERE x.id = :id", "id", id).getFirst();
  }

  /** The request waiting on a case lapses (the department replied or handed it back first). */
  void lapse(Handle h, String caseId) {
    h.createUpdate(
            "UPDATE case_extension SET status = 'WITHDRAWN' WHERE case_id = :case AND status = 'PENDING'")
        .bind("case", caseId)
        .execute();
  }

  private List<Request> query(String tail, String name, String value) {
    return database.withHandle(h -> query(h, tail, name, value));
  }

  private static List<Request> query(Handle h, String tail, String name, String value) {
    return h.createQuery(
            """
            SELECT x.*, c.tracking_code, s.name AS station_name, d.name AS department_name
            FROM case_extension x
            JOIN opinion_case c ON c.id = x.case_id
            JOIN station s ON s.id = c.station_id
            JOIN township t ON t.id = s.township_id
            JOIN department d ON d.id = x.department_id
            """
                + tail)
        .bind(name, value)
        .map(
            (rs, ctx) ->
                new Request(
                    rs.getString("id"),
                    rs.getString("case_id"),
                    rs.getString("tracking_code"),
                    rs.getString("station_name"),
                    rs.getString("department_id"),
                    rs.getString("department_name"),
                    rs.getString("asked_by"),
                    Sql.instant(rs.getString("asked_at")),
                    LocalDate.parse(rs.getString("old_deadline")),
                    LocalDate.parse(rs.getString("wanted_deadline")),
                    rs.getString("reason"),
                    Status.valueOf(rs.getString("status")),
                    rs.getString("decided_by"),
                    Sql.instantOrNull(rs.getString("decided_at")),
                    rs.getString("decision_note")))
        .list();
  }
}
