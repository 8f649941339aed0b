package liaison.hub.reception;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import liaison.hub.audit.AuditLog;
import liaison.hub.db.Database;
import liaison.hub.deputy.Deputy;
import liaison.hub.deputy.DeputyRepository;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.StationsChanged;
import liaison.hub.text.Text;
import liaison.signage.protocol.ReceptionStatus;

/**
 * Marking on-duty deputies as arrived (到岗签到) at today's receptions, so the station's screen can
 * show who is there now. Whoever may change the station's receptions may mark; only today's slots
 * (Asia/Shanghai) and only the deputies on duty at them. A mark that changes something is audited
 * and republishes the station; one that changes nothing (already present) does neither.
 */
@Singleton
public class AttendanceService {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private final Database database;
  private final ReceptionService receptions;
  private final AttendanceRepository attendance;
  private final DeputyRepository deputies;
  private final Access access;
  private final AuditLog audit;
  private final ApplicationEventPublisher<StationsChanged> stationsChanged;
  private final Clock clock;

  public AttendanceService(
      Database database,
      ReceptionService receptions,
      AttendanceRepository attendance,
      DeputyRepository deputies,
      Access access,
      AuditLog audit,
      ApplicationEventPublisher<StationsChanged> stationsChanged,
      Clock clock) {
    this.database = database;
    this.receptions = receptions;
    this.attendance = attendance;
    this.deputies = deputies;
    this.access = access;
    this.audit = audit;
    this.stationsChanged = stationsChanged;
    this.clock = clock;
  }

  /** The deputies marked present at the slot, in the order they were marked. */
  public List<String> present(String slotId) {
    return attendance.present(List.of(slotId)).getOrDefault(slotId, List.of());
  }

  /** Marks the deputy present at the slot; returns the slot. */
  public ReceptionSlot markPresent(Staff staff, String slotId, String deputyId) {
    return change(staff, slotId, deputyId, true);
  }

  /** Takes back the deputy's mark at the slot; returns the slot. */
  public ReceptionSlot markAbsent(Staff staff, String slotId, String deputyId) {
    return change(staff, slotId, deputyId, false);
  }

  private ReceptionSlot change(Staff staff, String slotId, String deputyId, boolean present) {
    ReceptionSlot slot = receptions.get(staff, slotId);
    access.requireEdit(staff, slot.stationId());
    String name = deputies.find(deputyId).map(Deputy::name).orElse(deputyId);
    check(slot, deputyId, name, present);
    OffsetDateTime now = OffsetDateTime.now(clock);
    boolean changed =
        database.inTransaction(
            h -> {
              boolean did =
                  present
                      ? attendance.mark(h, slotId, deputyId, staff.id(), now)
                      : attendance.unmark(h, slotId, deputyId);
              if (did) {
                audit.record(
                    h,
                    staff,
                    present ? "present" : "absent",
                    "reception",
                    slotId,
                    slot.auditName() + " " + name + " (" + deputyId + ") " + mark(present));
              }
              return did;
            });
    if (changed) {
      stationsChanged.publishEvent(new StationsChanged(List.of(slot.stationId())));
    }
    return slot;
  }

  /** "签到 marked present": the audit log keeps both languages of this one. */
  private static String mark(boolean present) {
    return (present ? Text.of("audit.summary.present") : Text.of("audit.summary.absent")).both(" ");
  }

  private void check(ReceptionSlot slot, String deputyId, String name, boolean present) {
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    LocalDate today = LocalDate.now(clock.withZone(SHANGHAI));
    if (!slot.date().equals(today)) {
      problems.add("date", Text.of("problem.attendance.not-today", today, slot.date()));
    }
    if (present && slot.status() == ReceptionStatus.CANCELLED) {
      problems.add("status", Text.of("problem.attendance.cancelled"));
    }
    if (!slot.deputyIds().contains(deputyId)) {
      problems.add("deputyId", Text.of("problem.attendance.not-on-duty", name));
    }
    problems.throwIfAny();
  }
}
