package liaison.signage.player.enrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import liaison.signage.player.store.ContentStore;
import liaison.signage.protocol.EnrolmentRequest;
import liaison.signage.protocol.EnrolmentTicket;
import liaison.signage.protocol.MqttPasswordHash;
import liaison.signage.protocol.ProtocolCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A screen enrolling itself against a stand-in hub (the JDK's HTTP server): what it sends, what it
 * shows for each answer, and that it loses nothing across a restart or a hub that is away.
 */
@Tag("security")
class EnrolmentTest {
  @TempDir Path dir;
  private final Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));
  private HttpServer hub;
  private final List<EnrolmentRequest> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger codes = new AtomicInteger();

  /** What the stand-in answers when asked after a code. */
  private final AtomicReference<EnrolmentTicket.Status> status =
      new AtomicReference<>(EnrolmentTicket.Status.WAITING);

  /** The station's name the stand-in's tickets carry; null: an older hub, which sends none. */
  private final AtomicReference<String> stationName = new AtomicReference<>();

  /** When set, a request for a code is refused with this JSON (422). */
  private final AtomicReference<String> refusal = new AtomicReference<>();

  @BeforeEach
  void startHub() throws IOException {
    hub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    hub.createContext("/api/public/enrolments", this::answer);
    hub.start();
  }

  @AfterEach
  void stopHub() {
    hub.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (exchange.getRequestMethod().equals("POST")) {
      EnrolmentRequest request =
          ProtocolCodec.decode(exchange.getRequestBody().readAllBytes(), EnrolmentRequest.class);
      requests.add(request);
      if (refusal.get() != null) {
        send(exchange, 422, refusal.get().getBytes(StandardCharsets.UTF_8));
        return;
      }
      String code = "K7QX-M4P" + "23456789".charAt(codes.getAndIncrement() % 8);
      status.set(EnrolmentTicket.Status.WAITING);
      send(exchange, 201, ProtocolCodec.encode(ticket(code, EnrolmentTicket.Status.WAITING)));
    } else {
      String code = path.substring(path.lastIndexOf('/') + 1);
      send(exchange, 200, ProtocolCodec.encode(ticket(code, status.get())));
    }
  }

  private EnrolmentTicket ticket(String code, EnrolmentTicket.Status s) {
    EnrolmentTicket ticket =
        new EnrolmentTicket(
            code,
            "s-001",
            s,
            OffsetDateTime.now(clock).plusMinutes(15),
            stationName.get(),
            stationName.get() == null ? null : "城关镇");
    return s == EnrolmentTicket.Status.ENROLLED ? ticket.withBundleKey(BUNDLE_KEY) : ticket;
  }

  /** What the hub sends with ENROLLED: its bundle key (PEM; any text will do here). */
  private static final String BUNDLE_KEY =
      "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n";

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private Enrolment enrolment(ContentStore store, URI at, Runnable onEnrolled) {
    return new Enrolment(
        "s-001",
        "0.1.0",
        at,
        null,
        Duration.ofMillis(50),
        store,
        clock,
        dir.resolve("enrolment-code.txt"),
        onEnrolled);
  }

  private URI hubUrl() {
    return URI.create("http://127.0.0.1:" + hub.getAddress().getPort());
  }

  @Test
  void shouldSendOnlyTheHashOfItsOwnPasswordShowTheCodeAndKeepTheCredentialOnceEntered()
      throws Exception {
    AtomicInteger enrolled = new AtomicInteger();
    try (ContentStore store = ContentStore.open(dir.resolve("station.db"));
        Enrolment enrolment = enrolment(store, hubUrl(), enrolled::incrementAndGet)) {
      enrolment.start(false);

      await().until(() -> enrolment.state().get().phase() == EnrolmentState.Phase.WAITING);
      EnrolmentState waiting = enrolment.state().get();
      assertThat(waiting.code()).isEqualTo("K7QX-M4P2");
      assertThat(Files.readString(dir.resolve("enrolment-code.txt")).strip())
          .isEqualTo("K7QX-M4P2");
      String password = store.memo(Enrolment.PASSWORD).orElseThrow();
      assertThat(requests.getFirst().passwordHash()).doesNotContain(password);
      assertThat(
              MqttPasswordHash.matches(
                  password.getBytes(StandardCharsets.UTF_8), requests.getFirst().passwordHash()))
          .isTrue();

      status.set(EnrolmentTicket.Status.ENROLLED);

      await().until(() -> enrolled.get() == 1);
      assertThat(enrolment.state().get()).isEqualTo(EnrolmentState.NOT_NEEDED);
      assertThat(store.memo(Enrolment.MQTT_USERNAME)).contains("s-001");
      assertThat(store.memo(Enrolment.MQTT_PASSWORD)).contains(password);
      assertThat(store.memo(Enrolment.BUNDLE_KEY))
          .as("kept to check bundles with")
          .contains(BUNDLE_KEY);
      assertThat(store.memo(Enrolment.CODE)).isEmpty();
      assertThat(dir.resolve("enrolment-code.txt")).doesNotExist();
    }
  }

  @Test
  void shouldAskForANewCodeWhenOneExpiresAndKeepItsCodeAcrossARestart() throws Exception {
    try (ContentStore store = ContentStore.open(dir.resolve("station.db"))) {
      try (Enrolment enrolment = enrolment(store, hubUrl(), () -> {})) {
        enrolment.start(false);
        await().until(() -> "K7QX-M4P2".equals(enrolment.state().get().code()));

        status.set(EnrolmentTicket.Status.EXPIRED);

        await().until(() -> "K7QX-M4P3".equals(enrolment.state().get().code()));
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).passwordHash())
            .as("the same password, a fresh salt")
            .isNotEqualTo(requests.get(0).passwordHash());
      }
      // Restarted while waiting: the same code again, no new request.
      try (Enrolment again = enrolment(store, hubUrl(), () -> {})) {
        again.start(false);
        await().until(() -> again.state().get().phase() == EnrolmentState.Phase.WAITING);
        assertThat(again.state().get().code()).isEqualTo("K7QX-M4P3");
        assertThat(requests).hasSize(2);
      }
    }
  }

  @Test
  void shouldKeepTheStationsNameFromTheTicketAcrossARestartAndCopeWithAnOlderHubWithout()
      throws Exception {
    try (ContentStore store = ContentStore.open(dir.resolve("station.db"))) {
      try (Enrolment older = enrolment(store, hubUrl(), () -> {})) {
        older.start(false);
        await().until(() -> older.state().get().phase() == EnrolmentState.Phase.WAITING);
        assertThat(older.name().get()).as("an older hub names no station").isEmpty();
      }
      stationName.set("城关镇第一代表联络站");
      try (Enrolment enrolment = enrolment(store, hubUrl(), () -> {})) {
        enrolment.start(false);
        await().until(() -> enrolment.name().get().isPresent());
        assertThat(enrolment.name().get()).contains(new StationName("城关镇第一代表联络站", "城关镇"));
      }
      stationName.set(null);
      // Restarted, the hub gone quiet on names again: the screen still knows whose it is.
      try (Enrolment again = enrolment(store, URI.create("http://127.0.0.1:1"), () -> {})) {
        assertThat(again.name().get()).contains(new StationName("城关镇第一代表联络站", "城关镇"));
      }
    }
  }

  @Test
  void shouldSayWhyWhenTheHubRefusesOrCannotBeReached() throws Exception {
    // An older hub's refusal names the station's id: the screen says what happened in words.
    refusal.set(
        "{\"errors\":[{\"field\":\"stationId\",\"message\":\"枢纽上没有站点 s-001\",\"messageEn\":\"the hub has no station s-001\"}]}");
    try (ContentStore store = ContentStore.open(dir.resolve("station.db"));
        Enrolment refused = enrolment(store, hubUrl(), () -> {})) {
      refused.start(false);
      await().until(() -> refused.state().get().phase() == EnrolmentState.Phase.REFUSED);
      assertThat(refused.state().get().problem())
          .startsWith("枢纽上没有这块屏幕所设的站点")
          .contains("请县级管理员")
          .doesNotContain("s-001");
      assertThat(refused.state().get().problemEn())
          .startsWith("The hub does not know the station this screen is set up for")
          .doesNotContain("s-001");
    }
    try (ContentStore store = ContentStore.open(dir.resolve("other.db"));
        Enrolment away = enrolment(store, URI.create("http://127.0.0.1:1"), () -> {})) {
      away.start(true);
      await().until(() -> away.state().get().problem() != null);
      assertThat(away.state().get().phase()).isEqualTo(EnrolmentState.Phase.ASKING);
      assertThat(away.state().get().again()).isTrue();
      assertThat(away.state().get().problem()).contains("连接不上枢纽 http://127.0.0.1:1");
    }
  }
}
