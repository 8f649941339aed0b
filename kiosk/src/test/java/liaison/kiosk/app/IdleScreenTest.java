package liaison.kiosk.app;

import static liaison.signage.player.fx.FxToolkit.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import liaison.kiosk.nav.Navigator;
import liaison.signage.player.StationConfig;
import liaison.signage.player.StationRuntime;
import liaison.signage.player.fx.CjkFonts;
import liaison.signage.player.fx.FxToolkit;
import liaison.signage.player.fx.LayoutCheck;
import liaison.signage.player.fx.Panel;
import liaison.signage.player.fx.Screens;
import liaison.signage.player.loop.OnScreen.Slide;
import liaison.signage.player.store.ContentStore;
import liaison.signage.protocol.Board;
import liaison.signage.protocol.GoldenFiles;
import liaison.signage.protocol.StationContent;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The idle kiosk at every kiosk size, on every board of the loop: the boards beside a band that
 * keeps the touch cue and both QR codes on screen (each code decodes to its link and is at least 25
 * mm across), checked as a screen nobody touches (nothing cut short). PNGs:
 * target/screens/board-size-handover.png.
 */
@ExtendWith(FxToolkit.class)
class IdleScreenTest {

  @TempDir Path dir;

  private final TestClock clock = TestClock.at("2026-11-23T10:00:00+08:00");

  static Stream<Arguments> everyBoardAtEveryKioskSize() {
    List<Arguments> out = new ArrayList<>();
    for (Panel panel :
        List.of(Panel.PI_7_INCH, Panel.KIOSK_10_INCH_1024, Panel.KIOSK_10_INCH_1280)) {
      for (Board board : Board.values()) {
        if (board != Board.MEDIA) { // where media slides play, not a board (MediaBoardTest)
          out.add(Arguments.of(board, panel));
        }
      }
    }
    // The portrait kiosk column: the band beneath the boards.
    out.add(Arguments.of(Board.TODAY, Panel.KIOSK_22_INCH_PORTRAIT));
    return out.stream();
  }

  @ParameterizedTest(name = "{0} at {1}")
  @MethodSource("everyBoardAtEveryKioskSize")
  void shouldKeepTheTouchCueAndBothCodesBesideEveryBoard(Board board, Panel panel) {
    StationContent content = GoldenFiles.content();
    try (StationRuntime runtime = runtime(content)) {
      record Shot(List<String> texts, List<String> problems, List<String> codes) {}
      Shot shot =
          onFx(
              () -> {
                KioskScreen screen = new KioskScreen(runtime, clock, CjkFonts.detect());
                screen.refresh();
                Screens.render(screen.root(), panel.widthPx(), panel.heightPx());
                clock.advance(Navigator.IDLE);
                screen.refresh();
                assertThat(screen.view().signageShown())
                    .as("idle: the loop has the screen")
                    .isTrue();
                screen
                    .signage()
                    .screen()
                    .show(
                        new Slide(
                            board,
                            board == Board.NOTICES ? Optional.of("n-0007") : Optional.empty(),
                            clock.instant(),
                            clock.instant().plus(Duration.ofSeconds(15))),
                        Optional.of(content));
                WritableImage image =
                    Screens.render(screen.root(), panel.widthPx(), panel.heightPx());
                Screens.save(image, board.name().toLowerCase() + "-" + panel.size() + "-handover");
                List<String> codes = new ArrayList<>();
                for (Node code : screen.idleCodes()) {
                  try {
                    codes.add(Screens.decodeQrIn(image, code));
                  } catch (Exception e) {
                    codes.add("undecodable: " + e);
                  }
                }
                Shot s =
                    new Shot(
                        Screens.visibleTexts(screen.root()),
                        LayoutCheck.wall(panel).problems(screen.root()),
                        codes);
                screen.close();
                return s;
              });

      assertThat(shot.texts()).contains("轻触屏幕", "Touch to start", "扫码提意见", "扫码预约");
      assertThat(shot.codes())
          .containsExactly(
              "https://hub.example.cn/o/Xq7fK2mPw9", "https://hub.example.cn/b/Xq7fK2mPw9");
      assertThat(shot.problems()).as("layout on the %s", panel).isEmpty();
    }
  }

  private StationRuntime runtime(StationContent content) {
    StationConfig config =
        StationConfig.of(
            content.stationId(), "tcp://127.0.0.1:1", dir.resolve("kiosk-" + System.nanoTime()));
    try (ContentStore store = ContentStore.open(config.storeFile())) {
      store.storeIfNewer(content, OffsetDateTime.now(clock));
    }
    return StationRuntime.open(config, clock);
  }
}
