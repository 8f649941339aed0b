package liaison.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import liaison.hub.RunningHub;
import liaison.hub.problem.BadInput;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationEvent;
import liaison.signage.protocol.Topic;
import liaison.testkit.TestClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While the database cannot take writes (another connection holds SQLite's write lock for longer
 * than the busy time-out), the events stay in memory unacknowledged and are tried again, {@code
 * /health} stays 200 and says {@code ingestion: DEGRADED}, and {@code /health/ingest} answers 503;
 * once the lock is gone every event is stored and both are well again. Before issue 12 the writer
 * dropped such a batch from memory without acknowledging it: lost, and the broker's window for the
 * hub stayed full.
 */
@Tag("security")
class IngestHealthTest {
  @TempDir Path dir;
  final ObjectMapper json = new ObjectMapper();

  @Test
  void shouldKeepEventsTheBusyDatabaseRefusesAndSayDegradedUntilTheyAreStored() throws Exception {
    String url =
        "jdbc:sqlite:"
            + dir.resolve("hub.db")
            + "?journal_mode=WAL&synchronous=FULL&foreign_keys=true&busy_timeout=200&transaction_mode=IMMEDIATE";
    try (RunningHub hub =
            RunningHub.start(dir, Map.of("hub.ingest.degraded-after", "1s", "hub.db.url", url));
        TestClient s1 = hub.station("s-001", "busy");
        TestClient s2 = hub.station("s-002", "busy")) {
      StationEventRepository events = hub.bean(StationEventRepository.class);
      BadInput bad = hub.bean(BadInput.class);
      long badBefore = bad.count("mqtt.event");
      long s1Before = events.count("s-001");
      long s2Before = events.count("s-002");
      assertThat(hub.get("/health/ingest").statusCode()).isEqualTo(200);

      List<StationEvent> sent = new ArrayList<>();
      try (Connection lock = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("hub.db"))) {
        lock.setAutoCommit(false);
        try (Statement s = lock.createStatement()) {
          s.executeUpdate("UPDATE station SET name = name WHERE id = 's-003'");
        }
        for (int i = 0; i < 10; i++) {
          StationEvent e =
              new StationEvent(
                  UUID.randomUUID(), "button.call", OffsetDateTime.now(), Map.of("n", i));
          sent.add(e);
          (i % 2 == 0 ? s1 : s2)
              .publish(
                  Topic.stationEvent(i % 2 == 0 ? "s-001" : "s-002").toString(),
                  ProtocolCodec.encode(e),
                  false);
        }

        await().until(() -> hub.get("/health/ingest").statusCode() == 503);
        HttpResponse<String> ingest = hub.get("/health/ingest");
        assertThat(json.readTree(ingest.body()).path("status").asText()).isEqualTo("DEGRADED");
        assertThat(json.readTree(ingest.body()).path("messageEn").asText())
            .contains("waited unstored");
        HttpResponse<String> health = hub.get("/health");
        assertThat(health.statusCode()).as("load balancers keep sending").isEqualTo(200);
        JsonNode body = json.readTree(health.body());
        assertThat(body.path("status").asText()).isEqualTo("DEGRADED");
        assertThat(body.path("details").path("ingestion").path("status").asText())
            .isEqualTo("DEGRADED");
        // How many wait is a detail, shown to a county administrator only.
        JsonNode details =
            json.readTree(
                liaison.hub.StaffClient.basic(hub, "admin", liaison.hub.demo.DemoCounty.PASSWORD)
                    .api("GET", "/health", null)
                    .body());
        assertThat(
                details.path("details").path("ingestion").path("details").path("waiting").asInt())
            .isPositive();
        lock.rollback();
      }

      await()
          .until(
              () -> events.count("s-001") == s1Before + 5 && events.count("s-002") == s2Before + 5);
      await().until(() -> hub.get("/health/ingest").statusCode() == 200);
      JsonNode body = json.readTree(hub.get("/health").body());
      assertThat(body.path("details").path("ingestion").path("status").asText()).isEqualTo("UP");
      assertThat(bad.count("mqtt.event"))
          .as("a busy database is not the stations' fault")
          .isEqualTo(badBefore);
    }
  }
}
