package liaison.hub.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.db.Sql;
import liaison.hub.demo.DemoCounty;
import liaison.hub.problem.BadInput;
import liaison.signage.protocol.EnrolmentRequest;
import liaison.signage.protocol.EnrolmentTicket;
import liaison.signage.protocol.MqttPasswordHash;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationIdentity;
import liaison.signage.protocol.Topic;
import liaison.testkit.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Enrolment through the hub's HTTP API, as a screen and as staff: a code is good once, for its own
 * station, until it expires; every refusal says why (zh, en) and is logged; an enrolled screen
 * connects with the password it made itself, and a new enrolment ends the old screen's connection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("security")
class EnrolmentTest {
  private static final int MAX_WAITING = 60;
  private static final int ADDRESSES_REMEMBERED = 8;
  private RunningHub hub;
  private StaffClient admin;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  @BeforeAll
  void start(@TempDir Path dir) {
    hub =
        RunningHub.start(
            dir,
            Map.of(
                "hub.enrolment.wrong-codes-per-account",
                8,
                "hub.enrolment.requests-per-address",
                30,
                "hub.enrolment.max-waiting",
                MAX_WAITING,
                "hub.enrolment.addresses-remembered",
                ADDRESSES_REMEMBERED,
                // Screens on several addresses: the flood test says which with this header.
                "hub.opinions.client-ip-header",
                "X-Real-IP"));
    admin = StaffClient.basic(hub, "admin", DemoCounty.PASSWORD);
    log.start();
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Enrolments.class)).addAppender(log);
  }

  @AfterAll
  void stop() {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Enrolments.class)).detachAppender(log);
    hub.close();
  }

  /** A screen: its own password, and the code the hub gave it. */
  private record Screen(String stationId, String password, EnrolmentTicket ticket) {}

  private Screen screenAsks(String stationId) throws Exception {
    String password = MqttPasswordHash.newPassword();
    HttpResponse<String> answer =
        ask(
            ProtocolCodec.encode(
                new EnrolmentRequest(stationId, MqttPasswordHash.hash(password), "0.1.0")));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    return new Screen(
        stationId,
        password,
        ProtocolCodec.decode(
            answer.body().getBytes(StandardCharsets.UTF_8), EnrolmentTicket.class));
  }

  private HttpResponse<String> ask(byte[] body) throws Exception {
    return askFrom(null, body);
  }

  /**
   * Asks as a client at {@code address} (the hub reads it from X-Real-IP here), or at 127.0.0.1.
   */
  private HttpResponse<String> askFrom(String address, byte[] body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(hub.url("/api/public/enrolments"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (address != null) {
      request.header("X-Real-IP", address);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static byte[] requestFor(String stationId, String password) {
    return ProtocolCodec.encode(
        new EnrolmentRequest(stationId, MqttPasswordHash.hash(password), "0.1.0"));
  }

  private EnrolmentTicket.Status poll(Screen screen) {
    return ticket(screen).status();
  }

  private EnrolmentTicket ticket(Screen screen) {
    HttpResponse<String> answer = hub.get("/api/public/enrolments/" + screen.ticket().code());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return ProtocolCodec.decode(
        answer.body().getBytes(StandardCharsets.UTF_8), EnrolmentTicket.class);
  }

  private HttpResponse<String> enter(StaffClient staff, String stationId, String code) {
    return staff.api(
        "POST", "/api/stations/" + stationId + "/enrolment", "{\"code\":\"" + code + "\"}");
  }

  private int connectAs(Screen screen, String suffix) {
    return TestClient.tryConnect(
        hub.brokerUri(),
        StationIdentity.clientId(screen.stationId(), suffix),
        screen.stationId(),
        screen.password().getBytes(StandardCharsets.UTF_8),
        null);
  }

  private boolean logged(String text) {
    synchronized (log) {
      return log.list.stream().anyMatch(e -> e.getFormattedMessage().contains(text));
    }
  }

  @Test
  void shouldEnrolAScreenWhoseCodeIsEnteredOnItsStationsPage() throws Exception {
    Screen screen = screenAsks("s-002");
    assertThat(screen.ticket().code()).matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
    assertThat(screen.ticket().status()).isEqualTo(EnrolmentTicket.Status.WAITING);
    assertThat(screen.ticket().bundleKey()).as("no key before the code is entered").isNull();
    assertThat(screen.ticket().stationName())
        .as("the screen can name its station before content")
        .isEqualTo("白沙镇桃源村人大代表工作站");
    assertThat(screen.ticket().township()).isEqualTo("白沙镇");
    assertThat(
            ProtocolCodec.decode(
                    hub.get("/api/public/enrolments/" + screen.ticket().code())
                        .body()
                        .getBytes(StandardCharsets.UTF_8),
                    EnrolmentTicket.class)
                .stationName())
        .as("and again while it asks after its code")
        .isEqualTo("白沙镇桃源村人大代表工作站");
    assertThat(screen.ticket().expiresAt())
        .isBetween(
            java.time.OffsetDateTime.now().plusMinutes(14),
            java.time.OffsetDateTime.now().plusMinutes(16));
    assertThat(connectAs(screen, "early")).as("not before the code is entered").isEqualTo(0x86);

    // Typed in lower case with a space, as people do.
    HttpResponse<String> entered =
        enter(admin, "s-002", screen.ticket().code().toLowerCase().replace('-', ' '));

    assertThat(entered.statusCode()).as(entered.body()).isEqualTo(200);
    assertThat(entered.body()).contains("\"enrolledBy\":\"admin\"").doesNotContain("$7$");
    assertThat(poll(screen)).isEqualTo(EnrolmentTicket.Status.ENROLLED);
    assertThat(ticket(screen).bundleKey())
        .as("the key the screen will check bundles with, once enrolled")
        .isEqualTo(hub.bean(liaison.hub.software.StationBundles.class).publicKeyPem())
        .startsWith("-----BEGIN PUBLIC KEY-----");
    try (TestClient station =
        TestClient.connect(
            hub.brokerUri(),
            StationIdentity.clientId("s-002", "new"),
            "s-002",
            screen.password())) {
      station.subscribe(Topic.stationContent("s-002").toString());
      await().until(() -> !station.received().isEmpty());
    }
    assertThat(admin.api("GET", "/api/stations/s-002/credential", null).body())
        .contains(screen.ticket().code());
    assertThat(logged("station s-002: enrolled by admin with code " + screen.ticket().code()))
        .isTrue();
  }

  @Test
  void shouldRefuseAReusedAnUnknownAMalformedAnExpiredOrAnotherStationsCodeSayingWhy()
      throws Exception {
    Screen used = screenAsks("s-003");
    assertThat(enter(admin, "s-003", used.ticket().code()).statusCode()).isEqualTo(200);
    Screen forS001 = screenAsks("s-001");
    Screen expired = screenAsks("s-003");
    hub.bean(liaison.hub.db.Database.class)
        .useHandle(
            h ->
                h.createUpdate("UPDATE station_enrolment SET expires_at = :t WHERE code = :c")
                    .bind("t", Sql.instant(java.time.OffsetDateTime.now().minusMinutes(1)))
                    .bind("c", expired.ticket().code())
                    .execute());

    Map<String, String> reused =
        StaffClient.fieldErrors(enter(admin, "s-003", used.ticket().code()));
    Map<String, String> unknown = StaffClient.fieldErrors(enter(admin, "s-003", "K7QX-M4PD"));
    Map<String, String> malformed = StaffClient.fieldErrors(enter(admin, "s-003", "K7QX-0IL1"));
    Map<String, String> late =
        StaffClient.fieldErrors(enter(admin, "s-003", expired.ticket().code()));
    Map<String, String> elsewhere =
        StaffClient.fieldErrors(enter(admin, "s-003", forS001.ticket().code()));

    assertThat(reused.get("code")).contains("用过");
    assertThat(unknown.get("code")).contains("没有这个登记码");
    assertThat(malformed.get("code")).contains("8 位字母和数字");
    assertThat(late.get("code")).contains("已过期");
    assertThat(elsewhere.get("code")).contains("s-001", "不是 s-003");
    assertThat(enter(admin, "s-003", "K7QX-M4PD").body()).contains("no such enrolment code");
    assertThat(poll(expired)).isEqualTo(EnrolmentTicket.Status.EXPIRED);
    assertThat(poll(forS001))
        .as("a refused code still waits for its own station")
        .isEqualTo(EnrolmentTicket.Status.WAITING);
    assertThat(logged("refused: already used")).isTrue();
    assertThat(logged("refused: unknown")).isTrue();
    assertThat(logged("refused: malformed")).isTrue();
    assertThat(logged("refused: expired")).isTrue();
    assertThat(logged("refused: made for station s-001")).isTrue();
    // Nothing was lost: the station keeps the screen it had.
    assertThat(connectAs(used, "still")).isZero();
  }

  @Test
  void shouldEndTheOldScreensConnectionWhenANewScreenIsEnrolled() throws Exception {
    Screen old = screenAsks("s-001");
    assertThat(enter(admin, "s-001", old.ticket().code()).statusCode()).isEqualTo(200);
    try (TestClient oldScreen =
        TestClient.connect(
            hub.brokerUri(), StationIdentity.clientId("s-001", "old"), "s-001", old.password())) {
      Screen replacement = screenAsks("s-001");

      assertThat(enter(admin, "s-001", replacement.ticket().code()).statusCode()).isEqualTo(200);

      await().atMost(Duration.ofSeconds(10)).until(() -> !oldScreen.isConnected());
      assertThat(connectAs(old, "again")).isEqualTo(0x86);
      assertThat(connectAs(replacement, "replacement")).isZero();
    }
  }

  @Test
  void shouldLetOnlyThoseWhoMayChangeTheStationEnterACode() throws Exception {
    Screen screen = screenAsks("s-001");
    StaffClient otherManager = StaffClient.basic(hub, "baisha", DemoCounty.PASSWORD);
    StaffClient deputy = StaffClient.basic(hub, "chenxl", DemoCounty.PASSWORD);

    assertThat(enter(otherManager, "s-001", screen.ticket().code()).statusCode()).isEqualTo(403);
    assertThat(enter(deputy, "s-001", screen.ticket().code()).statusCode()).isEqualTo(403);
    assertThat(enter(StaffClient.anonymous(hub), "s-001", screen.ticket().code()).statusCode())
        .isEqualTo(401);
    assertThat(poll(screen)).isEqualTo(EnrolmentTicket.Status.WAITING);
    assertThat(
            enter(
                    StaffClient.basic(hub, "chengguan", DemoCounty.PASSWORD),
                    "s-001",
                    screen.ticket().code())
                .statusCode())
        .as("the station's own manager")
        .isEqualTo(200);
  }

  @Test
  void shouldStopAnAccountThatKeepsEnteringWrongCodes() {
    StaffClient manager = StaffClient.basic(hub, "baisha", DemoCounty.PASSWORD);
    List<Integer> statuses = new java.util.ArrayList<>();
    for (int i = 0; i < 8; i++) {
      statuses.add(enter(manager, "s-002", "ZZZZ-ZZZ" + (i + 2)).statusCode());
    }
    HttpResponse<String> ninth = enter(manager, "s-002", "ZZZZ-ZZZZ");

    assertThat(statuses).containsOnly(422);
    assertThat(StaffClient.fieldErrors(ninth).get("code")).contains("输错次数过多");
    assertThat(logged("enrolment by baisha refused: too many wrong codes")).isTrue();
  }

  @Test
  void shouldRefuseABadRequestFromAScreenAndSayWhy() throws Exception {
    HttpResponse<String> plain =
        ask(
            "{\"stationId\":\"s-001\",\"passwordHash\":\"demo-2026\",\"appVersion\":\"0.1.0\"}"
                .getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> unknownStation =
        ask(
            ProtocolCodec.encode(
                new EnrolmentRequest("s-999", MqttPasswordHash.hash("x"), "0.1.0")));
    HttpResponse<String> garbage = ask(new byte[] {(byte) 0xFF, '{'});
    HttpResponse<String> notAnObject = ask("[\"s-001\"]".getBytes(StandardCharsets.UTF_8));

    assertThat(plain.statusCode()).isEqualTo(422);
    assertThat(StaffClient.fieldErrors(plain).get("passwordHash")).contains("PBKDF2");
    assertThat(unknownStation.statusCode()).isEqualTo(422);
    assertThat(unknownStation.body())
        .as("the screen shows these words: what happened and what to do, not its id")
        .contains("枢纽上没有这块屏幕所设的站点", "请县级管理员", "the hub has no station", "ask the county")
        .doesNotContain("s-999", "--station");
    assertThat(logged("asked to be enrolled as station s-999")).as("the id is logged").isTrue();
    assertThat(garbage.statusCode()).isEqualTo(400);
    assertThat(notAnObject.statusCode()).isEqualTo(400);
    assertThat(notAnObject.body())
        .contains("JSON 对象", "JSON object")
        .doesNotContain("liaison.", "com.fasterxml", "java.");
    assertThat(hub.get("/api/public/enrolments/NOPE").statusCode()).isEqualTo(404);
  }

  @Test
  void shouldRefuseAHashWhoseIterationsWouldMakeEveryConnectExpensive() throws Exception {
    // Well-formed, but each later connect of the station would compute a million PBKDF2 rounds.
    String salt = java.util.Base64.getEncoder().encodeToString(new byte[12]);
    String hash = "$7$1000000$" + salt + "$" + "A".repeat(86) + "==";
    BadInput badInput = hub.bean(BadInput.class);
    long before = badInput.count("enrolment", "hash-iterations");
    int unused = hub.bean(Enrolments.class).unusedCodes();

    HttpResponse<String> answer =
        ask(
            ("{\"stationId\":\"s-001\",\"passwordHash\":\"" + hash + "\",\"appVersion\":\"0.1.0\"}")
                .getBytes(StandardCharsets.UTF_8));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
    assertThat(answer.body()).contains("迭代次数 1000000", "iteration count 1000000", "101");
    assertThat(hub.bean(Enrolments.class).unusedCodes()).as("nothing stored").isEqualTo(unused);
    assertThat(badInput.count("enrolment", "hash-iterations")).isEqualTo(before + 1);
  }

  @Test
  void shouldGiveTheRealScreenACodeAndEnrolItWhileStrangersFloodTheStationFromSeveralAddresses()
      throws Exception {
    Enrolments enrolments = hub.bean(Enrolments.class);
    List<Integer> statuses = new java.util.ArrayList<>();
    // Ten strangers ask 25 times each in s-002's name: far past the 20 codes that used to lock it.
    for (int round = 0; round < 25; round++) {
      for (int stranger = 1; stranger <= 10; stranger++) {
        statuses.add(
            askFrom("203.0.113." + stranger, requestFor("s-002", "stranger")).statusCode());
      }
      assertThat(enrolments.unusedCodes()).isLessThanOrEqualTo(MAX_WAITING);
    }
    assertThat(statuses).containsOnly(201);

    String password = MqttPasswordHash.newPassword();
    HttpResponse<String> real = askFrom("198.51.100.7", requestFor("s-002", password));
    assertThat(real.statusCode()).as(real.body()).isEqualTo(201);
    Screen screen =
        new Screen(
            "s-002",
            password,
            ProtocolCodec.decode(
                real.body().getBytes(StandardCharsets.UTF_8), EnrolmentTicket.class));
    // The strangers keep going while the administrator walks to the screen.
    for (int round = 0; round < 5; round++) {
      for (int stranger = 1; stranger <= 10; stranger++) {
        assertThat(askFrom("203.0.113." + stranger, requestFor("s-002", "stranger")).statusCode())
            .isIn(201, 429);
      }
    }

    assertThat(poll(screen))
        .as("the real screen's code outlives the flood")
        .isEqualTo(EnrolmentTicket.Status.WAITING);
    assertThat(enter(admin, "s-002", screen.ticket().code()).statusCode()).isEqualTo(200);
    assertThat(poll(screen)).isEqualTo(EnrolmentTicket.Status.ENROLLED);
    assertThat(connectAs(screen, "afterflood")).isZero();
    assertThat(enrolments.unusedCodes()).as("rows stay bounded").isLessThanOrEqualTo(MAX_WAITING);
    assertThat(enrolments.addressesCounted())
        .as("memory stays bounded")
        .isLessThanOrEqualTo(ADDRESSES_REMEMBERED);
  }
}
