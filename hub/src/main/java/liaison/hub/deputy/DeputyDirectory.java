package liaison.hub.deputy;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import liaison.hub.problem.BadRequestProblem;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.StationPlace;
import liaison.hub.station.StationRepository;
import liaison.hub.text.Text;
import liaison.signage.protocol.DeputyLevel;
import org.jspecify.annotations.Nullable;

/**
 * The county's deputies as staff read them, each reader what {@link Access} lets them see: lists
 * with search and filters, one deputy, the stations they sit at, the deputies of a station, and
 * those a manager may choose for one of their stations.
 */
@Singleton
public class DeputyDirectory {
  private final DeputyRepository deputies;
  private final StationRepository stations;
  private final Access access;

  public DeputyDirectory(DeputyRepository deputies, StationRepository stations, Access access) {
    this.deputies = deputies;
    this.stations = stations;
    this.access = access;
  }

  /** What a list asks for; any part may be empty. */
  public record Filter(@Nullable String q, @Nullable String level, @Nullable String stationId) {
    public static final Filter NONE = new Filter(null, null, null);
  }

  /**
   * A deputy with the stations (among those the reader may see) they are assigned to.
   *
   * @param phoneVisible the reader may see the phone even when it is not public
   * @param changeable the reader may change the deputy's details
   */
  public record Listed(
      Deputy deputy, List<String> stationIds, boolean phoneVisible, boolean changeable) {}

  public List<Listed> list(Staff staff, Filter filter) {
    Set<String> visibleStations = visibleStationIds(staff);
    Map<String, List<String>> assignments = deputies.assignments(staff.countyId());
    String stationId = DeputyFields.blankToNull(filter.stationId());
    if (stationId != null) {
      access.requireSee(staff, stationId);
    }
    DeputyLevel level =
        filter.level() == null || filter.level().isBlank()
            ? null
            : DeputyFields.parseLevel(filter.level());
    if (filter.level() != null && !filter.level().isBlank() && level == null) {
      throw BadRequestProblem.unknownChoice(
          "level",
          filter.level(),
          java.util.Arrays.stream(DeputyLevel.values()).map(Enum::name).toList());
    }
    String q = DeputyFields.blankToNull(filter.q());
    String needle = q == null ? null : q.toLowerCase(Locale.ROOT);
    return deputies.inCounty(staff.countyId()).stream()
        .filter(d -> access.canSeeDeputy(staff, seat(staff.countyId(), d.id(), assignments)))
        .filter(
            d ->
                stationId == null
                    || assignments.getOrDefault(d.id(), List.of()).contains(stationId))
        .filter(
            d -> filter.level() == null || filter.level().isBlank() || d.levels().contains(level))
        .filter(d -> needle == null || matches(d, needle))
        .map(
            d -> {
              Access.Seat seat = seat(staff.countyId(), d.id(), assignments);
              return new Listed(
                  d,
                  assignments.getOrDefault(d.id(), List.of()).stream()
                      .filter(visibleStations::contains)
                      .toList(),
                  access.canSeeDeputyPhone(staff, seat),
                  access.canChangeDeputy(staff, seat));
            })
        .toList();
  }

  private static boolean matches(Deputy d, String needle) {
    return Stream.concat(
            Stream.of(d.id(), d.name(), d.constituency(), d.occupation(), d.workUnit()),
            d.specialties().stream())
        .anyMatch(text -> text.toLowerCase(Locale.ROOT).contains(needle));
  }

  public Deputy get(Staff staff, String id) {
    access.requireSeeDeputy(staff, seat(id));
    return deputies.find(id).orElseThrow(() -> notFound(id));
  }

  /** Whether the reader may see the deputy's phone even when it is not public. */
  public boolean maySeePhone(Staff staff, String id) {
    return access.canSeeDeputyPhone(staff, seat(id));
  }

  /** The stations a deputy is assigned to, among those the staff member may see. */
  public List<StationPlace> stationsOf(Staff staff, String id) {
    get(staff, id);
    Set<String> visible = visibleStationIds(staff);
    return deputies.stationsOf(id).stream()
        .filter(visible::contains)
        .map(stations::find)
        .flatMap(Optional::stream)
        .toList();
  }

  /** Whether the staff member may change this deputy's details. */
  public boolean canEdit(Staff staff, String id) {
    return deputies.seat(id).map(seat -> access.canChangeDeputy(staff, seat)).orElse(false);
  }

  /** The stations where the staff member may assign deputies. */
  public List<StationPlace> assignableStations(Staff staff) {
    return access.editableStations(staff);
  }

  /**
   * The deputies assigned to a station whose schedule this person may see (as its screen shows
   * them: names, levels, no private phone is implied).
   */
  public List<Deputy> atStation(Staff staff, String stationId) {
    access.requireSee(staff, stationId);
    return deputies.atStation(stationId);
  }

  /** {@link #atStation}'s names by id. */
  public Map<String, String> namesAt(Staff staff, String stationId) {
    return atStation(staff, stationId).stream()
        .collect(Collectors.toMap(Deputy::id, Deputy::name, (a, b) -> a));
  }

  /**
   * A deputy's name for a line that names them (a reception, a booking list), or the id when the
   * deputy is gone. Names are public: the stations' screens show them.
   */
  public String nameOf(String id) {
    return deputies.find(id).map(Deputy::name).orElse(id);
  }

  /**
   * The deputies the staff member may choose from for the station (no contact details): those there
   * now and those they may attach to it.
   */
  public List<Deputy> candidates(Staff staff, String stationId) {
    StationPlace place = access.requireEdit(staff, stationId);
    Map<String, List<String>> assignments = deputies.assignments(staff.countyId());
    return deputies.inCounty(staff.countyId()).stream()
        .filter(
            d ->
                assignments.getOrDefault(d.id(), List.of()).contains(stationId)
                    || access.canAttach(staff, seat(staff.countyId(), d.id(), assignments), place))
        .toList();
  }

  /** The deputy's county and every station they sit at; 404 when there is no such deputy. */
  Access.Seat seat(String id) {
    return deputies.seat(id).orElseThrow(() -> notFound(id));
  }

  private static Access.Seat seat(
      String countyId, String id, Map<String, List<String>> assignments) {
    return new Access.Seat(id, countyId, assignments.getOrDefault(id, List.of()));
  }

  static NotFoundProblem notFound(String id) {
    return new NotFoundProblem(Text.of("problem.deputy.not-found", id));
  }

  private Set<String> visibleStationIds(Staff staff) {
    return access.visibleStations(staff).stream().map(StationPlace::id).collect(Collectors.toSet());
  }
}
