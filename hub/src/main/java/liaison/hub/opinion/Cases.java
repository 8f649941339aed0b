package liaison.hub.opinion;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.stream.Collectors;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.text.Text;
import org.jdbi.v3.core.Handle;

/**
 * Moves cases through the loop. Every step is checked against {@link CaseStatus} and written with
 * its timeline line in one transaction; a refused step changes nothing. Staff features call the
 * {@link Handle} forms to change their own fields (department, deadline, answer…) in the same
 * transaction as the step.
 */
@Singleton
public class Cases {
  private final Database database;
  private final CaseRepository repository;
  private final Clock clock;

  public Cases(Database database, CaseRepository repository, Clock clock) {
    this.database = database;
    this.repository = repository;
    this.clock = clock;
  }

  /** One step in its own transaction; returns the case as it is now. */
  public OpinionCase transition(String caseId, CaseStatus to, String actor, String note) {
    return database.inTransaction(h -> transition(h, caseId, to, actor, note));
  }

  /**
   * One step inside the caller's transaction.
   *
   * @param actor a staff username, {@link CaseEvent#RESIDENT} or {@link CaseEvent#SYSTEM}
   * @throws NotFoundProblem no such case
   * @throws ConflictProblem the case cannot take this step from where it is
   */
  public OpinionCase transition(Handle h, String caseId, CaseStatus to, String actor, String note) {
    if (actor.isBlank()) {
      throw new IllegalArgumentException(
          "a step needs an actor: a staff username, 'resident' or 'system'");
    }
    OpinionCase current = repository.find(h, caseId).orElseThrow(() -> notFound(caseId));
    CaseStatus from = current.status();
    if (!from.canBecome(to)) {
      throw refused(current, to);
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    String closedAt =
        to.isClosed()
            ? Sql.instant(now)
            : to == CaseStatus.REOPENED ? null : Sql.instantOrNull(current.closedAt());
    // Conditional on the status read above: of two concurrent steps only one applies (SQLite and
    // PostgreSQL alike).
    int changed =
        h.createUpdate(
                """
                UPDATE opinion_case SET status = :to, updated_at = :now, closed_at = :closedAt
                WHERE id = :id AND status = :from
                """)
            .bind("to", to.name())
            .bind("now", Sql.instant(now))
            .bind("closedAt", closedAt)
            .bind("id", caseId)
            .bind("from", from.name())
            .execute();
    if (changed != 1) {
      throw new ConflictProblem(Text.of("problem.case.changed-meanwhile", current.trackingCode()));
    }
    if (to == CaseStatus.ANSWERED) {
      // The latest answer's time: whether it came within the deadline is read from it
      // (results.HandlingResults).
      h.createUpdate("UPDATE opinion_case SET answered_at = :now WHERE id = :id")
          .bind("now", Sql.instant(now))
          .bind("id", caseId)
          .execute();
    }
    repository.insertEvent(
        h,
        new CaseEvent(
            CaseRepository.eventId(),
            caseId,
            now,
            actor,
            to.name().toLowerCase(java.util.Locale.ROOT),
            from,
            to,
            note));
    return repository.find(h, caseId).orElseThrow();
  }

  /** A timeline line that is not a step (e.g. a rating, an escalation, contact details viewed). */
  public void record(Handle h, String caseId, String actor, String action, String note) {
    repository.insertEvent(
        h,
        new CaseEvent(
            CaseRepository.eventId(),
            caseId,
            OffsetDateTime.now(clock),
            actor,
            action,
            null,
            null,
            note));
  }

  private static NotFoundProblem notFound(String caseId) {
    return new NotFoundProblem(Text.of("problem.case.not-found", caseId));
  }

  static ConflictProblem refused(OpinionCase c, CaseStatus to) {
    String zhNext = c.status().next().stream().map(CaseStatus::zh).collect(Collectors.joining("、"));
    String enNext =
        c.status().next().stream().map(CaseStatus::en).collect(Collectors.joining(", "));
    return new ConflictProblem(
        zhNext.isEmpty()
            ? Text.of(
                "problem.case.step-refused.final", c.trackingCode(), c.status().text(), to.text())
            : Text.of(
                "problem.case.step-refused",
                c.trackingCode(),
                c.status().text(),
                to.text(),
                zhNext,
                enNext));
  }
}
