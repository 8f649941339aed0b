package liaison.hub.station;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import liaison.hub.audit.AuditLog;
import liaison.hub.broker.BrokerClient;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.problem.BadRequestProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.text.Text;
import liaison.signage.protocol.StationKind;
import liaison.signage.protocol.Topic;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stations as staff create, change and remove them. A county administrator does everything in the
 * county; a station manager changes only the address, opening hours and sign-plate text of their
 * own stations; a deputy only reads. Every draft is checked in full before anything is written; the
 * change and its audit entry are written in one transaction, then the screens are told.
 *
 * <p>A station is not deleted while receptions are still to come there: residents were told to
 * come, and the reception would vanish from every list without a word. The staff cancel or move
 * them first (the refusal names them); past receptions go with the station.
 */
@Singleton
public class StationService {
  private static final Logger LOG = LoggerFactory.getLogger(StationService.class);

  private final Database database;
  private final StationRepository stations;
  private final StationFields fields;
  private final Access access;
  private final AuditLog audit;
  private final ApplicationEventPublisher<StationsChanged> stationsChanged;
  private final BrokerClient broker;
  private final Clock clock;

  public StationService(
      Database database,
      StationRepository stations,
      StationFields fields,
      Access access,
      AuditLog audit,
      ApplicationEventPublisher<StationsChanged> stationsChanged,
      BrokerClient broker,
      Clock clock) {
    this.database = database;
    this.stations = stations;
    this.fields = fields;
    this.access = access;
    this.audit = audit;
    this.stationsChanged = stationsChanged;
    this.broker = broker;
    this.clock = clock;
  }

  /** What a list asks for; any part may be empty. */
  public record Filter(@Nullable String q, @Nullable String townshipId, @Nullable String kind) {
    public static final Filter NONE = new Filter(null, null, null);
  }

  /** A checked change, ready to write: {@code before} is null for a new station. */
  public record Change(@Nullable Station before, Station after) {
    public boolean isNew() {
      return before == null;
    }

    /** False when the draft repeats what is stored (a spreadsheet exported and imported again). */
    public boolean changesSomething() {
      return before == null || !before.equals(after);
    }
  }

  public List<StationPlace> list(Staff staff, Filter filter) {
    String q = StationFields.blankToNull(filter.q());
    String needle = q == null ? null : q.toLowerCase(Locale.ROOT);
    StationKind kind =
        filter.kind() == null || filter.kind().isBlank()
            ? null
            : StationFields.parseKind(filter.kind());
    if (filter.kind() != null && !filter.kind().isBlank() && kind == null) {
      throw BadRequestProblem.unknownChoice(
          "kind",
          filter.kind(),
          java.util.Arrays.stream(StationKind.values()).map(Enum::name).toList());
    }
    return access.visibleStations(staff).stream()
        .filter(
            p ->
                filter.townshipId() == null
                    || filter.townshipId().isBlank()
                    || p.station().townshipId().equals(filter.townshipId()))
        .filter(p -> kind == null || p.station().kind() == kind)
        .filter(p -> needle == null || matches(p, needle))
        .toList();
  }

  private static boolean matches(StationPlace p, String needle) {
    Station s = p.station();
    return java.util.stream.Stream.of(
            s.id(), s.name(), s.address(), s.signPlate(), p.townshipName())
        .anyMatch(text -> text.toLowerCase(Locale.ROOT).contains(needle));
  }

  public StationPlace get(Staff staff, String id) {
    return access.requireSee(staff, id);
  }

  /** The townships of the staff member's county, for forms and spreadsheets. */
  public List<Township> townships(Staff staff) {
    return stations.townships(staff.countyId());
  }

  /** The receptions still to come at a station, which keep it from being deleted. */
  public List<UpcomingReception> upcoming(Staff staff, String id) {
    access.requireSee(staff, id);
    return stations.upcomingReceptions(id, today());
  }

  public StationPlace create(Staff staff, StationDraft draft) {
    Change change = prepareCreate(staff, draft);
    database.useTransaction(h -> write(h, staff, change));
    published(List.of(change));
    return stations.find(change.after().id()).orElseThrow();
  }

  public StationPlace update(Staff staff, String id, StationDraft draft) {
    Change change = prepareUpdate(staff, id, draft);
    database.useTransaction(h -> write(h, staff, change));
    published(List.of(change));
    return stations.find(id).orElseThrow();
  }

  public void delete(Staff staff, String id) {
    access.requireCountyAdmin(staff);
    StationPlace place = access.requireSee(staff, id);
    List<UpcomingReception> upcoming = stations.upcomingReceptions(id, today());
    if (!upcoming.isEmpty()) {
      String dates =
          upcoming.stream()
              .limit(3)
              .map(r -> r.date() + " " + r.start())
              .collect(Collectors.joining("、"));
      String more = upcoming.size() > 3 ? " …" : "";
      throw ValidationProblem.of(
          "receptions",
          Text.of("problem.station.receptions-to-come", upcoming.size(), dates + more));
    }
    database.useTransaction(
        h -> {
          stations.delete(h, id);
          audit.record(h, staff, "delete", "station", id, describe(place.station()));
        });
    stationsChanged.publishEvent(new StationsChanged(List.of(id)));
    clearRetained(id);
  }

  /** Checks a new station; only a county administrator creates one. */
  public Change prepareCreate(Staff staff, StationDraft d) {
    access.requireCountyAdmin(staff);
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    String id = fields.newId(d.id(), problems);
    Station after = fields.check(staff.countyId(), id, d, null, problems);
    problems.throwIfAny();
    return new Change(null, after);
  }

  /**
   * Checks a change: a county administrator may change every field but the id; a station manager
   * only the address, opening hours and sign-plate text of their own stations.
   */
  public Change prepareUpdate(Staff staff, String id, StationDraft d) {
    StationPlace place = access.requireEdit(staff, id);
    Station before = place.station();
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    if (d.id() != null && !d.id().isBlank() && !d.id().strip().equals(id)) {
      problems.add("id", Text.of("problem.station.id.fixed"));
    }
    Station after = fields.check(staff.countyId(), id, d, before, problems);
    if (!staff.isCountyAdmin()) {
      onlyAdmin(
          problems,
          "name",
          !before.name().equals(after.name()),
          Text.of("problem.station.field.name"));
      onlyAdmin(
          problems, "kind", before.kind() != after.kind(), Text.of("problem.station.field.kind"));
      onlyAdmin(
          problems,
          "townshipId",
          !before.townshipId().equals(after.townshipId()),
          Text.of("problem.station.field.township"));
      onlyAdmin(
          problems,
          "latitude",
          !Objects.equals(before.latitude(), after.latitude()),
          Text.of("problem.station.field.latitude"));
      onlyAdmin(
          problems,
          "longitude",
          !Objects.equals(before.longitude(), after.longitude()),
          Text.of("problem.station.field.longitude"));
    }
    problems.throwIfAny();
    return new Change(before, after);
  }

  private static void onlyAdmin(
      ValidationProblem.Collector problems, String field, boolean changed, Text what) {
    if (changed && !problems.has(field)) {
      problems.add(field, Text.of("problem.station.county-admin-field", what));
    }
  }

  /** Writes a checked change with its audit entry; does nothing when nothing changes. */
  public void write(Handle h, Staff staff, Change change) {
    if (change.isNew()) {
      stations.insert(h, change.after());
      audit.record(h, staff, "create", "station", change.after().id(), describe(change.after()));
    } else if (change.changesSomething()) {
      stations.update(h, change.after());
      audit.record(
          h,
          staff,
          "update",
          "station",
          change.after().id(),
          describe(change.before()) + " → " + describe(change.after()));
    }
  }

  /** Announces which screens to rebuild, once the changes are committed. */
  public void published(Collection<Change> changes) {
    List<String> ids =
        changes.stream()
            .filter(Change::changesSomething)
            .map(c -> c.after().id())
            .distinct()
            .toList();
    if (!ids.isEmpty()) {
      stationsChanged.publishEvent(new StationsChanged(ids));
    }
  }

  private void clearRetained(String id) {
    // The deleted station's screen would otherwise keep getting its last snapshot from the broker.
    for (Topic topic : List.of(Topic.stationContent(id), Topic.stationAlert(id))) {
      broker
          .publish(topic.toString(), new byte[0], 1, true)
          .exceptionally(
              e -> {
                LOG.warn(
                    "station {} deleted; retained {} not cleared: {}", id, topic, e.toString());
                return null;
              });
    }
  }

  private LocalDate today() {
    return OffsetDateTime.now(clock).atZoneSameInstant(Sql.ZONE).toLocalDate();
  }

  static String describe(Station s) {
    return s.id()
        + " "
        + s.name()
        + " "
        + s.kind()
        + " "
        + s.townshipId()
        + " 「"
        + s.address()
        + "」 「"
        + s.openingHours()
        + "」 「"
        + s.signPlate()
        + "」 "
        + s.latitude()
        + ","
        + s.longitude();
  }
}
