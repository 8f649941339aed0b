package liaison.hub.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import liaison.hub.OnBothStores;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.TestDatabases;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.demo.DemoCounty;
import liaison.hub.opinion.Resident;
import liaison.hub.opinion.Resident.Field;
import liaison.hub.publish.PublicationRepository;
import liaison.hub.station.StationRepository;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationEvent;
import liaison.signage.protocol.StationState;
import liaison.signage.protocol.Topic;
import liaison.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * {@code GET /metrics} on a real hub with the demo county, on both stores: refused without the
 * token, with a wrong one and with a staff session; and with it, the figures moved by exactly what
 * happened over real HTTP and the real broker (an opinion, a station's state and events, a page
 * that does not exist, a case gone overdue), read back from the parsed text format. No station id
 * and no resident's words appear in it.
 */
@OnBothStores
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsTest {
  private static final String TOKEN = "scrape-me-7f3c9a";
  private static final String WORDS = "南门菜场的下水道堵了三天";

  @Parameter TestDatabases.Store store;

  private RunningHub hub;
  private final HttpClient http = HttpClient.newHttpClient();

  // Once per store: @BeforeAll would start one hub before the store is known, for both runs.
  @BeforeParameterizedClassInvocation
  void start(TestDatabases.Store store, @TempDir Path dir) {
    // Counted afresh at each scrape here, so every figure shows what just happened.
    hub =
        RunningHub.start(dir, store, Map.of("hub.metrics.token", TOKEN, "hub.metrics.cache", "0s"));
  }

  @AfterParameterizedClassInvocation
  void stop() {
    hub.close();
  }

  private HttpResponse<String> scrape(String authorization)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(hub.url("/metrics")).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private Exposition figures() throws IOException, InterruptedException {
    HttpResponse<String> answer = scrape("Bearer " + TOKEN);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/plain; version=0.0.4");
    return Exposition.parse(answer.body());
  }

  @Test
  void shouldRefuseAScrapeWithoutTheTokenWhoeverAsks() throws Exception {
    long before = badInput("no-token") + badInput("wrong-token");
    assertThat(scrape(null).statusCode()).isEqualTo(401);
    HttpResponse<String> wrong = scrape("Bearer " + TOKEN + "x");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
    assertThat(wrong.body()).contains("令牌").contains("token");
    assertThat(scrape(TOKEN).statusCode()).as("the token without its scheme").isEqualTo(401);
    assertThat(scrape("Basic YWRtaW46" + TOKEN).statusCode()).isEqualTo(401);
    // The county's administrator, signed in: the figures are not a page of the hub's.
    StaffClient admin = StaffClient.loggedIn(hub, "admin", DemoCounty.PASSWORD);
    assertThat(admin.get("/metrics").statusCode()).isEqualTo(401);
    assertThat(badInput("no-token") + badInput("wrong-token")).isEqualTo(before + 5);
  }

  private long badInput(String reason) {
    return hub.bean(liaison.hub.problem.BadInput.class).count(Scrapes.SOURCE, reason);
  }

  @Test
  void shouldCountWhatHappenedAndNameNoStationNorResident() throws Exception {
    StationRepository stations = hub.bean(StationRepository.class);
    String county = stations.find("s-001").orElseThrow().countyId();
    // The hub publishes the demo's snapshots just after it starts: wait for s-001's and s-002's.
    PublicationRepository publications = hub.bean(PublicationRepository.class);
    await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> publications.current("s-002").isPresent());
    long published =
        await()
            .atMost(java.time.Duration.ofSeconds(30))
            .until(() -> publications.current("s-001"), java.util.Optional::isPresent)
            .orElseThrow()
            .version();
    makeOneCaseOverdue();
    Exposition before = figures();

    // A resident's opinion through the station's QR link.
    String token = stations.find("s-001").orElseThrow().station().publicToken();
    HttpResponse<String> submitted =
        new Resident(hub, "10.9.0.1")
            .submit(
                token,
                List.of(
                    Field.text("category", "TRANSPORT"),
                    Field.text("text", WORDS),
                    Field.text("name", "李先生"),
                    Field.text("phone", "13912345678"),
                    Field.text("consent", "yes")));
    assertThat(submitted.statusCode()).isEqualTo(303);
    // A page that is not there.
    assertThat(hub.get("/no-such-page").statusCode()).isEqualTo(404);
    // s-001 comes online one version behind, half a minute after two calls were pressed; s-002
    // comes online showing what was published to it.
    OffsetDateTime now = OffsetDateTime.now();
    try (TestClient s1 = hub.station("s-001", "metrics");
        TestClient s2 = hub.station("s-002", "metrics")) {
      s1.publish(
          Topic.stationState("s-001").toString(),
          ProtocolCodec.encode(state(published - 1, now)),
          true);
      s2.publish(
          Topic.stationState("s-002").toString(),
          ProtocolCodec.encode(state(publications.current("s-002").orElseThrow().version(), now)),
          true);
      for (int i = 0; i < 2; i++) {
        s1.publish(
            Topic.stationEvent("s-001").toString(),
            ProtocolCodec.encode(
                new StationEvent(UUID.randomUUID(), "button.call", now.minusSeconds(30), Map.of())),
            false);
      }
    }
    await()
        .untilAsserted(
            () -> {
              Exposition seen = figures();
              assertThat(
                      seen.since(
                          before, "liaison_station_events_stored_total", "kind", "button.call"))
                  .isEqualTo(2);
              assertThat(seen.since(before, "liaison_stations_online", "county", county))
                  .isEqualTo(2);
            });
    Exposition after = figures();

    assertThat(after.since(before, "liaison_opinions_received_total", "channel", "station_qr"))
        .isEqualTo(1);
    assertThat(after.since(before, "liaison_opinions_received_total", "channel", "deputy_qr"))
        .isZero();
    assertThat(after.since(before, "liaison_opinions_today")).isEqualTo(1);
    assertThat(after.since(before, "liaison_stations_enrolled", "county", county))
        .as("s-001 and s-002 were given their credentials")
        .isEqualTo(2);
    assertThat(after.since(before, "liaison_stations_behind", "county", county))
        .as("s-001 shows one version less than published; s-002 the latest")
        .isEqualTo(1);
    assertThat(after.value("liaison_content_unshown_age_seconds")).isPositive();
    assertThat(after.since(before, "liaison_ingest_lag_seconds_count")).isEqualTo(2);
    assertThat(after.since(before, "liaison_ingest_lag_seconds_sum"))
        .as("each stored at least the half minute after it was pressed")
        .isGreaterThanOrEqualTo(60);
    assertThat(
            after.since(
                before,
                "liaison_http_server_requests_seconds_count",
                "method",
                "GET",
                "route",
                "NOT_FOUND",
                "status",
                "4xx"))
        .isEqualTo(1);
    assertThat(after.since(before, "liaison_http_server_requests_seconds_count", "method", "POST"))
        .as("the opinion's form, answered with a redirect to its tracking page")
        .isEqualTo(1);
    assertThat(
            after.value(
                "liaison_http_server_requests_seconds_count", "route", "/metrics", "status", "2xx"))
        .as("the scrapes themselves, by their route's template")
        .isGreaterThan(0);
    assertThat(after.value("liaison_cases_overdue")).isEqualTo(overdueInTheDatabase());
    long outbox =
        hub.bean(Database.class)
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT count(*) FROM notification WHERE status IN ('PENDING', 'GIVEN_UP')")
                        .mapTo(Long.class)
                        .one());
    assertThat(after.value("liaison_outbox_pending") + after.value("liaison_outbox_given_up"))
        .isEqualTo((double) outbox);
    assertThat(after.named("liaison_lease_held"))
        .as("the leases this hub holds, under its MQTT client id")
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.labels().get("hub")).isEqualTo("liaison-hub"));
    assertThat(after.value("liaison_lease_held")).isPositive();
    assertThat(after.value("liaison_db_connections_max")).isPositive();
    assertThat(after.has("jvm_memory_used_bytes")).isTrue();
    assertThat(after.has("jvm_threads_live_threads")).isTrue();
    assertThat(after.has("process_cpu_usage")).isTrue();

    // The privacy rule: no station, no resident, no words of theirs.
    String text = scrape("Bearer " + TOKEN).body();
    assertThat(text)
        .doesNotContain("s-001", "s-002", WORDS, "李先生", "13912345678", token, "10.9.0.1");
    for (Exposition.Sample sample : after.samples()) {
      assertThat(sample.labels().keySet())
          .as(sample.name())
          .doesNotContain("station", "station_id", "uri", "exception");
    }
  }

  private static StationState state(long contentVersion, OffsetDateTime at) {
    return new StationState(
        StationState.Presence.ONLINE,
        "a",
        "0.1.0",
        contentVersion,
        StationState.Screen.ON,
        at,
        new StationState.Telemetry(600, 47.0, 20_000_000_000L, 50_000_000L, 200_000_000L));
  }

  /** A forwarded case of the demo's, its deadline moved into the past. */
  private void makeOneCaseOverdue() {
    hub.bean(Database.class)
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE opinion_case SET deadline = :past WHERE id = (SELECT min(id) FROM"
                            + " opinion_case WHERE status = 'FORWARDED')")
                    .bind("past", Sql.date(LocalDate.now(Sql.ZONE).minusDays(3)))
                    .execute());
  }

  private double overdueInTheDatabase() {
    long overdue =
        hub.bean(Database.class)
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT count(*) FROM opinion_case WHERE status = 'FORWARDED'"
                                + " AND deadline < :today")
                        .bind("today", Sql.date(LocalDate.now(Sql.ZONE)))
                        .mapTo(Long.class)
                        .one());
    assertThat(overdue).as("the demo has a forwarded case to make overdue").isPositive();
    return overdue;
  }
}
