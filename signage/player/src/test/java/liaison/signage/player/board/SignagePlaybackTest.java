package liaison.signage.player.board;

import static liaison.signage.player.fx.FxToolkit.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import liaison.signage.player.StationConfig;
import liaison.signage.player.StationRuntime;
import liaison.signage.player.fx.CjkFonts;
import liaison.signage.player.fx.FxToolkit;
import liaison.signage.player.fx.LayoutCheck;
import liaison.signage.player.fx.Panel;
import liaison.signage.player.fx.Portraits;
import liaison.signage.player.fx.Screens;
import liaison.signage.player.loop.OnScreen.Interrupt;
import liaison.signage.player.loop.OnScreen.MediaTurn;
import liaison.signage.player.loop.OnScreen.Slide;
import liaison.signage.player.loop.OnScreen.Syncing;
import liaison.signage.player.media.MediaFiles;
import liaison.signage.protocol.Board;
import liaison.signage.protocol.MediaSlide;
import liaison.signage.protocol.MediaSlide.MediaFile;
import liaison.signage.protocol.NoticePriority;
import liaison.signage.protocol.Playlist;
import liaison.signage.protocol.Playlist.Entry;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationEvent;
import liaison.signage.protocol.Topic;
import liaison.testkit.MediaSamples;
import liaison.testkit.TestBroker;
import liaison.testkit.TestClient;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signage runtime end to end through the real broker: a screen with no content says 内容同步中 under
 * a sign plate, the hub's snapshot with its playlist drives the boards, an urgent alert interrupts,
 * and each notice that was on screen reaches the hub as a notice.displayed event.
 */
@ExtendWith(FxToolkit.class)
class SignagePlaybackTest {
  @TempDir Path dir;
  private final TestClock clock = TestClock.at("2026-11-24T10:00:00+08:00");

  @Test
  void shouldPlayTheHubsPlaylistAndReportEachNoticeShownThroughTheBroker() throws Exception {
    try (TestBroker broker = TestBroker.start(dir.resolve("broker"));
        TestClient hub = TestClient.connect(broker.uri(), "test-hub");
        StationRuntime runtime =
            StationRuntime.open(
                StationConfig.of("s-001", broker.uri(), dir.resolve("station")), clock)) {
      String events = Topic.stationEvent("s-001").toString();
      hub.subscribe(events);
      SignagePlayback playback =
          onFx(
              () ->
                  new SignagePlayback(
                      runtime,
                      new SignageScreen(clock, CjkFonts.detect(), Portraits.none()),
                      clock));
      onFx(playback::resume);
      runtime.start();

      // Nothing from the hub yet: the sign plate and "content on its way", never a blank screen.
      assertThat(onFx(() -> playback.loop().screen())).isInstanceOf(Syncing.class);
      List<String> syncing =
          onFx(
              () -> {
                Screens.render(playback.screen().root(), 1920, 1080);
                assertThat(LayoutCheck.wall(Panel.WALL_32_INCH).problems(playback.screen().root()))
                    .isEmpty();
                return Screens.visibleTexts(playback.screen().root());
              });
      assertThat(syncing).contains("人大代表联络站", "内容同步中").noneMatch(t -> t.contains("s-001"));

      Playlist playlist = Playlist.of(Entry.of(Board.NOTICES, 5), Entry.of(Board.TODAY, 8));
      StationContent base = BoardFixtures.content();
      StationContent content =
          new StationContent(
              base.stationId(),
              base.version(),
              base.generatedAt(),
              base.station(),
              base.deputies(),
              base.receptions(),
              base.notices(),
              base.links(),
              base.results(),
              playlist);
      hub.publish(Topic.stationContent("s-001").toString(), ProtocolCodec.encode(content), true);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> onFx(() -> playback.loop().screen()) instanceof Slide);

      // The hub's playlist: three notices, five seconds each, then today's board.
      assertThat(onFx(() -> playback.loop().screen()))
          .isInstanceOfSatisfying(Slide.class, s -> assertThat(s.noticeId()).contains("n-1"));
      for (int second = 0; second < 15; second++) {
        clock.advance(Duration.ofSeconds(1));
        onFx(playback::tick);
      }
      assertThat(onFx(() -> playback.loop().screen()))
          .isInstanceOfSatisfying(Slide.class, s -> assertThat(s.board()).isEqualTo(Board.TODAY));
      List<String> today =
          onFx(
              () -> {
                Screens.save(
                    Screens.render(playback.screen().root(), 1920, 1080), "signage-playback-today");
                assertThat(LayoutCheck.wall(Panel.WALL_32_INCH).problems(playback.screen().root()))
                    .isEmpty();
                return Screens.visibleTexts(playback.screen().root());
              });
      assertThat(today).contains("青溪县城关镇人大代表之家", "今日代表接待", "09:00—11:30");

      // An urgent alert interrupts; when the loop leaves the screen its notice gets a proof too.
      hub.publish(
          Topic.stationAlert("s-001").toString(),
          ProtocolCodec.encode(BoardFixtures.alert(NoticePriority.URGENT)),
          true);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> onFx(() -> playback.loop().screen()) instanceof Interrupt);
      clock.advance(Duration.ofSeconds(12));
      onFx(playback::suspend);

      await().atMost(Duration.ofSeconds(20)).until(() -> displayed(hub, events).size() == 4);
      List<StationEvent> proofs = displayed(hub, events);
      assertThat(proofs)
          .extracting(e -> e.body().get("noticeId"))
          .containsExactly("n-1", "n-2", "n-3", "n-9");
      assertThat(proofs).extracting(e -> e.body().get("seconds")).containsExactly(5, 5, 5, 12);
      assertThat(proofs.getLast().body())
          .containsEntry("kind", "URGENT_INTERRUPT")
          .containsEntry("from", "2026-11-24T10:00:15+08:00")
          .containsEntry("until", "2026-11-24T10:00:27+08:00");
      assertThat(runtime.presence().displayedVersion()).isEqualTo(content.version());
      onFx(playback::close);
    }
  }

  @Test
  void shouldPlayAVideoSlideAfterTheBoardsAndReportItsTurnAsMediaDisplayed() throws Exception {
    Path video = MediaSamples.H264_VIDEO_ONLY.copyTo(dir.resolve("media"), "video.mp4");
    MediaFile file = MediaBoardTest.videoFile(video, 320, 180, 2000);
    MediaFiles cache = f -> f.equals(file) ? Optional.of(video) : Optional.empty();
    try (TestBroker broker = TestBroker.start(dir.resolve("broker"));
        TestClient hub = TestClient.connect(broker.uri(), "test-hub");
        StationRuntime runtime =
            StationRuntime.open(
                StationConfig.of("s-001", broker.uri(), dir.resolve("station")), clock)) {
      String events = Topic.stationEvent("s-001").toString();
      hub.subscribe(events);
      SignagePlayback playback =
          onFx(
              () ->
                  new SignagePlayback(
                      runtime,
                      new SignageScreen(clock, CjkFonts.detect(), Portraits.none()),
                      clock,
                      cache));
      onFx(() -> Screens.render(playback.screen().root(), 1280, 800));
      onFx(playback::resume);
      runtime.start();
      MediaSlide slide =
          new MediaSlide(
              "ms-7",
              "宪法宣传周短片",
              "VIDEO",
              30,
              OffsetDateTime.parse("2026-11-24T09:00:00+08:00"),
              null,
              List.of(),
              List.of(file));
      StationContent base = BoardFixtures.content();
      StationContent content =
          new StationContent(
                  base.stationId(),
                  base.version(),
                  base.generatedAt(),
                  base.station(),
                  base.deputies(),
                  base.receptions(),
                  base.notices(),
                  base.links(),
                  base.results(),
                  Playlist.of(Entry.of(Board.TODAY, 5)))
              .withMedia(new StationContent.Media(List.of(slide), 0));
      hub.publish(Topic.stationContent("s-001").toString(), ProtocolCodec.encode(content), true);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> onFx(() -> playback.loop().screen()) instanceof Slide);

      for (int second = 0; second < 5; second++) {
        clock.advance(Duration.ofSeconds(1));
        onFx(playback::tick);
      }
      assertThat(onFx(() -> playback.loop().screen())).isInstanceOf(MediaTurn.class);
      MediaBoardTest.awaitPlaying(playback.screen(), 0);

      // The video's own two seconds, then the boards again; its turn reaches the hub.
      for (int second = 0; second < 2; second++) {
        clock.advance(Duration.ofSeconds(1));
        onFx(playback::tick);
      }
      assertThat(onFx(() -> playback.loop().screen())).isInstanceOf(Slide.class);
      assertThat(onFx(() -> playback.screen().videoPlaying())).isEmpty();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> displayed(hub, events, "media.displayed").size() == 1);
      assertThat(displayed(hub, events, "media.displayed").getFirst().body())
          .containsEntry("slideId", "ms-7")
          .containsEntry("from", "2026-11-24T10:00:05+08:00")
          .containsEntry("until", "2026-11-24T10:00:07+08:00")
          .containsEntry("seconds", 2);
      onFx(playback::close);
    }
  }

  private static List<StationEvent> displayed(TestClient hub, String topic) {
    return displayed(hub, topic, "notice.displayed");
  }

  private static List<StationEvent> displayed(TestClient hub, String topic, String type) {
    return hub.receivedOn(topic).stream()
        .map(r -> ProtocolCodec.decode(r.payload(), StationEvent.class))
        .filter(e -> e.type().equals(type))
        .toList();
  }
}
