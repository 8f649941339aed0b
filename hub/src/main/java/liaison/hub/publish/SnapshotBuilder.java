package liaison.hub.publish;

import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import liaison.hub.config.PublishConfig;
import liaison.hub.db.Database;
import liaison.hub.deputy.Deputy;
import liaison.hub.deputy.DeputyRepository;
import liaison.hub.livelihood.LivelihoodBoards;
import liaison.hub.media.MediaSlideRepository;
import liaison.hub.media.ScheduledSlide;
import liaison.hub.mywork.SignInKeys;
import liaison.hub.notice.Notice;
import liaison.hub.notice.NoticeRepository;
import liaison.hub.opinion.DeputyLinks;
import liaison.hub.plan.Activity;
import liaison.hub.plan.PlanRepository;
import liaison.hub.reception.AttendanceRepository;
import liaison.hub.reception.ReceptionRepository;
import liaison.hub.reception.ReceptionSlot;
import liaison.hub.results.HandlingFigures;
import liaison.hub.results.HandlingResults;
import liaison.hub.results.PublishedSummaries;
import liaison.hub.results.PublishedSummary;
import liaison.hub.results.ReportingPeriod;
import liaison.hub.signage.PlaylistRepository;
import liaison.hub.software.SoftwareRollouts;
import liaison.hub.station.StationPlace;
import liaison.hub.station.StationRepository;
import liaison.hub.web.PublicLinks;
import liaison.signage.protocol.MediaSlide;
import liaison.signage.protocol.NoticePriority;
import liaison.signage.protocol.ReceptionStatus;
import liaison.signage.protocol.StationAlert;
import liaison.signage.protocol.StationContent;
import org.jspecify.annotations.Nullable;

/**
 * Builds a station's content snapshot from the database: the station, its deputies (phones only
 * with consent, each with a message link), the public receptions of the coming days with who has
 * arrived and how many places are booked, the notices aimed at it, its QR links, its handling
 * figures for this month, this year and the last 12 months with its latest published summaries
 * (never a resident's words), the signage playlist set for it (none when it plays the defaults),
 * the deputies' side (the county's stars and the station's reports to voters), and the manager's
 * own media slides by reference with the station's volume, and 民生实事: the rounds collecting there
 * with the station's proposal link, the elected projects' progress ({@link LivelihoodBoards}).
 */
@Singleton
public class SnapshotBuilder {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  /** How far ahead a station is told of media slides to come, to download them in time. */
  public static final Duration MEDIA_AHEAD = Duration.ofDays(7);

  private final StationRepository stations;
  private final DeputyRepository deputies;
  private final ReceptionRepository receptions;
  private final AttendanceRepository attendance;
  private final NoticeRepository notices;
  private final PublicLinks links;
  private final DeputyLinks deputyLinks;
  private final PublishConfig config;
  private final PlaylistRepository playlists;
  private final PlanRepository plans;
  private final HandlingResults results;
  private final PublishedSummaries summaries;
  private final SignInKeys signInKeys;
  private final StationDutyRepository stationDuty;
  private final SoftwareRollouts rollouts;
  private final MediaSlideRepository media;
  private final LivelihoodBoards livelihood;
  private final Database database;
  private final Clock clock;

  public SnapshotBuilder(
      StationRepository stations,
      DeputyRepository deputies,
      ReceptionRepository receptions,
      AttendanceRepository attendance,
      NoticeRepository notices,
      PublicLinks links,
      DeputyLinks deputyLinks,
      PublishConfig config,
      PlaylistRepository playlists,
      PlanRepository plans,
      HandlingResults results,
      PublishedSummaries summaries,
      SignInKeys signInKeys,
      StationDutyRepository stationDuty,
      SoftwareRollouts rollouts,
      MediaSlideRepository media,
      LivelihoodBoards livelihood,
      Database database,
      Clock clock) {
    this.database = database;
    this.livelihood = livelihood;
    this.rollouts = rollouts;
    this.media = media;
    this.signInKeys = signInKeys;
    this.stationDuty = stationDuty;
    this.playlists = playlists;
    this.plans = plans;
    this.results = results;
    this.summaries = summaries;
    this.stations = stations;
    this.deputies = deputies;
    this.receptions = receptions;
    this.attendance = attendance;
    this.notices = notices;
    this.links = links;
    this.deputyLinks = deputyLinks;
    this.config = config;
    this.clock = clock;
  }

  /** The station's snapshot with the given version, or empty when the station does not exist. */
  public Optional<StationContent> build(
      String stationId, long version, OffsetDateTime generatedAt) {
    return Optional.ofNullable(buildAll(List.of(stationId), generatedAt).get(stationId))
        .map(c -> c.withVersion(version, generatedAt));
  }

  /**
   * The snapshots of those of these stations that exist, by id in the order given, each as version
   * 1 (the publisher stamps the version it records), on one connection: everything but the media
   * slides is read for them all at once (a query or two for each part, rows grouped by station),
   * what a county's stations share once per county (its stars, its 民生实事 rounds); the media slides
   * station by station. {@link #build} is its one-station case.
   */
  public Map<String, StationContent> buildAll(
      Collection<String> stationIds, OffsetDateTime generatedAt) {
    List<String> ids = List.copyOf(stationIds);
    return database.withHandle(
        h -> {
          OffsetDateTime now = OffsetDateTime.now(clock);
          LocalDate today = now.atZoneSameInstant(SHANGHAI).toLocalDate();
          Map<String, StationPlace> places = stations.places(ids);
          Set<String> found = places.keySet();
          Map<String, List<Deputy>> assigned = deputies.atStations(found);
          Map<String, List<ReceptionSlot>> slots =
              receptions.forStations(found, today, today.plusDays(config.horizonDays() - 1));
          List<String> slotIds =
              slots.values().stream().flatMap(List::stream).map(ReceptionSlot::id).toList();
          Map<String, Set<String>> assignedIds = new HashMap<>();
          for (String id : found) {
            assignedIds.put(
                id,
                assigned.getOrDefault(id, List.of()).stream()
                    .map(Deputy::id)
                    .collect(Collectors.toSet()));
          }
          Chunk chunk =
              new Chunk(
                  notices.forStations(places.values(), now),
                  assigned,
                  assignedIds,
                  slots,
                  attendance.present(slotIds),
                  receptions.bookedPlaces(slotIds),
                  deputyLinks.tokens(assignedIds),
                  results.forStations(found),
                  summaries.latestAt(found, StationContent.Results.MAX_SUMMARIES),
                  playlists.find(found),
                  plans.forStations(
                      found, today, LocalDate.of(today.getYear(), 12, 31), StationContent.MAX_PLAN),
                  signInKeys.keysOf(found),
                  stationDuty.reports(found, today, today.plusDays(config.horizonDays())),
                  rollouts.targetsFor(found),
                  media.volumes(found),
                  media.forStations(found, now, now.plus(MEDIA_AHEAD)),
                  livelihood.forStations(places.values()));
          Map<String, List<StationContent.Star>> stars = new HashMap<>();
          Map<String, StationContent> built = new LinkedHashMap<>();
          for (String id : ids) {
            StationPlace place = places.get(id);
            if (place != null) {
              List<StationContent.Star> countyStars =
                  stars.computeIfAbsent(place.countyId(), stationDuty::latestStars);
              built.put(id, assemble(place, chunk, countyStars, now, generatedAt));
            }
          }
          return built;
        });
  }

  /**
   * These stations' snapshots as this hub holds them, with the notices aimed at them now read
   * afresh and every other part kept, each as version 1 built at {@code generatedAt}: what a change
   * of notices alone needs ({@code StationsChanged.noticesOnly}), two queries for them all instead
   * of a full {@link #buildAll}. The parts kept are at most one refresh old (every snapshot is
   * rebuilt in full every {@code liaison.publish.refresh}) and any other change rebuilds them. A
   * station that no longer exists is left out, as from {@link #buildAll}.
   */
  public Map<String, StationContent> withNoticesNow(
      Map<String, StationContent> held, OffsetDateTime generatedAt) {
    if (held.isEmpty()) {
      return Map.of();
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    Map<String, StationPlace> places = stations.places(List.copyOf(held.keySet()));
    Map<String, List<Notice>> aimed = notices.forStations(places.values(), now);
    Map<String, StationContent> rebuilt = new LinkedHashMap<>();
    for (Map.Entry<String, StationContent> station : held.entrySet()) {
      if (places.containsKey(station.getKey())) {
        rebuilt.put(
            station.getKey(),
            station
                .getValue()
                .withVersion(1, generatedAt)
                .withNotices(notices(aimed.getOrDefault(station.getKey(), List.of()))));
      }
    }
    return rebuilt;
  }

  /** The notices as a snapshot carries them. */
  private static List<StationContent.Notice> notices(List<Notice> aimed) {
    return aimed.stream()
        .map(
            n ->
                new StationContent.Notice(
                    n.id(), n.title(), n.body(), n.priority(), n.validFrom(), n.validUntil()))
        .toList();
  }

  /** What is read for a whole chunk of stations at once, each by station id. */
  private record Chunk(
      Map<String, List<Notice>> aimed,
      Map<String, List<Deputy>> deputies,
      Map<String, Set<String>> deputyIds,
      Map<String, List<ReceptionSlot>> slots,
      Map<String, List<String>> present,
      Map<String, Integer> booked,
      Map<String, Map<String, String>> deputyTokens,
      Map<String, HandlingResults.Periods> periods,
      Map<String, List<PublishedSummary>> summaries,
      Map<String, PlaylistRepository.Stored> playlists,
      Map<String, List<Activity>> plans,
      Map<String, String> signInKeys,
      Map<String, List<StationDutyRepository.ReportRow>> reports,
      Map<String, SoftwareRollouts.Target> software,
      Map<String, Integer> volumes,
      Map<String, List<ScheduledSlide>> slides,
      Map<String, StationContent.Livelihood> livelihood) {}

  private StationContent assemble(
      StationPlace place,
      Chunk chunk,
      List<StationContent.Star> countyStars,
      OffsetDateTime now,
      OffsetDateTime generatedAt) {
    var s = place.station();
    String stationId = s.id();
    LocalDate today = now.atZoneSameInstant(SHANGHAI).toLocalDate();

    List<Deputy> assigned = chunk.deputies().getOrDefault(stationId, List.of());
    Set<String> assignedIds = chunk.deputyIds().get(stationId);
    List<StationContent.Reception> publicSlots =
        chunk.slots().getOrDefault(stationId, List.of()).stream()
            .filter(slot -> isPublic(slot, today))
            .map(
                slot ->
                    reception(
                        slot,
                        assignedIds,
                        chunk.present().getOrDefault(slot.id(), List.of()),
                        chunk.booked().getOrDefault(slot.id(), 0)))
            .toList();
    String opinion = links.opinion(s.publicToken());
    Map<String, String> deputyTokens = chunk.deputyTokens().getOrDefault(stationId, Map.of());

    // Every part in one construction, so the snapshot's checks run once: each withX is a copy
    // checked again, four more a station in a county's round.
    return new StationContent(
        s.id(),
        1,
        generatedAt,
        new StationContent.Station(
            s.id(),
            s.name(),
            s.kind(),
            place.townshipName(),
            place.countyName(),
            s.address(),
            s.openingHours(),
            s.signPlate(),
            SHANGHAI),
        assigned.stream().map(d -> deputy(d, links.opinion(deputyTokens.get(d.id())))).toList(),
        publicSlots,
        notices(chunk.aimed().get(stationId)),
        new StationContent.Links(
            opinion,
            links.booking(s.publicToken()),
            links.photoBase(),
            links.livelihood(s.publicToken())),
        results(
            chunk.periods().get(stationId), chunk.summaries().getOrDefault(stationId, List.of())),
        Optional.ofNullable(chunk.playlists().get(stationId))
            .map(PlaylistRepository.Stored::playlist)
            .orElse(null),
        plan(chunk.plans().getOrDefault(stationId, List.of()), assignedIds),
        duty(
            chunk.signInKeys().get(stationId),
            countyStars,
            chunk.reports().getOrDefault(stationId, List.of())),
        software(chunk.software().get(stationId)),
        media(
            chunk.slides().getOrDefault(stationId, List.of()),
            chunk.volumes().getOrDefault(stationId, 0)),
        chunk.livelihood().get(stationId));
  }

  /**
   * The station's media slides: those aimed at it that are in force or start within {@link
   * #MEDIA_AHEAD} (so the station downloads their files ahead), in the order they play, with its
   * volume; none when it has no slide and plays silently (a snapshot as before issue 20). An ended
   * slide leaves at the next rebuild (every snapshot is rebuilt every few minutes): the station
   * stops it on time itself from its {@code validUntil}.
   */
  private static StationContent.@Nullable Media media(List<ScheduledSlide> scheduled, int volume) {
    List<MediaSlide> slides =
        scheduled.stream()
            .filter(slide -> !slide.item().files().isEmpty())
            .map(ScheduledSlide::toProtocol)
            .toList();
    return slides.isEmpty() && volume == 0 ? null : new StationContent.Media(slides, volume);
  }

  /**
   * The version a rollout wants the station to run, with the bundle of each processor and where the
   * hub serves it; none when no rollout has reached the station (it stays where it is).
   */
  private static StationContent.@Nullable Software software(
      SoftwareRollouts.@Nullable Target target) {
    return Optional.ofNullable(target)
        .filter(t -> !t.bundles().isEmpty())
        .map(
            t ->
                new StationContent.Software(
                    t.version(),
                    t.bundles().stream()
                        .map(
                            b ->
                                new StationContent.Bundle(
                                    b.arch(),
                                    b.sha256(),
                                    b.sizeBytes(),
                                    b.signature(),
                                    "/install/bundle?arch="
                                        + b.arch()
                                        + "&version="
                                        + URLEncoder.encode(b.version(), StandardCharsets.UTF_8)))
                        .toList()))
        .orElse(null);
  }

  /**
   * The deputies' side of the snapshot: the county's latest stars, the station's reports to voters,
   * and the sign-in key and address the screen draws its 签到 QR code from during a reception.
   */
  private StationContent.Duty duty(
      @Nullable String signInKey,
      List<StationContent.Star> countyStars,
      List<StationDutyRepository.ReportRow> reports) {
    StationContent.SignIn signIn =
        signInKey == null ? null : new StationContent.SignIn(links.signIn(), signInKey);
    return new StationContent.Duty(countyStars, reports(reports), signIn);
  }

  /**
   * The station's reports to voters from today to the snapshot's horizon, and those closed today
   * (the screen announces their result), each with the address of its ballot page.
   */
  private List<StationContent.Report> reports(List<StationDutyRepository.ReportRow> reports) {
    return reports.stream()
        .map(
            r ->
                new StationContent.Report(
                    r.id(),
                    r.deputyId(),
                    r.deputyName(),
                    r.starts(),
                    r.ends(),
                    r.title(),
                    "",
                    links.base() + "/r/" + URLEncoder.encode(r.id(), StandardCharsets.UTF_8)))
        .toList();
  }

  /**
   * The coming activities of the station's plan for this year, today's included, as many as a
   * snapshot carries; deputies no longer at the station are left out, as on a reception.
   */
  private static List<StationContent.Activity> plan(
      List<Activity> activities, Set<String> assignedIds) {
    return activities.stream()
        .map(
            a ->
                new StationContent.Activity(
                    a.id(),
                    a.date(),
                    a.kind().name(),
                    a.kind().text().zh(),
                    a.kind().text().en(),
                    a.theme(),
                    a.place(),
                    a.deputyIds().stream().filter(assignedIds::contains).toList(),
                    a.notes()))
        .toList();
  }

  /**
   * The notice the station's alert topic should carry now, read from its snapshot: the most
   * pressing urgent or emergency notice in force (emergency first, then the newest); empty when
   * there is none. The snapshot holds every notice aimed at the station that has not ended, so no
   * query.
   */
  public static Optional<StationAlert> alert(StationContent content, OffsetDateTime now) {
    return content.notices().stream()
        .filter(n -> n.priority().interrupts())
        .filter(
            n ->
                !n.validFrom().isAfter(now)
                    && (n.validUntil() == null || n.validUntil().isAfter(now)))
        .min(
            Comparator.comparing(
                    (StationContent.Notice n) -> n.priority() != NoticePriority.EMERGENCY)
                .thenComparing(StationContent.Notice::validFrom, Comparator.reverseOrder()))
        .map(
            n ->
                new StationAlert(
                    n.id(), n.title(), n.body(), n.priority(), n.validFrom(), n.validUntil()));
  }

  /** The station's handling figures and its newest published summaries (公示摘要). */
  private static StationContent.Results results(
      HandlingResults.Periods p, List<PublishedSummary> latest) {
    return StationContent.Results.of(
        figures(p.monthPeriod(), p.month()),
        figures(p.yearPeriod(), p.year()),
        figures(p.last12MonthsPeriod(), p.last12Months()),
        latest.stream().map(SnapshotBuilder::summary).toList());
  }

  private static StationContent.Figures figures(ReportingPeriod period, HandlingFigures f) {
    return new StationContent.Figures(
        period.from(),
        period.until(),
        f.received(),
        f.registered(),
        f.forwarded(),
        f.answered(),
        f.answeredOnTime(),
        f.closed(),
        f.satisfied(),
        f.basicallySatisfied(),
        f.dissatisfied());
  }

  private static StationContent.Summary summary(PublishedSummary s) {
    return new StationContent.Summary(
        s.caseId(),
        s.category().zh(),
        s.category().en(),
        s.department(),
        s.text(),
        s.received(),
        s.answered());
  }

  /** A planned slot becomes public {@code announceDays} before its date; others once announced. */
  private boolean isPublic(ReceptionSlot slot, LocalDate today) {
    if (slot.status() == ReceptionStatus.PLANNED) {
      return !slot.date().isAfter(today.plusDays(config.announceDays()));
    }
    return true;
  }

  private static StationContent.Reception reception(
      ReceptionSlot slot, Set<String> assignedIds, List<String> present, int booked) {
    List<String> onDuty = slot.deputyIds().stream().filter(assignedIds::contains).toList();
    return new StationContent.Reception(
        slot.id(),
        slot.date(),
        slot.start(),
        slot.end(),
        onDuty,
        slot.theme(),
        slot.location(),
        slot.status() == ReceptionStatus.PLANNED ? ReceptionStatus.ANNOUNCED : slot.status(),
        // The protocol refuses a present deputy who is not among the published on-duty ones.
        present.stream().filter(onDuty::contains).toList(),
        // A planned slot is not open for booking yet (it shows as announced once it is public).
        slot.status() == ReceptionStatus.PLANNED ? null : slot.capacity(),
        booked);
  }

  /** A deputy as the screen shows them, with the QR link of their own at this station. */
  private static StationContent.Deputy deputy(Deputy d, String messageUrl) {
    return new StationContent.Deputy(
        d.id(),
        d.name(),
        d.levels(),
        d.constituency(),
        d.occupation(),
        d.workUnit(),
        d.specialties(),
        d.photoHash(),
        d.phonePublic() ? d.phone() : null,
        messageUrl);
  }
}
