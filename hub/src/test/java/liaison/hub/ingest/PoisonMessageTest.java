package liaison.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import liaison.hub.RunningHub;
import liaison.hub.problem.BadInput;
import liaison.signage.protocol.GoldenFiles;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationEvent;
import liaison.signage.protocol.StationState;
import liaison.signage.protocol.Topic;
import liaison.testkit.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One station's poison never stops the others: a literal {@code null} (the message that stalled all
 * ingestion before issue 12), every golden bad payload on the event, state and answer topics, and a
 * row the database refuses, each sent through the hub's real broker as an enrolled station, while
 * another station's events keep being stored.
 */
@Tag("security")
class PoisonMessageTest {
  @TempDir static Path dir;
  static RunningHub hub;
  static TestClient s1;
  static TestClient s2;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() {
    hub = RunningHub.start(dir, Map.of("spec.name", "PoisonMessageTest"));
    s1 = hub.station("s-001", "poison");
    s2 = hub.station("s-002", "poison");
  }

  @AfterAll
  static void stop() {
    s1.close();
    s2.close();
    hub.close();
  }

  static StationEvent event(String type, Map<String, Object> body) {
    return new StationEvent(UUID.randomUUID(), type, OffsetDateTime.now(), body);
  }

  static void send(TestClient station, String stationId, StationEvent event) {
    station.publish(Topic.stationEvent(stationId).toString(), ProtocolCodec.encode(event), false);
  }

  static boolean stored(StationEvent event, String stationId) {
    return StoredEvents.has(hub, stationId, event);
  }

  @Test
  void shouldKeepStoringEveryStationsEventsAfterAStationPublishesTheLiteralNull() throws Exception {
    BadInput bad = hub.bean(BadInput.class);
    StationEventRepository events = hub.bean(StationEventRepository.class);
    long nullsBefore = bad.count("mqtt.event", "not-an-object");
    long s1Before = events.count("s-001");

    s1.publish(
        Topic.stationEvent("s-001").toString(), "null".getBytes(StandardCharsets.UTF_8), false);
    List<StationEvent> others = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      StationEvent e = event("button.call", Map.of("n", i));
      others.add(e);
      send(s2, "s-002", e);
    }
    StationEvent after = event("footfall", Map.of("count", 3));
    send(s1, "s-001", after);

    await()
        .until(() -> others.stream().allMatch(e -> stored(e, "s-002")) && stored(after, "s-001"));
    assertThat(bad.count("mqtt.event", "not-an-object")).isEqualTo(nullsBefore + 1);
    assertThat(events.count("s-001")).as("the null left nothing behind").isEqualTo(s1Before + 1);
    var health = hub.get("/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(
            JSON.readTree(health.body()).path("details").path("ingestion").path("status").asText())
        .isEqualTo("UP");
    assertThat(hub.get("/health/ingest").statusCode()).isEqualTo(200);
  }

  @Test
  void shouldRefuseAndCountEveryGoldenBadMessageOnItsOwnTopicAndKeepServingThatStationToo()
      throws Exception {
    BadInput bad = hub.bean(BadInput.class);
    StationEventRepository events = hub.bean(StationEventRepository.class);
    Map<String, Long> expected = new HashMap<>();
    for (String[] row : GoldenFiles.BAD_STATION_MESSAGES) {
      String source = source(row[1]);
      expected.merge(source + "/" + row[2], 1L, Long::sum);
    }
    Map<String, Long> before = new HashMap<>();
    expected.keySet().forEach(k -> before.put(k, bad.counts().getOrDefault(k, 0L)));
    long s1Before = events.count("s-001");
    StationState good =
        new StationState(
            StationState.Presence.ONLINE,
            "poison-run",
            "0.1.0",
            7,
            StationState.Screen.ON,
            OffsetDateTime.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    s1.publish(Topic.stationState("s-001").toString(), ProtocolCodec.encode(good), true);
    await()
        .until(
            () ->
                hub.bean(StateIngest.class)
                    .state("s-001")
                    .map(s -> s.state().session().equals("poison-run"))
                    .orElse(false));

    for (String[] row : GoldenFiles.BAD_STATION_MESSAGES) {
      String topic =
          switch (row[1]) {
            case "StationEvent" -> Topic.stationEvent("s-001").toString();
            case "StationState" -> Topic.stationState("s-001").toString();
            default ->
                Topic.stationResponse(
                        "s-001", hub.bean(liaison.hub.broker.BrokerClient.class).instance())
                    .toString();
          };
      s1.publish(topic, GoldenFiles.bytes(row[0]), row[1].equals("StationState"));
    }
    StationEvent after = event("button.call", Map.of());
    StationEvent other = event("button.call", Map.of());
    send(s1, "s-001", after);
    send(s2, "s-002", other);

    await()
        .until(
            () ->
                stored(after, "s-001")
                    && stored(other, "s-002")
                    && expected.entrySet().stream()
                        .allMatch(
                            e ->
                                bad.counts().getOrDefault(e.getKey(), 0L)
                                    >= before.get(e.getKey()) + e.getValue()));
    expected.forEach(
        (kind, n) ->
            assertThat(bad.counts().getOrDefault(kind, 0L))
                .as(kind)
                .isEqualTo(before.get(kind) + n));
    assertThat(events.count("s-001"))
        .as("nothing of the bad events stored")
        .isEqualTo(s1Before + 1);
    assertThat(hub.bean(StateIngest.class).state("s-001").orElseThrow().state())
        .as("no bad state replaced the good one")
        .isEqualTo(good);
    assertThat(s1.isConnected()).as("a few bad messages are no flood").isTrue();
  }

  private static String source(String type) {
    return switch (type) {
      case "StationEvent" -> "mqtt.event";
      case "StationState" -> "mqtt.state";
      default -> "mqtt.response";
    };
  }

  @Test
  void shouldStoreTheOtherEventsWhenTheDatabaseRefusesTheRowsOfOne() {
    EventIngest ingest = hub.bean(EventIngest.class);
    BadInput bad = hub.bean(BadInput.class);
    long refusedBefore = bad.count("mqtt.event", "not-storable");
    StationEvent refused = event(RefusableProjection.TYPE, Map.of("refuse", true));
    Map<StationEvent, String> fine = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 6; i++) {
      boolean fromS1 = i % 2 == 0;
      StationEvent e =
          event(fromS1 ? RefusableProjection.TYPE : "button.call", Map.of("refuse", false));
      fine.put(e, fromS1 ? "s-001" : "s-002");
      send(fromS1 ? s1 : s2, fromS1 ? "s-001" : "s-002", e);
      if (i == 2) {
        send(s1, "s-001", refused);
      }
    }

    await()
        .until(
            () ->
                ingest.waiting() == 0
                    && fine.entrySet().stream().allMatch(e -> stored(e.getKey(), e.getValue())));
    await().until(() -> bad.count("mqtt.event", "not-storable") == refusedBefore + 1);
    assertThat(stored(refused, "s-001"))
        .as("neither the event nor what its projection wrote")
        .isFalse();
  }
}
