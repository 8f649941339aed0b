package liaison.hub.plan;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import liaison.hub.audit.AuditLog;
import liaison.hub.db.Database;
import liaison.hub.db.Ids;
import liaison.hub.deputy.Deputy;
import liaison.hub.deputy.DeputyRepository;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.StationPlace;
import liaison.hub.station.StationsChanged;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;

/**
 * The stations' annual plans as staff keep them: read by whoever sees the station (its deputies
 * too: the plan is public), changed by its managers and the county's administrators, each change
 * checked in full before anything is written, written with its audit entry in one transaction and
 * announced ({@link StationsChanged}) so the station's screen gets it.
 */
@Singleton
public class PlanService {
  static final int MAX_THEME = 80;
  static final int MAX_PLACE = 100;
  static final int MAX_NOTES = 300;

  /** More than any station plans in a year; bounds a page and a snapshot. */
  public static final int MAX_PER_YEAR = 400;

  private final Database database;
  private final PlanRepository plans;
  private final DeputyRepository deputies;
  private final Access access;
  private final AuditLog audit;
  private final ApplicationEventPublisher<StationsChanged> stationsChanged;

  public PlanService(
      Database database,
      PlanRepository plans,
      DeputyRepository deputies,
      Access access,
      AuditLog audit,
      ApplicationEventPublisher<StationsChanged> stationsChanged) {
    this.database = database;
    this.plans = plans;
    this.deputies = deputies;
    this.access = access;
    this.audit = audit;
    this.stationsChanged = stationsChanged;
  }

  /** The station's plan for the year, earliest first, as staff read it. */
  public List<Activity> ofYear(Staff staff, String stationId, int year) {
    access.requireSee(staff, stationId);
    return ofYear(stationId, year);
  }

  /** The station's plan for the year, as anyone may read it: it is published. */
  public List<Activity> ofYear(String stationId, int year) {
    return plans.forStation(
        stationId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), MAX_PER_YEAR);
  }

  /** The activities with their deputies' names, for the API and the pages. */
  public List<ActivityView> views(List<Activity> activities) {
    Map<String, String> names = new HashMap<>();
    return activities.stream()
        .map(
            a ->
                new ActivityView(
                    a.id(),
                    a.stationId(),
                    a.date().toString(),
                    a.kind().name(),
                    a.kind().text().zh(),
                    a.kind().text().en(),
                    a.theme(),
                    a.place(),
                    a.deputyIds().stream()
                        .map(
                            id ->
                                new ActivityView.Named(
                                    id,
                                    names.computeIfAbsent(
                                        id, k -> deputies.find(k).map(Deputy::name).orElse(k))))
                        .toList(),
                    a.notes()))
        .toList();
  }

  /** The years with a plan at the station. */
  public List<Integer> years(String stationId) {
    return plans.years(stationId);
  }

  public Activity get(Staff staff, String id) {
    Activity activity =
        plans
            .find(id)
            .orElseThrow(() -> new NotFoundProblem(Text.of("problem.activity.not-found", id)));
    access.requireSee(staff, activity.stationId());
    return activity;
  }

  /** The activity, if this person may change it (its station's managers, the administrators). */
  public Activity requireEdit(Staff staff, String id) {
    Activity activity = get(staff, id);
    access.requireEdit(staff, activity.stationId());
    return activity;
  }

  /** The station, if this person may read its plan. */
  public StationPlace requireSee(Staff staff, String stationId) {
    return access.requireSee(staff, stationId);
  }

  /** The station, if this person may add to its plan. */
  public StationPlace requireEditStation(Staff staff, String stationId) {
    return access.requireEdit(staff, stationId);
  }

  /** The stations whose plans this person may change. */
  public List<StationPlace> editableStations(Staff staff) {
    return access.editableStations(staff);
  }

  public boolean canEdit(Staff staff, StationPlace place) {
    return access.canEdit(staff, place);
  }

  public Activity create(Staff staff, ActivityDraft draft) {
    access.requireEditor(staff);
    Activity activity = check(staff, Ids.next("pa"), draft);
    database.useTransaction(
        h -> {
          plans.insert(h, activity);
          audit.record(h, staff, "create", "activity", activity.id(), describe(activity));
        });
    stationsChanged.publishEvent(new StationsChanged(List.of(activity.stationId())));
    return activity;
  }

  public Activity update(Staff staff, String id, ActivityDraft draft) {
    Activity before = requireEdit(staff, id);
    Activity after = check(staff, id, draft);
    database.useTransaction(
        h -> {
          plans.update(h, after);
          audit.record(
              h, staff, "update", "activity", id, describe(before) + " → " + describe(after));
        });
    stationsChanged.publishEvent(
        new StationsChanged(new LinkedHashSet<>(List.of(before.stationId(), after.stationId()))));
    return after;
  }

  public Activity delete(Staff staff, String id) {
    Activity activity = requireEdit(staff, id);
    database.useTransaction(
        h -> {
          plans.delete(h, id);
          audit.record(h, staff, "delete", "activity", id, describe(activity));
        });
    stationsChanged.publishEvent(new StationsChanged(List.of(activity.stationId())));
    return activity;
  }

  /** Every rule an activity must keep; all problems are reported together. */
  Activity check(Staff staff, String id, ActivityDraft d) {
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    String stationId = blankToNull(d.stationId());
    StationPlace station = null;
    if (stationId == null) {
      problems.add("stationId", Text.of("problem.reception.station.missing"));
    } else {
      station = access.requireEdit(staff, stationId);
    }
    LocalDate date = null;
    if (blankToNull(d.date()) == null) {
      problems.add("date", Text.of("problem.reception.date.missing"));
    } else {
      try {
        date = LocalDate.parse(d.date().strip());
      } catch (DateTimeParseException e) {
        problems.add("date", Text.of("problem.date.invalid"));
      }
    }
    ActivityKind kind = ActivityKind.of(blankToNull(d.kind())).orElse(null);
    if (kind == null) {
      problems.add("kind", Text.of("problem.activity.kind.unknown"));
    }
    String theme = required("theme", d.theme(), MAX_THEME, problems);
    String place = d.place() == null ? "" : d.place().strip();
    if (place.length() > MAX_PLACE) {
      problems.add("place", Text.of("problem.activity.place.too-long", MAX_PLACE));
    }
    String notes = blankToNull(d.notes());
    if (notes != null && notes.length() > MAX_NOTES) {
      problems.add("notes", Text.of("problem.activity.notes.too-long", MAX_NOTES));
    }
    List<String> deputyIds =
        new ArrayList<>(new LinkedHashSet<>(d.deputyIds() == null ? List.of() : d.deputyIds()));
    deputyIds.removeIf(s -> s == null || s.isBlank());
    if (station != null && !deputyIds.isEmpty()) {
      Set<String> assigned =
          deputies.atStation(station.id()).stream().map(Deputy::id).collect(Collectors.toSet());
      for (String deputyId : deputyIds) {
        if (!assigned.contains(deputyId)) {
          String name = deputies.find(deputyId).map(Deputy::name).orElse(deputyId);
          problems.add("deputyIds", Text.of("problem.activity.deputy.not-here", name));
        }
      }
    }
    problems.throwIfAny();
    return new Activity(id, stationId, date, kind, theme, place, deputyIds, notes);
  }

  private static String required(
      String field, @Nullable String text, int max, ValidationProblem.Collector problems) {
    String value = text == null ? "" : text.strip();
    if (value.isEmpty()) {
      problems.add(field, Text.of("problem.activity." + field + ".missing"));
    } else if (value.length() > max) {
      problems.add(field, Text.of("problem.activity." + field + ".too-long", max));
    }
    return value;
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String describe(Activity a) {
    return a.stationId()
        + " "
        + a.date()
        + " "
        + a.kind().text().zh()
        + " "
        + a.theme()
        + (a.deputyIds().isEmpty() ? "" : " " + a.deputyIds());
  }
}
