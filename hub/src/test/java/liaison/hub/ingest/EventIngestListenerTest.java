package liaison.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import liaison.hub.RunningHub;
import liaison.hub.ingest.StationEventRepository.StoredEvent;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationEvent;
import liaison.signage.protocol.Topic;
import liaison.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventIngestListenerTest {
  @TempDir Path dir;

  @Test
  void shouldTellListenersOfCommittedEventsEvenWhenAnotherListenerFails() throws Exception {
    try (RunningHub hub = RunningHub.start(dir)) {
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
              ProtocolCodec.encode(
                  new StationEvent(id, "footfall", OffsetDateTime.now(), Map.of())),
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
  }
}
