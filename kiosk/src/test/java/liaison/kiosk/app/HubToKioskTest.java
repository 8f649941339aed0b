package liaison.kiosk.app;

import static liaison.signage.player.fx.FxToolkit.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.image.WritableImage;
import liaison.hub.fleet.StationOverview;
import liaison.hub.notice.Notice;
import liaison.hub.notice.NoticeRepository;
import liaison.hub.opinion.CaseHandling;
import liaison.hub.opinion.CaseSteps;
import liaison.hub.publish.ContentPublisher;
import liaison.hub.publish.PublicationRepository;
import liaison.hub.satisfaction.OnSiteRatings;
import liaison.hub.satisfaction.Satisfaction;
import liaison.hub.security.Role;
import liaison.hub.security.Staff;
import liaison.signage.player.StationConfig;
import liaison.signage.player.StationRuntime;
import liaison.signage.player.board.SignageScreen;
import liaison.signage.player.fx.CjkFonts;
import liaison.signage.player.fx.FxToolkit;
import liaison.signage.player.fx.LayoutCheck;
import liaison.signage.player.fx.Panel;
import liaison.signage.player.fx.Portraits;
import liaison.signage.player.fx.Screens;
import liaison.signage.player.hardware.DeviceConfig;
import liaison.signage.player.hardware.ScreenPower;
import liaison.signage.player.hardware.StationDevices;
import liaison.signage.player.hardware.StationHardware;
import liaison.signage.player.loop.OnScreen;
import liaison.signage.player.store.ContentStore;
import liaison.signage.protocol.Board;
import liaison.signage.protocol.NoticePriority;
import liaison.signage.protocol.StationContent;
import liaison.testkit.TestBroker;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking skeleton end to end: the real hub with its demo county and embedded broker, a real
 * station runtime with its SQLite store, and the kiosk's screen on JavaFX's headless platform.
 */
@ExtendWith(FxToolkit.class)
class HubToKioskTest {

  @TempDir Path dir;

  private final Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));

  @Test
  void shouldCarryTheHubsSnapshotThroughTheBrokerIntoTheStoreAndOntoTheScreen() throws Exception {
    int mqttPort = TestBroker.freePort();
    try (ApplicationContext hub = startHub(mqttPort)) {
      PublicationRepository publications = hub.getBean(PublicationRepository.class);
      ContentPublisher publisher = hub.getBean(ContentPublisher.class);
      await().until(() -> publications.current("s-001").isPresent() && publisher.idle());
      String opinionUrl =
          hub.getBean(StationOverview.class).rows().stream()
              .filter(r -> r.id().equals("s-001"))
              .findFirst()
              .orElseThrow()
              .opinionUrl();

      StationConfig config =
          EnrolledStations.enrolled(
              hub, StationConfig.of("s-001", "tcp://127.0.0.1:" + mqttPort, dir.resolve("kiosk")));
      try (StationRuntime runtime = StationRuntime.open(config, clock)) {
        KioskScreen screen = onFx(() -> new KioskScreen(runtime, clock, CjkFonts.detect()));
        runtime.start();

        // Given the hub's snapshot has reached the station, it is in the store and on screen. The
        // hub's newest snapshot, read when the station shows it: a hub just started may publish a
        // second one (the demo county loaded after the first) while the test reads the first.
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    publisher.idle()
                        && runtime.presence().displayedVersion()
                            == publications.current("s-001").orElseThrow().version());
        long published = publications.current("s-001").orElseThrow().version();
        assertThat(storedVersion(config)).isEqualTo(published);
        WritableImage image = render(screen, "hub-to-kiosk-1280x800");
        List<String> texts = onFx(() -> Screens.visibleTexts(screen.root()));
        assertThat(texts).contains("城关镇人大代表之家", "陈秀兰", "黄志强", "扫码提意见");
        // The opinion card's code, as a phone aims at it: while a reception is on, the deputies'
        // sign-in code stands beside it (the whole screen then holds two codes).
        javafx.scene.Node opinionCard = onFx(() -> screen.root().lookup(".qr-opinion"));
        assertThat(Screens.decodeQrIn(image, opinionCard)).isEqualTo(opinionUrl);

        // When a station manager adds a notice, the next version follows the same path.
        OffsetDateTime now = OffsetDateTime.now(clock);
        hub.getBean(Jdbi.class)
            .useHandle(
                h ->
                    hub.getBean(NoticeRepository.class)
                        .insert(
                            h,
                            new Notice(
                                "n-e2e",
                                "本周五下午代表之家暂停接待",
                                "因场地消防检查，本周五下午暂停接待，周一恢复。",
                                NoticePriority.NORMAL,
                                now.minusMinutes(1),
                                now.plusDays(3),
                                Notice.Target.STATIONS,
                                null,
                                List.of("s-001"),
                                "城关镇人大主席团",
                                "c-qingxi")));
        publisher.stationsChanged(List.of("s-001"));

        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> runtime.presence().displayedVersion() == published + 1);
        assertThat(storedVersion(config)).isEqualTo(published + 1);
        // The home's notice line takes it into its round; the notices page lists it.
        onFx(screen::refresh);
        assertThat(onFx(() -> screen.home().shown().notices()))
            .extracting(liaison.kiosk.home.HomeScreen.NoticeLine::title)
            .contains("本周五下午代表之家暂停接待");
        onFx(() -> Screens.tap(screen.root().lookup("#nav-notices")));
        render(screen, "hub-to-kiosk-notice-1280x800");
        assertThat(onFx(() -> Screens.visibleTexts(screen.root())))
            .anyMatch(t -> t.contains("本周五下午代表之家暂停接待"));
        onFx(screen::close);
      }
    }
  }

  @Test
  void shouldThankTheVisitorAndDeliverTheirRatingToTheHubOnce() throws Exception {
    int mqttPort = TestBroker.freePort();
    try (ApplicationContext hub = startHub(mqttPort)) {
      PublicationRepository publications = hub.getBean(PublicationRepository.class);
      await().until(() -> publications.current("s-001").isPresent());
      StationConfig config =
          EnrolledStations.enrolled(
              hub, StationConfig.of("s-001", "tcp://127.0.0.1:" + mqttPort, dir.resolve("kiosk")));
      try (StationRuntime runtime = StationRuntime.open(config, clock)) {
        KioskScreen screen = onFx(() -> new KioskScreen(runtime, clock, CjkFonts.detect()));
        runtime.start();
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    runtime.presence().displayedVersion() > 0
                        && runtime.presence().link().get().state()
                            == liaison.signage.player.LinkStatus.State.ONLINE);

        // A visitor opens 评价 and taps 满意 — the only input is a tap.
        List<String> thanked =
            onFx(
                () -> {
                  Screens.render(screen.root(), 1024, 600);
                  Screens.tap(screen.root().lookup("#nav-feedback"));
                  Screens.render(screen.root(), 1024, 600);
                  Screens.save(
                      Screens.render(screen.root(), 1024, 600), "feedback-before-tap-1024x600");
                  assertThat(
                          LayoutCheck.touchScreen(Panel.KIOSK_10_INCH_1024).problems(screen.root()))
                      .isEmpty();
                  Screens.tap(screen.root().lookup(".rating-satisfied"));
                  Screens.save(
                      Screens.render(screen.root(), 1024, 600), "feedback-thanks-1024x600");
                  assertThat(
                          LayoutCheck.touchScreen(Panel.KIOSK_10_INCH_1024).problems(screen.root()))
                      .isEmpty();
                  return Screens.visibleTexts(screen.root());
                });
        assertThat(thanked).contains("谢谢您的评价！");

        OnSiteRatings ratings = hub.getBean(OnSiteRatings.class);
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    runtime.events().pending() == 0
                        && ratings.summary("s-001").today(Satisfaction.SATISFIED) == 1);
        int rows =
            hub.getBean(Jdbi.class)
                .withHandle(
                    h ->
                        h.createQuery(
                                "SELECT count(*) FROM station_event WHERE station_id = 's-001' AND type = 'satisfaction'")
                            .mapTo(Integer.class)
                            .one());
        assertThat(rows).as("stored once").isEqualTo(1);
        onFx(screen::close);
      }
    }
  }

  @Test
  void shouldCarryACallButtonPressToTheHubOnce() throws Exception {
    int mqttPort = TestBroker.freePort();
    try (ApplicationContext hub = startHub(mqttPort)) {
      StationConfig config =
          EnrolledStations.enrolled(
              hub, StationConfig.of("s-001", "tcp://127.0.0.1:" + mqttPort, dir.resolve("kiosk")));
      try (StationRuntime runtime = StationRuntime.open(config, clock);
          StationDevices devices =
              StationDevices.open(DeviceConfig.DEFAULTS.withProvider(DeviceConfig.Provider.MOCK))
                  .orElseThrow();
          StationHardware hardware =
              new StationHardware(runtime, devices, ScreenPower.NONE, clock)) {
        runtime.start();
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    runtime.presence().link().get().state()
                        == liaison.signage.player.LinkStatus.State.ONLINE);

        devices.emulator().orElseThrow().press();

        Jdbi jdbi = hub.getBean(Jdbi.class);
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> runtime.events().pending() == 0 && countEvents(jdbi, "button.call") == 1);
        assertThat(countEvents(jdbi, "button.call")).isEqualTo(1);
      }
    }
  }

  private static int countEvents(Jdbi jdbi, String type) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT count(*) FROM station_event WHERE station_id = 's-001' AND type = :type")
                .bind("type", type)
                .mapTo(Integer.class)
                .one());
  }

  /**
   * A summary published at the hub (a county administrator answers a case with 公开 ticked) reaches
   * the station's SQLite store through the broker with the new figures, and shows on the kiosk's
   * 办理情况 page and on the signage RESULTS board drawn from what the store holds.
   */
  @Test
  void shouldCarryAPublishedSummaryIntoTheStationsStoreAndOntoItsResultsBoard() throws Exception {
    int mqttPort = TestBroker.freePort();
    String summary = "反映城关二小放学时校门口拥堵，已协调交警在放学时段疏导交通。";
    try (ApplicationContext hub = startHub(mqttPort)) {
      PublicationRepository publications = hub.getBean(PublicationRepository.class);
      ContentPublisher publisher = hub.getBean(ContentPublisher.class);
      await().until(() -> publications.current("s-001").isPresent() && publisher.idle());
      StationConfig config =
          EnrolledStations.enrolled(
              hub, StationConfig.of("s-001", "tcp://127.0.0.1:" + mqttPort, dir.resolve("kiosk")));
      try (StationRuntime runtime = StationRuntime.open(config, clock)) {
        KioskScreen screen = onFx(() -> new KioskScreen(runtime, clock, CjkFonts.detect()));
        runtime.start();
        long first = publications.current("s-001").orElseThrow().version();
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> runtime.presence().displayedVersion() >= first);
        int answeredBefore = stored(config).results().last12Months().answered();

        String caseId =
            hub.getBean(Jdbi.class)
                .withHandle(
                    h ->
                        h.createQuery(
                                "SELECT id FROM opinion_case WHERE station_id = 's-001'"
                                    + " AND status IN ('REGISTERED', 'DEPARTMENT_REPLIED')"
                                    + " ORDER BY id LIMIT 1")
                            .mapTo(String.class)
                            .one());
        Staff admin =
            new Staff("a-e2e", "admin", "县代表工委", Role.COUNTY_ADMIN, "c-qingxi", null, Set.of());
        hub.getBean(CaseHandling.class)
            .answer(admin, caseId, new CaseSteps.Answer("您好，已协调交警疏导。", summary, true));

        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    stored(config).results().summariesOrNone().stream()
                        .anyMatch(x -> x.text().equals(summary)));
        StationContent content = stored(config);
        assertThat(content.results().last12Months().answered())
            .as("the demo's cases are of the last days")
            .isEqualTo(answeredBefore + 1);

        onFx(() -> Screens.tap(screen.root().lookup("#nav-results")));
        render(screen, "hub-to-kiosk-results-1280x800");
        assertThat(onFx(() -> Screens.visibleTexts(screen.root()))).contains(summary);
        onFx(screen::close);

        List<String> problems =
            onFx(
                () -> {
                  SignageScreen board =
                      new SignageScreen(clock, CjkFonts.detect(), Portraits.none());
                  java.time.Instant now = clock.instant();
                  board.show(
                      new OnScreen.Slide(
                          Board.RESULTS, java.util.Optional.empty(), 1, now, now.plusSeconds(15)),
                      java.util.Optional.of(content));
                  Screens.save(
                      Screens.render(board.root(), 1920, 1080),
                      "hub-to-station-results-1920x1080-p2");
                  assertThat(Screens.visibleTexts(board.root())).contains(summary);
                  return LayoutCheck.wall(Panel.WALL_32_INCH).problems(board.root());
                });
        assertThat(problems).isEmpty();
      }
    }
  }

  private static StationContent stored(StationConfig config) {
    try (ContentStore store = ContentStore.open(config.storeFile())) {
      return store.load("s-001").orElseThrow().content();
    }
  }

  /**
   * The real hub with its embedded broker on the given port and its SQLite file under the test's
   * folder.
   */
  private ApplicationContext startHub(int mqttPort) {
    return ApplicationContext.run(
        Map.of(
            "hub.data-dir",
            dir.resolve("hub").toString(),
            "hub.http-port",
            -1,
            "hub.http-host",
            "127.0.0.1",
            "hub.public-url",
            "https://hub.test",
            "hub.mqtt.port",
            mqttPort,
            "hub.mqtt.broker.persistence",
            "in-memory"));
  }

  private static long storedVersion(StationConfig config) {
    // A second connection to the station's file: what is stored, not what is in memory.
    try (ContentStore store = ContentStore.open(config.storeFile())) {
      return store.storedVersion("s-001");
    }
  }

  private static WritableImage render(KioskScreen screen, String name) {
    return onFx(
        () -> {
          screen.refresh();
          WritableImage image = Screens.render(screen.root(), 1280, 800);
          Screens.save(image, name);
          assertThat(LayoutCheck.touchScreen(Panel.KIOSK_10_INCH_1280).problems(screen.root()))
              .isEmpty();
          return image;
        });
  }
}
