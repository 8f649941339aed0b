package liaison.signage.player.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import liaison.signage.player.loop.DisplayProof.Kind;
import liaison.signage.player.loop.OnScreen.Interrupt;
import liaison.signage.player.loop.OnScreen.MediaTurn;
import liaison.signage.player.loop.OnScreen.ProjectVote;
import liaison.signage.player.loop.OnScreen.Slide;
import liaison.signage.player.loop.OnScreen.Syncing;
import liaison.signage.player.loop.OnScreen.Vote;
import liaison.signage.player.media.MediaFiles;
import liaison.signage.protocol.Board;
import liaison.signage.protocol.DeputyLevel;
import liaison.signage.protocol.MediaSlide;
import liaison.signage.protocol.MediaSlide.MediaFile;
import liaison.signage.protocol.MediaSlide.Window;
import liaison.signage.protocol.NoticePriority;
import liaison.signage.protocol.Playlist;
import liaison.signage.protocol.Playlist.Daypart;
import liaison.signage.protocol.Playlist.Entry;
import liaison.signage.protocol.ProjectTally;
import liaison.signage.protocol.StationAlert;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationContent.Deputy;
import liaison.signage.protocol.StationContent.Notice;
import liaison.signage.protocol.StationContent.Report;
import liaison.signage.protocol.StationKind;
import liaison.signage.protocol.VoteTally;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The signage loop driven by a test clock: order, dayparts, skipping, interrupts and proofs. */
class SignageLoopTest {
  private static final ZoneId SHANGHAI = TestClock.SHANGHAI;

  private final TestClock clock = TestClock.at("2026-11-23T10:00:00+08:00");
  private final List<OnScreen> screens = new ArrayList<>();
  private final List<DisplayProof> proofs = new ArrayList<>();
  private final List<MediaProof> mediaProofs = new ArrayList<>();

  /** The station's cache as the loop sees it: the files (by hash) complete on disk. */
  private final Set<String> ready = new HashSet<>();

  private final MediaFiles cache =
      file ->
          ready.contains(file.sha256()) ? Optional.of(Path.of(file.sha256())) : Optional.empty();

  private SignageLoop loop(Playlist playlist) {
    SignageLoop loop = new SignageLoop(playlist, clock);
    loop.onChange(screens::add);
    loop.onProof(proofs::add);
    loop.onMediaProof(mediaProofs::add);
    loop.media(cache);
    return loop;
  }

  private Instant now() {
    return clock.instant();
  }

  private void runFor(SignageLoop loop, Duration d) {
    Instant end = now().plus(d);
    while (now().isBefore(end)) {
      clock.advance(Duration.ofSeconds(1));
      loop.tick(now());
    }
  }

  private static Instant at(String time) {
    return OffsetDateTime.parse("2026-11-23T" + time + "+08:00").toInstant();
  }

  private List<String> shown() {
    return screens.stream()
        .map(
            s ->
                switch (s) {
                  case Slide sl -> sl.board() + sl.noticeId().map(id -> ":" + id).orElse("");
                  case Interrupt i -> "ALERT:" + i.alert().noticeId();
                  case MediaTurn m ->
                      "MEDIA:" + m.slide().id() + (m.page() > 0 ? "/" + m.page() : "");
                  case Syncing y -> "SYNCING";
                  case Vote v ->
                      (v.result() ? "RESULT:" : "VOTE:")
                          + v.report().id()
                          + v.tally().map(t -> "/" + t.ballots()).orElse("");
                  case ProjectVote p ->
                      (p.result() ? "PROJECTS-RESULT:" : "PROJECTS:")
                          + p.tally().sessionId()
                          + "/"
                          + p.tally().ballots();
                })
        .toList();
  }

  @BeforeEach
  void clear() {
    screens.clear();
    proofs.clear();
    mediaProofs.clear();
    ready.clear();
  }

  @Test
  void shouldShowSyncingUntilContentArrivesAndThenPlayTheBoardsInOrder() {
    SignageLoop loop = loop(Playlist.DEFAULT);
    assertThat(loop.screen()).isInstanceOf(Syncing.class);

    loop.content(Optional.of(content(List.of(notice("n-1"), notice("n-2")), true)), now());
    runFor(loop, Duration.ofSeconds(20 + 15 + 15 + 15 + 15 + 10 + 1));

    assertThat(shown())
        .containsExactly(
            "TODAY", "WEEK", "ROSTER", "NOTICES:n-2", "NOTICES:n-1", "RESULTS", "TODAY");
    assertThat(screens.get(3).since()).isEqualTo(at("10:00:50"));
  }

  @Test
  void shouldShowEveryPageOfABoardForTheBoardsTimeSoItsTimeOnScreenGrowsWithItsPages() {
    SignageLoop loop = loop(Playlist.of(Entry.of(Board.ROSTER, 15), Entry.of(Board.TODAY, 20)));
    // The screen laid the roster out on three pages (40 deputies on a small panel), today on one.
    loop.pages(slide -> slide.board() == Board.ROSTER ? 3 : 1);
    loop.content(Optional.of(content(List.of(), false)), now());

    runFor(loop, Duration.ofSeconds(3 * 15 + 20 + 1));

    assertThat(screens)
        .map(s -> s instanceof Slide sl ? sl.board() + "/" + sl.page() : s.toString())
        .containsExactly("ROSTER/0", "ROSTER/1", "ROSTER/2", "TODAY/0", "ROSTER/0");
    assertThat(screens)
        .extracting(OnScreen::since)
        .containsExactly(
            at("10:00:00"), at("10:00:15"), at("10:00:30"), at("10:00:45"), at("10:01:05"));
  }

  @Test
  void shouldProveANoticeOfSeveralPagesOnceOverAllItsPages() {
    SignageLoop loop = loop(Playlist.of(Entry.of(Board.NOTICES, 12), Entry.of(Board.TODAY, 20)));
    loop.pages(slide -> slide.noticeId().filter("n-1"::equals).isPresent() ? 4 : 1);
    loop.content(Optional.of(content(List.of(notice("n-1")), false)), now());

    runFor(loop, Duration.ofSeconds(4 * 12 + 1));

    assertThat(shown())
        .containsExactly("NOTICES:n-1", "NOTICES:n-1", "NOTICES:n-1", "NOTICES:n-1", "TODAY");
    assertThat(proofs)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.noticeId()).isEqualTo("n-1");
              assertThat(p.from()).isEqualTo(at("10:00:00"));
              assertThat(p.shown()).isEqualTo(Duration.ofSeconds(48));
            });
  }

  @Test
  void shouldResumeAnInterruptedBoardOnThePageItWasOn() {
    SignageLoop loop = loop(Playlist.of(Entry.of(Board.ROSTER, 15), Entry.of(Board.TODAY, 20)));
    loop.pages(slide -> slide.board() == Board.ROSTER ? 2 : 1);
    loop.content(Optional.of(content(List.of(), false)), now());
    runFor(loop, Duration.ofSeconds(20));
    loop.alert(
        Optional.of(alert("n-9", NoticePriority.URGENT, now(), now().plusSeconds(10))), now());

    runFor(loop, Duration.ofSeconds(10));

    assertThat(loop.screen())
        .isInstanceOfSatisfying(
            Slide.class,
            s -> {
              assertThat(s.board()).isEqualTo(Board.ROSTER);
              assertThat(s.page()).isEqualTo(1);
              assertThat(s.until()).isEqualTo(at("10:00:40"));
            });
  }

  @Test
  void shouldPlayThePlaylistTheHubSetAndSkipBoardsThisStationDoesNotKnow() {
    SignageLoop loop = loop(Playlist.DEFAULT);
    Playlist fromHub =
        Playlist.of(Entry.of(Board.ROSTER, 5), Entry.of("WEATHER", 5), Entry.of(Board.WEEK, 7));
    loop.content(Optional.of(content(List.of(), false, fromHub)), now());

    runFor(loop, Duration.ofSeconds(5 + 7 + 1));

    assertThat(shown()).containsExactly("ROSTER", "WEEK", "ROSTER");
    assertThat(loop.playlist().entries())
        .extracting(Entry::board)
        .containsExactly("ROSTER", "WEEK");
  }

  @Test
  void shouldProveTheNoticeOnScreenWhenSuspendedAndStartFromTheTopWhenResumed() {
    SignageLoop loop = loop(Playlist.of(Entry.of(Board.NOTICES, 10), Entry.of(Board.TODAY, 10)));
    loop.content(Optional.of(content(List.of(notice("n-1")), false)), now());
    runFor(loop, Duration.ofSeconds(4));

    loop.suspend(now());
    runFor(loop, Duration.ofSeconds(30));
    assertThat(proofs)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.noticeId()).isEqualTo("n-1");
              assertThat(p.shown()).isEqualTo(Duration.ofSeconds(4));
              assertThat(p.kind()).isEqualTo(Kind.LOOP);
            });
    assertThat(shown()).containsExactly("NOTICES:n-1");

    loop.resume(now());
    assertThat(loop.screen())
        .isInstanceOfSatisfying(
            Slide.class,
            s -> {
              assertThat(s.noticeId()).contains("n-1");
              assertThat(s.since()).isEqualTo(at("10:00:34"));
            });
  }

  @Test
  void shouldProveALongEmergencyHoldInPiecesWhileItLasts() {
    SignageLoop loop = loop(Playlist.DEFAULT);
    loop.content(Optional.of(content(List.of(), false)), now());
    loop.alert(Optional.of(alert("n-9", NoticePriority.EMERGENCY, now(), null)), now());

    runFor(loop, Duration.ofMinutes(40));

    assertThat(proofs)
        .extracting(DisplayProof::from, DisplayProof::until)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(at("10:00:00"), at("10:15:00")),
            org.assertj.core.groups.Tuple.tuple(at("10:15:00"), at("10:30:00")));
    assertThat(proofs).allSatisfy(p -> assertThat(p.kind()).isEqualTo(Kind.EMERGENCY_HOLD));
    // The screen was not redrawn for it: one interrupt on screen all along.
    assertThat(shown()).containsExactly("TODAY", "ALERT:n-9");

    loop.alert(Optional.empty(), now());
    assertThat(proofs).hasSize(3);
    assertThat(proofs.getLast().from()).isEqualTo(at("10:30:00"));
    assertThat(proofs.getLast().until()).isEqualTo(at("10:40:00"));
  }

  @Test
  void shouldKeepAnAlertThatArrivedWhileSuspendedForWhenItResumes() {
    SignageLoop loop = loop(Playlist.DEFAULT);
    loop.content(Optional.of(content(List.of(), false)), now());
    loop.suspend(now());
    loop.alert(Optional.of(alert("n-9", NoticePriority.EMERGENCY, now(), null)), now());
    assertThat(shown()).containsExactly("TODAY");

    clock.advance(Duration.ofSeconds(5));
    loop.resume(now());

    assertThat(loop.screen()).isInstanceOf(Interrupt.class);
    assertThat(proofs).isEmpty();
  }

  @Test
  void shouldSkipNoticesAndResultsWhenThereAreNone() {
    SignageLoop loop = loop(Playlist.DEFAULT);
    loop.content(Optional.of(content(List.of(), false)), now());

    runFor(loop, Duration.ofSeconds(20 + 15 + 15 + 1));

    assertThat(shown()).containsExactly("TODAY", "WEEK", "ROSTER", "TODAY");
    assertThat(proofs).isEmpty();
  }

  @Test
  void shouldStandInWithTodayWhenEveryBoardOfThePlaylistIsEmpty() {
    SignageLoop loop = loop(Playlist.of(Entry.of(Board.NOTICES, 10), Entry.of(Board.RESULTS, 10)));
    loop.content(Optional.of(content(List.of(), false)), now());

    assertThat(loop.screen())
        .isInstanceOfSatisfying(Slide.class, s -> assertThat(s.board()).isEqualTo(Board.TODAY));
  }

  @Test
  void shouldSwitchToTheDaypartsEntriesAtItsBoundary() {
    clock.set(at("07:59:50"));
    Playlist playlist =
        Playlist.of(Entry.of(Board.TODAY, 20), Entry.of(Board.ROSTER, 20))
            .withDaypart(
                new Daypart(
                    LocalTime.of(8, 0), LocalTime.of(9, 0), List.of(Entry.of(Board.WEEK, 30))));
    SignageLoop loop = loop(playlist);
    loop.content(Optional.of(content(List.of(), false)), now());

    runFor(loop, Duration.ofSeconds(10));

    assertThat(shown()).containsExactly("TODAY", "WEEK");
    assertThat(loop.screen().since()).isEqualTo(at("08:00:00"));

    clock.set(at("08:59:59"));
    loop.tick(now());
    clock.set(at("09:00:00"));
    loop.tick(now());
    assertThat(shown()).containsExactly("TODAY", "WEEK", "WEEK", "TODAY");
  }

  @Test
  void shouldInterruptForAnUrgentAlertThenResumeTheBoardAndComeBackEveryFewMinutes() {
    SignageLoop loop = loop(Playlist.DEFAULT);
    loop.content(Optional.of(content(List.of(), false)), now());
    runFor(loop, Duration.ofSeconds(5));

    StationAlert urgent = alert("u-1", NoticePriority.URGENT, at("10:00:00"), at("11:00:00"));
    loop.alert(Optional.of(urgent), now());
    assertThat(loop.screen())
        .isInstanceOfSatisfying(
            Interrupt.class, i -> assertThat(i.until()).contains(at("10:00:35")));

    runFor(loop, SignageLoop.URGENT_FOR);

    // TODAY had 15 of its 20 seconds left.
    assertThat(loop.screen())
        .isInstanceOfSatisfying(
            Slide.class,
            s -> {
              assertThat(s.board()).isEqualTo(Board.TODAY);
              assertThat(s.until()).isEqualTo(at("10:00:50"));
            });
    assertThat(proofs)
        .containsExactly(
            new DisplayProof(
                "u-1", at("10:00:05"), at("10:00:35"), Board.NOTICES, Kind.URGENT_INTERRUPT));

    clock.set(at("10:05:04"));
    loop.tick(now());
    assertThat(loop.screen()).isInstanceOf(Slide.class);
    clock.set(at("10:05:05"));
    loop.tick(now());
    assertThat(loop.screen()).isInstanceOf(Interrupt.class);
  }

  @Test
  void shouldEndAnUrgentInterruptWhenTheAlertExpiresFirst() {
    SignageLoop loop = loop(Playlist.DEFAULT);
    loop.content(Optional.of(content(List.of(), false)), now());
    loop.alert(
        Optional.of(alert("u-1", NoticePriority.URGENT, at("09:00:00"), at("10:00:10"))), now());

    runFor(loop, Duration.ofSeconds(10));

    assertThat(loop.screen()).isInstanceOf(Slide.class);
    assertThat(proofs)
        .containsExactly(
            new DisplayProof(
                "u-1", at("10:00:00"), at("10:00:10"), Board.NOTICES, Kind.URGENT_INTERRUPT));
  }

  @Test
  void shouldHoldTheScreenForAnEmergencyUntilItExpires() {
    SignageLoop loop = loop(Playlist.DEFAULT);
    loop.content(Optional.of(content(List.of(), false)), now());
    loop.alert(
        Optional.of(alert("e-1", NoticePriority.EMERGENCY, at("10:00:00"), at("10:30:00"))), now());

    clock.set(at("10:29:59"));
    loop.tick(now());
    assertThat(loop.screen())
        .isInstanceOfSatisfying(Interrupt.class, i -> assertThat(i.until()).isEmpty());

    clock.set(at("10:30:00"));
    loop.tick(now());
    assertThat(loop.screen()).isInstanceOf(Slide.class);
    // Proved in pieces while it held the screen (the clock jumped, so the first piece is long).
    assertThat(proofs)
        .containsExactly(
            new DisplayProof(
                "e-1", at("10:00:00"), at("10:29:59"), Board.NOTICES, Kind.EMERGENCY_HOLD),
            new DisplayProof(
                "e-1", at("10:29:59"), at("10:30:00"), Board.NOTICES, Kind.EMERGENCY_HOLD));
  }

  @Test
  void shouldResumeTheLoopWhenTheHubClearsAnEmergency() {
    SignageLoop loop = loop(Playlist.DEFAULT);
    loop.content(Optional.of(content(List.of(), false)), now());
    runFor(loop, Duration.ofSeconds(12));
    loop.alert(Optional.of(alert("e-1", NoticePriority.EMERGENCY, at("09:00:00"), null)), now());
    clock.set(at("12:00:00"));
    loop.tick(now());
    assertThat(loop.screen()).isInstanceOf(Interrupt.class);

    loop.alert(Optional.empty(), now());

    assertThat(shown()).containsExactly("TODAY", "ALERT:e-1", "TODAY");
    assertThat(loop.screen())
        .isInstanceOfSatisfying(Slide.class, s -> assertThat(s.until()).isEqualTo(at("12:00:08")));
    assertThat(proofs)
        .containsExactly(
            new DisplayProof(
                "e-1", at("10:00:12"), at("12:00:00"), Board.NOTICES, Kind.EMERGENCY_HOLD));
  }

  @Test
  void shouldProveEachNoticePageWithExactTimesIncludingOneCutByAnInterrupt() {
    SignageLoop loop = loop(Playlist.of(Entry.of(Board.NOTICES, 15), Entry.of(Board.TODAY, 20)));
    loop.content(Optional.of(content(List.of(notice("n-1"), notice("n-2")), false)), now());

    runFor(loop, Duration.ofSeconds(20));
    loop.alert(Optional.of(alert("u-9", NoticePriority.URGENT, at("10:00:00"), null)), now());
    runFor(loop, Duration.ofSeconds(30 + 10));

    assertThat(shown())
        .containsExactly("NOTICES:n-2", "NOTICES:n-1", "ALERT:u-9", "NOTICES:n-1", "TODAY");
    assertThat(proofs)
        .containsExactly(
            new DisplayProof("n-2", at("10:00:00"), at("10:00:15"), Board.NOTICES, Kind.LOOP),
            new DisplayProof("n-1", at("10:00:15"), at("10:00:20"), Board.NOTICES, Kind.LOOP),
            new DisplayProof(
                "u-9", at("10:00:20"), at("10:00:50"), Board.NOTICES, Kind.URGENT_INTERRUPT),
            new DisplayProof("n-1", at("10:00:50"), at("10:01:00"), Board.NOTICES, Kind.LOOP));
  }

  @Test
  void shouldReportAProofThroughTheOutboxAsNoticeDisplayed() {
    List<Map<String, Object>> bodies = new ArrayList<>();
    DisplayProofReporter reporter =
        new DisplayProofReporter(
            (type, body) -> {
              assertThat(type).isEqualTo("notice.displayed");
              bodies.add(body);
            },
            SHANGHAI);

    reporter.accept(
        new DisplayProof("n-1", at("10:00:00"), at("10:00:15"), Board.NOTICES, Kind.LOOP));

    assertThat(bodies)
        .containsExactly(
            Map.of(
                "noticeId",
                "n-1",
                "from",
                "2026-11-23T10:00+08:00",
                "until",
                "2026-11-23T10:00:15+08:00",
                "seconds",
                15L,
                "board",
                "NOTICES",
                "kind",
                "LOOP"));
  }

  // --- the managers' media slides ---------------------------------------------------------------

  @Test
  void shouldPlayTheMediaSlidesInForceAfterTheBoardsInTheSnapshotsOrderEachForItsTime() {
    SignageLoop loop = loop(Playlist.of(Entry.of(Board.TODAY, 20), Entry.of(Board.WEEK, 15)));
    MediaSlide poster = slide("m-1", "IMAGE", 10, file(1, 0));
    // A video of 12.4 s scheduled for 30: it ends the slide when it ends (rounded up to 13 s).
    MediaSlide video = slide("m-2", "VIDEO", 30, file(2, 12_400));
    markReady(poster, video);
    loop.content(Optional.of(withMedia(poster, video)), now());

    runFor(loop, Duration.ofSeconds(20 + 15 + 10 + 13 + 1));

    assertThat(shown()).containsExactly("TODAY", "WEEK", "MEDIA:m-1", "MEDIA:m-2", "TODAY");
    assertThat(screens)
        .extracting(OnScreen::since)
        .containsExactly(
            at("10:00:00"), at("10:00:20"), at("10:00:35"), at("10:00:45"), at("10:00:58"));
    assertThat(mediaProofs)
        .containsExactly(
            new MediaProof("m-1", at("10:00:35"), at("10:00:45")),
            new MediaProof("m-2", at("10:00:45"), at("10:00:58")));
  }

  @Test
  void shouldPlayTheMediaSlidesWhereTheirEntryStandsForItsSecondsGoingOnNextPass() {
    // 屏幕媒体 between the two boards, 25 s a pass: two 10-s posters fit, the third waits.
    SignageLoop loop =
        loop(
            Playlist.of(
                Entry.of(Board.TODAY, 20), Entry.of(Board.MEDIA, 25), Entry.of(Board.WEEK, 15)));
    MediaSlide a = slide("m-a", "IMAGE", 10, file(1, 0));
    MediaSlide b = slide("m-b", "IMAGE", 10, file(2, 0));
    MediaSlide c = slide("m-c", "IMAGE", 10, file(3, 0));
    markReady(a, b, c);
    loop.content(Optional.of(withMedia(a, b, c)), now());

    // 20 + (10 + 10 + 10: the third begins at 20 s of the pass, within its 25, and plays whole)
    runFor(loop, Duration.ofSeconds(20 + 30 + 15 + 20 + 1));

    assertThat(shown())
        .containsExactly(
            "TODAY", "MEDIA:m-a", "MEDIA:m-b", "MEDIA:m-c", "WEEK", "TODAY", "MEDIA:m-a");

    // With 15 s a pass, each pass plays two at most and the next goes on after the last played.
    SignageLoop short15 =
        loop(
            Playlist.of(
                Entry.of(Board.TODAY, 20), Entry.of(Board.MEDIA, 15), Entry.of(Board.WEEK, 15)));
    screens.clear();
    short15.content(Optional.of(withMedia(a, b, c)), now());
    runFor(short15, Duration.ofSeconds(2 * (20 + 20 + 15) + 1));
    assertThat(shown())
        .containsExactly(
            "TODAY",
            "MEDIA:m-a",
            "MEDIA:m-b",
            "WEEK",
            "TODAY",
            "MEDIA:m-c",
            "MEDIA:m-a",
            "WEEK",
            "TODAY");
  }

  @Test
  void shouldGoOnToTheNextBoardWhenNoMediaSlidePlaysWhereTheirEntryStands() {
    SignageLoop loop =
        loop(
            Playlist.of(
                Entry.of(Board.TODAY, 20), Entry.of(Board.MEDIA, 30), Entry.of(Board.WEEK, 15)));
    MediaSlide waiting = slide("m-w", "IMAGE", 10, file(1, 0)); // its file not downloaded
    loop.content(Optional.of(withMedia(waiting)), now());

    runFor(loop, Duration.ofSeconds(20 + 15 + 1));

    assertThat(shown()).containsExactly("TODAY", "WEEK", "TODAY");
    assertThat(mediaProofs).isEmpty();
  }

  @Test
  void shouldShowADocumentsPagesEachForTheSlidesSecondsAndProveTheTurnOnce() {
    SignageLoop loop = loop(Playlist.of(Entry.of(Board.TODAY, 20)));
    MediaSlide document = slide("m-3", "DOCUMENT", 8, file(3, 0), file(4, 0), file(5, 0));
    markReady(document);
    loop.content(Optional.of(withMedia(document)), now());

    runFor(loop, Duration.ofSeconds(20 + 3 * 8 + 1));

    assertThat(shown())
        .containsExactly("TODAY", "MEDIA:m-3", "MEDIA:m-3/1", "MEDIA:m-3/2", "TODAY");
    assertThat(mediaProofs)
        .singleElement()
        .satisfies(p -> assertThat(p.shown()).isEqualTo(Duration.ofSeconds(24)));
  }

  @Test
  void shouldPlayOnlyTheSlidesValidNowInTheirDaypartsAndOfAKindThisStationKnows() {
    SignageLoop loop = loop(Playlist.of(Entry.of(Board.TODAY, 20)));
    MediaSlide later = slide("later", "IMAGE", 10, at("10:00:30"), null, List.of(), file(1, 0));
    MediaSlide over =
        slide("over", "IMAGE", 10, at("09:00:00"), at("10:00:00"), List.of(), file(2, 0));
    MediaSlide lunch =
        slide(
            "lunch",
            "IMAGE",
            10,
            at("09:00:00"),
            null,
            List.of(new Window(LocalTime.of(12, 0), LocalTime.of(13, 0))),
            file(3, 0));
    MediaSlide hologram = slide("hologram", "HOLOGRAM", 10, file(4, 0));
    markReady(later, over, lunch, hologram);
    loop.content(Optional.of(withMedia(later, over, lunch, hologram)), now());

    runFor(loop, Duration.ofSeconds(20 + 20 + 10 + 1));

    // At 10:00:20 nothing of it plays; at 10:00:40 the slide that began at 10:00:30 does.
    assertThat(shown()).containsExactly("TODAY", "TODAY", "MEDIA:later", "TODAY");

    clock.set(at("12:30:00"));
    loop.tick(now());
    runFor(loop, Duration.ofSeconds(20));
    assertThat(shown()).endsWith("TODAY", "MEDIA:later", "MEDIA:lunch", "TODAY");
  }

  @Test
  void shouldSkipASlideWhoseFilesAreNotAllReadyAndPlayItOnceTheyAre() {
    SignageLoop loop = loop(Playlist.of(Entry.of(Board.TODAY, 20)));
    MediaSlide document = slide("m-3", "DOCUMENT", 8, file(3, 0), file(4, 0));
    ready.add(file(3, 0).sha256()); // the second page is still downloading
    loop.content(Optional.of(withMedia(document)), now());

    runFor(loop, Duration.ofSeconds(20 + 20 + 1));

    assertThat(shown()).containsExactly("TODAY", "TODAY", "TODAY");
    assertThat(loop.notReadySkips()).isEqualTo(2);
    assertThat(mediaProofs).isEmpty();

    ready.add(file(4, 0).sha256());
    runFor(loop, Duration.ofSeconds(20));
    assertThat(shown()).endsWith("TODAY", "MEDIA:m-3");
  }

  @Test
  void shouldLetAnUrgentAlertInterruptAVideoThatGoesOnWhereItWasAfterwards() {
    SignageLoop loop = loop(Playlist.of(Entry.of(Board.TODAY, 20)));
    MediaSlide video = slide("m-2", "VIDEO", 60, file(2, 40_000));
    markReady(video);
    loop.content(Optional.of(withMedia(video)), now());
    runFor(loop, Duration.ofSeconds(20 + 15));

    loop.alert(
        Optional.of(alert("u-1", NoticePriority.URGENT, at("10:00:00"), at("11:00:00"))), now());
    runFor(loop, SignageLoop.URGENT_FOR);

    assertThat(shown()).containsExactly("TODAY", "MEDIA:m-2", "ALERT:u-1", "MEDIA:m-2");
    // 15 s of its 40 played before the alert: it goes on from there for the 25 s it had left.
    assertThat(loop.screen())
        .isInstanceOfSatisfying(
            MediaTurn.class,
            m -> {
              assertThat(m.into()).isEqualTo(Duration.ofSeconds(15));
              assertThat(m.since()).isEqualTo(at("10:01:05"));
              assertThat(m.until()).isEqualTo(at("10:01:30"));
            });
    runFor(loop, Duration.ofSeconds(25));
    assertThat(shown()).endsWith("MEDIA:m-2", "TODAY");
    assertThat(mediaProofs)
        .containsExactly(
            new MediaProof("m-2", at("10:00:20"), at("10:00:35")),
            new MediaProof("m-2", at("10:01:05"), at("10:01:30")));
  }

  @Test
  void shouldHoldAMediaSlideForAnEmergencyAndForAReportsVote() {
    SignageLoop loop = loop(Playlist.of(Entry.of(Board.TODAY, 20)));
    MediaSlide poster = slide("m-1", "IMAGE", 30, file(1, 0));
    markReady(poster);
    loop.content(Optional.of(withMedia(poster)), now());
    runFor(loop, Duration.ofSeconds(25));

    loop.alert(Optional.of(alert("e-1", NoticePriority.EMERGENCY, at("09:00:00"), null)), now());
    runFor(loop, Duration.ofSeconds(60));
    loop.alert(Optional.empty(), now());

    assertThat(shown()).containsExactly("TODAY", "MEDIA:m-1", "ALERT:e-1", "MEDIA:m-1");
    assertThat(loop.screen())
        .isInstanceOfSatisfying(
            MediaTurn.class, m -> assertThat(m.until()).isEqualTo(at("10:01:50")));
  }

  @Test
  void shouldSkipASlideWhoseFileTheScreenCannotPlayFromThenOn() {
    SignageLoop loop = loop(Playlist.of(Entry.of(Board.TODAY, 20)));
    MediaSlide hevc = slide("m-4", "VIDEO", 30, file(6, 10_000));
    MediaSlide poster = slide("m-1", "IMAGE", 10, file(1, 0));
    markReady(hevc, poster);
    loop.content(Optional.of(withMedia(hevc, poster)), now());
    runFor(loop, Duration.ofSeconds(20));

    loop.mediaFailed(file(6, 10_000).sha256(), now());
    runFor(loop, Duration.ofSeconds(10 + 20));

    assertThat(shown()).containsExactly("TODAY", "MEDIA:m-4", "MEDIA:m-1", "TODAY", "MEDIA:m-1");
    assertThat(mediaProofs).extracting(MediaProof::slideId).containsExactly("m-1");
  }

  @Test
  void shouldEndAMediaSlideTheHubTookOffAndProveWhatWasShown() {
    SignageLoop loop = loop(Playlist.of(Entry.of(Board.TODAY, 20)));
    MediaSlide poster = slide("m-1", "IMAGE", 30, file(1, 0));
    markReady(poster);
    loop.content(Optional.of(withMedia(poster)), now());
    runFor(loop, Duration.ofSeconds(25));

    loop.content(Optional.of(withMedia()), now());

    assertThat(shown()).containsExactly("TODAY", "MEDIA:m-1", "TODAY");
    assertThat(mediaProofs).containsExactly(new MediaProof("m-1", at("10:00:20"), at("10:00:25")));
  }

  @Test
  void shouldReportAMediaTurnThroughTheOutboxAsMediaDisplayed() {
    Map<String, Map<String, Object>> events = new HashMap<>();
    DisplayProofReporter reporter = new DisplayProofReporter(events::put, SHANGHAI);

    reporter.media(new MediaProof("m-3", at("10:00:35"), at("10:00:59")));

    assertThat(events)
        .containsExactly(
            Map.entry(
                "media.displayed",
                Map.of(
                    "slideId",
                    "m-3",
                    "from",
                    "2026-11-23T10:00:35+08:00",
                    "until",
                    "2026-11-23T10:00:59+08:00",
                    "seconds",
                    24L)));
  }

  private void markReady(MediaSlide... slides) {
    for (MediaSlide slide : slides) {
      slide.files().forEach(f -> ready.add(f.sha256()));
    }
  }

  private static MediaSlide slide(String id, String kind, int seconds, MediaFile... files) {
    return slide(id, kind, seconds, at("09:00:00"), null, List.of(), files);
  }

  private static MediaSlide slide(
      String id,
      String kind,
      int seconds,
      Instant from,
      Instant until,
      List<Window> dayparts,
      MediaFile... files) {
    return new MediaSlide(
        id,
        "宣传 " + id,
        kind,
        seconds,
        from.atOffset(java.time.ZoneOffset.ofHours(8)),
        until == null ? null : until.atOffset(java.time.ZoneOffset.ofHours(8)),
        dayparts,
        List.of(files));
  }

  /** A file named by a made-up hash (its number repeated); a video when it has a length. */
  private static MediaFile file(int n, long durationMillis) {
    return new MediaFile(
        String.valueOf(n).repeat(64),
        1000,
        durationMillis > 0 ? "video/mp4" : "image/png",
        1920,
        1080,
        durationMillis);
  }

  private static StationContent withMedia(MediaSlide... slides) {
    return content(List.of(), false).withMedia(new StationContent.Media(List.of(slides), 0));
  }

  // --- fixtures ---------------------------------------------------------------------------------

  // --- a report to voters ----------------------------------------------------------------------

  private static Report report(String id, String from, String until) {
    return new Report(
        id,
        "d-1",
        "王芳",
        OffsetDateTime.parse("2026-11-23T" + from + "+08:00"),
        OffsetDateTime.parse("2026-11-23T" + until + "+08:00"),
        "2026年履职情况报告",
        "",
        "https://hub.example/r/" + id);
  }

  private static StationContent withReports(Report... reports) {
    return content(List.of(), false)
        .withDuty(new StationContent.Duty(List.of(), List.of(reports), null));
  }

  private static VoteTally tally(String report, long seq, VoteTally.State state, int satisfied) {
    return new VoteTally(
        report, seq, state, satisfied, 1, 0, OffsetDateTime.parse("2026-11-23T10:20:00+08:00"));
  }

  @Test
  void shouldHoldTheScreenWithTheVoteWhileAReportIsUnderWayAndResumeTheBoardAfterItsResult() {
    // given a report from 10:00:11 to 10:30, the loop on the roster
    SignageLoop loop = loop(Playlist.of(Entry.of(Board.ROSTER, 15), Entry.of(Board.TODAY, 20)));
    loop.content(Optional.of(withReports(report("vr-1", "10:00:11", "10:30:00"))), now());
    runFor(loop, Duration.ofSeconds(10));
    assertThat(shown()).containsExactly("ROSTER");

    // when the report begins: the vote holds the screen, before a ballot is counted
    runFor(loop, Duration.ofSeconds(60));
    assertThat(screens.get(1).since()).isEqualTo(at("10:00:11"));
    assertThat(shown()).containsExactly("ROSTER", "VOTE:vr-1");

    // when ballots come, each count is drawn; an identical tally draws nothing
    loop.tally(Optional.of(tally("vr-1", 1, VoteTally.State.OPEN, 1)), now());
    loop.tally(Optional.of(tally("vr-1", 2, VoteTally.State.OPEN, 2)), now());
    loop.tally(Optional.of(tally("vr-1", 2, VoteTally.State.OPEN, 2)), now());
    runFor(loop, Duration.ofSeconds(5));
    assertThat(shown()).containsExactly("ROSTER", "VOTE:vr-1", "VOTE:vr-1/2", "VOTE:vr-1/3");

    // when staff close the vote at 10:20 (the tally's time): the result, until 10:40
    clock.set(at("10:20:00"));
    loop.tally(Optional.of(tally("vr-1", 3, VoteTally.State.CLOSED, 2)), now());
    clock.set(at("10:39:59"));
    loop.tick(now());
    assertThat(shown()).last().isEqualTo("RESULT:vr-1/3");

    // then the roster comes back for the 4 s it had left
    clock.set(at("10:40:00"));
    loop.tick(now());
    assertThat(shown()).last().isEqualTo("ROSTER");
    runFor(loop, Duration.ofSeconds(3));
    assertThat(shown()).last().isEqualTo("ROSTER");
    runFor(loop, Duration.ofSeconds(1));
    assertThat(shown()).last().isEqualTo("TODAY");
  }

  private static ProjectTally projects(long seq, VoteTally.State state, int ballots) {
    return new ProjectTally(
        "lvs-1",
        seq,
        state,
        "青溪县第十八届人民代表大会第五次会议",
        ballots,
        14,
        List.of(new ProjectTally.Project("雨污分流改造", ballots, 0, 0, null)),
        OffsetDateTime.parse("2026-11-23T10:20:00+08:00"));
  }

  @Test
  void shouldHoldTheHallsScreenWithTheProjectsVoteAndResumeTheBoardAfterItsResult() {
    // given the loop on the roster
    SignageLoop loop = loop(Playlist.of(Entry.of(Board.ROSTER, 15), Entry.of(Board.TODAY, 20)));
    loop.content(Optional.of(withReports()), now());
    runFor(loop, Duration.ofSeconds(10));

    // when the session's vote opens and ballots come: each count drawn, a repeat draws nothing
    loop.projectTally(Optional.of(projects(1, VoteTally.State.OPEN, 0)), now());
    loop.projectTally(Optional.of(projects(2, VoteTally.State.OPEN, 1)), now());
    loop.projectTally(Optional.of(projects(2, VoteTally.State.OPEN, 1)), now());
    assertThat(shown()).containsExactly("ROSTER", "PROJECTS:lvs-1/0", "PROJECTS:lvs-1/1");

    // when staff close it at 10:20 (the tally's time): the result until 10:30, then the roster
    clock.set(at("10:20:00"));
    loop.projectTally(Optional.of(projects(3, VoteTally.State.CLOSED, 1)), now());
    clock.set(at("10:29:59"));
    loop.tick(now());
    assertThat(shown()).last().isEqualTo("PROJECTS-RESULT:lvs-1/1");
    clock.set(at("10:30:00"));
    loop.tick(now());
    assertThat(shown()).last().isEqualTo("ROSTER");
  }

  @Test
  void shouldLetAnAlertInterruptTheVoteAndGiveTheScreenBackToTheVote() {
    SignageLoop loop = loop(Playlist.of(Entry.of(Board.ROSTER, 15)));
    loop.content(Optional.of(withReports(report("vr-1", "09:30:00", "11:00:00"))), now());
    loop.tally(Optional.of(tally("vr-1", 1, VoteTally.State.OPEN, 4)), now());
    assertThat(shown()).last().isEqualTo("VOTE:vr-1/5");

    // an urgent alert wins for its 30 s, then the vote is back
    loop.alert(Optional.of(alert("n-9", NoticePriority.URGENT, now(), null)), now());
    assertThat(shown()).last().isEqualTo("ALERT:n-9");
    runFor(loop, SignageLoop.URGENT_FOR);
    assertThat(shown()).last().isEqualTo("VOTE:vr-1/5");

    // an emergency holds the screen over the vote until it is cleared
    loop.alert(Optional.of(alert("n-10", NoticePriority.EMERGENCY, now(), null)), now());
    loop.tally(Optional.of(tally("vr-1", 2, VoteTally.State.OPEN, 5)), now());
    assertThat(shown()).last().isEqualTo("ALERT:n-10");
    loop.alert(Optional.empty(), now());
    assertThat(shown()).last().isEqualTo("VOTE:vr-1/6");
  }

  @Test
  void shouldKeepAVoteOpenPastTheReportsEndAndIgnoreATallyForAReportItDoesNotCarry() {
    SignageLoop loop = loop(Playlist.of(Entry.of(Board.ROSTER, 15)));
    loop.content(Optional.of(withReports(report("vr-1", "09:00:00", "09:50:00"))), now());
    assertThat(shown()).containsExactly("ROSTER");

    // a tally for a report the snapshot does not carry cannot be drawn: the loop goes on
    loop.tally(Optional.of(tally("vr-7", 1, VoteTally.State.OPEN, 1)), now());
    assertThat(shown()).containsExactly("ROSTER");

    // the vote still open after the scheduled end holds the screen
    loop.tally(Optional.of(tally("vr-1", 4, VoteTally.State.OPEN, 1)), now());
    assertThat(shown()).last().isEqualTo("VOTE:vr-1/2");

    // the hub clears the tally: the report is over, the loop resumes
    loop.tally(Optional.empty(), now());
    assertThat(shown()).last().isEqualTo("ROSTER");
  }

  @Test
  void shouldSkipTheStarsBoardOfTheDefaultPlaylistUntilTheCountyHasStars() {
    SignageLoop loop = loop(Playlist.DEFAULT);
    loop.content(Optional.of(content(List.of(), true)), now());
    runFor(loop, Duration.ofSeconds(20 + 15 + 15 + 10 + 1));
    assertThat(shown()).containsExactly("TODAY", "WEEK", "ROSTER", "RESULTS", "TODAY");

    StationContent.Star star =
        new StationContent.Star(
            StationContent.StarPeriod.MONTH, "2026-10", "d-1", "王芳", null, "东关街道人大代表之家", 42);
    loop.content(
        Optional.of(
            content(List.of(), true)
                .withDuty(new StationContent.Duty(List.of(star), List.of(), null))),
        now());
    screens.clear();
    runFor(loop, Duration.ofSeconds(20 + 15 + 15 + 10 + 15));
    assertThat(shown()).containsExactly("WEEK", "ROSTER", "RESULTS", "STARS", "TODAY");
  }

  private static Notice notice(String id) {
    // Newer notices come first in the rotation: n-2 before n-1.
    int n = Integer.parseInt(id.substring(2));
    return new Notice(
        id,
        "公告 " + id,
        "正文",
        NoticePriority.NORMAL,
        OffsetDateTime.parse("2026-11-2" + n + "T08:00:00+08:00").minusDays(5),
        null);
  }

  private static StationAlert alert(
      String id, NoticePriority priority, Instant from, Instant until) {
    return new StationAlert(
        id,
        "停水通知",
        "",
        priority,
        from.atOffset(java.time.ZoneOffset.ofHours(8)),
        until == null ? null : until.atOffset(java.time.ZoneOffset.ofHours(8)));
  }

  private static StationContent content(List<Notice> notices, boolean results) {
    return content(notices, results, null);
  }

  private static StationContent content(List<Notice> notices, boolean results, Playlist playlist) {
    return new StationContent(
        "s-001",
        3,
        OffsetDateTime.parse("2026-11-22T08:00:00+08:00"),
        new StationContent.Station(
            "s-001", "东关街道人大代表之家", StationKind.HOME, "东关街道", "广陵区", "", "", null, SHANGHAI),
        List.of(
            new Deputy(
                "d-1", "王芳", List.of(DeputyLevel.COUNTY), "", "", "", List.of(), null, null)),
        List.of(),
        notices,
        new StationContent.Links("https://x/o", "https://x/b", "https://x/p"),
        results ? new StationContent.Results(LocalDate.of(2026, 1, 1), 10, 9, 5, 3, 1) : null,
        playlist);
  }
}
