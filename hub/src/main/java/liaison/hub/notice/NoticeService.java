package liaison.hub.notice;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import liaison.hub.audit.AuditLog;
import liaison.hub.db.Database;
import liaison.hub.db.Ids;
import liaison.hub.problem.ForbiddenProblem;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.Reach;
import liaison.hub.station.StationPlace;
import liaison.hub.station.StationRepository;
import liaison.hub.station.StationsChanged;
import liaison.hub.text.Text;
import liaison.hub.web.ApiTimes;
import liaison.signage.protocol.NoticePriority;
import org.jspecify.annotations.Nullable;

/**
 * Notices as staff write them: a county administrator for the whole county, a township or listed
 * stations; a station manager for their own stations. Checked in full, saved with an audit entry,
 * then every station it reaches (before and after the change) gets a new snapshot.
 */
@Singleton
public class NoticeService {
  public static final int MAX_TITLE = 40;
  public static final int MAX_BODY = 5000;
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private final Database database;
  private final NoticeRepository notices;
  private final StationRepository stations;
  private final Access access;
  private final AuditLog audit;
  private final ApplicationEventPublisher<StationsChanged> stationsChanged;
  private final DisplayProofs proofs;
  private final Clock clock;

  public NoticeService(
      Database database,
      NoticeRepository notices,
      StationRepository stations,
      Access access,
      AuditLog audit,
      ApplicationEventPublisher<StationsChanged> stationsChanged,
      DisplayProofs proofs,
      Clock clock) {
    this.proofs = proofs;
    this.database = database;
    this.notices = notices;
    this.stations = stations;
    this.access = access;
    this.audit = audit;
    this.stationsChanged = stationsChanged;
    this.clock = clock;
  }

  /**
   * The notices this person may see: the county's for an administrator, else those reaching their
   * stations.
   */
  public List<Notice> list(Staff staff) {
    return notices.ofCounty(staff.countyId()).stream().filter(n -> canSee(staff, n)).toList();
  }

  public Notice get(Staff staff, String id) {
    Notice n =
        notices
            .find(id)
            .filter(x -> countyOf(x).equals(staff.countyId()))
            .orElseThrow(() -> new NotFoundProblem(Text.of("problem.notice.not-found", id)));
    if (!canSee(staff, n)) {
      throw new ForbiddenProblem(Text.of("problem.notice.not-yours"));
    }
    return n;
  }

  public boolean canSee(Staff staff, Notice n) {
    return access.canSeeNotice(staff, countyOf(n), notices.targetStations(n));
  }

  /**
   * A county administrator may change any notice of the county; a manager only those aimed at their
   * own stations alone.
   */
  public boolean canEdit(Staff staff, Notice n) {
    return access.canEditNotice(
        staff, countyOf(n), n.target() == Notice.Target.STATIONS ? n.stationIds() : null);
  }

  /**
   * The notice's county; an old notice written before notices carried one belongs to the county of
   * the stations it reaches.
   */
  private String countyOf(Notice n) {
    if (n.countyId() != null) {
      return n.countyId();
    }
    return notices.targetStations(n).stream()
        .map(stations::find)
        .flatMap(java.util.Optional::stream)
        .map(StationPlace::countyId)
        .findFirst()
        .orElse("");
  }

  /** The notice, if this staff member may change it; refused before any draft is looked at. */
  public Notice requireEdit(Staff staff, String id) {
    Notice n = get(staff, id);
    requireEdit(staff, n);
    return n;
  }

  public List<DeliveryReceipt> receipts(Staff staff, String id) {
    return notices.receipts(get(staff, id));
  }

  /**
   * The notice's proofs of display at the stations this person may see: every station it reaches
   * (with zeros where it was not on screen yet) and any other that reported it, such as one the
   * notice no longer targets.
   */
  public List<DisplayProofs.AtStation> displayProofs(Staff staff, String id) {
    return proofs.atStations(id, proofStations(staff, get(staff, id)));
  }

  /** The same proofs day by day and station by station (for the CSV file), oldest day first. */
  public List<DisplayProofs.DayRow> displayProofDays(Staff staff, String id) {
    return proofs.daily(id, proofStations(staff, get(staff, id)));
  }

  private Set<String> proofStations(Staff staff, Notice n) {
    Set<String> stationIds = new LinkedHashSet<>(notices.targetStations(n));
    stationIds.addAll(proofs.stationsThatShowed(n.id()));
    if (!staff.isCountyAdmin()) {
      stationIds.retainAll(staff.stationIds());
    }
    return stationIds;
  }

  public Notice create(Staff staff, NoticeDraft draft) {
    Notice notice = check(staff, Ids.next("n"), draft);
    database.useTransaction(
        h -> {
          notices.insert(h, notice);
          audit.record(h, staff, "create", "notice", notice.id(), describe(notice));
        });
    stationsChanged.publishEvent(StationsChanged.notices(notices.targetStations(notice)));
    return notice;
  }

  public Notice update(Staff staff, String id, NoticeDraft draft) {
    Notice before = requireEdit(staff, id);
    Notice after = check(staff, id, draft);
    List<String> reachedBefore = notices.targetStations(before);
    database.useTransaction(
        h -> {
          notices.update(h, after);
          audit.record(
              h, staff, "update", "notice", id, describe(before) + " → " + describe(after));
        });
    Set<String> affected = new LinkedHashSet<>(reachedBefore);
    affected.addAll(notices.targetStations(after));
    stationsChanged.publishEvent(StationsChanged.notices(affected));
    return after;
  }

  public void delete(Staff staff, String id) {
    Notice notice = requireEdit(staff, id);
    List<String> reached = notices.targetStations(notice);
    database.useTransaction(
        h -> {
          notices.delete(h, id);
          audit.record(h, staff, "delete", "notice", id, describe(notice));
        });
    stationsChanged.publishEvent(StationsChanged.notices(reached));
  }

  private void requireEdit(Staff staff, Notice n) {
    if (!canEdit(staff, n)) {
      throw new ForbiddenProblem(Text.of("problem.notice.beyond-yours"));
    }
  }

  /** Every rule a notice must keep, reported together; the result is what will be saved. */
  public Notice check(Staff staff, String id, NoticeDraft d) {
    access.requireEditor(staff);
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    String title = d.title() == null ? "" : d.title().strip();
    if (title.isEmpty()) {
      problems.add("title", Text.of("problem.notice.title.missing"));
    } else if (title.length() > MAX_TITLE) {
      problems.add("title", Text.of("problem.notice.title.too-long", MAX_TITLE));
    }
    String body = d.body() == null ? "" : d.body().strip().replace("\r\n", "\n");
    if (body.length() > MAX_BODY) {
      problems.add("body", Text.of("problem.notice.body.too-long", MAX_BODY, body.length()));
    }
    NoticePriority priority = NoticePriority.NORMAL;
    if (d.priority() != null && !d.priority().isBlank()) {
      try {
        priority = NoticePriority.valueOf(d.priority().strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add("priority", Text.of("problem.notice.priority.unknown"));
      }
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime from =
        d.validFrom() == null || d.validFrom().isBlank()
            ? now
            : parseInstant("validFrom", d.validFrom(), problems);
    OffsetDateTime until =
        d.validUntil() == null || d.validUntil().isBlank()
            ? null
            : parseInstant("validUntil", d.validUntil(), problems);
    if (until != null && from != null && !until.isAfter(from)) {
      problems.add("validUntil", Text.of("problem.notice.until.before-from"));
    } else if (until != null && !until.isAfter(now)) {
      problems.add("validUntil", Text.of("problem.notice.until.past"));
    }
    if (until == null && priority.interrupts()) {
      problems.add("validUntil", Text.of("problem.notice.until.urgent-needs-end"));
    }
    Reach reach =
        Reach.check(staff, access, stations, d.target(), d.townshipId(), d.stationIds(), problems);
    problems.throwIfAny();
    return new Notice(
        id,
        title,
        body,
        priority,
        from,
        until,
        Notice.Target.valueOf(reach.target().name()),
        reach.townshipId(),
        reach.stationIds(),
        staff.displayName(),
        staff.countyId());
  }

  private static @Nullable OffsetDateTime parseInstant(
      String field, String text, ValidationProblem.Collector problems) {
    return ApiTimes.typed(text)
        .orElseGet(
            () -> {
              problems.add(field, Text.of("problem.notice.time.invalid"));
              return null;
            });
  }

  private static String describe(Notice n) {
    return n.priority()
        + " 「"
        + n.title()
        + "」 "
        + n.reach().describe()
        + " "
        + n.validFrom()
        + " – "
        + n.validUntil();
  }
}
