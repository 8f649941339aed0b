package liaison.signage.protocol;

import static liaison.signage.protocol.Checks.list;
import static liaison.signage.protocol.Checks.required;
import static liaison.signage.protocol.Checks.text;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Everything a station shows, as one versioned snapshot. The hub publishes it retained on the
 * station's content topic; a station applies it only when {@code version} is higher than the one it
 * holds, and stores it before showing it.
 *
 * @param stationId the station this snapshot is for; must match the topic it arrived on
 * @param version strictly increasing per station
 * @param generatedAt when the hub built it; a station clock earlier than this is not plausible
 */
public record StationContent(
    String stationId,
    long version,
    OffsetDateTime generatedAt,
    Station station,
    List<Deputy> deputies,
    List<Reception> receptions,
    List<Notice> notices,
    Links links,
    @Nullable Results results,
    @Nullable Playlist playlist,
    @Nullable List<Activity> plan,
    @Nullable Duty duty,
    @Nullable Software software,
    @Nullable Media media,
    @Nullable Livelihood livelihood)
    implements ProtocolMessage {

  /**
   * The most activities of the annual plan a hub puts in a snapshot: the coming ones of the year,
   * in date order, as many as a board pages through in a loop or two.
   */
  public static final int MAX_PLAN = 60;

  /** A snapshot without 民生实事 (a hub before issue 21's boards). */
  public StationContent(
      String stationId,
      long version,
      OffsetDateTime generatedAt,
      Station station,
      List<Deputy> deputies,
      List<Reception> receptions,
      List<Notice> notices,
      Links links,
      @Nullable Results results,
      @Nullable Playlist playlist,
      @Nullable List<Activity> plan,
      @Nullable Duty duty,
      @Nullable Software software,
      @Nullable Media media) {
    this(
        stationId,
        version,
        generatedAt,
        station,
        deputies,
        receptions,
        notices,
        links,
        results,
        playlist,
        plan,
        duty,
        software,
        media,
        null);
  }

  /** A snapshot without media slides (a hub before issue 20's media library). */
  public StationContent(
      String stationId,
      long version,
      OffsetDateTime generatedAt,
      Station station,
      List<Deputy> deputies,
      List<Reception> receptions,
      List<Notice> notices,
      Links links,
      @Nullable Results results,
      @Nullable Playlist playlist,
      @Nullable List<Activity> plan,
      @Nullable Duty duty,
      @Nullable Software software) {
    this(
        stationId,
        version,
        generatedAt,
        station,
        deputies,
        receptions,
        notices,
        links,
        results,
        playlist,
        plan,
        duty,
        software,
        null);
  }

  /** A snapshot without a software target (a hub before issue 19's rollouts). */
  public StationContent(
      String stationId,
      long version,
      OffsetDateTime generatedAt,
      Station station,
      List<Deputy> deputies,
      List<Reception> receptions,
      List<Notice> notices,
      Links links,
      @Nullable Results results,
      @Nullable Playlist playlist,
      @Nullable List<Activity> plan,
      @Nullable Duty duty) {
    this(
        stationId,
        version,
        generatedAt,
        station,
        deputies,
        receptions,
        notices,
        links,
        results,
        playlist,
        plan,
        duty,
        null);
  }

  /** A snapshot without the deputies' side (a hub before issue 18). */
  public StationContent(
      String stationId,
      long version,
      OffsetDateTime generatedAt,
      Station station,
      List<Deputy> deputies,
      List<Reception> receptions,
      List<Notice> notices,
      Links links,
      @Nullable Results results,
      @Nullable Playlist playlist,
      @Nullable List<Activity> plan) {
    this(
        stationId,
        version,
        generatedAt,
        station,
        deputies,
        receptions,
        notices,
        links,
        results,
        playlist,
        plan,
        null);
  }

  /** A snapshot without the annual plan (a hub that does not publish it yet). */
  public StationContent(
      String stationId,
      long version,
      OffsetDateTime generatedAt,
      Station station,
      List<Deputy> deputies,
      List<Reception> receptions,
      List<Notice> notices,
      Links links,
      @Nullable Results results,
      @Nullable Playlist playlist) {
    this(
        stationId,
        version,
        generatedAt,
        station,
        deputies,
        receptions,
        notices,
        links,
        results,
        playlist,
        null);
  }

  /** A snapshot without a playlist: the station's screen plays {@link Playlist#DEFAULT}. */
  public StationContent(
      String stationId,
      long version,
      OffsetDateTime generatedAt,
      Station station,
      List<Deputy> deputies,
      List<Reception> receptions,
      List<Notice> notices,
      Links links,
      @Nullable Results results) {
    this(
        stationId,
        version,
        generatedAt,
        station,
        deputies,
        receptions,
        notices,
        links,
        results,
        null,
        null);
  }

  /** A snapshot without handling figures (a hub that does not publish them yet). */
  public StationContent(
      String stationId,
      long version,
      OffsetDateTime generatedAt,
      Station station,
      List<Deputy> deputies,
      List<Reception> receptions,
      List<Notice> notices,
      Links links) {
    this(
        stationId,
        version,
        generatedAt,
        station,
        deputies,
        receptions,
        notices,
        links,
        null,
        null,
        null);
  }

  public StationContent {
    Topic.requireStationId(stationId);
    if (version < 1) {
      throw new IllegalArgumentException("field 'version' must be at least 1, was " + version);
    }
    required(generatedAt, "generatedAt");
    required(station, "station");
    if (!station.id().equals(stationId)) {
      throw new IllegalArgumentException(
          "station.id '" + station.id() + "' differs from stationId '" + stationId + "'");
    }
    deputies = list(deputies, "deputies");
    receptions = list(receptions, "receptions");
    notices = list(notices, "notices");
    required(links, "links");
    // A longer plan from a later hub is still shown (the board pages), never refused.
    plan = plan == null ? null : list(plan, "plan");
  }

  /**
   * The same content under another version and time of building: what a hub stamps on a snapshot it
   * built, and compares without. Every other field is kept, those added later too.
   */
  public StationContent withVersion(long newVersion, OffsetDateTime builtAt) {
    return with(
        c -> {
          c.version = newVersion;
          c.generatedAt = builtAt;
        });
  }

  /** The same content for the station described otherwise (its id stays the snapshot's). */
  public StationContent withStation(Station newStation) {
    return with(c -> c.station = newStation);
  }

  /** The same content with other deputies. */
  public StationContent withDeputies(List<Deputy> newDeputies) {
    return with(c -> c.deputies = newDeputies);
  }

  /** The same content with other receptions. */
  public StationContent withReceptions(List<Reception> newReceptions) {
    return with(c -> c.receptions = newReceptions);
  }

  /** The same content with other notices. */
  public StationContent withNotices(List<Notice> newNotices) {
    return with(c -> c.notices = newNotices);
  }

  /** The same content with other links (the residents' forms, the photos' address). */
  public StationContent withLinks(Links newLinks) {
    return with(c -> c.links = newLinks);
  }

  /** The same content with other handling figures. */
  public StationContent withResults(@Nullable Results newResults) {
    return with(c -> c.results = newResults);
  }

  /** The same content with another playlist; null for the defaults. */
  public StationContent withPlaylist(@Nullable Playlist newPlaylist) {
    return with(c -> c.playlist = newPlaylist);
  }

  /** The same content with another annual plan. */
  public StationContent withPlan(@Nullable List<Activity> newPlan) {
    return with(c -> c.plan = newPlan);
  }

  /** The same content with another deputies' side. */
  public StationContent withDuty(@Nullable Duty newDuty) {
    return with(c -> c.duty = newDuty);
  }

  /** The same content with another software target. */
  public StationContent withSoftware(@Nullable Software newSoftware) {
    return with(c -> c.software = newSoftware);
  }

  /** The same content with other media slides. */
  public StationContent withMedia(@Nullable Media newMedia) {
    return with(c -> c.media = newMedia);
  }

  /** The same content with other 民生实事 rounds and projects. */
  public StationContent withLivelihood(@Nullable Livelihood newLivelihood) {
    return with(c -> c.livelihood = newLivelihood);
  }

  /**
   * A copy with some fields changed, every other kept (those added later too): each {@code withX}
   * names its change once instead of repeating the whole constructor, and is checked by it again.
   */
  private StationContent with(Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  /** The fields of a snapshot being copied; only {@link #with} sees one. */
  private static final class Copy {
    long version;
    OffsetDateTime generatedAt;
    Station station;
    List<Deputy> deputies;
    List<Reception> receptions;
    List<Notice> notices;
    Links links;
    @Nullable Results results;
    @Nullable Playlist playlist;
    @Nullable List<Activity> plan;
    @Nullable Duty duty;
    @Nullable Software software;
    @Nullable Media media;
    @Nullable Livelihood livelihood;
    private final String stationId;

    Copy(StationContent c) {
      stationId = c.stationId;
      version = c.version;
      generatedAt = c.generatedAt;
      station = c.station;
      deputies = c.deputies;
      receptions = c.receptions;
      notices = c.notices;
      links = c.links;
      results = c.results;
      playlist = c.playlist;
      plan = c.plan;
      duty = c.duty;
      software = c.software;
      media = c.media;
      livelihood = c.livelihood;
    }

    StationContent build() {
      return new StationContent(
          stationId,
          version,
          generatedAt,
          station,
          deputies,
          receptions,
          notices,
          links,
          results,
          playlist,
          plan,
          duty,
          software,
          media,
          livelihood);
    }
  }

  /** The manager's own slides and the station's volume; none from a hub before issue 20. */
  public Media mediaOrEmpty() {
    return media == null ? Media.NONE : media;
  }

  /** The rounds collecting at the station and the projects under way; none from an older hub. */
  public Livelihood livelihoodOrEmpty() {
    return livelihood == null ? Livelihood.NONE : livelihood;
  }

  /** The version the hub wants this station to run, if a rollout has reached it. */
  public Optional<Software> softwareIfAny() {
    return Optional.ofNullable(software);
  }

  /** The deputies' side, empty from a hub that does not publish it. */
  public Duty dutyOrEmpty() {
    return duty == null ? Duty.EMPTY : duty;
  }

  public Optional<Results> resultsIfAny() {
    return Optional.ofNullable(results);
  }

  /**
   * The coming activities of the station's annual plan (年度活动计划), in date order; empty from a hub
   * that does not publish it.
   */
  public List<Activity> planOrEmpty() {
    return plan == null ? List.of() : plan;
  }

  /** The playlist the hub set for this station's signage screen, if any. */
  public Optional<Playlist> playlistIfAny() {
    return Optional.ofNullable(playlist);
  }

  /**
   * What the station's signage loop plays: the hub's playlist as far as it is known here, or the
   * defaults.
   */
  public Playlist playlistToPlay() {
    return playlistIfAny().map(Playlist::playable).orElse(Playlist.DEFAULT);
  }

  public Optional<Deputy> deputy(String deputyId) {
    return deputies.stream().filter(d -> d.id().equals(deputyId)).findFirst();
  }

  /** The station as its sign plate and directory entry describe it. */
  public record Station(
      String id,
      String name,
      StationKind kind,
      String township,
      String county,
      String address,
      String openingHours,
      String signPlate,
      ZoneId zone) {
    public Station {
      Topic.requireStationId(id);
      text(name, "station.name");
      required(kind, "station.kind");
      township = township == null ? "" : township;
      county = county == null ? "" : county;
      address = address == null ? "" : address;
      openingHours = openingHours == null ? "" : openingHours;
      signPlate = signPlate == null || signPlate.isBlank() ? name : signPlate;
      zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
    }
  }

  /**
   * A deputy assigned to the station. {@code phone} is present only when the deputy consented to
   * publish it; {@code photo} is a content hash fetched from {@link Links#photoBase()}; {@code
   * messageUrl}, when present, opens the opinion form addressed to this deputy.
   */
  public record Deputy(
      String id,
      String name,
      List<DeputyLevel> levels,
      String constituency,
      String occupation,
      String workUnit,
      List<String> specialties,
      @Nullable String photo,
      @Nullable String phone,
      @Nullable String messageUrl) {

    /** A deputy without a personal message link (residents use the station's opinion link). */
    public Deputy(
        String id,
        String name,
        List<DeputyLevel> levels,
        String constituency,
        String occupation,
        String workUnit,
        List<String> specialties,
        @Nullable String photo,
        @Nullable String phone) {
      this(id, name, levels, constituency, occupation, workUnit, specialties, photo, phone, null);
    }

    public Deputy {
      text(id, "deputy.id");
      text(name, "deputy.name");
      levels = list(levels, "deputy.levels");
      if (levels.isEmpty()) {
        throw new IllegalArgumentException("deputy '" + id + "' has no level");
      }
      constituency = constituency == null ? "" : constituency;
      occupation = occupation == null ? "" : occupation;
      workUnit = workUnit == null ? "" : workUnit;
      specialties = list(specialties, "deputy.specialties");
    }

    /** The highest level the deputy sits at, for a one-line label. */
    public DeputyLevel highestLevel() {
      return levels.stream().min(Enum::compareTo).orElseThrow();
    }
  }

  /**
   * A reception slot: who receives visitors, when and where, in the station's time zone; {@code
   * presentDeputyIds} are the on-duty deputies the station's staff have marked as arrived; {@code
   * capacity} is how many residents may book (absent: booking not offered), {@code booked} how many
   * have.
   */
  public record Reception(
      String id,
      LocalDate date,
      LocalTime start,
      LocalTime end,
      List<String> deputyIds,
      @Nullable String theme,
      String location,
      ReceptionStatus status,
      List<String> presentDeputyIds,
      @Nullable Integer capacity,
      Integer booked) {

    /** A reception with arrivals marked and no booking figures (a hub without booking). */
    public Reception(
        String id,
        LocalDate date,
        LocalTime start,
        LocalTime end,
        List<String> deputyIds,
        @Nullable String theme,
        String location,
        ReceptionStatus status,
        List<String> presentDeputyIds) {
      this(id, date, start, end, deputyIds, theme, location, status, presentDeputyIds, null, 0);
    }

    /** A reception nobody has been marked present at (yet). */
    public Reception(
        String id,
        LocalDate date,
        LocalTime start,
        LocalTime end,
        List<String> deputyIds,
        @Nullable String theme,
        String location,
        ReceptionStatus status) {
      this(id, date, start, end, deputyIds, theme, location, status, List.of(), null, 0);
    }

    public Reception {
      text(id, "reception.id");
      required(date, "reception.date");
      start = required(start, "reception.start").truncatedTo(ChronoUnit.MINUTES);
      end = required(end, "reception.end").truncatedTo(ChronoUnit.MINUTES);
      if (!end.isAfter(start)) {
        throw new IllegalArgumentException(
            "reception '" + id + "' ends at " + end + ", not after its start " + start);
      }
      deputyIds = list(deputyIds, "reception.deputyIds");
      location = location == null ? "" : location;
      required(status, "reception.status");
      presentDeputyIds = list(presentDeputyIds, "reception.presentDeputyIds");
      if (capacity != null && capacity < 0) {
        throw new IllegalArgumentException(
            "reception '" + id + "' has a negative capacity " + capacity);
      }
      // Older hubs leave it out: nobody booked.
      booked = booked == null ? 0 : booked;
      if (booked < 0) {
        throw new IllegalArgumentException(
            "reception '" + id + "' has a negative booking count " + booked);
      }
      for (String present : presentDeputyIds) {
        if (!deputyIds.contains(present)) {
          throw new IllegalArgumentException(
              "reception '" + id + "' marks '" + present + "' present, who is not on duty there");
        }
      }
    }

    /** Places still free for booking; empty when the reception takes no bookings. */
    public Optional<Integer> freePlaces() {
      return capacity == null
          ? Optional.empty()
          : Optional.of(Math.max(0, capacity - booked.intValue()));
    }

    public boolean isPresent(String deputyId) {
      return presentDeputyIds.contains(deputyId);
    }
  }

  /**
   * An activity of the station's annual plan. The kind comes as a name and in both languages, so a
   * station shows a kind added after it was built.
   *
   * @param kind RECEPTION_DAY, INSPECTION, RESEARCH, REPORT, TRAINING, OTHER, or one added later
   * @param deputyIds the deputies taking part (those the snapshot lists are named); may be empty
   */
  public record Activity(
      String id,
      LocalDate date,
      String kind,
      String kindZh,
      String kindEn,
      String theme,
      String place,
      List<String> deputyIds,
      @Nullable String notes) {
    public Activity {
      text(id, "activity.id");
      required(date, "activity.date");
      text(kind, "activity.kind");
      kindZh = kindZh == null || kindZh.isBlank() ? kind : kindZh;
      kindEn = kindEn == null || kindEn.isBlank() ? kind : kindEn;
      text(theme, "activity.theme");
      place = place == null ? "" : place;
      deputyIds = list(deputyIds, "activity.deputyIds");
    }
  }

  /** A notice shown on the station's screen during its validity window. */
  public record Notice(
      String id,
      String title,
      String body,
      NoticePriority priority,
      OffsetDateTime validFrom,
      @Nullable OffsetDateTime validUntil) {
    public Notice {
      text(id, "notice.id");
      text(title, "notice.title");
      body = body == null ? "" : body;
      required(priority, "notice.priority");
      required(validFrom, "notice.validFrom");
      if (validUntil != null && !validUntil.isAfter(validFrom)) {
        throw new IllegalArgumentException(
            "notice '" + id + "' is valid until " + validUntil + ", not after " + validFrom);
      }
    }

    public boolean isActiveAt(OffsetDateTime instant) {
      return !instant.isBefore(validFrom) && (validUntil == null || instant.isBefore(validUntil));
    }
  }

  /**
   * The deputies' side of a station's snapshot (issue 18): the county's 履职之星, the reports to voters
   * (述职) scheduled at the station, and the key its screen signs deputies in with.
   *
   * @param stars the latest stars of the month and of the year, at most {@link #MAX_STARS}
   * @param reports the station's reports to voters from today on, in time order
   * @param signIn how a deputy on duty signs in from the phone; absent from a hub that offers none
   */
  public record Duty(List<Star> stars, List<Report> reports, @Nullable SignIn signIn) {
    public static final Duty EMPTY = new Duty(List.of(), List.of(), null);

    /** The most stars a hub puts in a snapshot: a month's and a year's, a few each. */
    public static final int MAX_STARS = 12;

    public Duty {
      // More from a later hub are still shown (the board pages), never refused.
      stars = list(stars, "duty.stars");
      reports = list(reports, "duty.reports");
    }

    public Optional<SignIn> signInIfAny() {
      return Optional.ofNullable(signIn);
    }
  }

  /**
   * A 履职之星: the deputy the county's rule chose for a month or a year.
   *
   * @param period {@code YYYY-MM} for a month's star, {@code YYYY} for the year's
   * @param photo the portrait's hash under {@link Links#photoBase()}, if any
   * @param stationName the station the deputy is assigned to (first of them), for the board
   * @param points the deputy's points in the period
   */
  public record Star(
      StarPeriod kind,
      String period,
      String deputyId,
      String name,
      @Nullable String photo,
      String stationName,
      int points) {
    public Star {
      required(kind, "star.kind");
      text(period, "star.period");
      text(deputyId, "star.deputyId");
      text(name, "star.name");
      stationName = stationName == null ? "" : stationName;
    }
  }

  /** Which period a {@link Star} is for. */
  public enum StarPeriod {
    MONTH,
    YEAR
  }

  /**
   * A deputy's report to voters (述职) at the station: on the schedule before, on the screen with the
   * vote's QR code and the live tally ({@link VoteTally}) while it is held.
   *
   * @param deputyId one of the snapshot's {@link #deputies()} when assigned to the station
   * @param deputyName shown even when the deputy is not on the station's roster
   * @param voteUrl where voters' phones open the ballot (the QR code on the screen)
   */
  public record Report(
      String id,
      String deputyId,
      String deputyName,
      OffsetDateTime starts,
      OffsetDateTime ends,
      String title,
      String place,
      String voteUrl) {
    public Report {
      text(id, "report.id");
      text(deputyId, "report.deputyId");
      text(deputyName, "report.deputyName");
      required(starts, "report.starts");
      required(ends, "report.ends");
      if (!ends.isAfter(starts)) {
        throw new IllegalArgumentException(
            "report '" + id + "' ends at " + ends + ", not after its start " + starts);
      }
      title = title == null ? "" : title;
      place = place == null ? "" : place;
      text(voteUrl, "report.voteUrl");
    }

    public boolean isUnderWayAt(OffsetDateTime instant) {
      return !instant.isBefore(starts) && instant.isBefore(ends);
    }
  }

  /**
   * How a deputy on duty signs in (签到) from the phone: during a reception the screen shows a QR
   * code of {@code url?r={reception id}&c={code}}, the code from {@link SignInCodes} with {@code
   * key}.
   */
  public record SignIn(String url, String key) {
    public SignIn {
      text(url, "signIn.url");
      text(key, "signIn.key");
    }

    /** The address the screen shows as a QR code during the reception, at {@code now}. */
    public String addressFor(String receptionId, java.time.Instant now) {
      return url
          + "?r="
          + java.net.URLEncoder.encode(receptionId, java.nio.charset.StandardCharsets.UTF_8)
          + "&c="
          + SignInCodes.code(key, receptionId, now);
    }
  }

  /**
   * Where residents go from the station's QR codes, and where photos are fetched by content hash.
   *
   * @param livelihood the station's 民生实事 proposal form ({@code /l/<token>}), the code on the {@link
   *     Board#LIVELIHOOD} board; absent from a hub before issue 21
   */
  public record Links(
      String opinion, String booking, String photoBase, @Nullable String livelihood) {

    /** The links of a hub before issue 21's boards. */
    public Links(String opinion, String booking, String photoBase) {
      this(opinion, booking, photoBase, null);
    }

    public Links {
      text(opinion, "links.opinion");
      text(booking, "links.booking");
      text(photoBase, "links.photoBase");
      livelihood = livelihood == null || livelihood.isBlank() ? null : livelihood;
    }
  }

  /**
   * The station's public handling figures for residents' opinions (收集 → 答复 → 满意度), as the hub
   * computed them from its cases, and the latest published summaries (公示摘要).
   *
   * <p>Protocol version 2 of this record (issue 16): the first six fields are version 1, still
   * filled (the last 12 months, from {@code since}) so that an older station reads them as before;
   * {@code month}, {@code year}, {@code last12Months} and {@code summaries} are new and optional: a
   * newer station reading an older hub finds them absent ({@code null}, and no summaries) and shows
   * the version 1 figures. The codec ignores properties it does not know, so an older station skips
   * the new ones. New fields here are objects or lists, never primitives: an absent primitive would
   * be refused ({@code FAIL_ON_NULL_FOR_PRIMITIVES}).
   *
   * @param since the first day counted by the version 1 figures
   * @param summaries newest first, at most {@link #MAX_SUMMARIES}; never a resident's own words;
   *     absent from an older hub ({@link #summariesOrNone()})
   */
  public record Results(
      LocalDate since,
      int received,
      int answered,
      int satisfied,
      int basicallySatisfied,
      int dissatisfied,
      @Nullable Figures month,
      @Nullable Figures year,
      @Nullable Figures last12Months,
      @Nullable List<Summary> summaries) {
    /** How many summaries a snapshot carries at most: a board pages through them. */
    public static final int MAX_SUMMARIES = 20;

    /** Version 1: figures since a day, without periods or summaries (an older hub). */
    public Results(
        LocalDate since,
        int received,
        int answered,
        int satisfied,
        int basicallySatisfied,
        int dissatisfied) {
      this(
          since,
          received,
          answered,
          satisfied,
          basicallySatisfied,
          dissatisfied,
          null,
          null,
          null,
          null);
    }

    /** Version 2 from its periods: the version 1 fields are the last 12 months'. */
    public static Results of(
        Figures month, Figures year, Figures last12Months, List<Summary> summaries) {
      return new Results(
          last12Months.from(),
          last12Months.received(),
          last12Months.answered(),
          last12Months.satisfied(),
          last12Months.basicallySatisfied(),
          last12Months.dissatisfied(),
          month,
          year,
          last12Months,
          summaries);
    }

    public Results {
      required(since, "results.since");
      if (received < 0
          || answered < 0
          || satisfied < 0
          || basicallySatisfied < 0
          || dissatisfied < 0) {
        throw new IllegalArgumentException("results counts must not be negative");
      }
      if (answered > received) {
        throw new IllegalArgumentException(
            "results: " + answered + " answered is more than " + received + " received");
      }
      // Absent from a version 1 snapshot, and left absent so that it is written back as it came.
      summaries = summaries == null ? null : list(summaries, "results.summaries");
      if (summaries != null && summaries.size() > MAX_SUMMARIES) {
        throw new IllegalArgumentException(
            "results: " + summaries.size() + " summaries, at most " + MAX_SUMMARIES);
      }
    }

    public int rated() {
      return satisfied + basicallySatisfied + dissatisfied;
    }

    /** The published summaries, newest first; none from an older hub. */
    public List<Summary> summariesOrNone() {
      return summaries == null ? List.of() : summaries;
    }

    /** Whether the hub sent the periods (version 2). */
    public boolean hasPeriods() {
      return month != null && year != null;
    }
  }

  /**
   * Handling figures of the opinions received from {@code from} until the day before {@code until}:
   * how many were registered, forwarded, answered (within the deadline), closed, and the residents'
   * latest ratings. The hub's {@code HandlingResults} defines each count.
   */
  public record Figures(
      LocalDate from,
      LocalDate until,
      Integer received,
      Integer registered,
      Integer forwarded,
      Integer answered,
      Integer answeredOnTime,
      Integer closed,
      Integer satisfied,
      Integer basicallySatisfied,
      Integer dissatisfied) {
    public Figures {
      required(from, "figures.from");
      required(until, "figures.until");
      if (!until.isAfter(from)) {
        throw new IllegalArgumentException("figures: until " + until + " is not after " + from);
      }
      for (Integer n :
          new Integer[] {
            received,
            registered,
            forwarded,
            answered,
            answeredOnTime,
            closed,
            satisfied,
            basicallySatisfied,
            dissatisfied
          }) {
        if (n == null || n < 0) {
          throw new IllegalArgumentException("figures: every count is required, none negative");
        }
      }
      if (answered > received || answeredOnTime > answered || closed > received) {
        throw new IllegalArgumentException(
            "figures: answered "
                + answered
                + " (on time "
                + answeredOnTime
                + "), closed "
                + closed
                + " of "
                + received
                + " received");
      }
    }

    public int rated() {
      return satisfied + basicallySatisfied + dissatisfied;
    }

    public boolean isEmpty() {
      return received == 0;
    }
  }

  /**
   * A published summary (公示摘要) of a handled opinion, written by staff for the public: the problem
   * in general terms, the department and the result. Never a resident's name, phone, address or own
   * words.
   *
   * @param id the summary's id (not shown)
   * @param category the opinion's category in Chinese; {@code categoryEn} in English
   * @param department the department that handled it, if it was forwarded
   * @param received the day the opinion arrived; {@code answered} the day it was answered
   */
  public record Summary(
      String id,
      String category,
      String categoryEn,
      @Nullable String department,
      String text,
      LocalDate received,
      @Nullable LocalDate answered) {
    public Summary {
      Checks.text(id, "summary.id");
      Checks.text(category, "summary.category");
      categoryEn = categoryEn == null ? "" : categoryEn;
      Checks.text(text, "summary.text");
      required(received, "summary.received");
    }
  }

  /**
   * The version of the station's software the hub wants it to run (issue 19's rollouts), with the
   * bundle for each processor the hub keeps it for. A station running another version, and that has
   * not seen this one roll back on itself, fetches the bundle for its own processor, checks it
   * against the hub's key from enrolment and switches; a station whose processor is not listed
   * stays where it is. An older station ignores the field.
   */
  public record Software(String version, List<Bundle> bundles) {
    public Software {
      text(version, "software.version");
      bundles = list(bundles, "software.bundles");
    }

    /**
     * The bundle for this processor ({@code linux-x64}, {@code linux-aarch64}), if the hub has it.
     */
    public Optional<Bundle> bundleFor(String arch) {
      return bundles.stream().filter(b -> b.arch().equals(arch)).findFirst();
    }
  }

  /**
   * One processor's bundle of a {@link Software} version.
   *
   * @param sha256 lower-case hex of the file
   * @param signature base64, the hub's signature of {@link BundleSignature#statement}
   * @param path where the hub serves it, relative to the hub's address ({@code
   *     /install/bundle?arch=…&version=…})
   */
  public record Bundle(String arch, String sha256, long size, String signature, String path) {
    public Bundle {
      text(arch, "software.bundle.arch");
      text(sha256, "software.bundle.sha256");
      text(signature, "software.bundle.signature");
      text(path, "software.bundle.path");
      if (size < 1) {
        throw new IllegalArgumentException("software.bundle.size must be at least 1, was " + size);
      }
    }
  }

  /**
   * The manager's own slides for this station from the hub's media library (issue 20), and how loud
   * the station plays a video. A protocol decision (docs/ARCHITECTURE.md, "the snapshot's {@code
   * media}"): references only, the files come over HTTP; an older station ignores the field.
   *
   * @param slides the slides in force at this station or still to come, in the order they play
   * @param volume percent, 0 to 100; 0, the default, plays every video silently
   */
  public record Media(List<MediaSlide> slides, int volume) {
    public static final Media NONE = new Media(List.of(), 0);

    public Media {
      slides = list(slides, "media.slides");
      if (volume < 0 || volume > 100) {
        throw new IllegalArgumentException("media.volume must be 0 to 100, was " + volume);
      }
    }
  }

  /**
   * 民生实事 at the station (issue 21): the rounds collecting residents' proposals that reach it today
   * (its township's first, then its county's), shown with the QR code of {@link Links#livelihood()}
   * on {@link Board#LIVELIHOOD}; and the elected projects being carried out, with their progress,
   * on {@link Board#LIVELIHOOD_PROGRESS}. A protocol decision (docs/ARCHITECTURE.md, "the
   * snapshot's {@code livelihood}"): the station shows what its latest snapshot says, and each
   * board is skipped while its part is empty. An older station ignores the field.
   *
   * @param rounds at most {@link #MAX_ROUNDS} from this hub
   * @param projects at most {@link #MAX_PROJECTS} from this hub, the township's first
   */
  public record Livelihood(List<LivelihoodRound> rounds, List<LivelihoodProject> projects) {
    public static final Livelihood NONE = new Livelihood(List.of(), List.of());

    /** A county's round and a township's, and room for one more of each. */
    public static final int MAX_ROUNDS = 4;

    /** The elected projects a hub sends at most: a progress board pages through them. */
    public static final int MAX_PROJECTS = 40;

    public Livelihood {
      // More from a later hub are still shown (the boards page), never refused.
      rounds = list(rounds, "livelihood.rounds");
      projects = list(projects, "livelihood.projects");
    }

    /** Nothing to show (not a getter: the codec would write it). */
    public boolean nothingToShow() {
      return rounds.isEmpty() && projects.isEmpty();
    }
  }

  /**
   * A round collecting proposals (民生实事项目征集) that reaches the station.
   *
   * @param level the congress deciding it as people read it: the county's or the township's name
   * @param year the year the projects are for
   * @param opensOn first day residents propose; {@code closesOn} the last, inclusive
   * @param categories the categories it asks for, in Chinese
   * @param accepted how many proposals staff have accepted (made public) so far
   * @param acceptedTitles the latest accepted proposals' titles, at most {@link #MAX_TITLES}
   */
  public record LivelihoodRound(
      String id,
      String level,
      int year,
      String title,
      LocalDate opensOn,
      LocalDate closesOn,
      List<String> categories,
      int accepted,
      List<String> acceptedTitles) {
    public static final int MAX_TITLES = 5;

    public LivelihoodRound {
      text(id, "livelihood.round.id");
      text(level, "livelihood.round.level");
      text(title, "livelihood.round.title");
      required(opensOn, "livelihood.round.opensOn");
      required(closesOn, "livelihood.round.closesOn");
      if (closesOn.isBefore(opensOn)) {
        throw new IllegalArgumentException(
            "livelihood round '" + id + "' closes on " + closesOn + ", before it opens " + opensOn);
      }
      categories = list(categories, "livelihood.round.categories");
      if (accepted < 0) {
        throw new IllegalArgumentException(
            "livelihood round '" + id + "' has a negative count " + accepted);
      }
      acceptedTitles = list(acceptedTitles, "livelihood.round.acceptedTitles");
    }
  }

  /**
   * An elected project being carried out (民生实事项目进展).
   *
   * @param level the congress that elected it: the county's or the township's name
   * @param department the responsible department (承办单位); empty when none is named yet
   * @param percent the department's latest report, 0 to 100
   * @param stateZh the state in words (未开始, 进行中, 已完成, 滞后…); {@code stateEn} in English
   * @param milestone the next milestone due, or the last one done when all are; absent if none
   */
  public record LivelihoodProject(
      String id,
      String level,
      int year,
      String title,
      String department,
      int percent,
      String stateZh,
      String stateEn,
      @Nullable Milestone milestone) {
    public LivelihoodProject {
      text(id, "livelihood.project.id");
      text(level, "livelihood.project.level");
      text(title, "livelihood.project.title");
      department = department == null ? "" : department;
      if (percent < 0 || percent > 100) {
        throw new IllegalArgumentException(
            "livelihood project '" + id + "' is " + percent + "% done; 0 to 100");
      }
      text(stateZh, "livelihood.project.stateZh");
      stateEn = stateEn == null ? "" : stateEn;
    }
  }

  /** A project's milestone: what, the day it is due, and the day it was done if it was. */
  public record Milestone(String title, LocalDate due, @Nullable LocalDate done) {
    public Milestone {
      text(title, "livelihood.milestone.title");
      required(due, "livelihood.milestone.due");
    }
  }
}
