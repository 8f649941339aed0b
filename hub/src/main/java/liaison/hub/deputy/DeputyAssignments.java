package liaison.hub.deputy;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import liaison.hub.audit.AuditLog;
import liaison.hub.db.Database;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.StationPlace;
import liaison.hub.station.StationRepository;
import liaison.hub.station.StationsChanged;
import liaison.hub.text.Text;

/**
 * Which deputies sit at which station: attached and removed one at a time (the API), a station's
 * whole list at once (its page's checkboxes), or as part of a deputy's change. {@link Access}
 * decides who may attach whom; a deputy on duty at a reception still to come stays at that station
 * ({@link OnDuty}). Every change is audited and announced to the station's screen.
 */
@Singleton
public class DeputyAssignments {
  private final Database database;
  private final DeputyRepository deputies;
  private final StationRepository stations;
  private final Access access;
  private final OnDuty onDuty;
  private final AuditLog audit;
  private final ApplicationEventPublisher<StationsChanged> stationsChanged;

  public DeputyAssignments(
      Database database,
      DeputyRepository deputies,
      StationRepository stations,
      Access access,
      OnDuty onDuty,
      AuditLog audit,
      ApplicationEventPublisher<StationsChanged> stationsChanged) {
    this.database = database;
    this.deputies = deputies;
    this.stations = stations;
    this.access = access;
    this.onDuty = onDuty;
    this.audit = audit;
    this.stationsChanged = stationsChanged;
  }

  /** Assigns a deputy of the county to one of the staff member's stations. */
  public void assign(Staff staff, String id, String stationId) {
    change(staff, stationId, List.of(id), List.of());
  }

  /**
   * Removes a deputy from one of the staff member's stations (refused while they are on duty
   * there).
   */
  public void unassign(Staff staff, String id, String stationId) {
    change(staff, stationId, List.of(), List.of(id));
  }

  /** Makes {@code deputyIds} exactly the deputies assigned to the station. */
  public void setStationDeputies(Staff staff, String stationId, List<String> deputyIds) {
    access.requireEdit(staff, stationId);
    Set<String> current =
        deputies.atStation(stationId).stream().map(Deputy::id).collect(Collectors.toSet());
    Set<String> wanted = new LinkedHashSet<>(deputyIds);
    wanted.removeIf(s -> s == null || s.isBlank());
    List<String> add = wanted.stream().filter(d -> !current.contains(d)).toList();
    List<String> remove = current.stream().filter(d -> !wanted.contains(d)).sorted().toList();
    change(staff, stationId, add, remove);
  }

  private void change(Staff staff, String stationId, List<String> add, List<String> remove) {
    StationPlace place = access.requireEdit(staff, stationId);
    Set<String> current =
        deputies.atStation(stationId).stream().map(Deputy::id).collect(Collectors.toSet());
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    List<String> adding = new ArrayList<>();
    for (String id : add) {
      if (!current.contains(id)) {
        access.requireAttach(
            staff, deputies.seat(id).orElseThrow(() -> DeputyDirectory.notFound(id)), place);
        adding.add(id);
      }
    }
    List<String> removing = new ArrayList<>();
    for (String id : remove) {
      if (current.contains(id)) {
        removing.add(id);
        onDuty.checkRemoval(id, stationId, problems);
      }
    }
    problems.throwIfAny();
    if (adding.isEmpty() && removing.isEmpty()) {
      return;
    }
    database.useTransaction(
        h -> {
          for (String id : adding) {
            deputies.assign(h, stationId, id);
            audit.record(
                h,
                staff,
                "assign",
                "deputy",
                id,
                id + " → " + stationId + " " + place.station().name());
          }
          for (String id : removing) {
            deputies.unassign(h, stationId, id);
            audit.record(
                h,
                staff,
                "unassign",
                "deputy",
                id,
                id + " ← " + stationId + " " + place.station().name());
          }
        });
    stationsChanged.publishEvent(new StationsChanged(List.of(stationId)));
  }

  /**
   * The stations a changed deputy will sit at: those the staff member cannot change stay as they
   * are; among those they can, exactly {@code wanted} ({@code null} keeps them all). Leaving a
   * station while on duty there is refused.
   */
  List<String> after(
      Staff staff,
      String deputyId,
      List<String> before,
      List<String> wanted,
      ValidationProblem.Collector problems) {
    Set<String> editable =
        access.editableStations(staff).stream().map(StationPlace::id).collect(Collectors.toSet());
    Set<String> after = new TreeSet<>();
    for (String s : before) {
      if (!editable.contains(s)) {
        after.add(s);
      }
    }
    for (String raw : wanted) {
      if (raw == null || raw.isBlank()) {
        continue;
      }
      String s = raw.strip();
      Optional<StationPlace> place =
          stations.find(s).filter(p -> p.countyId().equals(staff.countyId()));
      if (place.isEmpty()) {
        problems.add("stationIds", Text.of("problem.station.not-in-county", s));
      } else {
        access.requireAssignAt(staff, place.get());
        after.add(s);
      }
    }
    for (String s : before) {
      if (editable.contains(s) && !after.contains(s)) {
        onDuty.checkRemoval(deputyId, s, problems);
      }
    }
    return List.copyOf(after);
  }
}
