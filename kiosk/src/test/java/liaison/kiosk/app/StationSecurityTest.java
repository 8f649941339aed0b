package liaison.kiosk.app;

import static liaison.signage.player.fx.FxToolkit.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import liaison.hub.enrolment.Enrolments;
import liaison.hub.publish.ContentPublisher;
import liaison.hub.publish.PublicationRepository;
import liaison.hub.security.Staff;
import liaison.hub.security.StaffAccountRepository;
import liaison.signage.player.HubAccess;
import liaison.signage.player.LinkStatus;
import liaison.signage.player.StationConfig;
import liaison.signage.player.StationRuntime;
import liaison.signage.player.enrol.EnrolmentState;
import liaison.signage.player.fx.CjkFonts;
import liaison.signage.player.fx.FxToolkit;
import liaison.signage.player.fx.LayoutCheck;
import liaison.signage.player.fx.Panel;
import liaison.signage.player.fx.Screens;
import liaison.signage.player.store.ContentStore;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationIdentity;
import liaison.signage.protocol.Topic;
import liaison.testkit.TestBroker;
import liaison.testkit.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A station's identity end to end, with the real hub, its broker and a real kiosk: a new screen
 * shows its enrolment code, is enrolled by it and shows the hub's content; revoked, it is cut off
 * but keeps its content on screen and shows a new code; a forged snapshot from anyone but the hub
 * never reaches its store.
 */
@ExtendWith(FxToolkit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("security")
class StationSecurityTest {
  private final Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));
  private ApplicationContext hub;
  private int mqttPort;
  private int httpPort;
  private Staff admin;
  private Path dir;

  @BeforeAll
  void start(@TempDir Path tmp) throws Exception {
    dir = tmp;
    mqttPort = TestBroker.freePort();
    httpPort = TestBroker.freePort();
    hub =
        ApplicationContext.run(
            Map.of(
                "hub.data-dir",
                dir.resolve("hub").toString(),
                "hub.http-port",
                httpPort,
                "hub.http-host",
                "127.0.0.1",
                "hub.public-url",
                "http://127.0.0.1:" + httpPort,
                "hub.mqtt.port",
                mqttPort,
                "hub.mqtt.broker.persistence",
                "in-memory"));
    hub.getBean(EmbeddedServer.class).start();
    admin = hub.getBean(StaffAccountRepository.class).byUsername("admin").orElseThrow().staff();
  }

  @AfterAll
  void stop() {
    hub.close();
  }

  private long published(String station) {
    PublicationRepository publications = hub.getBean(PublicationRepository.class);
    await()
        .until(
            () ->
                publications.current(station).isPresent()
                    && hub.getBean(ContentPublisher.class).idle());
    return publications.current(station).orElseThrow().version();
  }

  private List<String> render(KioskScreen screen, int width, int height, String name) {
    return onFx(
        () -> {
          screen.refresh();
          Screens.save(Screens.render(screen.root(), width, height), name);
          assertThat(LayoutCheck.touchScreen(Panel.kiosk(width, height)).problems(screen.root()))
              .isEmpty();
          return Screens.visibleTexts(screen.root());
        });
  }

  @Test
  void shouldEnrolANewScreenByItsCodeThenCutItOffWhenRevokedWithoutBlankingIt() throws Exception {
    long version = published("s-001");
    StationConfig config =
        StationConfig.of("s-001", "tcp://127.0.0.1:" + mqttPort, dir.resolve("kiosk-s-001"))
            .withAccess(
                HubAccess.NONE
                    .withHub(URI.create("http://127.0.0.1:" + httpPort))
                    .withPoll(Duration.ofMillis(200)));
    Enrolments enrolments = hub.getBean(Enrolments.class);
    try (StationRuntime runtime = StationRuntime.open(config, clock)) {
      KioskScreen screen = onFx(() -> new KioskScreen(runtime, clock, CjkFonts.detect()));
      runtime.start();

      // Given a new screen: it shows a code and waits; it is not on the broker.
      await().until(() -> runtime.enrolment().get().phase() == EnrolmentState.Phase.WAITING);
      String code = runtime.enrolment().get().code();
      assertThat(code).matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
      assertThat(Files.readString(config.enrolmentCodeFile(), StandardCharsets.UTF_8).strip())
          .isEqualTo(code);
      assertThat(render(screen, 1280, 800, "enrolment-waiting-1280x800")).contains(code, "本机尚未登记");
      assertThat(render(screen, 800, 480, "enrolment-waiting-800x480")).contains(code);
      assertThat(onFx(() -> Screens.cutOff(screen.enrolment())))
          .as("nothing cut off at 800×480")
          .isEmpty();
      assertThat(runtime.presence().link().get().state()).isEqualTo(LinkStatus.State.CONNECTING);

      // When the administrator enters it on s-001's page, the screen connects and shows the
      // content.
      enrolments.enrol(admin, "s-001", code.toLowerCase());

      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> runtime.presence().displayedVersion() == version);
      assertThat(runtime.enrolment().get().showing()).isFalse();
      assertThat(Files.exists(config.enrolmentCodeFile()))
          .as("the code file goes with the code")
          .isFalse();
      assertThat(render(screen, 1280, 800, "enrolment-done-1280x800"))
          .doesNotContain(code)
          .contains("城关镇人大代表之家");
      try (ContentStore store = ContentStore.open(config.storeFile())) {
        assertThat(store.memo("mqtt.username")).contains("s-001");
        assertThat(store.memo("mqtt.password")).isPresent();
      }

      // When the credential is revoked, the screen is cut off, keeps its content and asks again.
      enrolments.revoke(admin, "s-001");

      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  runtime.enrolment().get().phase() == EnrolmentState.Phase.WAITING
                      && runtime.enrolment().get().again());
      assertThat(runtime.presence().link().get().state()).isEqualTo(LinkStatus.State.OFFLINE);
      String again = runtime.enrolment().get().code();
      List<String> revoked = render(screen, 1280, 800, "enrolment-again-1280x800");
      assertThat(revoked)
          .as("a band over the content, which stays readable")
          .contains(again, "本机需要重新登记", "城关镇人大代表之家");
      assertThat(runtime.feed().content().get()).as("the stored content stays").isPresent();

      // And a new code brings it back: a replaced Pi is re-enrolled the same way.
      enrolments.enrol(admin, "s-001", again);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> runtime.presence().link().get().state() == LinkStatus.State.ONLINE);
      assertThat(runtime.enrolment().get().showing()).isFalse();
      onFx(screen::close);
    }
  }

  @Test
  void shouldNeverLetAForgedSnapshotFromAnyoneButTheHubReachAStationsStore() throws Exception {
    long version = published("s-002");
    StationConfig config =
        EnrolledStations.enrolled(
            hub,
            StationConfig.of("s-002", "tcp://127.0.0.1:" + mqttPort, dir.resolve("kiosk-s-002")));
    try (StationRuntime runtime = StationRuntime.open(config, clock)) {
      runtime.start();
      await().atMost(Duration.ofSeconds(20)).until(() -> storedVersion(config) == version);
      StationContent real = runtime.feed().content().get().orElseThrow();
      long rejectedBefore = runtime.rejections().count();
      byte[] forged =
          ProtocolCodec.encode(
              new StationContent(
                  "s-002",
                  version + 1000,
                  real.generatedAt(),
                  real.station(),
                  real.deputies(),
                  real.receptions(),
                  real.notices(),
                  real.links(),
                  real.results()));
      String topic = Topic.stationContent("s-002").toString();

      // Anonymous: refused at the door.
      assertThat(TestClient.tryConnect("tcp://127.0.0.1:" + mqttPort, "forger", null, null, null))
          .isEqualTo(0x86);
      // Another station, enrolled: refused on publishing to a topic that is not its own.
      StationConfig other =
          EnrolledStations.enrolled(hub, StationConfig.of("s-003", "tcp://127.0.0.1:1", dir));
      try (TestClient rogue =
          TestClient.connect(
              "tcp://127.0.0.1:" + mqttPort,
              StationIdentity.clientId("s-003", "rogue"),
              "s-003",
              other.access().login().password())) {
        assertThat(rogue.publishReason(topic, forged, true)).isEqualTo(0x87);
      }
      // The station itself may not write its own content either.
      try (TestClient self =
          TestClient.connect(
              "tcp://127.0.0.1:" + mqttPort,
              StationIdentity.clientId("s-002", "self"),
              "s-002",
              config.access().login().password())) {
        assertThat(self.publishReason(topic, forged, true)).isEqualTo(0x87);
      }
      // The station still holds the hub's snapshot; nothing even reached it to be rejected.
      assertThat(storedVersion(config)).isEqualTo(version);
      assertThat(runtime.feed().content().get().orElseThrow().version()).isEqualTo(version);
      assertThat(runtime.rejections().count()).isEqualTo(rejectedBefore);
      assertThat(runtime.presence().link().get().state()).isEqualTo(LinkStatus.State.ONLINE);
    }
  }

  private static long storedVersion(StationConfig config) {
    try (ContentStore store = ContentStore.open(config.storeFile())) {
      return store.storedVersion(config.stationId());
    }
  }
}
