package liaison.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import liaison.hub.RunningHub;
import liaison.hub.broker.EmbeddedBroker;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationEvent;
import liaison.signage.protocol.Topic;
import liaison.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stations send faster than the hub writes: the broker must queue, not drop. */
class EventBurstTest {
  private static long stored(StationEventRepository events) {
    return STATIONS.stream().mapToLong(events::count).sum();
  }

  private static final List<String> STATIONS = List.of("s-001", "s-002", "s-003");
  private static final int PER_STATION = 1_500;

  @TempDir Path dir;

  @Test
  void shouldStoreEveryEventOfABurstFromSeveralStationsAndDropNone() throws Exception {
    try (RunningHub hub = RunningHub.start(dir)) {
      StationEventRepository events = hub.bean(StationEventRepository.class);

      List<Thread> senders = new ArrayList<>();
      List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
      for (String station : STATIONS) {
        senders.add(
            Thread.ofPlatform()
                .uncaughtExceptionHandler((t, e) -> failures.add(e))
                .start(
                    () -> {
                      try (TestClient client = hub.station(station, "burst")) {
                        String topic = Topic.stationEvent(station).toString();
                        for (int i = 0; i < PER_STATION; i++) {
                          StationEvent event =
                              new StationEvent(
                                  UUID.randomUUID(),
                                  "footfall",
                                  OffsetDateTime.now(),
                                  Map.of("n", i));
                          client.publish(topic, ProtocolCodec.encode(event), false);
                        }
                      }
                    }));
      }
      for (Thread sender : senders) {
        sender.join();
      }
      assertThat(failures).as("the stations' sending").isEmpty();

      EmbeddedBroker broker = hub.bean(EmbeddedBroker.class);
      long expected = (long) STATIONS.size() * PER_STATION;
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> stored(events) == expected || broker.droppedMessages() > 0);
      assertThat(broker.droppedMessages()).as("messages the broker dropped").isZero();
      assertThat(stored(events)).isEqualTo(expected);
    }
  }
}
