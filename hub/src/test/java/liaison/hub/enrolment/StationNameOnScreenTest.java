package liaison.hub.enrolment;

import static liaison.signage.player.fx.FxToolkit.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import liaison.hub.RunningHub;
import liaison.signage.player.StationConfig;
import liaison.signage.player.StationRuntime;
import liaison.signage.player.board.SignagePlayback;
import liaison.signage.player.board.SignageScreen;
import liaison.signage.player.enrol.EnrolmentState;
import liaison.signage.player.enrol.StationName;
import liaison.signage.player.fx.CjkFonts;
import liaison.signage.player.fx.FxToolkit;
import liaison.signage.player.fx.LayoutCheck;
import liaison.signage.player.fx.Panel;
import liaison.signage.player.fx.Portraits;
import liaison.signage.player.fx.Screens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real station enrolling with a running hub knows whose it is before any content arrives: the
 * hub's enrolment ticket names the station and its township, the station keeps them in its store,
 * and its enrolment and syncing frames say them (PNGs under target/screens/), never its id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(FxToolkit.class)
class StationNameOnScreenTest {
  private static final Clock CLOCK = Clock.system(ZoneId.of("Asia/Shanghai"));

  /** 青溪县政务服务中心人大代表联系点 in 城关镇: a name that does not say its township. */
  private static final StationName S003 = new StationName("青溪县政务服务中心人大代表联系点", "城关镇");

  private RunningHub hub;

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir.resolve("hub"));
  }

  @AfterAll
  void stop() {
    hub.close();
  }

  @Test
  void shouldNameTheStationOnItsEnrolmentAndSyncingFramesBeforeAnyContent(@TempDir Path dir)
      throws Exception {
    Path data = dir.resolve("s-003");
    List<String> enrolling = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    // Given a screen of s-003 with no credential, asking the hub for an enrolment code.
    try (StationRuntime station =
        StationRuntime.open(
            StationConfig.of("s-003", hub.brokerUri(), data).withHub(hub.url("/")), CLOCK)) {
      SignagePlayback playback = playback(station);
      station.start();

      // When the hub's ticket arrives, the screen shows the code and names its station.
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  station.enrolment().get().phase() == EnrolmentState.Phase.WAITING
                      && station.enrolledName().get().isPresent());
      assertThat(station.enrolledName().get()).contains(S003);
      draw(playback, Panel.PI_7_INCH, "station-enrolment-named", enrolling, problems);
      onFx(playback::close);
    }

    // And a screen started again before its first content (the hub out of reach) still names it.
    List<String> syncing = new ArrayList<>();
    try (StationRuntime again =
        StationRuntime.open(StationConfig.of("s-003", "tcp://127.0.0.1:1", data), CLOCK)) {
      SignagePlayback playback = playback(again);
      draw(playback, Panel.PI_7_INCH, "station-syncing-named", syncing, problems);
      draw(playback, Panel.WALL_32_INCH, "station-syncing-named", syncing, problems);
      onFx(playback::close);
    }

    assertThat(enrolling)
        .contains("本机尚未登记", "等待登记")
        .anyMatch(t -> t.contains("本站：青溪县政务服务中心人大代表联系点（城关镇）"))
        .noneMatch(t -> t.contains("本站名称尚未收到"));
    assertThat(syncing)
        .contains("内容同步中")
        .anyMatch(t -> t.startsWith("本站：青溪县政务服务中心人大代表联系点（城关镇）"))
        .noneMatch(t -> t.contains("本站名称尚未收到"));
    assertThat(enrolling).noneMatch(t -> t.contains("s-003"));
    assertThat(syncing).noneMatch(t -> t.contains("s-003"));
    assertThat(problems).isEmpty();
  }

  private static SignagePlayback playback(StationRuntime station) {
    SignagePlayback playback =
        onFx(
            () ->
                new SignagePlayback(
                    station, new SignageScreen(CLOCK, CjkFonts.detect(), Portraits.none()), CLOCK));
    onFx(playback::resume);
    return playback;
  }

  private static void draw(
      SignagePlayback playback,
      Panel panel,
      String name,
      List<String> texts,
      List<String> problems) {
    // The runtime's watchers hand over to the FX thread: what they posted is drawn first.
    onFx(() -> {});
    onFx(
        () -> {
          Screens.save(
              Screens.render(playback.screen().root(), panel.widthPx(), panel.heightPx()),
              name + "-" + panel.size());
          texts.addAll(Screens.visibleTexts(playback.screen().root()));
          problems.addAll(LayoutCheck.wall(panel).problems(playback.screen().root()));
        });
  }
}
