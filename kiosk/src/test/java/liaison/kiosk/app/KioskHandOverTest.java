package liaison.kiosk.app;

import static liaison.signage.player.fx.FxToolkit.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import javafx.event.Event;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import liaison.kiosk.nav.Navigator;
import liaison.kiosk.nav.Page;
import liaison.signage.player.StationConfig;
import liaison.signage.player.StationRuntime;
import liaison.signage.player.fx.CjkFonts;
import liaison.signage.player.fx.FxToolkit;
import liaison.signage.player.fx.LayoutCheck;
import liaison.signage.player.fx.Panel;
import liaison.signage.player.fx.Screens;
import liaison.signage.player.loop.OnScreen.Slide;
import liaison.signage.protocol.Board;
import liaison.signage.protocol.GoldenFiles;
import liaison.signage.protocol.NoticePriority;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationAlert;
import liaison.signage.protocol.StationEvent;
import liaison.signage.protocol.Topic;
import liaison.testkit.TestBroker;
import liaison.testkit.TestClient;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two launchers, one runtime: the idle kiosk hands its screen to the signage loop, plays the hub's
 * playlist, and gives the screen back on the first touch, which presses nothing else; the notice
 * the loop was showing reaches the hub as a proof of display.
 */
@ExtendWith(FxToolkit.class)
class KioskHandOverTest {
  @TempDir Path dir;
  private final TestClock clock = TestClock.at("2026-11-23T10:00:00+08:00");

  @Test
  void shouldHandOverToTheLoopWhenIdleAndBackOnTheFirstTouch() throws Exception {
    try (TestBroker broker = TestBroker.start(dir.resolve("broker"));
        TestClient hub = TestClient.connect(broker.uri(), "test-hub");
        StationRuntime runtime =
            StationRuntime.open(
                StationConfig.of("s-001", broker.uri(), dir.resolve("kiosk")), clock)) {
      String events = Topic.stationEvent("s-001").toString();
      hub.subscribe(events);
      hub.publish(
          Topic.stationContent("s-001").toString(),
          ProtocolCodec.encode(GoldenFiles.contentWithVersion(42)),
          true);
      KioskScreen screen = onFx(() -> new KioskScreen(runtime, clock, CjkFonts.detect()));
      runtime.start();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> runtime.presence().displayedVersion() == 42);

      // One second short of the idle timeout the kiosk still has the screen.
      secondsPass(screen, Navigator.IDLE.toSeconds() - 1);
      assertThat(onFx(() -> screen.view().signageShown())).isFalse();
      secondsPass(screen, 1);
      assertThat(onFx(() -> screen.view().signageShown())).isTrue();
      List<String> loop =
          onFx(
              () -> {
                Screens.save(Screens.render(screen.root(), 1920, 1080), "kiosk-idle-signage-today");
                assertThat(LayoutCheck.wall(Panel.KIOSK_22_INCH).problems(screen.root())).isEmpty();
                return Screens.visibleTexts(screen.signage().screen().root());
              });
      assertThat(loop).contains("城关镇人大代表之家", "今日代表接待", "陈秀兰");

      // The golden snapshot's playlist outside its morning daypart: today 20 s, week 15, roster 15,
      // then the notice for 12 s; a visitor touches five seconds into it.
      secondsPass(screen, 20 + 15 + 15 + 5);
      assertThat(onFx(() -> screen.signage().loop().screen()))
          .isInstanceOfSatisfying(Slide.class, s -> assertThat(s.board()).isEqualTo(Board.NOTICES));
      onFx(
          () -> {
            Screens.save(Screens.render(screen.root(), 1920, 1080), "kiosk-idle-signage-notice");
            assertThat(LayoutCheck.wall(Panel.KIOSK_22_INCH).problems(screen.root())).isEmpty();
          });
      onFx(() -> Event.fireEvent(screen.root(), press()));

      assertThat(onFx(() -> screen.view().signageShown())).isFalse();
      assertThat(onFx(() -> screen.signage().playing())).isFalse();
      assertThat(onFx(() -> screen.navigator().page())).isInstanceOf(Page.Home.class);
      await().atMost(Duration.ofSeconds(20)).until(() -> !displayed(hub, events).isEmpty());
      assertThat(displayed(hub, events))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.body())
                    .containsEntry("noticeId", "n-0007")
                    .containsEntry("seconds", 5)
                    .containsEntry("kind", "LOOP");
                assertThat(e.body())
                    .containsEntry("from", "2026-11-23T10:01:50+08:00")
                    .containsEntry("until", "2026-11-23T10:01:55+08:00");
              });

      // Idle again: the loop comes back, from the top of the playlist.
      secondsPass(screen, Navigator.IDLE.toSeconds());
      assertThat(onFx(() -> screen.view().signageShown())).isTrue();
      assertThat(onFx(() -> screen.signage().loop().screen()))
          .isInstanceOfSatisfying(Slide.class, s -> assertThat(s.board()).isEqualTo(Board.TODAY));
      onFx(screen::close);
    }
  }

  @Test
  void shouldProveTheUrgentBannerTheKioskShowsWhileAVisitorUsesIt() throws Exception {
    try (TestBroker broker = TestBroker.start(dir.resolve("broker"));
        TestClient hub = TestClient.connect(broker.uri(), "test-hub");
        StationRuntime runtime =
            StationRuntime.open(
                StationConfig.of("s-001", broker.uri(), dir.resolve("kiosk")), clock)) {
      String events = Topic.stationEvent("s-001").toString();
      String alerts = Topic.stationAlert("s-001").toString();
      hub.subscribe(events);
      hub.publish(
          Topic.stationContent("s-001").toString(),
          ProtocolCodec.encode(GoldenFiles.contentWithVersion(42)),
          true);
      KioskScreen screen = onFx(() -> new KioskScreen(runtime, clock, CjkFonts.detect()));
      runtime.start();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> runtime.presence().displayedVersion() == 42);

      StationAlert urgent =
          new StationAlert(
              "n-0042",
              "今日下午停水",
              "14:00—18:00 代表之家停水。",
              NoticePriority.URGENT,
              OffsetDateTime.parse("2026-11-23T09:00:00+08:00"),
              null);
      hub.publish(alerts, ProtocolCodec.encode(urgent), true);
      await().atMost(Duration.ofSeconds(20)).until(() -> onFx(() -> screen.view().alertShown()));
      secondsPass(screen, 20);
      onFx(() -> Event.fireEvent(screen.root(), press()));
      secondsPass(screen, 25);
      hub.publish(alerts, new byte[0], true);
      await().atMost(Duration.ofSeconds(20)).until(() -> !onFx(() -> screen.view().alertShown()));

      await().atMost(Duration.ofSeconds(20)).until(() -> !displayed(hub, events).isEmpty());
      assertThat(displayed(hub, events))
          .singleElement()
          .satisfies(
              e ->
                  assertThat(e.body())
                      .containsEntry("noticeId", "n-0042")
                      .containsEntry("kind", "URGENT_INTERRUPT")
                      .containsEntry("seconds", 45)
                      .containsEntry("from", "2026-11-23T10:00+08:00")
                      .containsEntry("until", "2026-11-23T10:00:45+08:00"));
      onFx(screen::close);
    }
  }

  private void secondsPass(KioskScreen screen, long seconds) {
    for (long i = 0; i < seconds; i++) {
      clock.advance(Duration.ofSeconds(1));
      onFx(screen::refresh);
    }
  }

  private static MouseEvent press() {
    return new MouseEvent(
        MouseEvent.MOUSE_PRESSED,
        400,
        300,
        400,
        300,
        MouseButton.PRIMARY,
        1,
        false,
        false,
        false,
        false,
        true,
        false,
        false,
        true,
        false,
        false,
        null);
  }

  private static List<StationEvent> displayed(TestClient hub, String topic) {
    return hub.receivedOn(topic).stream()
        .map(r -> ProtocolCodec.decode(r.payload(), StationEvent.class))
        .filter(e -> e.type().equals("notice.displayed"))
        .toList();
  }
}
