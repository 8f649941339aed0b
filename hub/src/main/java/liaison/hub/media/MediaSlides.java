package liaison.hub.media;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liaison.hub.audit.AuditLog;
import liaison.hub.db.Database;
import liaison.hub.db.Ids;
import liaison.hub.db.Sql;
import liaison.hub.ingest.StateIngest;
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
import liaison.signage.protocol.MediaSlide;
import liaison.signage.protocol.MediaSlide.Window;
import org.jspecify.annotations.Nullable;

/**
 * Library items scheduled as slides on the screens, as staff schedule them: a county administrator
 * anywhere in the county, a station manager on their own stations; a station's own item on that
 * station only. Checked in full (nothing saved when one field is wrong), saved with an audit entry,
 * then every station the slide reaches (before and after the change) gets a new snapshot. Also each
 * station's volume for videos, and the proofs of display stations sent for a slide.
 */
@Singleton
public class MediaSlides {
  /** Windows of the day a slide may be limited to. */
  public static final int MAX_DAYPARTS = 4;

  private static final Pattern DAYPART =
      Pattern.compile("\\s*(\\d{1,2}:\\d{2})\\s*[-–—~至]\\s*(\\d{1,2}:\\d{2})\\s*");

  private final Database database;
  private final MediaSlideRepository slides;
  private final StationRepository stations;
  private final Access access;
  private final AuditLog audit;
  private final ApplicationEventPublisher<StationsChanged> stationsChanged;
  private final StateIngest states;
  private final Clock clock;

  public MediaSlides(
      Database database,
      MediaSlideRepository slides,
      StationRepository stations,
      Access access,
      AuditLog audit,
      ApplicationEventPublisher<StationsChanged> stationsChanged,
      StateIngest states,
      Clock clock) {
    this.states = states;
    this.database = database;
    this.slides = slides;
    this.stations = stations;
    this.access = access;
    this.audit = audit;
    this.stationsChanged = stationsChanged;
    this.clock = clock;
  }

  /** The slides this person may see, in the order they play. */
  public List<ScheduledSlide> list(Staff staff) {
    return listed(staff).stream().map(Listed::slide).toList();
  }

  /**
   * A slide as the lists show it.
   *
   * @param reached the stations it reaches
   * @param canEdit whether this person may change it
   * @param stationsProved how many of the stations this person may see have proved showing it
   */
  public record Listed(
      ScheduledSlide slide, List<String> reached, boolean canEdit, int stationsProved) {}

  /**
   * The slides this person may see, in the order they play, with what the lists show of each: read
   * with the same few queries however many slides there are (the slides with their parts, the
   * stations once, the proofs' stations once), never a query per slide.
   */
  public List<Listed> listed(Staff staff) {
    access.requireEditor(staff);
    List<ScheduledSlide> all = slides.all();
    if (all.isEmpty()) {
      return List.of();
    }
    List<StationPlace> places = stations.all();
    Map<String, Set<String>> proved =
        slides.provedAt(all.stream().map(ScheduledSlide::id).toList());
    List<Listed> listed = new ArrayList<>();
    for (ScheduledSlide s : all) {
      List<String> reached = reachedAmong(places, s);
      if (canSee(staff, s, reached)) {
        int provedSeen =
            (int)
                proved.getOrDefault(s.id(), Set.of()).stream()
                    .filter(st -> staff.isCountyAdmin() || staff.stationIds().contains(st))
                    .count();
        listed.add(new Listed(s, reached, canEdit(staff, s, reached), provedSeen));
      }
    }
    return listed;
  }

  public ScheduledSlide get(Staff staff, String id) {
    access.requireEditor(staff);
    ScheduledSlide s =
        slides
            .find(id)
            .orElseThrow(() -> new NotFoundProblem(Text.of("problem.media-slide.not-found", id)));
    if (!canSee(staff, s)) {
      throw new ForbiddenProblem(Text.of("problem.media-slide.not-yours"));
    }
    return s;
  }

  /** The slide, if this person may change it; refused before any draft is looked at. */
  public ScheduledSlide requireEdit(Staff staff, String id) {
    ScheduledSlide s = get(staff, id);
    if (!canEdit(staff, s)) {
      throw new ForbiddenProblem(Text.of("problem.media-slide.beyond-yours"));
    }
    return s;
  }

  /** A county administrator sees every slide; a manager those reaching one of their stations. */
  public boolean canSee(Staff staff, ScheduledSlide s) {
    return canSee(staff, s, reached(s));
  }

  private static boolean canSee(Staff staff, ScheduledSlide s, List<String> reached) {
    return staff.canEdit()
        && staff.countyId().equals(s.countyId())
        && (staff.isCountyAdmin() || reached.stream().anyMatch(staff.stationIds()::contains));
  }

  /**
   * A county administrator may change any slide; a manager one aimed at listed stations that are
   * all theirs (the rule of notices).
   */
  public boolean canEdit(Staff staff, ScheduledSlide s) {
    return canEdit(staff, s, reached(s));
  }

  private boolean canEdit(Staff staff, ScheduledSlide s, List<String> reached) {
    return canSee(staff, s, reached)
        && access.canEditNotice(
            staff,
            staff.countyId(),
            s.reach().target() == Reach.Target.STATIONS ? s.reach().stationIds() : null);
  }

  /** The stations a slide reaches (ALL: every station of its county). */
  public List<String> reached(ScheduledSlide s) {
    return reached(stations, s);
  }

  /** As {@link #reached(ScheduledSlide)}, for the proofs' ingest, which has no staff. */
  static List<String> reached(StationRepository stations, ScheduledSlide s) {
    if (s.countyId() == null && s.reach().target() == Reach.Target.ALL) {
      return List.of(); // its author's account is gone, and with it the county it was for
    }
    return atHome(s, stations.reached(s.reach(), s.countyId()));
  }

  /**
   * As {@link #reached(ScheduledSlide)}, among the stations read once for a whole list (in id
   * order, as {@link StationRepository#reached} answers): the same stations, no query.
   */
  static List<String> reachedAmong(List<StationPlace> places, ScheduledSlide s) {
    Reach reach = s.reach();
    List<String> all =
        switch (reach.target()) {
          case STATIONS -> reach.stationIds();
          case TOWNSHIP ->
              places.stream()
                  .filter(p -> p.station().townshipId().equals(reach.townshipId()))
                  .map(StationPlace::id)
                  .toList();
          case ALL ->
              s.countyId() == null
                  ? List.of() // its author's account is gone, and with it the county it was for
                  : places.stream()
                      .filter(p -> p.countyId().equals(s.countyId()))
                      .map(StationPlace::id)
                      .toList();
        };
    return atHome(s, all);
  }

  /** A station's own item plays at that station only, whatever the slide says. */
  private static List<String> atHome(ScheduledSlide s, List<String> reached) {
    return s.item().stationId() == null
        ? reached
        : reached.stream().filter(s.item().stationId()::equals).toList();
  }

  /**
   * The stations the slides of an item reach: the library announces them after it retires or
   * deletes the item ({@code StationsChanged}), so its slides leave their snapshots.
   */
  public Set<String> stationsShowing(String itemId) {
    List<ScheduledSlide> showing = slides.ofItem(itemId);
    if (showing.isEmpty()) {
      return Set.of();
    }
    List<StationPlace> places = stations.all();
    Set<String> ids = new LinkedHashSet<>();
    showing.forEach(s -> ids.addAll(reachedAmong(places, s)));
    return ids;
  }

  /**
   * The items this person may put on screens: their county's library and their stations' own
   * (another county's library is neither listed nor usable).
   */
  public List<SlideItem> items(Staff staff) {
    access.requireEditor(staff);
    Set<String> own =
        access.editableStations(staff).stream()
            .map(StationPlace::id)
            .collect(java.util.stream.Collectors.toSet());
    return slides.activeItems().stream()
        .filter(i -> !i.files().isEmpty())
        .filter(i -> i.countyId().equals(staff.countyId()))
        .filter(i -> i.stationId() == null || own.contains(i.stationId()))
        .toList();
  }

  /** The item, if this person may put it on screens. */
  public SlideItem item(Staff staff, String itemId) {
    return items(staff).stream()
        .filter(i -> i.id().equals(itemId))
        .findFirst()
        .orElseThrow(() -> new NotFoundProblem(Text.of("problem.media-slide.item.unknown")));
  }

  public ScheduledSlide create(Staff staff, SlideDraft draft) {
    ScheduledSlide checked = check(staff, Ids.next("ms"), draft);
    database.useTransaction(
        h -> {
          ScheduledSlide s = at(checked, slides.nextPosition(h));
          slides.insert(h, s);
          audit.record(h, staff, "create", "media_slide", s.id(), describe(s));
        });
    ScheduledSlide saved = slides.find(checked.id()).orElseThrow();
    stationsChanged.publishEvent(new StationsChanged(reached(saved)));
    return saved;
  }

  public ScheduledSlide update(Staff staff, String id, SlideDraft draft) {
    ScheduledSlide before = requireEdit(staff, id);
    ScheduledSlide checked = check(staff, id, draft);
    ScheduledSlide after =
        new ScheduledSlide(
            id,
            checked.item(),
            checked.seconds(),
            checked.validFrom(),
            checked.validUntil(),
            checked.dayparts(),
            checked.reach(),
            before.position(),
            before.countyId(),
            before.createdBy(),
            before.createdAt(),
            checked.updatedAt());
    database.useTransaction(
        h -> {
          slides.update(h, after);
          audit.record(
              h, staff, "update", "media_slide", id, describe(before) + " → " + describe(after));
        });
    announce(reached(before), reached(after));
    return after;
  }

  /**
   * Takes the slide off the screens. A slide stations have proved on screen ends now and is kept
   * with its proofs (what was shown, where and how long stays answerable); one never shown is
   * deleted.
   */
  public void delete(Staff staff, String id) {
    ScheduledSlide s = requireEdit(staff, id);
    OffsetDateTime now = OffsetDateTime.now(clock);
    database.useTransaction(
        h -> {
          if (slides.hasProofs(h, id)) {
            slides.end(h, id, now);
            audit.record(h, staff, "end", "media_slide", id, describe(s));
          } else {
            slides.delete(h, id);
            audit.record(h, staff, "delete", "media_slide", id, describe(s));
          }
        });
    announce(reached(s), List.of());
  }

  /**
   * Moves the slide one place earlier ({@code up}) or later in the order this person sees: just
   * before (after) the neighbour there, the other slides keeping their order among themselves.
   */
  public void move(Staff staff, String id, String direction) {
    ScheduledSlide s = requireEdit(staff, id);
    boolean up = "up".equals(direction);
    if (!up && !"down".equals(direction)) {
      throw ValidationProblem.of("direction", Text.of("problem.media-slide.move.direction"));
    }
    List<ScheduledSlide> seen = list(staff);
    int at = indexOf(seen, id);
    int neighbourAt = up ? at - 1 : at + 1;
    if (neighbourAt < 0 || neighbourAt >= seen.size()) {
      return; // first (last) already: nothing to do
    }
    ScheduledSlide neighbour = seen.get(neighbourAt);
    database.useTransaction(
        h -> {
          List<String> order =
              new ArrayList<>(slides.all().stream().map(ScheduledSlide::id).toList());
          order.remove(id);
          int n = order.indexOf(neighbour.id());
          order.add(up ? n : n + 1, id);
          slides.reorder(h, order);
          audit.record(
              h,
              staff,
              "move",
              "media_slide",
              id,
              (up ? "before " : "after ") + neighbour.id() + " 「" + neighbour.item().title() + "」");
        });
    announce(reached(s), reached(neighbour));
  }

  private static int indexOf(List<ScheduledSlide> list, String id) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  private void announce(Collection<String> before, Collection<String> after) {
    Set<String> affected = new LinkedHashSet<>(before);
    affected.addAll(after);
    stationsChanged.publishEvent(new StationsChanged(affected));
  }

  /** Each station's proofs of display of the slide, for the stations this person may see. */
  public List<SlideProof> proofs(Staff staff, String id) {
    get(staff, id);
    return slides.proofs(id).stream()
        .filter(p -> staff.isCountyAdmin() || staff.stationIds().contains(p.stationId()))
        .toList();
  }

  // ---- volume and cache ----

  /** How loud the station plays videos, 0 (silent, the default) to 100. */
  public int volume(Staff staff, String stationId) {
    access.requireStationStaff(staff, stationId);
    return slides.volume(stationId);
  }

  /** The station's volume and its media cache as its last heartbeat told it. */
  public StationMedia stationMedia(Staff staff, String stationId) {
    access.requireStationStaff(staff, stationId);
    return new StationMedia(
        stationId,
        slides.volume(stationId),
        states.state(stationId).map(s -> s.state().telemetry()).map(t -> t.media()).orElse(null));
  }

  /**
   * Sets the station's volume (its managers, the county's administrators); refused out of 0–100.
   */
  public void setVolume(Staff staff, String stationId, @Nullable Integer volume) {
    access.requireEdit(staff, stationId);
    if (volume == null || volume < 0 || volume > 100) {
      throw ValidationProblem.of("volume", Text.of("problem.media-volume.range"));
    }
    int before = slides.volume(stationId);
    database.useTransaction(
        h -> {
          slides.setVolume(h, stationId, volume);
          audit.record(h, staff, "update", "station", stationId, "媒体音量 " + before + " → " + volume);
        });
    stationsChanged.publishEvent(StationsChanged.of(stationId));
  }

  // ---- checks ----

  /** Every rule a slide must keep, reported together; the result is what will be saved. */
  public ScheduledSlide check(Staff staff, String id, SlideDraft d) {
    access.requireEditor(staff);
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    SlideItem item = null;
    if (d.itemId() == null || d.itemId().isBlank()) {
      problems.add("itemId", Text.of("problem.media-slide.item.missing"));
    } else {
      String wanted = d.itemId().strip();
      item = items(staff).stream().filter(i -> i.id().equals(wanted)).findFirst().orElse(null);
      if (item == null) {
        problems.add("itemId", Text.of("problem.media-slide.item.unknown"));
      }
    }
    int seconds = item == null ? SlideItem.IMAGE_SECONDS : item.defaultSeconds();
    if (d.seconds() != null) {
      seconds = d.seconds();
      if (seconds < MediaSlide.MIN_SECONDS || seconds > MediaSlide.MAX_SECONDS) {
        problems.add(
            "seconds",
            Text.of(
                "problem.media-slide.seconds.range",
                MediaSlide.MIN_SECONDS,
                MediaSlide.MAX_SECONDS));
      }
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime from =
        d.validFrom() == null || d.validFrom().isBlank()
            ? now
            : instant("validFrom", d.validFrom(), problems);
    OffsetDateTime until =
        d.validUntil() == null || d.validUntil().isBlank()
            ? null
            : instant("validUntil", d.validUntil(), problems);
    if (until != null && from != null && !until.isAfter(from)) {
      problems.add("validUntil", Text.of("problem.media-slide.until.before-from"));
    } else if (until != null && !until.isAfter(now)) {
      problems.add("validUntil", Text.of("problem.media-slide.until.past"));
    }
    List<Window> dayparts = dayparts(d.dayparts(), problems);
    Reach reach =
        Reach.check(staff, access, stations, d.target(), d.townshipId(), d.stationIds(), problems);
    if (item != null
        && item.stationId() != null
        && !problems.has("target")
        && !problems.has("stationIds")
        && !(reach.target() == Reach.Target.STATIONS
            && reach.stationIds().equals(List.of(item.stationId())))) {
      problems.add(
          "target",
          Text.of(
              "problem.media-slide.item.own-station-only",
              stations.find(item.stationId()).map(p -> p.station().name()).orElse("")));
    }
    problems.throwIfAny();
    return new ScheduledSlide(
        id, item, seconds, from, until, dayparts, reach, 0, staff.countyId(), staff.id(), now, now);
  }

  private static ScheduledSlide at(ScheduledSlide s, int position) {
    return new ScheduledSlide(
        s.id(),
        s.item(),
        s.seconds(),
        s.validFrom(),
        s.validUntil(),
        s.dayparts(),
        s.reach(),
        position,
        s.countyId(),
        s.createdBy(),
        s.createdAt(),
        s.updatedAt());
  }

  private static List<Window> dayparts(
      @Nullable List<String> typed, ValidationProblem.Collector problems) {
    List<Window> windows = new ArrayList<>();
    for (String text : typed == null ? List.<String>of() : typed) {
      if (text == null || text.isBlank()) {
        continue;
      }
      Matcher m = DAYPART.matcher(text);
      try {
        if (!m.matches()) {
          throw new DateTimeParseException(text, text, 0);
        }
        windows.add(new Window(time(m.group(1)), time(m.group(2))));
      } catch (DateTimeParseException | IllegalArgumentException e) {
        problems.add("dayparts", Text.of("problem.media-slide.daypart.invalid", text.strip()));
      }
    }
    if (windows.size() > MAX_DAYPARTS) {
      problems.add("dayparts", Text.of("problem.media-slide.dayparts.too-many", MAX_DAYPARTS));
    }
    return windows;
  }

  /** A window as the form shows it and takes it back: {@code 08:30-12:00}. */
  public static String daypart(LocalTime from, LocalTime until) {
    return Sql.time(from) + "-" + Sql.time(until);
  }

  private static LocalTime time(String text) {
    return LocalTime.parse(text.length() == 4 ? "0" + text : text);
  }

  private static @Nullable OffsetDateTime instant(
      String field, String text, ValidationProblem.Collector problems) {
    return ApiTimes.typed(text)
        .orElseGet(
            () -> {
              problems.add(field, Text.of("problem.media-slide.time.invalid"));
              return null;
            });
  }

  private static String describe(ScheduledSlide s) {
    return s.item().kind()
        + " 「"
        + s.item().title()
        + "」 "
        + s.seconds()
        + " s "
        + s.reach().describe()
        + " "
        + s.validFrom()
        + " – "
        + s.validUntil()
        + (s.dayparts().isEmpty() ? "" : " " + s.dayparts());
  }
}
