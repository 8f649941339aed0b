package liaison.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import liaison.hub.broker.HubSessions;
import liaison.hub.broker.MosquittoProcess;
import liaison.hub.calendar.MissingYearWarning;
import liaison.hub.demo.DemoCounty;
import liaison.hub.publish.ContentPublisher;
import liaison.signage.protocol.MqttPasswordHash;
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
 * Failover (issue 14): two hub processes ({@code HubMain}, each a JVM of its own) on one PostgreSQL
 * database and one Mosquitto; the hub holding the jobs is killed with SIGKILL while notices are
 * saved through the other and three stations send events. Then every station shows the latest
 * content, every event is stored exactly once (counted by event id, those the dead hub had taken
 * from the broker included), and the other hub holds every job's lease. How long the takeover took
 * is printed, not asserted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HubFailoverTest {
  private static final String HUB_PASSWORD = "hub-secret-for-failover";
  private static final Duration TTL = Duration.ofSeconds(3);
  private static final Duration PACE = Duration.ofMillis(10);
  private static final List<String> STATIONS = List.of("s-001", "s-002", "s-003");
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
          "notify-send",
          liaison.hub.software.SoftwareRollouts.LEASE);

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, String> passwords = new HashMap<>();
  private TestDatabases.PostgresDatabase database;
  private MosquittoProcess mosquitto;
  private Path files;
  private Path dir;
  private ChildHub a;
  private ChildHub b;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    this.dir = dir;
    database = TestDatabases.createPostgres();
    files = Files.createDirectories(dir.resolve("mosquitto"));
    mosquitto = MosquittoProcess.forHubs(files, "liaison_hub", HUB_PASSWORD);
    a = ChildHub.start(this, "a", true);
    b = ChildHub.start(this, "b", false);
    for (String station : STATIONS) {
      enrol(a, station);
    }
    mosquitto.reload();
  }

  @AfterAll
  void stop() {
    for (ChildHub hub : new ChildHub[] {a, b}) {
      if (hub != null) {
        hub.close();
      }
    }
    if (mosquitto != null) {
      mosquitto.close();
    }
  }

  @Test
  void shouldConvergeStoreEveryEventOnceAndMoveTheJobsWhenTheLeadingHubIsKilled() throws Exception {
    await().atMost(Duration.ofSeconds(30)).until(() -> holderOf(ContentPublisher.LEASE) != null);
    ChildHub leader = holderOf(ContentPublisher.LEASE).startsWith("liaison-hub-a/") ? a : b;
    ChildHub survivor = leader == a ? b : a;

    List<TestClient> screens = new ArrayList<>();
    List<String> sent = new CopyOnWriteArrayList<>();
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> senders = new ArrayList<>();
    try {
      for (String station : STATIONS) {
        TestClient screen =
            TestClient.connect(
                mosquitto.uri(),
                StationIdentity.clientId(station, "screen"),
                station,
                passwords.get(station));
        screen.subscribe(Topic.stationContent(station).toString());
        screens.add(screen);
        // Each station sends events from its outbox the whole time.
        senders.add(
            Thread.ofPlatform()
                .start(
                    () -> {
                      String topic = Topic.stationEvent(station).toString();
                      for (int i = 0; i < 10_000 && !stop.get(); i++) {
                        StationEvent e =
                            new StationEvent(
                                UUID.randomUUID(),
                                "test.flow",
                                OffsetDateTime.now(),
                                Map.of("n", i));
                        screen.publish(topic, ProtocolCodec.encode(e), false);
                        sent.add(e.id().toString());
                        // A county's pace rather than a flood: events keep coming through the kill.
                        LockSupport.parkNanos(PACE.toNanos());
                      }
                    }));
      }

      List<String> titles = new ArrayList<>();
      long killedAt = 0;
      int sentAtKill = 0;
      for (int n = 0; n < 8; n++) {
        if (n == 3) {
          // While notices are being saved and events flow: SIGKILL, no goodbye.
          await().atMost(Duration.ofSeconds(30)).until(() -> sent.size() >= 300);
          leader.kill();
          killedAt = System.nanoTime();
          sentAtKill = sent.size();
        }
        String title = "故障切换公告 " + n;
        assertThat(saveNotice(survivor, title)).isEqualTo(201);
        titles.add(title);
      }
      String latest = titles.getLast();

      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> survivorHolds(survivor, JOBS) && leaseGone(HubSessions.presence(leader.id)));
      long tookOver = System.nanoTime() - killedAt;
      System.out.printf(
          "HubFailoverTest: hub %s killed; hub %s held every job's lease and had emptied the dead"
              + " hub's broker session %d ms later (lease time %d ms)%n",
          leader.id, survivor.id, TimeUnit.NANOSECONDS.toMillis(tookOver), TTL.toMillis());
      // The stations went on sending through the takeover; now they have said all they had.
      stop.set(true);
      for (Thread t : senders) {
        t.join(TimeUnit.SECONDS.toMillis(30));
      }
      int afterKill = sent.size() - sentAtKill;

      for (int i = 0; i < STATIONS.size(); i++) {
        String station = STATIONS.get(i);
        TestClient screen = screens.get(i);
        String topic = Topic.stationContent(station).toString();
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> {
                  List<TestClient.Received> got = screen.receivedOn(topic);
                  if (got.isEmpty()) {
                    return false;
                  }
                  StationContent last =
                      ProtocolCodec.decode(got.getLast().payload(), StationContent.class);
                  return last.version() == publishedVersion(station)
                      && last.notices().stream().anyMatch(x -> x.title().equals(latest));
                });
        List<Long> seen = new ArrayList<>();
        for (TestClient.Received r : screen.receivedOn(topic)) {
          seen.add(ProtocolCodec.decode(r.payload(), StationContent.class).version());
        }
        // A new holder sends the stored snapshot again with its version: a station may receive one
        // version twice, never a lower one after a higher.
        assertThat(seen).as("versions at %s", station).isSorted();
      }

      System.out.printf(
          "HubFailoverTest: %d events sent before hub %s was killed, %d after%n",
          sentAtKill, leader.id, afterKill);
      survivor
          .output()
          .lines()
          .filter(l -> l.contains("left on the broker") || l.contains("left behind"))
          .forEach(l -> System.out.println("HubFailoverTest: " + l));
      assertThat(afterKill).as("events flowed on after the kill").isPositive();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> storedCount(Set.copyOf(sent)) == sent.size());
      assertThat(duplicates()).as("no event stored twice").isZero();
    } finally {
      stop.set(true);
      for (Thread t : senders) {
        t.join(TimeUnit.SECONDS.toMillis(10));
      }
      screens.forEach(TestClient::close);
    }
  }

  private int saveNotice(ChildHub hub, String title) throws Exception {
    String body =
        json.writeValueAsString(
            Map.of(
                "title", title,
                "body", "在一台枢纽被终止时保存",
                "priority", "NORMAL",
                "target", "ALL"));
    return http.send(
            HttpRequest.newBuilder(hub.url("/api/notices"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", basic("admin", DemoCounty.PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  /** As a screen and an administrator do it: the screen asks for a code, the admin enters it. */
  private void enrol(ChildHub hub, String station) throws Exception {
    String password = MqttPasswordHash.newPassword();
    String request =
        json.writeValueAsString(
            Map.of(
                "stationId",
                station,
                "passwordHash",
                MqttPasswordHash.hash(password),
                "appVersion",
                "failover-test"));
    HttpResponse<String> ticket =
        http.send(
            HttpRequest.newBuilder(hub.url("/api/public/enrolments"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(ticket.statusCode()).as(ticket.body()).isEqualTo(201);
    String code = json.readTree(ticket.body()).get("code").asText();
    HttpResponse<String> entered =
        http.send(
            HttpRequest.newBuilder(hub.url("/api/stations/" + station + "/enrolment"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", basic("admin", DemoCounty.PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\": \"" + code + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(entered.statusCode()).as(entered.body()).isEqualTo(200);
    passwords.put(station, password);
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private String holderOf(String lease) throws SQLException {
    try (Connection c = database.connect();
        var s = c.prepareStatement("SELECT holder FROM job_lease WHERE name = ?")) {
      s.setString(1, lease);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private boolean survivorHolds(ChildHub survivor, Set<String> jobs) throws SQLException {
    for (String job : jobs) {
      String holder = holderOf(job);
      if (holder == null || !holder.startsWith(survivor.id + "/")) {
        return false;
      }
    }
    return true;
  }

  private boolean leaseGone(String name) throws SQLException {
    return holderOf(name) == null;
  }

  private long publishedVersion(String station) throws SQLException {
    try (Connection c = database.connect();
        var s =
            c.prepareStatement("SELECT version FROM station_publication WHERE station_id = ?")) {
      s.setString(1, station);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getLong(1) : -1;
      }
    }
  }

  private int storedCount(Set<String> ids) throws SQLException {
    try (Connection c = database.connect();
        var s = c.prepareStatement("SELECT event_id FROM station_event WHERE type = 'test.flow'")) {
      int found = 0;
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          found += ids.contains(rs.getString(1)) ? 1 : 0;
        }
      }
      return found;
    }
  }

  private int duplicates() throws SQLException {
    try (Connection c = database.connect();
        var s =
            c.prepareStatement(
                "SELECT COUNT(*) FROM (SELECT station_id, event_id FROM station_event"
                    + " GROUP BY station_id, event_id HAVING COUNT(*) > 1) d")) {
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** A hub as an operator runs it: {@code java … liaison.hub.HubMain --…}, in a JVM of its own. */
  private static final class ChildHub implements AutoCloseable {
    final String id;
    private final Process process;
    private final int port;
    private final Path log;

    private ChildHub(String id, Process process, int port, Path log) {
      this.id = id;
      this.process = process;
      this.port = port;
      this.log = log;
    }

    static ChildHub start(HubFailoverTest test, String name, boolean first) throws IOException {
      int port = TestBroker.freePort();
      Path data = Files.createDirectories(test.dir.resolve("hub-" + name));
      String java = ProcessHandle.current().info().command().orElse("java");
      List<String> command =
          new ArrayList<>(
              List.of(
                  java,
                  "-XX:TieredStopAtLevel=1",
                  "-Xmx384m",
                  "--sun-misc-unsafe-memory-access=allow",
                  "-Dfile.encoding=UTF-8",
                  "liaison.hub.HubMain",
                  "--http-port=" + port,
                  "--http-host=127.0.0.1",
                  "--data-dir=" + data,
                  "--public-url=https://hub.test",
                  "--db-url=" + test.database.url(),
                  "--db-user=" + test.database.user(),
                  "--db-password=" + test.database.password(),
                  "--broker-uri=" + test.mosquitto.uri(),
                  "--mqtt-password=" + HUB_PASSWORD,
                  "--mosquitto-dir=" + test.files,
                  "--mqtt-client-id=liaison-hub-" + name));
      // The first hub makes the tables and loads the demo county; the second joins.
      command.add(first ? "--demo" : "--no-demo");
      Path log = test.dir.resolve("hub-" + name + ".log");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(data.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      // Surefire runs tests from a manifest-only jar; its full class path is in this property.
      builder
          .environment()
          .put(
              "CLASSPATH",
              System.getProperty(
                  "surefire.test.class.path", System.getProperty("java.class.path")));
      builder.environment().put("HUB_LEASES_TTL", TTL.toMillis() + "ms");
      ChildHub hub = new ChildHub("liaison-hub-" + name, builder.start(), port, log);
      hub.awaitHealthy(test.http);
      return hub;
    }

    URI url(String path) {
      return URI.create("http://127.0.0.1:" + port + path);
    }

    private void awaitHealthy(HttpClient http) {
      await()
          .atMost(Duration.ofSeconds(120))
          .failFast("hub " + id + " stopped:\n" + output(), () -> !process.isAlive())
          .until(
              () -> {
                try {
                  return http.send(
                              HttpRequest.newBuilder(url("/health")).GET().build(),
                              HttpResponse.BodyHandlers.ofString())
                          .statusCode()
                      == 200;
                } catch (IOException e) {
                  return false;
                }
              });
    }

    /** SIGKILL: the hub gets no chance to give up its leases or say goodbye to the broker. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }

    String output() {
      try {
        return Files.readString(log);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      if (!process.isAlive()) {
        return;
      }
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }
}
