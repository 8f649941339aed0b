package liaison.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import liaison.hub.RunningHub;
import liaison.hub.broker.BrokerSettings;
import liaison.hub.ingest.StationEventRepository.StoredEvent;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationEvent;
import liaison.signage.protocol.Topic;
import liaison.signage.transport.NoDelaySocketFactory;
import liaison.testkit.TestClient;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One hub for every case: the listeners, the subscription on the hub's own broker, and how many
 * events that broker lets the hub hold unacknowledged.
 */
class EventIngestListenerTest {
  @TempDir static Path dir;
  private static RunningHub hub;

  @BeforeAll
  static void start() {
    hub = RunningHub.start(dir);
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  @Test
  void shouldTellListenersOfCommittedEventsEvenWhenAnotherListenerFails() throws Exception {
    // given a listener that fails and one that collects
    EventIngest ingest = hub.bean(EventIngest.class);
    List<StoredEvent> seen = new CopyOnWriteArrayList<>();
    ingest.onStored(
        rows -> {
          throw new IllegalStateException("a listener that always fails");
        });
    ingest.onStored(seen::addAll);
    List<UUID> sent = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

    // when station s-001 sends three events
    try (TestClient client = hub.station("s-001", "listener")) {
      for (UUID id : sent) {
        client.publish(
            Topic.stationEvent("s-001").toString(),
            ProtocolCodec.encode(new StationEvent(id, "footfall", OffsetDateTime.now(), Map.of())),
            false);
      }
    }

    // then the collecting listener saw each once, and the failing one caused no redelivery
    await().atMost(Duration.ofSeconds(30)).until(() -> seen.size() >= sent.size());
    // A redelivery, had the failing listener caused one, would come within half a second.
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(5))
        .until(() -> seen.size() == sent.size());
    assertThat(seen)
        .extracting(StoredEvent::eventId)
        .containsExactlyInAnyOrderElementsOf(sent.stream().map(UUID::toString).toList());
    assertThat(seen).allSatisfy(e -> assertThat(e.stationId()).isEqualTo("s-001"));
    assertThat(hub.bean(StationEventRepository.class).count("s-001")).isEqualTo(sent.size());
  }

  @Test
  void shouldReadItsOwnBrokerPlainlyAndLeaveTheSharedSubscriptionAnEarlierVersionLeft()
      throws Exception {
    EventIngest ingest = hub.bean(EventIngest.class);
    assertThat(ingest.filter()).isEqualTo(Topic.allStations(Topic.Channel.EVENT));
    List<StoredEvent> seen = new CopyOnWriteArrayList<>();
    ingest.onStored(seen::addAll);

    // given the hub's session holding the shared subscription, as an earlier version left it: taken
    // over under the hub's client id, which the hub then takes back
    MqttAsyncClient earlier =
        new MqttAsyncClient(
            hub.brokerUri(), hub.bean(BrokerSettings.class).clientId(), new MemoryPersistence());
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(false);
    options.setSessionExpiryInterval(24 * 3600L);
    options.setUserName(hub.hubUsername());
    options.setPassword(hub.hubPassword().getBytes(StandardCharsets.UTF_8));
    earlier.connect(options).waitForCompletion(10_000);
    earlier.subscribe(EventIngest.SHARED, 1).waitForCompletion(10_000);
    earlier.disconnect().waitForCompletion(10_000);
    earlier.close();
    UUID before = UUID.randomUUID();
    UUID after = UUID.randomUUID();
    try (TestClient station = hub.station("s-002", "shared")) {
      // when an event comes while both subscriptions are in the session
      station.publish(
          Topic.stationEvent("s-002").toString(),
          ProtocolCodec.encode(
              new StationEvent(before, "footfall", OffsetDateTime.now(), Map.of())),
          false);

      // then it reaches the hub by both and is stored once
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> rows(seen, before) == 2 && !ingest.leavingShared());
      assertThat(hub.bean(StationEventRepository.class).count("s-002")).isEqualTo(1);

      // and once the hub has been quiet the shared one is gone: the next event comes once
      station.publish(
          Topic.stationEvent("s-002").toString(),
          ProtocolCodec.encode(new StationEvent(after, "footfall", OffsetDateTime.now(), Map.of())),
          false);
      await().atMost(Duration.ofSeconds(30)).until(() -> rows(seen, after) >= 1);
      await()
          .during(Duration.ofMillis(500))
          .atMost(Duration.ofSeconds(5))
          .until(() -> rows(seen, after) == 1);
    }
  }

  @Test
  void shouldLetTheEmbeddedBrokerSendTheHubAsManyEventsUnacknowledgedAsItsReceiveMaximum()
      throws Exception {
    // given a session with the hub's account and Receive Maximum, away while a station sends more
    // events than HiveMQ CE's own cap of 50 in flight (as the hub's session is while it commits)
    int receiveMaximum = hub.bean(BrokerSettings.class).clientReceiveMaximum();
    int sent = 120;
    assertThat(receiveMaximum).isGreaterThan(sent);
    List<String> arrived = new CopyOnWriteArrayList<>();
    MqttAsyncClient slow =
        new MqttAsyncClient(hub.brokerUri(), "in-flight-probe", new MemoryPersistence());
    slow.setManualAcks(true);
    slow.setCallback(
        liaison.hub.SimulatedStations.callback(
            (topic, message) -> arrived.add(topic), () -> {}, e -> {}));
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setReceiveMaximum(receiveMaximum);
    options.setSessionExpiryInterval(60L);
    options.setSocketFactory(NoDelaySocketFactory.get());
    options.setUserName(hub.hubUsername());
    options.setPassword(hub.hubPassword().getBytes(StandardCharsets.UTF_8));
    slow.connect(options).waitForCompletion(10_000);
    try {
      IMqttToken subscribed = slow.subscribe(Topic.stationEvent("s-003").toString(), 1);
      subscribed.waitForCompletion(10_000);
      assertThat(subscribed.getReasonCodes()).containsExactly(1);
      slow.disconnect().waitForCompletion(10_000);
      try (TestClient station = hub.station("s-003", "inflight")) {
        for (int i = 0; i < sent; i++) {
          station.publish(
              Topic.stationEvent("s-003").toString(),
              ProtocolCodec.encode(
                  new StationEvent(UUID.randomUUID(), "footfall", OffsetDateTime.now(), Map.of())),
              false);
        }
      }

      // when the session comes back and acknowledges nothing
      options.setCleanStart(false);
      slow.connect(options).waitForCompletion(10_000);

      // then the broker sends every queued one at once: the hub, which acknowledges only after
      // its commit, is not held to 50 events a commit
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertThat(arrived).as("events unacknowledged").hasSize(sent));
    } finally {
      MqttProperties end = new MqttProperties();
      end.setSessionExpiryInterval(0L);
      slow.disconnect(1_000, null, null, 0, end).waitForCompletion(5_000);
      slow.close(true);
    }
  }

  private static long rows(List<StoredEvent> seen, UUID id) {
    return seen.stream().filter(e -> e.eventId().equals(id.toString())).count();
  }
}
