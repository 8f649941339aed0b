package liaison.signage.player.enrol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import liaison.signage.player.model.LiveValue;
import liaison.signage.player.store.ContentStore;
import liaison.signage.protocol.EnrolmentRequest;
import liaison.signage.protocol.EnrolmentTicket;
import liaison.signage.protocol.MqttPasswordHash;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.ProtocolException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A screen enrolling itself with the hub over HTTP. It makes a random password and keeps it in its
 * store (so a restart while waiting changes nothing), sends the hub only the password's hash
 * ({@code POST /api/public/enrolments}) and shows the code it gets back; it asks after the code
 * ({@code GET /api/public/enrolments/{code}}) every few seconds, asks for a new code when one
 * expires, and once the code has been entered keeps the password as its MQTT credential.
 *
 * <p>It also writes the code to {@code enrolment-code.txt} beside the store, for a script on the
 * same machine (the demo, an installer) that may enter it with the hub's API.
 */
public final class Enrolment implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Enrolment.class);
  static final String PASSWORD = "enrolment.password";
  static final String CODE = "enrolment.code";
  static final String EXPIRES = "enrolment.expires";

  /** Where the credential is kept once enrolled. */
  public static final String MQTT_USERNAME = "mqtt.username";

  public static final String MQTT_PASSWORD = "mqtt.password";

  /**
   * The hub's public key (PEM) from the enrolled ticket: the only key a station bundle is trusted
   * with (docs/FIELD.md, "Updates from the hub"); none from a hub before bundles were signed.
   */
  public static final String BUNDLE_KEY = "hub.bundle-key";

  /** The station's names from the hub's ticket, kept for the screens until content names it. */
  static final String STATION_NAME = "station.name";

  static final String STATION_TOWNSHIP = "station.township";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
  private static final Duration REFUSED_RETRY = Duration.ofSeconds(60);

  private final String stationId;
  private final String appVersion;
  private final URI hub;
  private final Duration poll;
  private final ContentStore store;
  private final Clock clock;
  private final Path codeFile;
  private final Runnable onEnrolled;
  private final HttpClient http;
  private final ScheduledExecutorService loop;
  private final LiveValue<EnrolmentState> state = new LiveValue<>(EnrolmentState.NOT_NEEDED);
  private final LiveValue<Optional<StationName>> name;
  private volatile boolean running;
  private volatile boolean again;
  private volatile boolean closed;
  private @Nullable ScheduledFuture<?> next;
  private int failures;

  /**
   * @param hub the hub's web address, e.g. {@code http://192.168.1.20:8080}
   * @param tls trusting the hub's certificate for {@code https}; null: the JVM's trust
   * @param onEnrolled called once the credential is stored (on the enrolment's own thread)
   */
  public Enrolment(
      String stationId,
      String appVersion,
      URI hub,
      @Nullable SSLContext tls,
      Duration poll,
      ContentStore store,
      Clock clock,
      Path codeFile,
      Runnable onEnrolled) {
    this.stationId = stationId;
    this.appVersion = appVersion;
    this.hub = hub;
    this.poll = poll;
    this.store = store;
    this.clock = clock;
    this.codeFile = codeFile;
    this.onEnrolled = onEnrolled;
    this.name = new LiveValue<>(storedName(store));
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
    if (tls != null) {
      builder.sslContext(tls);
    }
    this.http = builder.build();
    this.loop =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("enrolment-" + stationId).factory());
  }

  public LiveValue<EnrolmentState> state() {
    return state;
  }

  /**
   * The station's name as the hub's last ticket said it (kept in the store, so a screen restarted
   * before its first content still knows it); empty before any ticket, or from an older hub that
   * sends none.
   */
  public LiveValue<Optional<StationName>> name() {
    return name;
  }

  /** The names the last ticket brought, as stored; empty when no ticket named the station. */
  public static Optional<StationName> storedName(ContentStore store) {
    return store
        .memo(STATION_NAME)
        .map(n -> new StationName(n, store.memo(STATION_TOWNSHIP).orElse("")));
  }

  /**
   * Keeps the names a ticket brings; a ticket from an older hub brings none and changes nothing.
   */
  private void heard(EnrolmentTicket ticket) {
    if (ticket.stationName() == null) {
      return;
    }
    StationName heard =
        new StationName(ticket.stationName(), ticket.township() == null ? "" : ticket.township());
    if (!name.get().equals(Optional.of(heard))) {
      store.remember(STATION_NAME, heard.name());
      store.remember(STATION_TOWNSHIP, heard.township());
      name.set(Optional.of(heard));
    }
  }

  /**
   * Starts asking for a code, unless already doing so.
   *
   * @param refused the broker refused the credential the screen had: say it must be enrolled again
   */
  public synchronized void start(boolean refused) {
    if (closed || running) {
      return;
    }
    running = true;
    again = refused;
    LOG.info(
        "station {}: {}; asking the hub at {} for an enrolment code",
        stationId,
        refused ? "the broker refused this screen's credential" : "no credential yet",
        hub);
    state.set(asking(null, null));
    schedule(Duration.ZERO);
  }

  /** Stops asking (the old credential works again); a waiting code is dropped. */
  public synchronized void cancel() {
    if (!running) {
      return;
    }
    running = false;
    if (next != null) {
      next.cancel(false);
    }
    forgetPending();
    state.set(EnrolmentState.NOT_NEEDED);
    LOG.info("station {}: enrolment no longer needed", stationId);
  }

  public boolean running() {
    return running;
  }

  private synchronized void schedule(Duration delay) {
    if (closed || !running) {
      return;
    }
    try {
      next = loop.schedule(this::step, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // closing
    }
  }

  private void step() {
    if (closed || !running) {
      return;
    }
    try {
      Optional<String> code = store.memo(CODE);
      Optional<OffsetDateTime> expires = store.memo(EXPIRES).map(OffsetDateTime::parse);
      if (code.isEmpty()
          || expires.isEmpty()
          || !expires.get().toInstant().isAfter(clock.instant())) {
        askForCode();
      } else {
        askAfter(code.get(), expires.get());
      }
    } catch (RuntimeException e) {
      LOG.error("station {}: enrolment step failed", stationId, e);
      unreachable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  private void askForCode() {
    String password = store.memo(PASSWORD).orElse(null);
    if (password == null) {
      password = MqttPasswordHash.newPassword();
      store.remember(PASSWORD, password);
    }
    byte[] body =
        ProtocolCodec.encode(
            new EnrolmentRequest(stationId, MqttPasswordHash.hash(password), appVersion));
    HttpResponse<byte[]> answer;
    try {
      answer =
          http.send(
              HttpRequest.newBuilder(hub.resolve("/api/public/enrolments"))
                  .timeout(Duration.ofSeconds(15))
                  .header("Content-Type", "application/json")
                  .header("Accept", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      unreachable(describe(e));
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    int status = answer.statusCode();
    if (status == 201 || status == 200) {
      EnrolmentTicket ticket;
      try {
        ticket = ProtocolCodec.decode(answer.body(), EnrolmentTicket.class);
      } catch (ProtocolException e) {
        unreachable("the hub's answer could not be read: " + e.getMessage());
        return;
      }
      heard(ticket);
      store.remember(CODE, ticket.code());
      store.remember(EXPIRES, ticket.expiresAt().toString());
      writeCodeFile(ticket.code());
      failures = 0;
      LOG.info(
          "station {}: showing enrolment code {} until {}",
          stationId,
          ticket.code(),
          ticket.expiresAt());
      state.set(
          new EnrolmentState(
              EnrolmentState.Phase.WAITING,
              ticket.code(),
              ticket.expiresAt(),
              null,
              null,
              again,
              hub.toString()));
      schedule(poll);
    } else if (status == 429) {
      long seconds = answer.headers().firstValueAsLong("Retry-After").orElse(60);
      LOG.warn(
          "station {}: the hub asks to wait {} s before asking for a code again",
          stationId,
          seconds);
      schedule(Duration.ofSeconds(Math.max(1, seconds)));
    } else if (status >= 400 && status < 500) {
      String[] hubSays = message(answer.body());
      LOG.warn(
          "station {}: the hub refused to give an enrolment code ({}): {}",
          stationId,
          status,
          hubSays[1]);
      String[] message = refusedStation(answer.body()) ? UNKNOWN_STATION : hubSays;
      state.set(
          new EnrolmentState(
              EnrolmentState.Phase.REFUSED,
              null,
              null,
              message[0],
              message[1],
              again,
              hub.toString()));
      schedule(REFUSED_RETRY);
    } else {
      unreachable("the hub answered " + status);
    }
  }

  private void askAfter(String code, OffsetDateTime expires) {
    HttpResponse<byte[]> answer;
    try {
      answer =
          http.send(
              HttpRequest.newBuilder(hub.resolve("/api/public/enrolments/" + code))
                  .timeout(Duration.ofSeconds(15))
                  .header("Accept", "application/json")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      // Keep showing the code: it may still be entered while the hub is briefly out of reach.
      state.set(
          new EnrolmentState(
              EnrolmentState.Phase.WAITING, code, expires, null, null, again, hub.toString()));
      LOG.debug("station {}: asking after code {} failed: {}", stationId, code, describe(e));
      schedule(backoff());
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (answer.statusCode() == 404) {
      LOG.info(
          "station {}: the hub does not know code {} (any more); asking for a new one",
          stationId,
          code);
      forgetPending();
      schedule(Duration.ZERO);
      return;
    }
    if (answer.statusCode() != 200) {
      unreachable("the hub answered " + answer.statusCode());
      return;
    }
    EnrolmentTicket ticket;
    try {
      ticket = ProtocolCodec.decode(answer.body(), EnrolmentTicket.class);
    } catch (ProtocolException e) {
      unreachable("the hub's answer could not be read: " + e.getMessage());
      return;
    }
    failures = 0;
    heard(ticket);
    switch (ticket.status()) {
      case WAITING -> {
        state.set(
            new EnrolmentState(
                EnrolmentState.Phase.WAITING, code, expires, null, null, again, hub.toString()));
        schedule(poll);
      }
      case EXPIRED -> {
        LOG.info(
            "station {}: code {} expired without being entered; asking for a new one",
            stationId,
            code);
        forgetPending();
        schedule(Duration.ZERO);
      }
      case ENROLLED -> enrolled(code, ticket.bundleKey());
    }
  }

  private void enrolled(String code, @Nullable String bundleKey) {
    String password = store.memo(PASSWORD).orElseThrow();
    store.remember(MQTT_USERNAME, stationId);
    store.remember(MQTT_PASSWORD, password);
    if (bundleKey != null) {
      store.remember(BUNDLE_KEY, bundleKey);
    }
    store.forget(PASSWORD);
    forgetPending();
    synchronized (this) {
      running = false;
    }
    LOG.info(
        "station {}: enrolled with code {}; connecting with the new credential", stationId, code);
    state.set(EnrolmentState.NOT_NEEDED);
    try {
      onEnrolled.run();
    } catch (RuntimeException e) {
      LOG.error("station {}: starting the link after enrolment failed", stationId, e);
    }
  }

  private void unreachable(String why) {
    LOG.warn("station {}: cannot get an enrolment code from {}: {}", stationId, hub, why);
    state.set(
        asking(
            "连接不上枢纽 " + hub + "（" + why + "），稍后自动重试",
            "cannot reach the hub at " + hub + " (" + why + "); retrying by itself"));
    schedule(backoff());
  }

  private Duration backoff() {
    failures = Math.min(failures + 1, 10);
    Duration delay = Duration.ofSeconds(5L << Math.min(failures - 1, 4));
    return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
  }

  private EnrolmentState asking(@Nullable String problem, @Nullable String problemEn) {
    return new EnrolmentState(
        EnrolmentState.Phase.ASKING, null, null, problem, problemEn, again, hub.toString());
  }

  private void forgetPending() {
    store.forget(CODE);
    store.forget(EXPIRES);
    try {
      Files.deleteIfExists(codeFile);
    } catch (IOException e) {
      LOG.debug("could not delete {}: {}", codeFile, e.getMessage());
    }
  }

  private void writeCodeFile(String code) {
    try {
      Files.createDirectories(codeFile.toAbsolutePath().getParent());
      Files.writeString(codeFile, code + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      LOG.debug("could not write {}: {}", codeFile, e.getMessage());
    }
  }

  /**
   * What the screen says when the hub does not know its station, in words: an older hub's message
   * names the station's id, which means nothing to the people in front of the screen (the log has
   * it).
   */
  static final String[] UNKNOWN_STATION = {
    "枢纽上没有这块屏幕所设的站点：请县级管理员在管理后台核对站点，或改正本机的站点设置",
    "The hub does not know the station this screen is set up for: the county administrator checks"
        + " the stations in the admin, or corrects this screen's station setting"
  };

  /** Whether the hub refused the station this screen named (rather than anything else it sent). */
  private static boolean refusedStation(byte[] body) {
    try {
      return "stationId".equals(JSON.readTree(body).path("errors").path(0).path("field").asText());
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** The hub's refusal as [zh, en], from its JSON error (per-field first). */
  private static String[] message(byte[] body) {
    try {
      JsonNode json = JSON.readTree(body);
      JsonNode first = json.path("errors").path(0);
      JsonNode source = first.isMissingNode() ? json : first;
      String zh = source.path("message").asText("");
      String en = source.path("messageEn").asText(zh);
      if (!zh.isEmpty()) {
        return new String[] {zh, en};
      }
    } catch (IOException | RuntimeException e) {
      // not JSON: fall through
    }
    return new String[] {"枢纽拒绝登记这块屏幕", "the hub refused to enrol this screen"};
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  @Override
  public void close() {
    closed = true;
    loop.shutdownNow();
    http.close();
  }
}
