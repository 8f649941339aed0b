package liaison.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.demo.DemoCounty;
import liaison.hub.ingest.StationEventRepository;
import liaison.signage.protocol.MqttPasswordHash;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationEvent;
import liaison.signage.protocol.StationIdentity;
import liaison.signage.protocol.Topic;
import liaison.testkit.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's settings for an external broker, proven on a real Mosquitto: the hub runs against it
 * and keeps its password and ACL files ({@code --mosquitto-dir}); after a SIGHUP each station reads
 * and writes only its own topics, anonymous and wrong passwords are refused, and a revoked station
 * is shut out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("security")
class MosquittoTest {
  private static final String HUB_PASSWORD = "hub-secret-for-mosquitto";
  private MosquittoProcess mosquitto;
  private RunningHub hub;
  private Path files;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    files = Files.createDirectories(dir.resolve("mosquitto"));
    // Mosquitto needs the hub's account before the hub can connect; the hub rewrites both files.
    Files.writeString(
        files.resolve(MosquittoFiles.PASSWORD_FILE),
        MosquittoFiles.passwordFile("liaison_hub", MqttPasswordHash.hash(HUB_PASSWORD), Map.of()));
    Files.writeString(
        files.resolve(MosquittoFiles.ACL_FILE), MosquittoFiles.aclFile("liaison_hub"));
    mosquitto = MosquittoProcess.start(files);
    hub =
        RunningHub.start(
            dir.resolve("hub"),
            Map.of(
                "hub.mqtt.uri", mosquitto.uri(),
                "hub.mqtt.password", HUB_PASSWORD,
                "hub.mqtt.mosquitto-dir", files.toString()));
    hub.stationPassword("s-001");
    hub.stationPassword("s-002");
    mosquitto.reload();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                connect("s-001", hub.stationPassword("s-001")) == 0
                    && connect("s-002", hub.stationPassword("s-002")) == 0);
  }

  @AfterAll
  void stop() {
    if (hub != null) {
      hub.close();
    }
    if (mosquitto != null) {
      mosquitto.close();
    }
  }

  private int connect(String user, String password) {
    return TestClient.tryConnect(
        mosquitto.uri(),
        StationIdentity.clientId(
            user != null && user.startsWith("s-") ? user : "s-000",
            "probe" + UUID.randomUUID().toString().substring(0, 6)),
        user,
        password == null ? null : password.getBytes(StandardCharsets.UTF_8),
        null);
  }

  private TestClient station(String id, String suffix) {
    return TestClient.connect(
        mosquitto.uri(), StationIdentity.clientId(id, suffix), id, hub.stationPassword(id));
  }

  private TestClient observer(String name) {
    return TestClient.connect(mosquitto.uri(), name, "liaison_hub", HUB_PASSWORD);
  }

  @Test
  void shouldHaveWrittenTheFilesTheReadmeDescribes() throws Exception {
    String acl = Files.readString(files.resolve(MosquittoFiles.ACL_FILE));
    String passwd = Files.readString(files.resolve(MosquittoFiles.PASSWORD_FILE));

    assertThat(acl)
        .contains("user liaison_hub\ntopic readwrite liaison/#")
        .contains("pattern read liaison/v1/station/%u/content")
        .contains("pattern read liaison/v1/station/%u/alert")
        .contains("pattern read liaison/v1/station/%u/command")
        .contains("pattern write liaison/v1/station/%u/state")
        .contains("pattern write liaison/v1/station/%u/event")
        .contains("pattern write liaison/v1/station/%u/response/+")
        .doesNotContain("liaison/v1/hub/responses");
    assertThat(passwd)
        .containsPattern("(?m)^liaison_hub:\\$7\\$101\\$")
        .containsPattern("(?m)^s-001:\\$7\\$101\\$");
    assertThat(passwd).doesNotContain(hub.stationPassword("s-001"), HUB_PASSWORD);
  }

  @Test
  void shouldRefuseAnonymousClientsAndWrongPasswords() {
    assertThat(connect(null, null)).as("anonymous").isIn(0x86, 0x87);
    assertThat(connect("s-001", "wrong")).as("wrong password").isIn(0x86, 0x87);
    assertThat(connect("s-404", hub.stationPassword("s-001")))
        .as("unknown station")
        .isIn(0x86, 0x87);
  }

  @Test
  void shouldLetAStationReadOnlyItsOwnTopics() {
    try (TestClient hubSide = observer("mosquitto-hub-side");
        TestClient s1 = station("s-001", "reader")) {
      // The hub's own snapshot, published to Mosquitto by the hub, reaches its station.
      s1.subscribe(Topic.stationContent("s-001").toString());
      await().until(() -> !s1.receivedOn(Topic.stationContent("s-001").toString()).isEmpty());
      s1.subscribeReason("#");
      s1.subscribeReason(Topic.stationContent("s-002").toString());
      s1.subscribe(Topic.stationCommand("s-001").toString());

      hubSide.publish(
          Topic.stationCommand("s-002").toString(),
          "for s-002".getBytes(StandardCharsets.UTF_8),
          false);
      hubSide.publish(
          Topic.stationCommand("s-001").toString(),
          "marker".getBytes(StandardCharsets.UTF_8),
          false);

      await().until(() -> !s1.receivedOn(Topic.stationCommand("s-001").toString()).isEmpty());
      assertThat(s1.received())
          .extracting(TestClient.Received::topic)
          .allMatch(t -> t.startsWith("liaison/v1/station/s-001/"), "only s-001's topics");
    }
  }

  @Test
  void shouldLetAStationWriteOnlyItsOwnTopics() {
    try (TestClient hubSide = observer("mosquitto-watcher");
        TestClient s1 = station("s-001", "writer")) {
      hubSide.subscribe("liaison/#");
      byte[] forged = "{\"forged\":true}".getBytes(StandardCharsets.UTF_8);
      s1.publishReason(Topic.stationEvent("s-002").toString(), forged, false);
      s1.publishReason(Topic.stationState("s-002").toString(), forged, true);
      s1.publishReason(Topic.stationContent("s-001").toString(), forged, true);
      s1.publishReason(Topic.stationContent("s-002").toString(), forged, true);
      s1.publishReason(Topic.stationCommand("s-002").toString(), forged, false);
      s1.publish(
          Topic.stationState("s-001").toString(),
          "{\"marker\":true}".getBytes(StandardCharsets.UTF_8),
          false);

      await().until(() -> !hubSide.receivedOn(Topic.stationState("s-001").toString()).isEmpty());
      assertThat(hubSide.received())
          .as("nothing s-001 wrote outside its own state and event topics arrived")
          .noneMatch(r -> new String(r.payload(), StandardCharsets.UTF_8).contains("forged"));
    }
  }

  @Test
  void shouldCarryAStationsEventThroughMosquittoIntoTheHub() {
    StationEventRepository events = hub.bean(StationEventRepository.class);
    long before = events.count("s-002");
    try (TestClient s2 = station("s-002", "events")) {
      s2.publish(
          Topic.stationEvent("s-002").toString(),
          ProtocolCodec.encode(
              new StationEvent(
                  UUID.randomUUID(), "footfall", OffsetDateTime.now(), Map.of("count", 3))),
          false);
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> events.count("s-002") == before + 1);
  }

  @Test
  void shouldShutOutARevokedStationOnceMosquittoReadsTheFilesAgain() throws Exception {
    String password = hub.stationPassword("s-003");
    mosquitto.reload();
    await().atMost(Duration.ofSeconds(10)).until(() -> connect("s-003", password) == 0);

    var revoked =
        StaffClient.basic(hub, "admin", DemoCounty.PASSWORD)
            .api("DELETE", "/api/stations/s-003/credential", null);
    assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
    assertThat(Files.readString(files.resolve(MosquittoFiles.PASSWORD_FILE)))
        .doesNotContain("s-003:");
    mosquitto.reload();

    await().atMost(Duration.ofSeconds(10)).until(() -> connect("s-003", password) != 0);
    assertThat(connect("s-001", hub.stationPassword("s-001")))
        .as("the others are still served")
        .isZero();
  }
}
