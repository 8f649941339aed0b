package liaison.hub.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import liaison.hub.RunningHub;
import liaison.hub.StartupSummary;
import liaison.hub.opinion.Resident;
import liaison.hub.opinion.Resident.Field;
import liaison.hub.station.StationRepository;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationEvent;
import liaison.signage.protocol.Topic;
import liaison.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the settings do: without a token there is no {@code /metrics} (404, and the start-up summary
 * says so); with a cache, the database's figures are counted once for many scrapes while the
 * counters kept in memory still move at once. Prints what a count and a scrape cost.
 */
class MetricsSettingsTest {
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> scrape(RunningHub hub, String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(hub.url("/metrics"))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldHaveNoMetricsWithoutAToken(@TempDir Path dir) throws Exception {
    try (RunningHub hub = RunningHub.start(dir)) {
      HttpResponse<String> answer = scrape(hub, "anything");
      assertThat(answer.statusCode()).isEqualTo(404);
      assertThat(hub.get("/metrics").statusCode()).isEqualTo(404);
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      hub.bean(StartupSummary.class).print(new PrintStream(printed, true, StandardCharsets.UTF_8));
      assertThat(printed.toString(StandardCharsets.UTF_8))
          .contains("监控指标 Metrics: 未开启 · off")
          .contains("--metrics-token");
    }
  }

  @Test
  void shouldCountTheDatabasesFiguresOnceForManyScrapes(@TempDir Path dir) throws Exception {
    String token = "cached-figures";
    try (RunningHub hub =
        RunningHub.start(dir, Map.of("hub.metrics.token", token, "hub.metrics.cache", "1h"))) {
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      hub.bean(StartupSummary.class).print(new PrintStream(printed, true, StandardCharsets.UTF_8));
      assertThat(printed.toString(StandardCharsets.UTF_8)).contains("/metrics (需要令牌");

      // A station's event stored before anyone scraped: counted all the same.
      try (TestClient station = hub.station("s-003", "settings")) {
        station.publish(
            Topic.stationEvent("s-003").toString(),
            ProtocolCodec.encode(
                new StationEvent(UUID.randomUUID(), "button.call", OffsetDateTime.now(), Map.of())),
            false);
      }
      await().until(() -> hub.bean(liaison.hub.ingest.EventIngest.class).storedCount() == 1);

      long started = System.nanoTime();
      Exposition first = Exposition.parse(scrape(hub, token).body());
      assertThat(first.value("liaison_station_events_stored_total", "kind", "button.call"))
          .isEqualTo(1);
      long firstNanos = System.nanoTime() - started;
      String link =
          hub.bean(StationRepository.class).find("s-002").orElseThrow().station().publicToken();
      assertThat(
              new Resident(hub, "10.9.1.1")
                  .submit(
                      link,
                      List.of(Field.text("category", "ENVIRONMENT"), Field.text("text", "河边的路灯坏了")))
                  .statusCode())
          .isEqualTo(303);
      started = System.nanoTime();
      Exposition second = Exposition.parse(scrape(hub, token).body());
      long secondNanos = System.nanoTime() - started;

      assertThat(second.value("liaison_opinions_received_total", "channel", "station_qr"))
          .as("counted in memory: at once")
          .isEqualTo(first.value("liaison_opinions_received_total", "channel", "station_qr") + 1);
      assertThat(second.value("liaison_opinions_today"))
          .as("counted in the database: not again within the hour")
          .isEqualTo(first.value("liaison_opinions_today"));
      assertThat(second.value("liaison_metrics_count_seconds"))
          .isEqualTo(first.value("liaison_metrics_count_seconds"));
      // What a scrape costs (the demo county: 3 stations): a figure for the log, not a test.
      System.out.printf(
          "metrics: counting the database's figures took %.1f ms; a scrape that counts %.1f ms,"
              + " one from the cache %.1f ms; %d samples%n",
          first.value("liaison_metrics_count_seconds") * 1000,
          firstNanos / 1e6,
          secondNanos / 1e6,
          second.samples().size());
    }
  }
}
