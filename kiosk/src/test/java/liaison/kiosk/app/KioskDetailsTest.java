package liaison.kiosk.app;

import static liaison.signage.player.fx.FxToolkit.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Parent;
import javax.imageio.ImageIO;
import liaison.kiosk.nav.Page;
import liaison.signage.player.StationConfig;
import liaison.signage.player.StationRuntime;
import liaison.signage.player.fx.CjkFonts;
import liaison.signage.player.fx.FxToolkit;
import liaison.signage.player.fx.LayoutCheck;
import liaison.signage.player.fx.Panel;
import liaison.signage.player.fx.Screens;
import liaison.signage.player.store.ContentStore;
import liaison.signage.protocol.GoldenFiles;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationContent.Deputy;
import liaison.signage.protocol.Topic;
import liaison.testkit.TestBroker;
import liaison.testkit.TestClient;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Touch target sizes, the font check, photos from the station's cache, and a bad snapshot. */
@ExtendWith(FxToolkit.class)
class KioskDetailsTest {

  /** The official 7-inch panel: 800 px across 154.2 mm, so 9 mm is 46.7 px. */
  static final double NINE_MM_ON_7_INCH = Panel.PI_7_INCH.minTouchPx();

  @TempDir Path dir;

  private final TestClock clock = TestClock.at("2026-11-23T09:30:00+08:00");

  private StationRuntime runtime(StationContent content, StationConfig config) {
    try (ContentStore store = ContentStore.open(config.storeFile())) {
      store.storeIfNewer(content, OffsetDateTime.now(clock));
    }
    return StationRuntime.open(config, clock);
  }

  private StationConfig config() {
    return StationConfig.of("s-001", "tcp://127.0.0.1:1", dir.resolve("kiosk"));
  }

  @Test
  void shouldMakeEveryTouchTargetAtLeastNineMillimetresOnTheSevenInchPanel() {
    try (StationRuntime runtime = runtime(GoldenFiles.content(), config())) {
      List<String> small =
          onFx(
              () -> {
                List<String> out = new ArrayList<>();
                for (Page page :
                    List.of(
                        new Page.Home(),
                        liaison.kiosk.nav.Page.Deputies.all(),
                        new Page.Feedback(),
                        new Page.Notice("n-0007", 0))) {
                  KioskScreen screen = new KioskScreen(runtime, clock, CjkFonts.detect());
                  screen.navigator().go(page, clock.instant());
                  screen.refresh();
                  Screens.render(screen.root(), 800, 480);
                  LayoutCheck.touchScreen(Panel.PI_7_INCH).problems(screen.root()).stream()
                      .map(p -> page + ": " + p)
                      .forEach(out::add);
                  for (Node n : screen.root().lookupAll(".touch, .toggle, .chip")) {
                    if (n.isVisible() && n.getLayoutBounds().getHeight() < NINE_MM_ON_7_INCH) {
                      out.add(
                          page
                              + ": "
                              + n.getStyleClass()
                              + " "
                              + n.getLayoutBounds().getHeight()
                              + " px high");
                    }
                  }
                  assertThat(screen.root().lookupAll(".touch"))
                      .as("buttons found on " + page)
                      .isNotEmpty();
                  screen.close();
                }
                return out;
              });
      assertThat(small).isEmpty();
    }
  }

  @Test
  void shouldSayWhatToInstallWhenNoChineseFontIsThere() {
    CjkFonts none = CjkFonts.among(Set.of("DejaVu Sans", "Liberation Serif"));
    assertThat(none.available()).isFalse();
    try (StationRuntime runtime = runtime(GoldenFiles.content(), config())) {
      List<String> texts =
          onFx(
              () -> {
                KioskScreen screen = new KioskScreen(runtime, clock, none);
                screen.refresh();
                Screens.save(Screens.render(screen.root(), 1280, 800), "font-missing-1280x800");
                List<String> t = Screens.visibleTexts(screen.root());
                assertThat(
                        LayoutCheck.touchScreen(Panel.KIOSK_10_INCH_1280).problems(screen.root()))
                    .isEmpty();
                screen.close();
                return t;
              });
      assertThat(texts).contains(CjkFonts.MISSING_MESSAGE);
      assertThat(CjkFonts.MISSING_MESSAGE).contains("fonts-noto-cjk");
    }
  }

  @Test
  void shouldShowADeputysPhotoOnceTheStationHasItAndAPlaceholderBefore() throws Exception {
    BufferedImage picture = new BufferedImage(120, 120, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 120; y++) {
      for (int x = 0; x < 120; x++) {
        picture.setRGB(x, y, (x / 20 + y / 20) % 2 == 0 ? 0x2a6f97 : 0xe9c46a);
      }
    }
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(picture, "jpg", jpeg);
    String hash =
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jpeg.toByteArray()));
    StationContent g = GoldenFiles.content();
    List<Deputy> deputies = new ArrayList<>();
    for (Deputy d : g.deputies()) {
      deputies.add(
          d.id().equals("d-0001")
              ? new Deputy(
                  d.id(),
                  d.name(),
                  d.levels(),
                  d.constituency(),
                  d.occupation(),
                  d.workUnit(),
                  d.specialties(),
                  hash,
                  d.phone(),
                  d.messageUrl())
              : d);
    }
    StationContent withPhoto =
        new StationContent(
            g.stationId(),
            g.version(),
            g.generatedAt(),
            g.station(),
            deputies,
            g.receptions(),
            g.notices(),
            g.links(),
            g.results());
    StationConfig config = config();

    try (StationRuntime runtime = runtime(withPhoto, config)) {
      assertThat(onFx(() -> photosShown(runtime, "photo-missing-1280x800")))
          .as("not fetched yet")
          .isZero();

      // The station's cache holds it now (as after a fetch from the hub by hash).
      Files.createDirectories(config.photoDir());
      Files.write(config.photoDir().resolve(hash + ".jpg"), jpeg.toByteArray());
      assertThat(onFx(() -> photosShown(runtime, "photo-shown-1280x800"))).isEqualTo(1);
    }
  }

  private int photosShown(StationRuntime runtime, String png) {
    KioskScreen screen = new KioskScreen(runtime, clock, CjkFonts.detect());
    screen.refresh();
    Screens.save(Screens.render(screen.root(), 1280, 800), png);
    assertThat(LayoutCheck.touchScreen(Panel.KIOSK_10_INCH_1280).problems(screen.root())).isEmpty();
    int n = screen.root().lookupAll(".with-photo").size();
    screen.close();
    return n;
  }

  @Test
  void shouldChangeNothingOnScreenWhenASnapshotFailsToDecode() {
    try (TestBroker broker = TestBroker.start(dir.resolve("broker"))) {
      StationConfig config = StationConfig.of("s-001", broker.uri(), dir.resolve("kiosk"));
      try (TestClient hub = TestClient.connect(broker.uri(), "hub");
          StationRuntime runtime = StationRuntime.open(config, clock)) {
        hub.publish(
            Topic.stationContent("s-001").toString(),
            ProtocolCodec.encode(GoldenFiles.contentWithVersion(42)),
            true);
        KioskScreen screen = onFx(() -> new KioskScreen(runtime, clock, CjkFonts.detect()));
        runtime.start();
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> runtime.presence().displayedVersion() == 42);
        List<String> before = texts(screen.root(), screen, "bad-snapshot-before");

        hub.publish(
            Topic.stationContent("s-001").toString(),
            "{\"stationId\":\"s-001\",\"version\":43,".getBytes(),
            true);
        await().atMost(Duration.ofSeconds(20)).until(() -> runtime.rejections().count() > 0);

        assertThat(texts(screen.root(), screen, "bad-snapshot-after")).isEqualTo(before);
        assertThat(runtime.presence().displayedVersion()).isEqualTo(42);
        onFx(screen::close);
      }
    }
  }

  private static List<String> texts(Parent root, KioskScreen screen, String png) {
    return onFx(
        () -> {
          screen.refresh();
          Screens.save(Screens.render(root, 1024, 600), png);
          assertThat(LayoutCheck.touchScreen(Panel.KIOSK_10_INCH_1024).problems(root)).isEmpty();
          return Screens.visibleTexts(root);
        });
  }

  @Test
  void shouldDimWhenNobodyIsAroundAndWakeWhenTheSensorSeesSomeone() {
    try (StationRuntime runtime = runtime(GoldenFiles.content(), config());
        liaison.signage.player.hardware.StationDevices devices =
            liaison.signage.player.hardware.StationDevices.open(
                    liaison.signage.player.hardware.DeviceConfig.DEFAULTS.withProvider(
                        liaison.signage.player.hardware.DeviceConfig.Provider.MOCK))
                .orElseThrow();
        liaison.signage.player.hardware.StationHardware hardware =
            new liaison.signage.player.hardware.StationHardware(
                runtime, devices, liaison.signage.player.hardware.ScreenPower.NONE, clock)) {
      KioskScreen screen = onFx(() -> new KioskScreen(runtime, clock, CjkFonts.detect()));
      hardware.onWake(() -> liaison.signage.player.fx.FxThread.run(screen::wake));
      DevPanelView panel =
          onFx(() -> new DevPanelView(devices, devices.emulator().orElseThrow(), hardware));
      onFx(() -> screen.view().setDevPanel(panel));

      clock.advance(KioskScreen.DIM_AFTER);
      onFx(screen::refresh);
      assertThat(onFx(() -> screen.view().dimmed())).isTrue();
      onFx(
          () -> {
            Screens.save(Screens.render(screen.root(), 1024, 600), "dimmed-dev-panel-1024x600");
            assertThat(LayoutCheck.touchScreen(Panel.KIOSK_10_INCH_1024).problems(screen.root()))
                .isEmpty();
          });

      // The developer panel's "有人经过" plays the sensor: the screen lights up.
      onFx(() -> Screens.tap(screen.root().lookup("#dev-motion")));
      await().atMost(Duration.ofSeconds(5)).until(() -> !onFx(() -> screen.view().dimmed()));
      assertThat(hardware.footfallThisHour()).isEqualTo(1);

      // The movement's motion event, then its call button, go into the station's outbox (no hub
      // here to take them).
      assertThat(runtime.events().pending()).isEqualTo(1);
      onFx(() -> Screens.tap(screen.root().lookup("#dev-call")));
      assertThat(runtime.events().pending()).isEqualTo(2);
      onFx(
          () -> {
            Screens.save(Screens.render(screen.root(), 1024, 600), "woken-dev-panel-1024x600");
            assertThat(LayoutCheck.touchScreen(Panel.KIOSK_10_INCH_1024).problems(screen.root()))
                .isEmpty();
          });
      panel.close();
      onFx(screen::close);
    }
  }
}
