package liaison.signage.player.loop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import liaison.signage.player.loop.DisplayProof.Kind;
import liaison.signage.player.loop.OnScreen.Interrupt;
import liaison.signage.player.loop.OnScreen.MediaTurn;
import liaison.signage.player.loop.OnScreen.Slide;
import liaison.signage.player.loop.OnScreen.Syncing;
import liaison.signage.player.loop.OnScreen.Vote;
import liaison.signage.player.media.MediaFiles;
import liaison.signage.protocol.Board;
import liaison.signage.protocol.MediaSlide;
import liaison.signage.protocol.MediaSlide.MediaFile;
import liaison.signage.protocol.NoticePriority;
import liaison.signage.protocol.Playlist;
import liaison.signage.protocol.Playlist.Entry;
import liaison.signage.protocol.StationAlert;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationContent.Notice;
import liaison.signage.protocol.StationContent.Report;
import liaison.signage.protocol.VoteTally;
import liaison.signage.schedule.ReceptionCalendar;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signage screen's loop as plain state driven by instants: no toolkit, so playlist order,
 * dayparts, interrupts and proofs of display are tested with a controllable clock.
 *
 * <p>The playlist is the one the hub set in the station's content (as far as this station knows its
 * boards), or the loop's own when the content carries none. Boards advance by the entries of the
 * daypart in force (switching at the daypart's boundary); boards with nothing to show are skipped.
 * An URGENT alert interrupts the loop for {@link #URGENT_FOR} and again every {@link #URGENT_EVERY}
 * while it is valid; an EMERGENCY alert holds the screen until it expires or is cleared. After an
 * interrupt the board it interrupted continues for the time it had left. A deputy's report to
 * voters under way at the station, or its vote still open, holds the screen below the alerts with
 * the vote's QR code and live count ({@link Vote}); once the vote closes, its result stays for
 * {@link #RESULT_FOR} and at least until that long after the report's end. Whenever a notice leaves
 * the screen a {@link DisplayProof} is emitted. A board with more than a screenful (the screen says
 * how many pages it laid out, {@link #pages(Pages)}) shows its pages one after the other, each for
 * the entry's time, so everyone on the roster and every reception of the day is on screen once a
 * cycle; a notice is proved once, over all its pages.
 *
 * <p>After the playlist's boards, each cycle plays the managers' own media slides of the content
 * (issue 20), in the snapshot's order; where the playlist has a {@link Board#MEDIA} entry, they
 * play there instead, for up to that entry's seconds a pass, each pass going on from the slide
 * after the last one played. The slides played are those in force now ({@link MediaSlide#playsAt},
 * in the station's zone), of a kind this station knows, and whose files the station's cache has
 * complete ({@link #media(MediaFiles)}); any other is skipped without a trace on screen, and a
 * slide waiting for a file is said once in the log. An image stays for the slide's seconds, each
 * page of a document for the slide's seconds, a video for its seconds or its own length if shorter.
 * Alerts and a report's vote cover a media slide as they cover a board; it goes on afterwards for
 * the time it had left, a video from where it was ({@link MediaTurn#into}). Each turn leaving the
 * screen emits a {@link MediaProof}.
 *
 * <p>Not thread-safe: call it from one thread (the view's timer).
 */
public final class SignageLoop {
  private static final Logger LOG = LoggerFactory.getLogger(SignageLoop.class);

  public static final Duration URGENT_FOR = Duration.ofSeconds(30);
  public static final Duration URGENT_EVERY = Duration.ofMinutes(5);

  /**
   * An emergency hold can last hours; its proof is reported in pieces of this length, so the hub
   * sees it on screen while it is, not only once it ends.
   */
  public static final Duration HOLD_PROOF_EVERY = Duration.ofMinutes(15);

  /**
   * How long a closed vote's result stays on screen, and at least until so long after the report's
   * scheduled end: the audience is still in the hall when a vote closes early.
   */
  public static final Duration RESULT_FOR = Duration.ofMinutes(10);

  /** When every board of the playlist is empty, today's board stands in for this long. */
  static final Duration FALLBACK = Duration.ofSeconds(20);

  /** How many pages a slide's board has on the screen; the screen knows, having laid it out. */
  @FunctionalInterface
  public interface Pages {
    int of(Slide slide);
  }

  private final Playlist playlist;
  private final ZoneId fallbackZone;
  private final List<Consumer<OnScreen>> screenListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<DisplayProof>> proofListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<MediaProof>> mediaProofListeners = new CopyOnWriteArrayList<>();

  /** When each urgent alert last began to interrupt, so it comes back every URGENT_EVERY. */
  private final Map<String, Instant> urgentShown = new HashMap<>();

  private Pages pages = slide -> 1;
  private MediaFiles mediaFiles = MediaFiles.NONE;

  /** Slides and files already said in the log to be waiting, so it says so once. */
  private final Set<String> waitingSaid = new HashSet<>();

  /** Files the screen could not play (a codec this machine lacks): their slides are skipped. */
  private final Set<String> unplayable = new HashSet<>();

  private long notReadySkips;
  private Optional<StationContent> content = Optional.empty();
  private Optional<StationAlert> alert = Optional.empty();
  private Optional<VoteTally> tally = Optional.empty();
  private OnScreen screen;

  // Where the loop stands: the entries it plays, the entry, and the notice page within NOTICES.
  private @Nullable List<Entry> entries;
  private int entryIndex;
  private int noticeIndex;

  /** The media slides of this pass while they play, and the one the loop stands at. */
  private @Nullable List<MediaSlide> mediaTurns;

  private int mediaIndex;

  /** How many of this pass's slides were tried (played or skipped): a pass tries each once. */
  private int mediaTried;

  /** Until when a pass at a {@link Board#MEDIA} entry may begin another slide; null at the end. */
  private @Nullable Instant mediaPassUntil;

  /**
   * The last media slide a pass played: the next pass at a {@code MEDIA} entry goes on after it.
   */
  private @Nullable String mediaLastPlayed;

  /** When the board on screen came on (its first page, or its return after an interrupt). */
  private Instant boardSince = Instant.EPOCH;

  /** How long each page of the board on screen stays. */
  private Duration pageTime = Duration.ZERO;

  /** The board or media slide an interrupt covers, the time it had left and had played. */
  private @Nullable OnScreen paused;

  private Duration pausedLeft = Duration.ZERO;
  private Duration pausedInto = Duration.ZERO;

  /** Off screen: a kiosk in a visitor's hands. Content and alerts are kept, nothing advances. */
  private boolean suspended;

  /** A loop that plays {@code playlist} while the station's content carries none. */
  public SignageLoop(Playlist playlist, ZoneId zone, Instant now) {
    this.playlist = playlist.playable();
    this.fallbackZone = zone;
    this.screen = new Syncing(now);
  }

  public SignageLoop(Playlist playlist, Clock clock) {
    this(playlist, clock.getZone(), clock.instant());
  }

  public OnScreen screen() {
    return screen;
  }

  /** What the loop plays now: the content's playlist, or its own. */
  public Playlist playlist() {
    return content.flatMap(StationContent::playlistIfAny).map(Playlist::playable).orElse(playlist);
  }

  /** Who says how many pages a board has (by default, one). */
  public void pages(Pages pages) {
    this.pages = pages;
  }

  /** Which media files are complete on the station (by default, none: no media slide plays). */
  public void media(MediaFiles files) {
    this.mediaFiles = files;
  }

  /** How many times a media slide's turn was skipped because a file of it was not ready. */
  public long notReadySkips() {
    return notReadySkips;
  }

  /** Called with each change of what is on screen. */
  public void onChange(Consumer<OnScreen> listener) {
    screenListeners.add(listener);
  }

  /** Called each time a notice leaves the screen. */
  public void onProof(Consumer<DisplayProof> listener) {
    proofListeners.add(listener);
  }

  /** Called each time a turn of a media slide (or the part of it before an interrupt) ends. */
  public void onMediaProof(Consumer<MediaProof> listener) {
    mediaProofListeners.add(listener);
  }

  /**
   * The screen could not play this file (a video in a codec this machine lacks, a broken file): the
   * slide on screen gives way to the next, unproved, and no slide with this file plays again.
   */
  public void mediaFailed(String sha256, Instant now) {
    unplayable.add(sha256);
    if (!suspended
        && screen instanceof MediaTurn turn
        && turn.slide().files().stream().anyMatch(f -> f.sha256().equals(sha256))) {
      nextMedia(now);
    }
  }

  /** The station's content changed (or none is stored yet). */
  public void content(Optional<StationContent> next, Instant now) {
    content = next;
    tick(now);
  }

  /** The retained alert changed; empty when the hub cleared it. */
  public void alert(Optional<StationAlert> next, Instant now) {
    alert = next;
    tick(now);
  }

  /** The live tally of a report to voters changed; empty when the hub cleared it. */
  public void tally(Optional<VoteTally> next, Instant now) {
    tally = next;
    tick(now);
  }

  /**
   * The loop leaves the screen (a visitor touched the kiosk): whatever notice was on screen gets
   * its proof of display, and nothing advances until {@link #resume}.
   */
  public void suspend(Instant now) {
    if (suspended) {
      return;
    }
    if (screen instanceof Interrupt current) {
      proof(current.alert().noticeId(), current.since(), now, kindOf(current.alert()));
    } else {
      leave(now);
    }
    suspended = true;
    paused = null;
    entries = null;
    mediaTurns = null;
    screen = new Syncing(now);
  }

  /** Back on screen: the playlist starts from the top (an interrupt still due takes over first). */
  public void resume(Instant now) {
    if (!suspended) {
      return;
    }
    suspended = false;
    tick(now);
  }

  public boolean suspended() {
    return suspended;
  }

  /** Called every second or so: starts and ends interrupts and advances the boards. */
  public void tick(Instant now) {
    if (suspended) {
      return;
    }
    Optional<StationAlert> valid = alert.filter(a -> validAt(a, now));
    boolean resumed = false;
    if (screen instanceof Interrupt current) {
      boolean sameAlert = valid.map(a -> a.equals(current.alert())).orElse(false);
      boolean over = current.until().map(u -> !now.isBefore(u)).orElse(false);
      if (sameAlert && !over) {
        if (!now.isBefore(current.since().plus(HOLD_PROOF_EVERY))) {
          // Still on screen: prove what has been shown so far and go on from here, unseen.
          proof(current.alert().noticeId(), current.since(), now, kindOf(current.alert()));
          screen = new Interrupt(current.alert(), now, current.until());
        }
        return;
      }
      proof(current.alert().noticeId(), current.since(), now, kindOf(current.alert()));
      screen = resumed(now);
      resumed = true;
      // A new alert may take over at once; otherwise the loop goes on below.
    }
    if (valid.isPresent() && shouldInterrupt(valid.get(), now)) {
      interrupt(valid.get(), now);
      return;
    }
    if (content.isEmpty()) {
      leave(now);
      if (!(screen instanceof Syncing) || resumed) {
        show(new Syncing(now));
      }
      return;
    }
    Optional<Vote> vote = voteAt(now);
    if (vote.isPresent()) {
      hold(vote.get(), now, resumed);
      return;
    }
    if (screen instanceof Vote) {
      // The vote's result has been announced: the loop goes on where the vote found it.
      screen = resumed(now);
      resumed = true;
    }
    List<Entry> inForce = playlist().entriesAt(LocalTime.ofInstant(now, zone()));
    if (screen instanceof MediaTurn turn && inForce.equals(entries)) {
      continueMedia(turn, now, resumed);
      return;
    }
    if (!(screen instanceof Slide slide) || !inForce.equals(entries)) {
      // First board, back from syncing, or a daypart began or ended: its entries start from the
      // top.
      leave(now);
      entries = inForce;
      entryIndex = 0;
      noticeIndex = 0;
      mediaTurns = null;
      startFromHere(now);
      return;
    }
    boolean noticeGone =
        slide.noticeId().isPresent() && !activeNoticeIds(now).contains(slide.noticeId().get());
    if (!now.isBefore(slide.until()) && !noticeGone && slide.page() + 1 < pages.of(slide)) {
      // The next page of the same board: no proof yet, the notice has not left the screen.
      show(new Slide(slide.board(), slide.noticeId(), slide.page() + 1, now, now.plus(pageTime)));
    } else if (!now.isBefore(slide.until()) || noticeGone) {
      leave(now);
      if (advance(now) && !mediaPlaced() && beginMedia(now)) {
        return; // the cycle's boards are over: the media slides' turn
      }
      startFromHere(now);
    } else if (resumed) {
      show(slide);
    }
  }

  // --- interrupts -------------------------------------------------------------------------------

  private boolean shouldInterrupt(StationAlert a, Instant now) {
    if (a.priority() == NoticePriority.EMERGENCY) {
      return true;
    }
    Instant last = urgentShown.get(a.noticeId());
    return last == null || !now.isBefore(last.plus(URGENT_EVERY));
  }

  private void interrupt(StationAlert a, Instant now) {
    pause(now);
    Optional<Instant> until = Optional.empty();
    if (a.priority() == NoticePriority.URGENT) {
      urgentShown.put(a.noticeId(), now);
      Instant end = now.plus(URGENT_FOR);
      if (a.validUntil() != null && a.validUntil().toInstant().isBefore(end)) {
        end = a.validUntil().toInstant();
      }
      until = Optional.of(end);
    }
    show(new Interrupt(a, now, until));
  }

  /** The vote on screen, redrawn when its count changes; the board it covers waits. */
  private void hold(Vote vote, Instant now, boolean resumed) {
    pause(now);
    if (screen instanceof Vote shown && shown.sameAs(vote) && !resumed) {
      return;
    }
    Instant since = screen instanceof Vote shown ? shown.since() : now;
    show(new Vote(vote.report(), vote.tally(), vote.result(), since));
  }

  /**
   * The report to voters the screen gives itself to at {@code now}: the one the tally counts while
   * its vote is open or its result is announced, else one under way by the schedule (its ballot
   * opens any moment). A report the snapshot does not carry cannot be drawn and is left out.
   */
  private Optional<Vote> voteAt(Instant now) {
    List<Report> reports = content.orElseThrow().dutyOrEmpty().reports();
    Optional<VoteTally> counted = tally;
    if (counted.isPresent()) {
      VoteTally t = counted.get();
      Optional<Report> report =
          reports.stream().filter(r -> r.id().equals(t.reportId())).findFirst();
      if (report.isPresent()) {
        if (t.state() == VoteTally.State.OPEN) {
          return Optional.of(new Vote(report.get(), counted, false, now));
        }
        Instant closed = t.at().toInstant().plus(RESULT_FOR);
        Instant afterEnd = report.get().ends().toInstant().plus(RESULT_FOR);
        if (now.isBefore(closed.isAfter(afterEnd) ? closed : afterEnd)) {
          return Optional.of(new Vote(report.get(), counted, true, now));
        }
      }
    }
    OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    return reports.stream()
        .filter(r -> r.isUnderWayAt(at))
        .filter(r -> counted.map(t -> !t.reportId().equals(r.id())).orElse(true))
        .findFirst()
        .map(r -> new Vote(r, Optional.empty(), false, now));
  }

  /** A board or a media slide on screen gives way to an interrupt: it is proved so far. */
  private void pause(Instant now) {
    switch (screen) {
      case Slide slide -> {
        leaveSlide(slide, now);
        paused = slide;
        pausedLeft = Duration.between(now, slide.until());
      }
      case MediaTurn turn -> {
        leaveMedia(turn, now);
        paused = turn;
        pausedLeft = Duration.between(now, turn.until());
        pausedInto = turn.into().plus(Duration.between(turn.since(), now));
      }
      default -> {}
    }
  }

  /** What the interrupt covered, with the time it had left; the loop decides on it just after. */
  private OnScreen resumed(Instant now) {
    OnScreen p = paused;
    paused = null;
    boardSince = now;
    return switch (p) {
      case Slide s -> new Slide(s.board(), s.noticeId(), s.page(), now, now.plus(pausedLeft));
      case MediaTurn t -> new MediaTurn(t.slide(), t.page(), pausedInto, now, now.plus(pausedLeft));
      case null, default -> new Syncing(now);
    };
  }

  private static boolean validAt(StationAlert a, Instant now) {
    return !now.isBefore(a.validFrom().toInstant())
        && (a.validUntil() == null || now.isBefore(a.validUntil().toInstant()));
  }

  private static Kind kindOf(StationAlert a) {
    return a.priority() == NoticePriority.EMERGENCY ? Kind.EMERGENCY_HOLD : Kind.URGENT_INTERRUPT;
  }

  // --- the loop ---------------------------------------------------------------------------------

  /** Moves to the next notice or board; whether that ended the cycle (back at the first entry). */
  private boolean advance(Instant now) {
    List<Entry> list = requireEntries();
    if (list.get(entryIndex).kind() == Board.NOTICES && noticeIndex + 1 < notices(now).size()) {
      noticeIndex++;
      return false;
    }
    entryIndex = (entryIndex + 1) % list.size();
    noticeIndex = 0;
    return entryIndex == 0;
  }

  /** Shows the entry the loop stands at, or the next one with something to show. */
  private void startFromHere(Instant now) {
    List<Entry> list = requireEntries();
    for (int tried = 0; tried < list.size(); tried++) {
      Entry entry = list.get(entryIndex);
      if (entry.kind() == Board.MEDIA && beginMediaAt(entry, now)) {
        return;
      }
      if (hasContent(entry.kind(), now)) {
        Optional<String> noticeId = Optional.empty();
        if (entry.kind() == Board.NOTICES) {
          List<Notice> notices = notices(now);
          noticeIndex = Math.min(noticeIndex, notices.size() - 1);
          noticeId = Optional.of(notices.get(noticeIndex).id());
        }
        boardSince = now;
        pageTime = entry.duration();
        show(new Slide(entry.kind(), noticeId, now, now.plus(entry.duration())));
        return;
      }
      entryIndex = (entryIndex + 1) % list.size();
      noticeIndex = 0;
      if (entryIndex == 0 && !mediaPlaced() && beginMedia(now)) {
        return; // the boards left at the cycle's end had nothing to show
      }
    }
    boardSince = now;
    pageTime = FALLBACK;
    show(new Slide(Board.TODAY, Optional.empty(), now, now.plus(FALLBACK)));
  }

  // --- the media slides after the boards -------------------------------------------------------

  /** Whether the playlist in force places the media slides ({@link Board#MEDIA}). */
  private boolean mediaPlaced() {
    return requireEntries().stream().anyMatch(e -> e.known().orElse(null) == Board.MEDIA);
  }

  /** At a cycle's end: the first media slide that plays now, if any does. */
  private boolean beginMedia(Instant now) {
    mediaTurns = List.copyOf(content.orElseThrow().mediaOrEmpty().slides());
    mediaIndex = 0;
    mediaTried = 0;
    mediaPassUntil = null;
    return playMediaFromHere(now);
  }

  /**
   * At a {@link Board#MEDIA} entry: a pass of up to the entry's seconds, from the slide after the
   * last one played; whether a slide plays now.
   */
  private boolean beginMediaAt(Entry entry, Instant now) {
    List<MediaSlide> slides = List.copyOf(content.orElseThrow().mediaOrEmpty().slides());
    int last = -1;
    for (int i = 0; i < slides.size(); i++) {
      if (slides.get(i).id().equals(mediaLastPlayed)) {
        last = i;
      }
    }
    mediaTurns = slides;
    mediaIndex = slides.isEmpty() ? 0 : (last + 1) % slides.size();
    mediaTried = 0;
    mediaPassUntil = now.plus(entry.duration());
    return playMediaFromHere(now);
  }

  /** Shows the media slide the loop stands at, or the next that plays; false once none is left. */
  private boolean playMediaFromHere(Instant now) {
    List<MediaSlide> turns = mediaTurns;
    Instant until = mediaPassUntil;
    // A pass at a MEDIA entry begins no slide once its seconds are spent; one begun plays whole.
    while (turns != null && mediaTried < turns.size() && (until == null || now.isBefore(until))) {
      MediaSlide slide = turns.get(mediaIndex % turns.size());
      if (playable(slide, now)) {
        boardSince = now;
        mediaLastPlayed = slide.id();
        show(new MediaTurn(slide, 0, Duration.ZERO, now, now.plus(pageTime(slide))));
        return true;
      }
      mediaIndex++;
      mediaTried++;
    }
    mediaTurns = null;
    return false;
  }

  /** The media slide on screen: its next page, or the next slide, or back to the boards. */
  private void continueMedia(MediaTurn turn, Instant now, boolean resumed) {
    boolean gone = !inContent(turn.slide(), now);
    boolean over = !now.isBefore(turn.until());
    if (over && !gone && turn.page() + 1 < turn.slide().files().size()) {
      // A document's next page: the turn goes on, proved once it ends.
      show(
          new MediaTurn(
              turn.slide(), turn.page() + 1, Duration.ZERO, now, now.plus(pageTime(turn.slide()))));
    } else if (over || gone) {
      leaveMedia(turn, now);
      nextMedia(now);
    } else if (resumed) {
      show(turn);
    }
  }

  /**
   * The pass's next media slide; after the last, the boards: from the top after the cycle's end,
   * from the entry after a {@link Board#MEDIA} entry.
   */
  private void nextMedia(Instant now) {
    mediaIndex++;
    mediaTried++;
    boolean placed = mediaPassUntil != null;
    if (!playMediaFromHere(now)) {
      entryIndex = placed ? (entryIndex + 1) % requireEntries().size() : 0;
      noticeIndex = 0;
      startFromHere(now);
    }
  }

  /**
   * How long a media slide's page stays: its seconds; a video's own length if shorter (rounded up
   * to the second, so its last frame is seen).
   */
  private static Duration pageTime(MediaSlide slide) {
    Duration seconds = Duration.ofSeconds(slide.seconds());
    long millis = slide.files().getFirst().durationMillis();
    if (slide.known().orElse(null) == MediaSlide.Kind.VIDEO && millis > 0) {
      Duration own = Duration.ofSeconds((millis + 999) / 1000);
      return own.compareTo(seconds) < 0 ? own : seconds;
    }
    return seconds;
  }

  private boolean playable(MediaSlide slide, Instant now) {
    if (slide.known().isEmpty() || !slide.playsAt(now, zone())) {
      return false;
    }
    if (slide.files().stream().anyMatch(f -> unplayable.contains(f.sha256()))) {
      return false;
    }
    Optional<MediaFile> waiting =
        slide.files().stream().filter(f -> mediaFiles.ready(f).isEmpty()).findFirst();
    if (waiting.isPresent()) {
      notReadySkips++;
      if (waitingSaid.add(slide.id() + "/" + waiting.get().sha256())) {
        LOG.info(
            "media slide {} ('{}') waits for its file {}; skipped until it is downloaded",
            slide.id(),
            slide.title(),
            waiting.get().sha256());
      }
      return false;
    }
    return true;
  }

  /** Whether the slide is still in the content and in force (the hub may have taken it off). */
  private boolean inContent(MediaSlide slide, Instant now) {
    return slide.playsAt(now, zone())
        && content.orElseThrow().mediaOrEmpty().slides().stream()
            .anyMatch(s -> s.id().equals(slide.id()));
  }

  private boolean hasContent(Board board, Instant now) {
    StationContent c = content.orElseThrow();
    return switch (board) {
      // Today and this week say so when there is no reception: that is news too.
      case TODAY, WEEK -> true;
      case ROSTER -> !c.deputies().isEmpty();
      case NOTICES -> !notices(now).isEmpty();
      case RESULTS -> c.resultsIfAny().isPresent();
      case PLAN -> !c.planOrEmpty().isEmpty();
      case STARS -> !c.dutyOrEmpty().stars().isEmpty();
      case LIVELIHOOD -> !c.livelihoodOrEmpty().rounds().isEmpty();
      case LIVELIHOOD_PROGRESS -> !c.livelihoodOrEmpty().projects().isEmpty();
      // Not a board: the loop plays the media slides there (beginMediaAt).
      case MEDIA -> false;
    };
  }

  private List<Notice> notices(Instant now) {
    return new ReceptionCalendar(content.orElseThrow(), Clock.fixed(now, zone())).activeNotices();
  }

  private List<String> activeNoticeIds(Instant now) {
    return notices(now).stream().map(Notice::id).toList();
  }

  private List<Entry> requireEntries() {
    List<Entry> list = entries;
    if (list == null) {
      throw new IllegalStateException("the loop has not started its playlist");
    }
    return list;
  }

  private ZoneId zone() {
    return content.map(c -> c.station().zone()).orElse(fallbackZone);
  }

  // --- what leaves and comes on screen ----------------------------------------------------------

  private void leave(Instant now) {
    switch (screen) {
      case Slide slide -> leaveSlide(slide, now);
      case MediaTurn turn -> leaveMedia(turn, now);
      default -> {}
    }
  }

  private void leaveSlide(Slide slide, Instant now) {
    Instant from = shownSince(slide);
    if (now.isAfter(from)) {
      slide.noticeId().ifPresent(id -> proof(id, from, now, Kind.LOOP));
    }
  }

  /** A media slide's turn (all its pages so far) leaves the screen: its proof. */
  private void leaveMedia(MediaTurn turn, Instant now) {
    Instant from = shownSince(turn);
    if (now.isAfter(from)) {
      MediaProof proof = new MediaProof(turn.slide().id(), from, now);
      for (Consumer<MediaProof> listener : mediaProofListeners) {
        listener.accept(proof);
      }
    }
  }

  /** Since when what is on screen was seen: its first page, or its return after an interrupt. */
  private Instant shownSince(OnScreen shown) {
    // (A board resumed after an interrupt and covered at once by the next was never seen.)
    return boardSince.isAfter(shown.since()) ? shown.since() : boardSince;
  }

  private void proof(String noticeId, Instant from, Instant until, Kind kind) {
    if (!until.isAfter(from)) {
      return; // never on screen (a hold proved a moment ago, then cleared)
    }
    DisplayProof proof = new DisplayProof(noticeId, from, until, Board.NOTICES, kind);
    for (Consumer<DisplayProof> listener : proofListeners) {
      listener.accept(proof);
    }
  }

  private void show(OnScreen next) {
    screen = next;
    for (Consumer<OnScreen> listener : screenListeners) {
      listener.accept(next);
    }
  }
}
