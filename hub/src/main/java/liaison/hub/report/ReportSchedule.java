package liaison.hub.report;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import liaison.hub.audit.AuditLog;
import liaison.hub.db.Database;
import liaison.hub.db.Ids;
import liaison.hub.db.Sql;
import liaison.hub.deputy.DeputyDirectory;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.StationPlace;
import liaison.hub.station.StationsChanged;
import liaison.hub.text.ResidentText;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scheduling reports to voters and running their votes, for the county's administrators and the
 * station's managers (a deputy's account reads nothing here): schedule, change while on the
 * schedule, cancel, open the vote early (开始评议), close it (结束评议). Every step is audited; what the
 * screens show is announced ({@link StationsChanged} for the schedule, the tally topic for the
 * vote).
 */
@Singleton
public class ReportSchedule {
  private static final Logger LOG = LoggerFactory.getLogger(ReportSchedule.class);
  static final int MAX_TITLE = 60;

  private final Database database;
  private final ReportRepository reports;
  private final DeputyDirectory deputies;
  private final Access access;
  private final AuditLog audit;
  private final ApplicationEventPublisher<TallyChanged> tallies;
  private final ApplicationEventPublisher<StationsChanged> stationsChanged;
  private final Clock clock;

  public ReportSchedule(
      Database database,
      ReportRepository reports,
      DeputyDirectory deputies,
      Access access,
      AuditLog audit,
      ApplicationEventPublisher<TallyChanged> tallies,
      ApplicationEventPublisher<StationsChanged> stationsChanged,
      Clock clock) {
    this.database = database;
    this.reports = reports;
    this.deputies = deputies;
    this.access = access;
    this.audit = audit;
    this.tallies = tallies;
    this.stationsChanged = stationsChanged;
    this.clock = clock;
  }

  /**
   * A report as typed: the day ({@code YYYY-MM-DD}) and the times ({@code HH:MM}) in Asia/Shanghai.
   */
  public record Draft(
      @Nullable String deputyId,
      @Nullable String stationId,
      @Nullable String date,
      @Nullable String start,
      @Nullable String end,
      @Nullable String title) {}

  /** A report with the names a list shows beside it. */
  public record Listed(VoterReport report, String deputyName, String stationName) {}

  /** The reports at the stations this person manages (all the county's, for its administrator). */
  public List<Listed> list(Staff staff) {
    access.requireEditor(staff);
    List<StationPlace> visible = access.visibleStations(staff);
    return reports.inCounty(staff.countyId()).stream()
        .flatMap(
            r ->
                visible.stream()
                    .filter(p -> p.id().equals(r.stationId()))
                    .map(p -> new Listed(r, deputies.nameOf(r.deputyId()), p.station().name())))
        .toList();
  }

  /** One report, for its station's staff. */
  public Listed get(Staff staff, String id) {
    VoterReport report =
        reports
            .find(id)
            .orElseThrow(() -> new NotFoundProblem(Text.of("problem.report.not-found", id)));
    StationPlace place = access.requireStationStaff(staff, report.stationId());
    return new Listed(report, deputies.nameOf(report.deputyId()), place.station().name());
  }

  /** The deputies whose report this person may schedule: those they may see. */
  public List<DeputyDirectory.Listed> deputies(Staff staff) {
    access.requireEditor(staff);
    return deputies.list(staff, DeputyDirectory.Filter.NONE);
  }

  /** The stations this person may schedule a report at. */
  public List<StationPlace> stations(Staff staff) {
    return access.editableStations(staff);
  }

  public VoterReport schedule(Staff staff, Draft draft) {
    access.requireEditor(staff);
    Checked checked = check(staff, draft);
    OffsetDateTime now = OffsetDateTime.now(clock);
    VoterReport report =
        new VoterReport(
            Ids.next("vr"),
            checked.deputyId(),
            checked.stationId(),
            checked.starts(),
            checked.ends(),
            checked.title(),
            ReportStatus.SCHEDULED,
            null,
            0,
            0,
            0,
            0,
            0,
            staff.id(),
            now);
    database.useTransaction(
        h -> {
          reports.insert(h, report);
          audit.record(h, staff, "create", "report", report.id(), summary(report));
        });
    LOG.info("report {} scheduled at {} by {}", report.id(), report.stationId(), staff.username());
    stationsChanged.publishEvent(StationsChanged.of(report.stationId()));
    return report;
  }

  /** Changes a report still on the schedule; 409 once its vote opened or it was cancelled. */
  public VoterReport reschedule(Staff staff, String id, Draft draft) {
    VoterReport before = get(staff, id).report();
    Checked checked = check(staff, draft);
    boolean changed =
        database.inTransaction(
            h -> {
              boolean done =
                  reports.reschedule(
                      h,
                      id,
                      checked.deputyId(),
                      checked.stationId(),
                      checked.starts(),
                      checked.ends(),
                      checked.title());
              if (done) {
                audit.record(
                    h, staff, "update", "report", id, summary(reports.find(h, id).orElseThrow()));
              }
              return done;
            });
    if (!changed) {
      throw new ConflictProblem(Text.of("problem.report.not-scheduled"));
    }
    Set<String> stations = new HashSet<>(List.of(before.stationId(), checked.stationId()));
    stationsChanged.publishEvent(new StationsChanged(stations));
    return reports.find(id).orElseThrow();
  }

  public VoterReport cancel(Staff staff, String id) {
    VoterReport cancelled =
        step(
            staff,
            id,
            "cancel",
            r -> Text.of("problem.report.cannot.cancel", r.status().text()),
            h -> reports.cancel(h, id));
    stationsChanged.publishEvent(StationsChanged.of(cancelled.stationId()));
    return cancelled;
  }

  /** 开始评议: opens the vote now, before its start time if staff are ready. */
  public VoterReport open(Staff staff, String id) {
    VoterReport opened =
        step(
            staff,
            id,
            "open-vote",
            r -> Text.of("problem.report.cannot.open", r.status().text()),
            h -> reports.open(h, id));
    tallies.publishEvent(TallyChanged.of(opened.stationId()));
    return opened;
  }

  /** 结束评议: no ballot is taken any more; the counts are final and the screens announce them. */
  public VoterReport close(Staff staff, String id) {
    VoterReport closed =
        step(
            staff,
            id,
            "close-vote",
            r -> Text.of("problem.report.cannot.close", r.status().text()),
            h -> reports.close(h, id, OffsetDateTime.now(clock)));
    tallies.publishEvent(TallyChanged.of(closed.stationId()));
    LOG.info(
        "report {} closed: {}/{}/{}",
        id,
        closed.satisfied(),
        closed.basicallySatisfied(),
        closed.dissatisfied());
    return closed;
  }

  /** The words voters left, for the staff reading the result. */
  public List<String> comments(Staff staff, String id) {
    get(staff, id);
    return reports.comments(id);
  }

  private interface Step {
    boolean apply(org.jdbi.v3.core.Handle h);
  }

  /**
   * A step of the report's state, for its station's staff, audited as {@code action}; 409 with the
   * report's {@code refusal} when the step does not apply to it. The report after the step.
   */
  private VoterReport step(
      Staff staff, String id, String action, Function<VoterReport, Text> refusal, Step step) {
    VoterReport report = get(staff, id).report();
    boolean done =
        database.inTransaction(
            h -> {
              boolean applied = step.apply(h);
              if (applied) {
                audit.record(h, staff, action, "report", report.id(), summary(report));
              }
              return applied;
            });
    if (!done) {
      throw new ConflictProblem(refusal.apply(report));
    }
    return reports.find(id).orElseThrow();
  }

  private record Checked(
      String deputyId,
      String stationId,
      OffsetDateTime starts,
      OffsetDateTime ends,
      String title) {}

  private Checked check(Staff staff, Draft draft) {
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    String deputyId = ResidentText.trimmed(draft.deputyId());
    if (deputies(staff).stream().noneMatch(l -> l.deputy().id().equals(deputyId))) {
      problems.add("deputyId", Text.of("problem.report.deputy"));
    }
    String stationId = ResidentText.trimmed(draft.stationId());
    if (stations(staff).stream().noneMatch(p -> p.id().equals(stationId))) {
      problems.add("stationId", Text.of("problem.report.station"));
    }
    LocalDate date = null;
    try {
      date = LocalDate.parse(ResidentText.trimmed(draft.date()));
    } catch (DateTimeParseException e) {
      problems.add("date", Text.of("problem.report.date"));
    }
    LocalTime start = time(draft.start(), "start", problems);
    LocalTime end = time(draft.end(), "end", problems);
    if (start != null && end != null && !end.isAfter(start)) {
      problems.add("end", Text.of("problem.report.end-before-start"));
    }
    OffsetDateTime starts = null;
    OffsetDateTime ends = null;
    if (date != null && start != null && end != null) {
      starts = date.atTime(start).atZone(Sql.ZONE).toOffsetDateTime();
      ends = date.atTime(end).atZone(Sql.ZONE).toOffsetDateTime();
      if (!ends.isAfter(OffsetDateTime.now(clock))) {
        problems.add("date", Text.of("problem.report.past"));
      }
    }
    String title = ResidentText.cleanLine(draft.title());
    if (title.isEmpty()) {
      problems.add("title", Text.of("problem.report.title.missing"));
    } else if (ResidentText.length(title) > MAX_TITLE) {
      problems.add("title", Text.of("problem.report.title.too-long", MAX_TITLE));
    }
    problems.throwIfAny();
    return new Checked(deputyId, stationId, starts, ends, title);
  }

  private static @Nullable LocalTime time(
      @Nullable String typed, String field, ValidationProblem.Collector problems) {
    try {
      return LocalTime.parse(ResidentText.trimmed(typed));
    } catch (DateTimeParseException e) {
      problems.add(field, Text.of("problem.report.time"));
      return null;
    }
  }

  private String summary(VoterReport r) {
    return deputies.nameOf(r.deputyId())
        + " · "
        + r.title()
        + " · "
        + Sql.instant(r.startsAt()).substring(0, 16).replace('T', ' ');
  }
}
