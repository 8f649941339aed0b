package liaison.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.demo.DemoCounty;
import liaison.hub.publish.PublicationRepository;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.Topic;
import liaison.testkit.RawConnect;
import liaison.testkit.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The embedded broker against real clients: nobody gets in without credentials, a station speaks
 * only for itself, a revoked station is shut out (and thrown out), and a storm from one address is
 * held back while the others are served.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("security")
class BrokerSecurityTest {
  private static final int BAD_USER_OR_PASSWORD = 0x86;
  private static final int NOT_AUTHORIZED = 0x87;
  private static final int RATE_EXCEEDED = 0x9F;

  private RunningHub hub;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  @BeforeAll
  void start(@TempDir Path dir) {
    // A storm is anything above 20 connects (or 12 failed log-ins) from one address: small, so the
    // test needs few attempts. Refused attempts leave from other loopback addresses (127.0.0.2, .3)
    // so that the ones the other tests make from 127.0.0.1 are never held back.
    hub =
        RunningHub.start(
            dir,
            Map.of(
                "hub.mqtt.security.connects-per-address", 20,
                "hub.mqtt.security.failures-per-address", 12));
    ch.qos.logback.classic.Logger logger =
        (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(BrokerSecurity.class);
    log.start();
    logger.addAppender(log);
  }

  @AfterAll
  void stop() {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(BrokerSecurity.class))
        .detachAppender(log);
    hub.close();
  }

  /** A CONNECT from 127.0.0.3 (this machine too), and the CONNACK's reason code. */
  private int connect(String clientId, String user, String password) {
    return raw(
        "127.0.0.3",
        clientId,
        user == null ? null : utf8(user),
        password == null ? null : utf8(password));
  }

  private int raw(String from, String clientId, byte[] user, byte[] password) {
    try {
      return RawConnect.reasonCode(
          "127.0.0.1", hub.mqttPort(), InetAddress.getByName(from), clientId, user, password);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private java.util.List<String> logLines() {
    synchronized (log) { // the appender adds under this lock, from the broker's threads
      return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
  }

  private boolean logged(String text) {
    return logLines().stream().anyMatch(m -> m.contains(text));
  }

  @Test
  void shouldRefuseAnonymousClientsAndWrongOrMalformedCredentials() {
    String password = hub.stationPassword("s-001");

    assertThat(connect("station-s-001-anon", null, null))
        .as("anonymous")
        .isEqualTo(BAD_USER_OR_PASSWORD);
    assertThat(connect("station-s-001-wrong", "s-001", password + "x"))
        .as("wrong password")
        .isEqualTo(BAD_USER_OR_PASSWORD);
    assertThat(connect("station-s-001-none", "s-001", null))
        .as("no password")
        .isEqualTo(BAD_USER_OR_PASSWORD);
    assertThat(connect("station-s-404-x", "s-404", password))
        .as("unknown station")
        .isEqualTo(BAD_USER_OR_PASSWORD);
    assertThat(connect("any", "liaison/+/#", password))
        .as("a topic filter as user name")
        .isEqualTo(BAD_USER_OR_PASSWORD);
    assertThat(connect("any", "s".repeat(300), password))
        .as("an overlong user name")
        .isEqualTo(BAD_USER_OR_PASSWORD);
    assertThat(connect("station-s-001-hub", hub.hubUsername(), password))
        .as("the hub's name, a station's password")
        .isEqualTo(BAD_USER_OR_PASSWORD);
    assertThat(
            raw(
                "127.0.0.3",
                "station-s-001-bytes",
                utf8("s-001"),
                new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, 0}))
        .as("a password that is not UTF-8")
        .isEqualTo(BAD_USER_OR_PASSWORD);
    assertThat(
            raw("127.0.0.3", "station-s-001-name", new byte[] {(byte) 0xC3, 0x28}, utf8(password)))
        .as("a user name that is not UTF-8: a malformed packet, the connection closed")
        .isNotZero();
    // The right password with a client id of another station (or the hub's) would take over its
    // session.
    assertThat(connect("station-s-002-abc", "s-001", password))
        .as("another station's client id")
        .isEqualTo(BAD_USER_OR_PASSWORD);
    assertThat(connect("liaison-hub", "s-001", password))
        .as("the hub's client id")
        .isEqualTo(BAD_USER_OR_PASSWORD);

    assertThat(logged("anonymous clients are refused")).isTrue();
    assertThat(logged("wrong password for station s-001")).isTrue();
    assertThat(logged("station s-404 is not enrolled")).isTrue();
    assertThat(logged("must connect with a client id station-s-001-")).isTrue();
    // And the broker still serves: the station with its own credential and client id is let in.
    assertThat(connect("station-s-001-ok", "s-001", password)).isZero();
    assertThat(hub.bean(BrokerClient.class).isConnected()).isTrue();
  }

  @Test
  void shouldTellABrokerThatAdmitsAnyoneFromTheHubsOne(@TempDir Path dir) throws Exception {
    // What the hub checks at start, and why: HiveMQ without the extension admits anonymous clients.
    try (liaison.testkit.TestBroker open = liaison.testkit.TestBroker.start(dir)) {
      assertThat(
              AnonymousProbe.reasonCode("127.0.0.1", open.port(), EmbeddedBroker.PROBE_CLIENT_ID))
          .isZero();
    }
    assertThat(
            AnonymousProbe.reasonCode("127.0.0.1", hub.mqttPort(), EmbeddedBroker.PROBE_CLIENT_ID))
        .isEqualTo(NOT_AUTHORIZED);
  }

  @Test
  void shouldLetAStationReadAndWriteOnlyItsOwnTopics() {
    try (TestClient s1 = hub.station("s-001", "acl")) {
      assertThat(s1.subscribeReason(Topic.stationContent("s-001").toString()))
          .as("own content")
          .isLessThan(0x80);
      assertThat(s1.subscribeReason(Topic.stationAlert("s-001").toString()))
          .as("own alert")
          .isLessThan(0x80);
      assertThat(s1.subscribeReason(Topic.stationCommand("s-001").toString()))
          .as("own commands")
          .isLessThan(0x80);
      assertThat(s1.subscribeReason("#")).as("everything").isEqualTo(NOT_AUTHORIZED);
      assertThat(s1.subscribeReason("liaison/v1/station/+/content"))
          .as("every station's content")
          .isEqualTo(NOT_AUTHORIZED);
      assertThat(s1.subscribeReason(Topic.stationContent("s-002").toString()))
          .as("another's content")
          .isEqualTo(NOT_AUTHORIZED);
      assertThat(s1.subscribeReason(Topic.stationEvent("s-001").toString()))
          .as("events are the hub's to read")
          .isEqualTo(NOT_AUTHORIZED);
      assertThat(s1.subscribeReason("$share/hub/liaison/v1/station/+/event"))
          .as("the hub's shared events")
          .isEqualTo(NOT_AUTHORIZED);
    }
    byte[] any = "{}".getBytes(StandardCharsets.UTF_8);
    // A forbidden publish is refused (PUBACK 0x87) and the broker then closes the connection, so
    // each is tried on a connection of its own.
    assertThat(publishAsS1(Topic.stationEvent("s-002").toString(), false))
        .as("another's event")
        .isEqualTo(NOT_AUTHORIZED);
    assertThat(publishAsS1(Topic.stationState("s-002").toString(), true))
        .as("another's state")
        .isEqualTo(NOT_AUTHORIZED);
    assertThat(publishAsS1(Topic.stationContent("s-001").toString(), true))
        .as("its own content: the hub's to write")
        .isEqualTo(NOT_AUTHORIZED);
    assertThat(publishAsS1(Topic.stationCommand("s-002").toString(), false))
        .as("a command")
        .isEqualTo(NOT_AUTHORIZED);
    assertThat(publishAsS1(Topic.stationEvent("s-001").toString(), true))
        .as("a retained event")
        .isEqualTo(NOT_AUTHORIZED);
    assertThat(publishAsS1(Topic.stationResponse("s-002", "liaison-hub").toString(), false))
        .as("an answer in another station's name")
        .isEqualTo(NOT_AUTHORIZED);
    assertThat(publishAsS1("liaison/v1/hub/responses/liaison-hub", false))
        .as("the old shared answer topic, writable by every station until issue 12")
        .isEqualTo(NOT_AUTHORIZED);
    try (TestClient s1 = hub.station("s-001", "allowed")) {
      assertThat(s1.publishReason(Topic.stationEvent("s-001").toString(), any, false))
          .as("its own event")
          .isLessThan(0x80);
      assertThat(
              s1.publishReason(
                  Topic.stationState("s-001").toString(),
                  "{".getBytes(StandardCharsets.UTF_8),
                  true))
          .as("its own state")
          .isLessThan(0x80);
      assertThat(
              s1.publishReason(
                  Topic.stationResponse("s-001", "liaison-hub").toString(), any, false))
          .as("an answer to the hub")
          .isLessThan(0x80);
      assertThat(s1.isConnected()).isTrue();
    }
  }

  private int publishAsS1(String topic, boolean retained) {
    try (TestClient s1 = hub.station("s-001", "forbidden")) {
      return s1.publishReason(topic, "{}".getBytes(StandardCharsets.UTF_8), retained);
    }
  }

  @Test
  void shouldNeverLetAForgedSnapshotFromAStationReplaceTheHubsOne() throws Exception {
    PublicationRepository publications = hub.bean(PublicationRepository.class);
    await().until(() -> publications.current("s-001").isPresent());
    long published = publications.current("s-001").orElseThrow().version();
    StationContent real;
    try (TestClient watcher = hub.observer("forgery-watcher")) {
      watcher.subscribe(Topic.stationContent("s-001").toString());
      await().until(() -> !watcher.received().isEmpty());
      real = ProtocolCodec.decode(watcher.received().getLast().payload(), StationContent.class);
    }
    StationContent forged = real.withVersion(published + 1000, real.generatedAt());

    try (TestClient rogue = hub.station("s-002", "rogue")) {
      assertThat(
              rogue.publishReason(
                  Topic.stationContent("s-001").toString(), ProtocolCodec.encode(forged), true))
          .isEqualTo(NOT_AUTHORIZED);
    }
    try (TestClient late = hub.station("s-001", "late")) {
      late.subscribe(Topic.stationContent("s-001").toString());
      await().until(() -> !late.received().isEmpty());
      assertThat(
              ProtocolCodec.decode(late.received().getLast().payload(), StationContent.class)
                  .version())
          .as("the retained snapshot is still the hub's")
          .isEqualTo(published);
    }
  }

  @Test
  void shouldShutOutAndDisconnectARevokedStation() {
    String password = hub.stationPassword("s-003");
    StaffClient admin = StaffClient.basic(hub, "admin", DemoCounty.PASSWORD);
    try (TestClient connected = hub.station("s-003", "before")) {
      assertThat(connected.isConnected()).isTrue();

      var revoked = admin.api("DELETE", "/api/stations/s-003/credential", null);

      assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
      assertThat(revoked.body()).contains("\"revokedBy\":\"admin\"");
      await().atMost(Duration.ofSeconds(10)).until(() -> !connected.isConnected());
    }
    assertThat(raw("127.0.0.4", "station-s-003-after", utf8("s-003"), utf8(password)))
        .isEqualTo(BAD_USER_OR_PASSWORD);
    assertThat(logged("closed connection station-s-003-before made with a revoked credential"))
        .isTrue();
    // Revoking twice says there is nothing to revoke.
    assertThat(admin.api("DELETE", "/api/stations/s-003/credential", null).statusCode())
        .isEqualTo(409);
  }

  @Test
  void shouldHoldBackAStormFromOneAddressAndKeepServingTheOthers() throws Exception {
    int refusedBefore = (int) hub.bean(EmbeddedBroker.class).refusedConnects();
    int rateRefused = 0;
    for (int i = 0; i < 20; i++) {
      int reason = raw("127.0.0.2", "station-s-002-storm" + i, utf8("s-002"), utf8("guess"));
      assertThat(reason).as("attempt %d", i).isIn(BAD_USER_OR_PASSWORD, RATE_EXCEEDED);
      if (reason == RATE_EXCEEDED) {
        rateRefused++;
      }
    }

    assertThat(rateRefused).as("held back after 12 failed log-ins").isEqualTo(20 - 12);
    assertThat(hub.bean(EmbeddedBroker.class).refusedConnects() - refusedBefore)
        .isEqualTo(rateRefused);
    assertThat(logged("MQTT connect from 127.0.0.2")).isTrue();
    assertThat(logged("failed log-ins within")).isTrue();
    assertThat(logLines().stream().filter(m -> m.contains("from 127.0.0.2")).count())
        .as("a storm does not flood the log")
        .as(
            "each of the 12 failures, and of the 8 attempts held back 3 (a few more if the log window turned)")
        .isBetween(12L + 3, 12L + 6);
    // Meanwhile a station elsewhere connects and gets its content; the hub stays connected.
    try (TestClient other = hub.station("s-001", "calm")) {
      other.subscribe(Topic.stationContent("s-001").toString());
      await().until(() -> !other.received().isEmpty());
    }
    assertThat(hub.bean(BrokerClient.class).isConnected()).isTrue();
    assertThat(
            StaffClient.basic(hub, "admin", DemoCounty.PASSWORD).api("GET", "/health", null).body())
        .contains("\"refusedConnects\"");
    // Even the right password is held back from the storming address until its window passes.
    assertThat(
            raw(
                "127.0.0.2",
                "station-s-002-late",
                utf8("s-002"),
                utf8(hub.stationPassword("s-002"))))
        .isEqualTo(RATE_EXCEEDED);
  }
}
