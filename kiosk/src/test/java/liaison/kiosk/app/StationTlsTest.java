package liaison.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import liaison.hub.HubMain;
import liaison.hub.enrolment.Enrolments;
import liaison.hub.security.StaffAccountRepository;
import liaison.signage.player.HubAccess;
import liaison.signage.player.LinkStatus;
import liaison.signage.player.StationConfig;
import liaison.signage.player.StationRuntime;
import liaison.signage.player.enrol.EnrolmentState;
import liaison.testkit.SelfSignedCertificate;
import liaison.testkit.TestBroker;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A station on a network that is not trusted: it enrols over HTTPS and connects over MQTT with TLS,
 * trusting the hub's own certificate (made by keytool, {@link SelfSignedCertificate}) from a PEM
 * file, as {@code --trust} does.
 */
@Tag("security")
class StationTlsTest {
  private static final String PASSWORD = "changeit-tls";

  @TempDir Path dir;

  @Test
  void shouldEnrolOverHttpsAndConnectOverTlsTrustingTheHubsCertificate() throws Exception {
    SelfSignedCertificate certificate = SelfSignedCertificate.make(dir, "hub", PASSWORD);
    Path keystore = certificate.keystore();
    Path pem = certificate.pem();
    int httpsPort = TestBroker.freePort();
    int mqttsPort = TestBroker.freePort();
    Map<String, Object> properties = new HashMap<>();
    properties.put("hub.data-dir", dir.resolve("hub").toString());
    properties.put("hub.http-port", TestBroker.freePort());
    properties.put("hub.mqtt.port", TestBroker.freePort());
    properties.put("hub.mqtt.broker.persistence", "in-memory");
    properties.put("hub.tls.keystore", keystore.toString());
    properties.put("hub.tls.keystore-password", PASSWORD);
    properties.put("hub.tls.https-host", "127.0.0.1");
    properties.put("hub.tls.https-port", httpsPort);
    properties.put("hub.tls.mqtt-host", "127.0.0.1");
    properties.put("hub.tls.mqtt-port", mqttsPort);
    properties.putAll(HubMain.webListeners(properties));
    try (ApplicationContext hub = ApplicationContext.run(properties)) {
      hub.getBean(EmbeddedServer.class).start();
      StationConfig config =
          StationConfig.of("s-002", "ssl://127.0.0.1:" + mqttsPort, dir.resolve("kiosk"))
              .withAccess(
                  HubAccess.NONE
                      .withHub(URI.create("https://127.0.0.1:" + httpsPort))
                      .withTrust(pem)
                      .withPoll(Duration.ofMillis(200)));
      try (StationRuntime runtime =
          StationRuntime.open(config, Clock.system(ZoneId.of("Asia/Shanghai")))) {
        runtime.start();
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> runtime.enrolment().get().phase() == EnrolmentState.Phase.WAITING);

        hub.getBean(Enrolments.class)
            .enrol(
                hub.getBean(StaffAccountRepository.class).byUsername("admin").orElseThrow().staff(),
                "s-002",
                runtime.enrolment().get().code());

        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> runtime.presence().link().get().state() == LinkStatus.State.ONLINE);
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> runtime.feed().content().get().isPresent());
        assertThat(runtime.feed().content().get().orElseThrow().stationId()).isEqualTo("s-002");
      }
    }
  }
}
