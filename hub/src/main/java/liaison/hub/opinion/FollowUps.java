package liaison.hub.opinion;

import io.micronaut.core.annotation.Introspected;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import liaison.hub.audit.AuditLog;
import liaison.hub.db.Database;
import liaison.hub.db.Ids;
import liaison.hub.db.Sql;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.text.ResidentText;
import liaison.hub.text.Text;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * 回访: staff record the follow-up call they made to the resident, on any case that has been answered
 * or closed, whether or not the resident rated online. A call never moves the case; its line goes
 * into the timeline and the audit log in the same transaction as the call itself.
 */
@Singleton
public class FollowUps {
  static final int MAX_CALLER = 40;
  static final int MAX_NOTE = 500;

  private final Database database;
  private final CaseHandling handling;
  private final Cases cases;
  private final Access access;
  private final AuditLog audit;
  private final Clock clock;

  public FollowUps(
      Database database,
      CaseHandling handling,
      Cases cases,
      Access access,
      AuditLog audit,
      Clock clock) {
    this.database = database;
    this.handling = handling;
    this.cases = cases;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  /** What staff typed: the day ({@code 2026-03-20}), who called, the result's name, a note. */
  @Introspected
  public record Call(
      @Nullable String calledOn,
      @Nullable String caller,
      @Nullable String result,
      @Nullable String note) {}

  /** Whether a case may be followed up: once the resident has had an answer or it was closed. */
  public static boolean canFollowUp(OpinionCase c) {
    return c.status() == CaseStatus.ANSWERED
        || c.status() == CaseStatus.CLOSED
        || c.status() == CaseStatus.CLOSED_WITH_GUIDANCE
        || c.status() == CaseStatus.REOPENED;
  }

  /**
   * Records a call; every field's problem at once, nothing saved on any.
   *
   * @throws ValidationProblem fields calledOn, caller, result, note
   */
  public FollowUp record(Staff staff, String caseId, Call call) {
    OpinionCase c = handling.get(staff, caseId).c();
    access.requireEdit(staff, c.stationId());
    LocalDate today = LocalDate.now(clock.withZone(Sql.ZONE));
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    if (!canFollowUp(c)) {
      problems.add("result", Text.of("problem.follow-up.not-yet"));
    }
    LocalDate day = null;
    String typedDay = call.calledOn() == null ? "" : call.calledOn().strip();
    if (typedDay.isEmpty()) {
      problems.add("calledOn", Text.of("problem.follow-up.date.missing"));
    } else {
      try {
        day = LocalDate.parse(typedDay);
        if (day.isAfter(today)) {
          problems.add("calledOn", Text.of("problem.follow-up.date.future", today));
        } else if (day.isBefore(c.submittedAt().atZoneSameInstant(Sql.ZONE).toLocalDate())) {
          problems.add("calledOn", Text.of("problem.follow-up.date.before-case"));
        }
      } catch (DateTimeParseException e) {
        problems.add("calledOn", Text.of("problem.follow-up.date.invalid"));
      }
    }
    String caller = ResidentText.cleanLine(call.caller());
    if (caller.isEmpty()) {
      problems.add("caller", Text.of("problem.follow-up.caller.missing"));
    } else if (ResidentText.length(caller) > MAX_CALLER) {
      problems.add("caller", Text.of("problem.follow-up.caller.too-long", MAX_CALLER));
    }
    FollowUpResult result = FollowUpResult.of(call.result()).orElse(null);
    if (result == null) {
      problems.add("result", Text.of("problem.follow-up.result.missing"));
    }
    String note = ResidentText.clean(call.note());
    if (ResidentText.length(note) > MAX_NOTE) {
      problems.add("note", Text.of("problem.case.text.too-long", MAX_NOTE));
    }
    problems.throwIfAny();
    FollowUp saved =
        new FollowUp(
            Ids.next("call"),
            c.id(),
            day,
            caller,
            result,
            note,
            OffsetDateTime.now(clock),
            staff.username());
    database.useTransaction(
        h -> {
          insert(h, saved);
          String line =
              saved.calledOn()
                  + " "
                  + caller
                  + " "
                  + result.text().zh()
                  + (note.isEmpty() ? "" : "：" + note);
          cases.record(h, c.id(), staff.username(), "follow-up", line);
          audit.record(
              h, staff, "follow-up", "case", c.id(), c.trackingCode() + " 回访 follow-up " + line);
        });
    return saved;
  }

  /** A case's calls, the earliest first. */
  public List<FollowUp> of(String caseId) {
    return of(List.of(caseId));
  }

  /** The calls of several cases, each case's earliest first. */
  public List<FollowUp> of(Collection<String> caseIds) {
    if (caseIds.isEmpty()) {
      return List.of();
    }
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT * FROM case_follow_up WHERE case_id IN (<ids>)"
                        + " ORDER BY case_id, called_on, recorded_at, id")
                .bindList("ids", List.copyOf(caseIds))
                .map(
                    (rs, ctx) ->
                        new FollowUp(
                            rs.getString("id"),
                            rs.getString("case_id"),
                            LocalDate.parse(rs.getString("called_on")),
                            rs.getString("caller"),
                            FollowUpResult.valueOf(rs.getString("result")),
                            rs.getString("note"),
                            Sql.instant(rs.getString("recorded_at")),
                            rs.getString("recorded_by")))
                .list());
  }

  private static void insert(Handle h, FollowUp f) {
    h.createUpdate(
            """
            INSERT INTO case_follow_up (id, case_id, called_on, caller, result, note, recorded_at, recorded_by)
            VALUES (:id, :case, :on, :caller, :result, :note, :at, :by)
            """)
        .bind("id", f.id())
        .bind("case", f.caseId())
        .bind("on", Sql.date(f.calledOn()))
        .bind("caller", f.caller())
        .bind("result", f.result().name())
        .bind("note", f.note())
        .bind("at", Sql.instant(f.recordedAt()))
        .bind("by", f.recordedBy())
        .execute();
  }
}
