package liaison.kiosk.app;

import static liaison.signage.player.fx.FxToolkit.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import javafx.scene.image.WritableImage;
import liaison.signage.player.StationConfig;
import liaison.signage.player.StationRuntime;
import liaison.signage.player.fx.CjkFonts;
import liaison.signage.player.fx.FxToolkit;
import liaison.signage.player.fx.LayoutCheck;
import liaison.signage.player.fx.Panel;
import liaison.signage.player.fx.Screens;
import liaison.signage.protocol.GoldenFiles;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.Topic;
import liaison.signage.transport.ReconnectPolicy;
import liaison.testkit.TestBroker;
import liaison.testkit.TestClient;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The kiosk's screen on a real station runtime and a real broker: cut off, and back. */
@ExtendWith(FxToolkit.class)
class KioskScreenTest {

  private static final String CONTENT = Topic.stationContent("s-001").toString();

  @TempDir Path dir;

  private final TestClock clock = TestClock.at("2026-11-23T09:30:00+08:00");

  private static StationContent renamed(long version, String name) {
    StationContent c = GoldenFiles.contentWithVersion(version);
    var s = c.station();
    return new StationContent(
        c.stationId(),
        version,
        c.generatedAt(),
        new StationContent.Station(
            s.id(),
            name,
            s.kind(),
            s.township(),
            s.county(),
            s.address(),
            s.openingHours(),
            name,
            s.zone()),
        c.deputies(),
        c.receptions(),
        c.notices(),
        c.links());
  }

  private static List<String> texts(KioskScreen screen, String png) {
    return onFx(
        () -> {
          screen.refresh();
          WritableImage image = Screens.render(screen.root(), 1280, 800);
          Screens.save(image, png);
          assertThat(LayoutCheck.touchScreen(Panel.KIOSK_10_INCH_1280).problems(screen.root()))
              .isEmpty();
          return Screens.visibleTexts(screen.root());
        });
  }

  @Test
  void shouldKeepContentAndShowTheOfflineBadgeWhenTheBrokerStopsThenTakeTheNextVersion() {
    try (TestBroker broker = TestBroker.start(dir)) {
      StationConfig config =
          StationConfig.of("s-001", broker.uri(), dir.resolve("kiosk"))
              .withReconnect(
                  new ReconnectPolicy(Duration.ofMillis(100), Duration.ofMillis(400), 0.1));
      try (TestClient hub = TestClient.connect(broker.uri(), "hub");
          StationRuntime runtime = StationRuntime.open(config, clock)) {
        hub.publish(CONTENT, ProtocolCodec.encode(GoldenFiles.contentWithVersion(42)), true);
        KioskScreen screen = onFx(() -> new KioskScreen(runtime, clock, CjkFonts.detect()));
        runtime.start();
        await().until(() -> runtime.presence().displayedVersion() == 42);
        assertThat(texts(screen, "kiosk-online")).contains("城关镇人大代表之家", "陈秀兰");

        clock.set(OffsetDateTime.parse("2026-11-23T10:42:00+08:00").toInstant());
        broker.stop();
        await().until(() -> runtime.presence().link().get().isOffline());
        List<String> offline = texts(screen, "kiosk-offline");
        assertThat(offline).contains("城关镇人大代表之家", "陈秀兰");
        assertThat(offline).anyMatch(t -> t.startsWith("离线 · 10:42 起"));

        broker.startAgain();
        try (TestClient hubAgain = TestClient.connect(broker.uri(), "hub-again")) {
          hubAgain.publish(CONTENT, ProtocolCodec.encode(renamed(43, "城关镇人大代表之家（新址）")), true);
          await()
              .atMost(Duration.ofSeconds(20))
              .until(() -> runtime.presence().displayedVersion() == 43);
        }
        List<String> back = texts(screen, "kiosk-back-online");
        assertThat(back).contains("城关镇人大代表之家（新址）");
        assertThat(back).noneMatch(t -> t.startsWith("离线"));
        onFx(screen::close);
      }
    }
  }
}
