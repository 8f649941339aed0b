package liaison.hub.deputy;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import liaison.hub.audit.AuditLog;
import liaison.hub.db.Database;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.StationsChanged;
import liaison.hub.text.Text;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * Deputies as staff add, change and delete them (their lists are {@link DeputyDirectory}'s, their
 * stations {@link DeputyAssignments}'s, their fields {@link DeputyFields}'s).
 *
 * <p>Who may do what is decided by {@link Access} (asked first, before any input is checked): a
 * county administrator everything in the county; a station manager adds a deputy together with one
 * of their stations, and changes the details of (or deletes) a deputy who sits at none but theirs.
 * A deputy's account only reads. A deputy on duty at a reception still to come is not deleted: the
 * reception was announced with their name ({@link OnDuty}).
 *
 * <p>Every change is checked in full first ({@link #prepareCreate}, {@link #prepareUpdate}: the
 * spreadsheet import checks every row this way before it writes any), written with its audit entry
 * in one transaction ({@link #write}), and then announced to the screens of every station it
 * touches ({@link #published}).
 */
@Singleton
public class DeputyService {
  private final Database database;
  private final DeputyRepository deputies;
  private final DeputyFields fields;
  private final DeputyAssignments assignments;
  private final OnDuty onDuty;
  private final Access access;
  private final AuditLog audit;
  private final ApplicationEventPublisher<StationsChanged> stationsChanged;

  public DeputyService(
      Database database,
      DeputyRepository deputies,
      DeputyFields fields,
      DeputyAssignments assignments,
      OnDuty onDuty,
      Access access,
      AuditLog audit,
      ApplicationEventPublisher<StationsChanged> stationsChanged) {
    this.database = database;
    this.deputies = deputies;
    this.fields = fields;
    this.assignments = assignments;
    this.onDuty = onDuty;
    this.access = access;
    this.audit = audit;
    this.stationsChanged = stationsChanged;
  }

  /**
   * Refuses unless the staff member may change the deputy's personal details (photo included);
   * returns every station the deputy sits at, whose screens show those details.
   */
  public List<String> requireChange(Staff staff, String id) {
    Access.Seat seat = deputies.seat(id).orElseThrow(() -> DeputyDirectory.notFound(id));
    access.requireChangeDeputy(staff, seat);
    return List.copyOf(seat.stationIds());
  }

  public Deputy create(Staff staff, DeputyDraft draft) {
    DeputyChange change = prepareCreate(staff, null, draft);
    database.useTransaction(h -> write(h, staff, change));
    published(List.of(change));
    return change.after();
  }

  public Deputy update(Staff staff, String id, DeputyDraft draft) {
    DeputyChange change = prepareUpdate(staff, id, draft);
    database.useTransaction(h -> write(h, staff, change));
    published(List.of(change));
    return change.after();
  }

  public void delete(Staff staff, String id) {
    List<String> at = requireChange(staff, id);
    Deputy deputy = deputies.find(id).orElseThrow(() -> DeputyDirectory.notFound(id));
    onDuty.checkDeletion(deputy);
    database.useTransaction(
        h -> {
          deputies.delete(h, id);
          audit.record(h, staff, "delete", "deputy", id, DeputyChange.describe(deputy, at));
        });
    if (!at.isEmpty()) {
      stationsChanged.publishEvent(new StationsChanged(at));
    }
  }

  /**
   * Checks a new deputy. {@code id} is the spreadsheet's when it names one; otherwise a new id is
   * made.
   */
  public DeputyChange prepareCreate(Staff staff, @Nullable String id, DeputyDraft d) {
    access.requireEditor(staff);
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    String newId = fields.newId(id, problems);
    Deputy after = fields.check(staff.countyId(), newId, d, null, problems);
    List<String> stationsAfter =
        d.stationIds() == null
            ? List.of()
            : assignments.after(staff, after.id(), List.of(), d.stationIds(), problems);
    if (!access.canAddDeputyAt(staff, stationsAfter) && !problems.has("stationIds")) {
      problems.add("stationIds", Text.of("problem.deputy.needs-your-station"));
    }
    problems.throwIfAny();
    return new DeputyChange(null, after, List.of(), stationsAfter);
  }

  /** Checks a change of a deputy the staff member may edit. */
  public DeputyChange prepareUpdate(Staff staff, String id, DeputyDraft d) {
    List<String> stationsBefore = requireChange(staff, id);
    Deputy before = deputies.find(id).orElseThrow(() -> DeputyDirectory.notFound(id));
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    Deputy after = fields.check(staff.countyId(), id, d, before, problems);
    List<String> stationsAfter =
        d.stationIds() == null
            ? stationsBefore
            : assignments.after(staff, id, stationsBefore, d.stationIds(), problems);
    problems.throwIfAny();
    return new DeputyChange(before, after, stationsBefore, stationsAfter);
  }

  /** Writes a checked change with its audit entry; does nothing when nothing changes. */
  public void write(Handle h, Staff staff, DeputyChange c) {
    if (!c.changesSomething()) {
      return;
    }
    if (c.isNew()) {
      deputies.insert(h, staff.countyId(), c.after());
    } else {
      deputies.update(h, c.after());
    }
    for (String s : c.stationsBefore()) {
      if (!c.stationsAfter().contains(s)) {
        deputies.unassign(h, s, c.after().id());
      }
    }
    for (String s : c.stationsAfter()) {
      if (!c.stationsBefore().contains(s)) {
        deputies.assign(h, s, c.after().id());
      }
    }
    audit.record(h, staff, c.isNew() ? "create" : "update", "deputy", c.after().id(), c.summary());
  }

  /** Announces which screens to rebuild, once the changes are committed. */
  public void published(Collection<DeputyChange> changes) {
    Set<String> affected = new TreeSet<>();
    changes.stream()
        .filter(DeputyChange::changesSomething)
        .forEach(c -> affected.addAll(c.stations()));
    if (!affected.isEmpty()) {
      stationsChanged.publishEvent(new StationsChanged(affected));
    }
  }
}
