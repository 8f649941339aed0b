package liaison.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import liaison.hub.broker.HubSessions;
import liaison.hub.broker.MosquittoProcess;
import liaison.hub.calendar.MissingYearWarning;
import liaison.hub.db.Database;
import liaison.hub.db.Leases;
import liaison.hub.demo.DemoCounty;
import liaison.hub.ingest.EventIngest;
import liaison.hub.notify.OutboxSender;
import liaison.hub.publish.ContentPublisher;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationEvent;
import liaison.signage.protocol.StationIdentity;
import liaison.signage.protocol.Topic;
import liaison.testkit.TestBroker;
import liaison.testkit.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two hubs as one system (issue 14): two hubs in this JVM on one fresh PostgreSQL database and one
 * external Mosquitto, as docs/SCALING.md sets them up. Whichever hub a request lands on, sessions,
 * CSRF and the log-in throttle hold; events are stored once; each job runs on one hub; a change
 * saved on the hub that does not publish reaches the station, published once by the one that does;
 * on the one data folder they share, a media file taken in by one is served and deleted by the
 * other; and the docs' nginx configuration, run on Debian's nginx, spreads requests over both while
 * the per-address limits count the address nginx passes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeveralHubsTest {
  private static final String HUB_PASSWORD = "hub-secret-shared-by-both";

  /** Every job of the hub, each under its lease; a new job adds its name here. */
  private static final Set<String> JOBS =
      Set.of(
          ContentPublisher.LEASE,
          HubSessions.JOB,
          "throttle-prune",
          "contact-retention",
          "case-escalation",
          "case-reminders",
          "enrolment-codes",
          "booking-retention",
          "reception-rules",
          MissingYearWarning.LEASE,
          liaison.hub.duty.DutyRecorder.LEASE,
          liaison.hub.duty.DutyStars.LEASE,
          liaison.hub.suggestion.PromiseReviews.LEASE,
          OutboxSender.LEASE,
          liaison.hub.software.SoftwareRollouts.LEASE);

  private MosquittoProcess mosquitto;
  private RunningHub a;
  private RunningHub b;
  private Path dir;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    this.dir = dir;
    TestDatabases.PostgresDatabase database = TestDatabases.createPostgres();
    Path files = Files.createDirectories(dir.resolve("mosquitto"));
    mosquitto = MosquittoProcess.forHubs(files, "liaison_hub", HUB_PASSWORD);
    // The first hub makes the tables and the demo county; the second joins a database in use.
    // Both on one data folder, as docs/SCALING.md says (a network filesystem in a county).
    a = RunningHub.start(dir.resolve("data"), settings(database, files, "a"));
    b = RunningHub.start(dir.resolve("data"), settings(database, files, "b"));
    a.stationPassword("s-001");
    a.stationPassword("s-002");
    mosquitto.reload();
  }

  private Map<String, Object> settings(
      TestDatabases.PostgresDatabase database, Path files, String name) {
    Map<String, Object> p = new HashMap<>(database.hubProperties());
    p.put("hub.mqtt.uri", mosquitto.uri());
    p.put("hub.mqtt.password", HUB_PASSWORD);
    p.put("hub.mqtt.mosquitto-dir", files.toString());
    p.put("hub.mqtt.broker.client-id", "liaison-hub-" + name);
    p.put("hub.leases.ttl", "3s");
    p.put("hub.opinions.client-ip-header", "X-Real-IP");
    // Only to tell the answers apart: the QR links name the hub that built the page.
    p.put("hub.public-url", "https://" + name + ".hub.test");
    return p;
  }

  @AfterAll
  void stop() {
    for (AutoCloseable c : new AutoCloseable[] {b, a, mosquitto}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        System.err.println("closing " + c + ": " + e);
      }
    }
  }

  @Test
  void shouldKeepASessionOpenedOnOneHubOnTheOtherWithItsCsrfToken() throws Exception {
    Browser browser = new Browser();
    HttpResponse<String> login =
        browser.form(
            a, "/login", "username=admin&password=" + enc(DemoCounty.PASSWORD), "10.9.0.1");
    assertThat(login.statusCode()).isEqualTo(303);

    HttpResponse<String> page = browser.get(b, "/admin", "10.9.0.1");
    assertThat(page.statusCode()).as("hub B knows the session hub A opened").isEqualTo(200);
    String csrf = csrf(page.body());
    assertThat(csrf).isEqualTo(csrf(browser.get(a, "/admin", "10.9.0.1").body()));

    String notice =
        """
        {"title": "两台枢纽之间的会话", "body": "同一个会话", "priority": "NORMAL",
         "target": "STATIONS", "stationIds": ["s-002"]}
        """;
    assertThat(browser.json(b, "POST", "/api/notices", notice, null).statusCode())
        .as("a change without the session's token is refused on B too")
        .isEqualTo(403);
    assertThat(browser.json(b, "POST", "/api/notices", notice, csrf).statusCode())
        .as("the token hub A's page carried works on B")
        .isEqualTo(201);

    assertThat(browser.form(b, "/logout?_csrf=" + enc(csrf), "", "10.9.0.1").statusCode())
        .isEqualTo(303);
    assertThat(browser.get(a, "/admin", "10.9.0.1").statusCode())
        .as("logged out on B is logged out on A")
        .isEqualTo(303);
  }

  @Test
  void shouldCountFailedLogInsAcrossBothHubs() {
    Browser guesser = new Browser();
    for (int i = 0; i < 5; i++) {
      RunningHub hub = i % 2 == 0 ? a : b;
      assertThat(
              guesser
                  .form(hub, "/login", "username=chenxl&password=guess-" + i, "10.9.1." + i)
                  .statusCode())
          .isEqualTo(401);
    }

    for (RunningHub hub : List.of(a, b)) {
      HttpResponse<String> right =
          new Browser()
              .form(
                  hub,
                  "/login",
                  "username=chenxl&password=" + enc(DemoCounty.PASSWORD),
                  "10.9.1.99");
      assertThat(right.statusCode())
          .as("five failures spread over two hubs hold the account back on each")
          .isEqualTo(429);
      assertThat(right.headers().firstValue("Retry-After")).isPresent();
      assertThat(right.body()).contains("登录失败次数过多");
    }
  }

  @Test
  void shouldStoreEveryEventOnceWhicheverHubTakesIt() {
    List<StationEvent> events = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      events.add(
          new StationEvent(UUID.randomUUID(), "test.flow", OffsetDateTime.now(), Map.of("n", i)));
    }
    long storedByA = a.bean(EventIngest.class).storedCount();
    long storedByB = b.bean(EventIngest.class).storedCount();
    String topic = Topic.stationEvent("s-001").toString();
    try (TestClient station = station("s-001", "events")) {
      for (StationEvent e : events) {
        station.publish(topic, ProtocolCodec.encode(e), false);
      }
      // A lost acknowledgement makes a station send an event again: the copy is not stored.
      for (StationEvent e : events.subList(0, 20)) {
        station.publish(topic, ProtocolCodec.encode(e), false);
      }
    }

    Set<String> ids = new HashSet<>();
    events.forEach(e -> ids.add(e.id().toString()));
    await().atMost(Duration.ofSeconds(30)).until(() -> stored(ids).size() == 200);
    Map<String, Integer> rows = stored(ids);
    assertThat(rows.values()).as("each event stored once").containsOnly(1);
    assertThat(a.bean(EventIngest.class).storedCount() - storedByA)
        .as("the shared subscription gives hub A its share")
        .isPositive();
    assertThat(b.bean(EventIngest.class).storedCount() - storedByB)
        .as("and hub B its share")
        .isPositive();
  }

  @Test
  void shouldRunEachJobOnExactlyOneHub() {
    Leases onA = a.bean(Leases.class);
    Leases onB = b.bean(Leases.class);
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> union(onA.held().keySet(), onB.held().keySet()).containsAll(JOBS));

    Set<String> both = new HashSet<>(onA.held().keySet());
    both.retainAll(onB.held().keySet());
    assertThat(both).as("no lease held by both hubs").isEmpty();
    for (Leases.Lease lease : onA.all()) {
      if (JOBS.contains(lease.name())) {
        assertThat(lease.holder()).isIn(onA.holder(), onB.holder());
      }
    }
    assertThat(onA.held()).containsKey(HubSessions.presence("liaison-hub-a"));
    assertThat(onB.held()).containsKey(HubSessions.presence("liaison-hub-b"));
    for (String job : JOBS) {
      assertThat(onA.runsHere(job) ^ onB.runsHere(job))
          .as("job %s runs on exactly one hub", job)
          .isTrue();
    }
    assertThat(
            a.bean(ContentPublisher.class).publishing()
                ^ b.bean(ContentPublisher.class).publishing())
        .as("one hub publishes")
        .isTrue();
  }

  @Test
  void shouldPublishANoticeSavedOnTheOtherHubOnceByThePublisher() throws Exception {
    RunningHub publisher = a.bean(ContentPublisher.class).publishing() ? a : b;
    RunningHub other = publisher == a ? b : a;
    String title = "另一台枢纽保存的公告 " + UUID.randomUUID().toString().substring(0, 8);
    String content = Topic.stationContent("s-001").toString();
    try (TestClient station = station("s-001", "screen")) {
      station.subscribe(content);
      await().until(() -> !station.receivedOn(content).isEmpty());

      HttpResponse<String> saved =
          StaffClient.basic(other, "admin", DemoCounty.PASSWORD)
              .api(
                  "POST",
                  "/api/notices",
                  """
                  {"title": "%s", "body": "由不发布的枢纽保存", "priority": "NORMAL",
                   "target": "STATIONS", "stationIds": ["s-001"]}
                  """
                      .formatted(title));
      assertThat(saved.statusCode()).isEqualTo(201);

      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> versionsCarrying(station.receivedOn(content), title).size() == 1);
      List<Long> versions = new ArrayList<>();
      for (TestClient.Received r : station.receivedOn(content)) {
        versions.add(ProtocolCodec.decode(r.payload(), StationContent.class).version());
      }
      assertThat(versions).as("never a version twice, never one lower").isSorted();
      assertThat(Set.copyOf(versions)).hasSameSizeAs(versions);
      assertThat(other.bean(ContentPublisher.class).publishing()).isFalse();
      int waiting =
          publisher
              .bean(Database.class)
              .withHandle(
                  h ->
                      h.createQuery("SELECT COUNT(*) FROM publish_request")
                          .mapTo(Integer.class)
                          .one());
      assertThat(waiting).as("the publisher took the other hub's request").isZero();
    }
  }

  @Test
  void shouldServeAMediaFileTakenInOnOneHubFromTheOtherAndDeleteItFromTheOther() throws Exception {
    StaffClient adminOnA = StaffClient.basic(a, "admin", DemoCounty.PASSWORD);
    StaffClient adminOnB = StaffClient.basic(b, "admin", DemoCounty.PASSWORD);
    HttpResponse<String> made =
        adminOnA.apiBytes("POST", "/api/media?fileName=two-hubs.png", "image/png", poster());
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    JsonNode entry = new ObjectMapper().readTree(made.body());
    String file = entry.path("files").path(0).path("path").asText();

    HttpResponse<byte[]> fromB = StaffClient.anonymous(b).download(file);
    assertThat(fromB.statusCode()).as("hub B serves the file hub A took in").isEqualTo(200);
    assertThat(fromB.body()).hasSize(entry.path("files").path(0).path("size").asInt());

    assertThat(adminOnB.api("DELETE", "/api/media/" + entry.path("id").asText(), null).statusCode())
        .as("deleted through hub B, under the lock the hubs share on PostgreSQL")
        .isEqualTo(204);
    assertThat(StaffClient.anonymous(a).download(file).statusCode())
        .as("and gone from the folder hub A serves")
        .isEqualTo(404);

    // Each hub keeps its uploads' work and form parts in folders of its own there.
    assertThat(a.context().getProperty("micronaut.server.multipart.location", String.class))
        .hasValue(dir.resolve("data/media/uploads/hub-liaison-hub-a").toString());
    assertThat(dir.resolve("data/media/uploads/hub-liaison-hub-b")).isDirectory();
  }

  private static byte[] poster() throws IOException {
    BufferedImage image = new BufferedImage(64, 36, BufferedImage.TYPE_INT_RGB);
    image.setRGB(10, 10, 0xB71C1C);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    return png.toByteArray();
  }

  @Test
  void shouldSpreadRequestsThroughTheDocsNginxOverBothHubsCountingTheAddressItPasses()
      throws Exception {
    Path nginx = Nginx.executable();
    Path folder = Files.createDirectories(dir.resolve("nginx"));
    int port = TestBroker.freePort();
    String site =
        Nginx.siteFromDoc(
            Path.of("..", "docs", "SCALING.md"),
            null,
            Map.of(
                "server 10.0.0.11:8080", "server 127.0.0.1:" + a.url("/").getPort(),
                "server 10.0.0.12:8080", "server 127.0.0.1:" + b.url("/").getPort(),
                "listen 80;", "listen " + Nginx.LISTEN + ":" + port + ";"));
    try (Nginx proxy = Nginx.start(nginx, folder, site)) {
      // A resident's phone at 127.0.0.3 (loopback, so that its address differs from nginx's own,
      // 127.0.0.1, the one the hubs see the connection come from).
      Set<String> answeredBy = new HashSet<>();
      for (int i = 0; i < 6; i++) {
        String body = proxy.get(port, "/api/public/stations/s-001", "127.0.0.3", null);
        Matcher m = Pattern.compile("https://([ab])\\.hub\\.test/").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        answeredBy.add(m.group(1));
      }
      assertThat(answeredBy).as("nginx passes requests to both hubs").containsExactly("a", "b");

      // Ten unknown tracking codes from that phone, a forged X-Real-IP on each: nginx replaces
      // it, so they are counted against 127.0.0.3, on both hubs together.
      for (int i = 0; i < 10; i++) {
        String answer =
            proxy.get(
                port, "/t?code=K7QX-M4PD-2HW" + "ABCDEFGHJK".charAt(i), "127.0.0.3", "8.8.8.8");
        assertThat(answer).startsWith("HTTP/1.1 404");
      }
      String held = proxy.get(port, "/t?code=K7QX-M4PD-2HWM", "127.0.0.3", "8.8.4.4");
      assertThat(held).startsWith("HTTP/1.1 429").contains("Retry-After:");
      assertThat(proxy.get(port, "/t?code=K7QX-M4PD-2HWN", "127.0.0.4", null))
          .as("another phone behind the same nginx is not held back")
          .startsWith("HTTP/1.1 404");
      assertThat(a.throttled("tracking.failures"))
          .contains("127.0.0.3", "127.0.0.4")
          .doesNotContain("127.0.0.1", "8.8.8.8", "8.8.4.4");
    }
  }

  private static Set<Long> versionsCarrying(List<TestClient.Received> messages, String title) {
    Set<Long> versions = new HashSet<>();
    for (TestClient.Received r : messages) {
      StationContent c = ProtocolCodec.decode(r.payload(), StationContent.class);
      if (c.notices().stream().anyMatch(n -> n.title().equals(title))) {
        versions.add(c.version());
      }
    }
    return versions;
  }

  private Map<String, Integer> stored(Set<String> ids) {
    return a.bean(Database.class)
        .withHandle(
            h -> {
              Map<String, Integer> rows = new HashMap<>();
              h.createQuery(
                      "SELECT event_id, COUNT(*) AS n FROM station_event WHERE station_id = 's-001'"
                          + " AND event_id IN (<ids>) GROUP BY event_id")
                  .bindList("ids", List.copyOf(ids))
                  .map((rs, ctx) -> Map.entry(rs.getString("event_id"), rs.getInt("n")))
                  .forEach(e -> rows.put(e.getKey(), e.getValue()));
              return rows;
            });
  }

  private TestClient station(String id, String suffix) {
    return TestClient.connect(
        mosquitto.uri(), StationIdentity.clientId(id, suffix), id, a.stationPassword(id));
  }

  private static Set<String> union(Set<String> x, Set<String> y) {
    Set<String> all = new HashSet<>(x);
    all.addAll(y);
    return all;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String csrf(String page) {
    Matcher m = Pattern.compile("[?&;]_csrf=([A-Za-z0-9_-]+)").matcher(page);
    assertThat(m.find()).as("a CSRF token on the page").isTrue();
    return m.group(1);
  }

  /** One browser: its cookies go to whichever hub it asks (both are on 127.0.0.1). */
  private static final class Browser {
    private final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    HttpResponse<String> get(RunningHub hub, String path, String address) {
      return send(HttpRequest.newBuilder(hub.url(path)).header("X-Real-IP", address).GET());
    }

    HttpResponse<String> form(RunningHub hub, String path, String body, String address) {
      return send(
          HttpRequest.newBuilder(hub.url(path))
              .header("X-Real-IP", address)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> json(
        RunningHub hub, String method, String path, String body, String csrf) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(hub.url(path))
              .header("Content-Type", "application/json")
              .header("Accept", "application/json")
              .method(method, HttpRequest.BodyPublishers.ofString(body));
      if (csrf != null) {
        request.header("X-CSRF-Token", csrf);
      }
      return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
      try {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
