package liaison.signage.player;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import liaison.signage.player.store.ContentStore;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationEvent;
import liaison.signage.protocol.Topic;
import liaison.signage.transport.ReconnectPolicy;
import liaison.testkit.CuttingProxy;
import liaison.testkit.TestBroker;
import liaison.testkit.TestClient;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxDeliveryTest {

  private static final String EVENT = Topic.stationEvent("s-001").toString();
  private static final ReconnectPolicy FAST =
      new ReconnectPolicy(Duration.ofMillis(100), Duration.ofMillis(300), 0.2);

  @TempDir Path dir;
  private TestBroker broker;

  /** Plays the hub; a new one after each broker restart, since the broker forgets subscriptions. */
  private final List<TestClient> hubs = new ArrayList<>();

  private final TestClock clock = TestClock.at("2026-11-23T08:00:00+08:00");

  @BeforeEach
  void startBroker() {
    broker = TestBroker.start(dir);
    listen();
  }

  @AfterEach
  void stopBroker() {
    hubs.forEach(TestClient::close);
    broker.close();
  }

  private void listen() {
    TestClient hub = TestClient.connect(broker.uri(), "test-hub-" + hubs.size());
    hub.subscribe(EVENT);
    hubs.add(hub);
  }

  private List<StationEvent> received() {
    return hubs.stream()
        .flatMap(h -> h.receivedOn(EVENT).stream())
        .map(r -> ProtocolCodec.decode(r.payload(), StationEvent.class))
        .toList();
  }

  private Set<UUID> receivedIds() {
    Set<UUID> ids = new HashSet<>();
    received().forEach(e -> ids.add(e.id()));
    return ids;
  }

  private StationConfig config() {
    return StationConfig.of("s-001", broker.uri(), dir.resolve("station")).withReconnect(FAST);
  }

  @Test
  void shouldDeliverEveryEventRecordedWhileTheBrokerComesAndGoes() throws Exception {
    Set<UUID> recorded = new HashSet<>();
    // The station reaches the broker through a gate: cutting it first loses the publishes in flight
    // (not acknowledged: the station sends them again) while the broker, still up, hands the hub
    // what it did acknowledge. Stopping an in-memory broker with those still queued would lose
    // them in the broker, which no outbox can help.
    try (CuttingProxy gate = CuttingProxy.to(broker.port());
        StationRuntime runtime =
            StationRuntime.open(config().withBrokerUri(gate.mqttUri()), clock)) {
      runtime.start();
      await().until(() -> runtime.presence().link().get().state() == LinkStatus.State.ONLINE);

      // when 500 events are recorded over three outages, half of them while the broker is down
      int rounds = 3;
      for (int round = 0; round < rounds; round++) {
        for (int i = 0; i < share(250, rounds, round); i++) {
          recorded.add(runtime.events().record("button.call", Map.of("round", round, "i", i)).id());
        }
        gate.cut(); // while some are still in flight
        await().until(() -> heardOrPending().containsAll(recorded));
        broker.stop();
        for (int i = 0; i < share(250, rounds, round); i++) {
          recorded.add(
              runtime.events().record("satisfaction", Map.of("round", round, "score", i % 5)).id());
        }
        assertThat(runtime.events().pending())
            .as("nothing leaves while the broker is down")
            .isPositive();
        broker.startAgain();
        listen();
        gate.open();
        await().until(() -> runtime.presence().link().get().state() == LinkStatus.State.ONLINE);
      }

      // then the hub gets each of them at least once, and the outbox empties
      await()
          .atMost(Duration.ofSeconds(20))
          .alias("every recorded event reaches the hub (" + recorded.size() + " recorded)")
          .until(
              () -> receivedIds().size() + " received, " + runtime.events().pending() + " pending",
              progress -> receivedIds().containsAll(recorded));
      await().until(() -> runtime.events().pending() == 0);
      assertThat(recorded).hasSize(500);
      assertThat(receivedIds()).isEqualTo(recorded);
    }
  }

  /** What the hub has received, and what the station still holds (read from its store file). */
  private Set<UUID> heardOrPending() {
    Set<UUID> ids = new HashSet<>();
    try (ContentStore store = ContentStore.open(config().storeFile())) {
      store.outbox().after(0, 10_000).forEach(p -> ids.add(p.id()));
    }
    ids.addAll(receivedIds());
    return ids;
  }

  /** Part {@code index} of {@code total} split into {@code parts} nearly equal parts. */
  private static int share(int total, int parts, int index) {
    return total / parts + (index < total % parts ? 1 : 0);
  }

  @Test
  void shouldSendEventsRecordedBeforeARestartOnceTheHubIsBack() {
    broker.stop();
    StationEvent first;
    try (StationRuntime runtime = StationRuntime.open(config(), clock)) {
      runtime.start();
      first = runtime.events().record("satisfaction", Map.of("score", 5));
      for (int i = 1; i < 20; i++) {
        runtime.events().record("satisfaction", Map.of("score", i % 5));
      }
      assertThat(runtime.events().pending()).isEqualTo(20);
    }

    clock.advance(Duration.ofMinutes(5));
    try (StationRuntime restarted = StationRuntime.open(config(), clock)) {
      assertThat(restarted.events().pending())
          .as("kept in the store across the restart")
          .isEqualTo(20);
      broker.startAgain();
      listen();
      restarted.start();

      await().until(() -> receivedIds().size() == 20 && restarted.events().pending() == 0);
      StationEvent sent =
          received().stream().filter(e -> e.id().equals(first.id())).findFirst().orElseThrow();
      assertThat(sent.type()).isEqualTo("satisfaction");
      assertThat(sent.body()).containsEntry("score", 5);
      assertThat(sent.at())
          .as("when it was recorded, not when sent")
          .isEqualTo(OffsetDateTime.parse("2026-11-23T08:00:00+08:00"));
      assertThat(hubs.getLast().receivedOn(EVENT))
          .allSatisfy(r -> assertThat(r.retained()).isFalse());
    }
  }
}
