package liaison.hub;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import liaison.hub.broker.BrokerClient;
import liaison.hub.broker.CredentialChanges;
import liaison.hub.broker.HubAccount;
import liaison.hub.enrolment.StationCredentialRepository;
import liaison.signage.protocol.MqttPasswordHash;
import liaison.signage.protocol.StationIdentity;
import liaison.testkit.TestBroker;
import liaison.testkit.TestClient;

/**
 * The whole hub in the test JVM: HTTP on a free port, its embedded broker on another, its database
 * as the run chose it ({@link TestDatabases#chosen}: the SQLite file in the given directory, or
 * that directory's own PostgreSQL database) unless the test names {@code hub.db.url} itself. Start
 * it again on the same directory to test a restart: it finds the same database.
 */
public final class RunningHub implements AutoCloseable {
  private final ApplicationContext context;
  private final EmbeddedServer server;
  private final int mqttPort;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, String> stationPasswords =
      new java.util.concurrent.ConcurrentHashMap<>();

  private RunningHub(ApplicationContext context, int mqttPort) {
    this.context = context;
    this.server = context.getBean(EmbeddedServer.class);
    this.mqttPort = mqttPort;
  }

  public static RunningHub start(Path dataDir) {
    return start(dataDir, Map.of());
  }

  public static RunningHub start(Path dataDir, Map<String, Object> extra) {
    return start(dataDir, freePort(), extra);
  }

  /**
   * A hub on the given store whatever the run chose: for a test about one store itself (SQLite's
   * file, its write lock, its full disk).
   */
  public static RunningHub start(
      Path dataDir, TestDatabases.Store store, Map<String, Object> extra) {
    if (store == null) {
      // An @OnBothStores class's store is not known yet in @BeforeAll: both runs would get one.
      throw new IllegalStateException(
          "no store to start the hub on: start it in @BeforeParameterizedClassInvocation, not"
              + " @BeforeAll");
    }
    return launch(dataDir, freePort(), TestDatabases.hubProperties(store, dataDir), extra);
  }

  public static RunningHub start(Path dataDir, int mqttPort, Map<String, Object> extra) {
    // The run's store (-Dliaison.test.db): the folder's own PostgreSQL database, found again when
    // the hub restarts on the same folder, or SQLite's file in it; unless the test names one.
    Map<String, Object> store =
        extra.containsKey("hub.db.url")
            ? Map.of()
            : TestDatabases.hubProperties(TestDatabases.chosen(), dataDir);
    return launch(dataDir, mqttPort, store, extra);
  }

  private static int freePort() {
    try {
      return TestBroker.freePort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RunningHub launch(
      Path dataDir, int mqttPort, Map<String, Object> store, Map<String, Object> extra) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("hub.data-dir", dataDir.toString());
    properties.put("hub.http-port", -1);
    properties.put("hub.http-host", "127.0.0.1");
    properties.put("hub.public-url", "https://hub.test");
    properties.put("hub.mqtt.port", mqttPort);
    properties.put("hub.mqtt.broker.persistence", "in-memory");
    properties.putAll(store);
    properties.putAll(extra);
    properties.putAll(HubMain.webListeners(properties));
    if (!properties.containsKey("hub.db.url")) {
      // The hub's default SQLite file in the folder: the schema migrated once per test JVM.
      SqliteTemplate.copyInto(dataDir);
    }
    ApplicationContext context = ApplicationContext.run(properties);
    EmbeddedServer server = context.getBean(EmbeddedServer.class);
    server.start();
    RunningHub hub = new RunningHub(context, mqttPort);
    hub.awaitBrokerConnection();
    return hub;
  }

  /**
   * The hub's client connects to its broker in the background; /health is DOWN and publishes fail
   * until it has. Tests start from a hub that is ready, as `./liaison demo` does by waiting on
   * /health.
   */
  private void awaitBrokerConnection() {
    BrokerClient client = context.getBean(BrokerClient.class);
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    while (!client.isConnected()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the hub's client did not connect to " + client.uri() + " within 30 s");
      }
      java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
    }
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  /**
   * Gives 刘桂芳 (d-0006, of s-002) a deputy's account of her own ({@code liugf}, the demo's
   * password): a second deputy, beside 陈秀兰, for the tests that need one.
   */
  public void addSecondDeputyAccount() {
    String hash =
        bean(liaison.hub.security.PasswordHasher.class).hash(liaison.hub.demo.DemoCounty.PASSWORD);
    bean(liaison.hub.db.Database.class)
        .useTransaction(
            h ->
                bean(liaison.hub.security.StaffAccountRepository.class)
                    .insert(
                        h,
                        new liaison.hub.security.Staff(
                            "u-liugf",
                            "liugf",
                            "刘桂芳",
                            liaison.hub.security.Role.DEPUTY,
                            liaison.hub.demo.DemoCounty.COUNTY,
                            "d-0006",
                            java.util.Set.of("s-002")),
                        hash));
  }

  public ApplicationContext context() {
    return context;
  }

  public String brokerUri() {
    return "tcp://127.0.0.1:" + mqttPort;
  }

  public int mqttPort() {
    return mqttPort;
  }

  /** The hub's own MQTT account (made on first start in the data directory). */
  public String hubUsername() {
    return bean(HubAccount.class).username();
  }

  public String hubPassword() {
    return new String(bean(HubAccount.class).password(), java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * A client with the hub's own account, to watch what the hub publishes (or play a second hub);
   * the broker refuses anonymous clients.
   */
  public TestClient observer(String clientId) {
    return TestClient.connect(brokerUri(), clientId, hubUsername(), hubPassword());
  }

  /**
   * The station's MQTT password, giving it a credential the first time (as an enrolment would); the
   * same password afterwards, so several clients of one station can connect.
   */
  public String stationPassword(String stationId) {
    return stationPasswords.computeIfAbsent(
        stationId,
        id -> {
          String password = MqttPasswordHash.newPassword();
          bean(StationCredentialRepository.class)
              .provision(
                  id, MqttPasswordHash.hash(password), "test", java.time.OffsetDateTime.now());
          // As an enrolment does: an external Mosquitto's password file is rewritten.
          bean(CredentialChanges.class).changed(id);
          return password;
        });
  }

  /**
   * A client that connects as the station itself, with its credential and a client id of its own.
   */
  public TestClient station(String stationId, String suffix) {
    return TestClient.connect(
        brokerUri(),
        StationIdentity.clientId(stationId, suffix),
        stationId,
        stationPassword(stationId));
  }

  /** The addresses the hub's limits of that scope count now (e.g. tracking.failures). */
  public java.util.List<String> throttled(String scope) {
    return bean(liaison.hub.db.Database.class)
        .withHandle(
            h ->
                h.createQuery("SELECT subject FROM throttle_key WHERE scope = :s")
                    .bind("s", scope)
                    .mapTo(String.class)
                    .list());
  }

  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getPort() + path);
  }

  public HttpResponse<String> get(String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    context.close();
  }
}
