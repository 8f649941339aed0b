package liaison.hub.opinion;

import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import liaison.hub.audit.AuditLog;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.reception.ReceptionRepository;
import liaison.hub.reception.ReceptionSlot;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.text.Text;
import liaison.signage.protocol.ReceptionStatus;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * The reception where a case was received (接待台账: the opinions collected at it). A resident's
 * opinion sent to a station while one of its receptions is being held is linked to it on
 * submission; staff set or clear the link on the case page, choosing among the station's receptions
 * around the day it came in. Each change is a timeline line and an audit entry.
 */
@Singleton
public class CaseReceptions {
  /** The receptions offered for a case: this many days either side of its submission. */
  static final int DAYS_AROUND = 31;

  private final Database database;
  private final CaseHandling handling;
  private final ReceptionRepository receptions;
  private final Cases cases;
  private final Access access;
  private final AuditLog audit;

  public CaseReceptions(
      Database database,
      CaseHandling handling,
      ReceptionRepository receptions,
      Cases cases,
      Access access,
      AuditLog audit) {
    this.database = database;
    this.handling = handling;
    this.receptions = receptions;
    this.cases = cases;
    this.access = access;
    this.audit = audit;
  }

  /**
   * The station's reception being held at a moment, if any (not cancelled, its date that day in
   * Beijing, {@code start <= time < end}): a subquery over {@code :station}, {@code :heldDate} and
   * {@code :heldTime} ({@link #bindHeldAt}), which a new case's insert links it to, so that the
   * submission asks no separate question.
   */
  static final String HELD_AT =
      """
      (SELECT id FROM reception_slot
       WHERE station_id = :station AND slot_date = :heldDate AND status <> 'CANCELLED'
         AND start_time <= :heldTime AND :heldTime < end_time
       ORDER BY start_time, id LIMIT 1)""";

  /** Binds {@link #HELD_AT}'s date and minute for the moment {@code at}. */
  static void bindHeldAt(org.jdbi.v3.core.statement.SqlStatement<?> statement, OffsetDateTime at) {
    ZonedDateTime local = at.atZoneSameInstant(Sql.ZONE);
    statement
        .bind("heldDate", Sql.date(local.toLocalDate()))
        .bind("heldTime", Sql.time(local.toLocalTime().withSecond(0).withNano(0)));
  }

  /** The reception the case is linked to, if any (and the reception still exists). */
  public Optional<ReceptionSlot> of(String caseId) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT reception_id FROM opinion_case WHERE id = :id")
                .bind("id", caseId)
                .mapTo(String.class)
                .findFirst()
                .flatMap(slot -> receptions.find(h, slot)));
  }

  /** The station's receptions a case may be linked to: around its submission, not cancelled. */
  public List<ReceptionSlot> choices(OpinionCase c) {
    var day = c.submittedAt().atZoneSameInstant(Sql.ZONE).toLocalDate();
    return receptions
        .forStation(c.stationId(), day.minusDays(DAYS_AROUND), day.plusDays(DAYS_AROUND))
        .stream()
        .filter(s -> s.status() != ReceptionStatus.CANCELLED)
        .toList();
  }

  /**
   * Links the case to one of its station's receptions, or clears the link ({@code slotId} empty).
   *
   * @throws ValidationProblem field receptionId: not a reception of the case's station
   */
  public void link(Staff staff, String caseId, @Nullable String slotId) {
    OpinionCase c = handling.get(staff, caseId).c();
    access.requireEdit(staff, c.stationId());
    String chosen = slotId == null ? "" : slotId.strip();
    Optional<ReceptionSlot> slot =
        chosen.isEmpty()
            ? Optional.empty()
            : receptions.find(chosen).filter(s -> s.stationId().equals(c.stationId()));
    if (!chosen.isEmpty() && slot.isEmpty()) {
      throw ValidationProblem.of("receptionId", Text.of("problem.case.reception.unknown"));
    }
    Optional<ReceptionSlot> before = of(caseId);
    if (before.map(ReceptionSlot::id).equals(slot.map(ReceptionSlot::id))) {
      return; // nothing changes: no timeline line, no audit entry
    }
    database.useTransaction(
        h -> {
          set(h, caseId, slot.map(ReceptionSlot::id).orElse(null));
          String line =
              slot.map(s -> Text.of("case.note.reception", s.date(), s.start(), s.end()).zh())
                  .orElse(Text.of("case.note.reception-cleared").zh());
          cases.record(h, caseId, staff.username(), "reception", line);
          audit.record(
              h,
              staff,
              "reception-link",
              "case",
              caseId,
              c.trackingCode() + " → " + slot.map(ReceptionSlot::id).orElse("—") + " " + line);
        });
  }

  private static void set(Handle h, String caseId, @Nullable String slotId) {
    h.createUpdate("UPDATE opinion_case SET reception_id = :slot WHERE id = :id")
        .bind("slot", slotId)
        .bind("id", caseId)
        .execute();
  }
}
