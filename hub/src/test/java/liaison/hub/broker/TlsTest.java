package liaison.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import liaison.hub.RunningHub;
import liaison.hub.demo.DemoCounty;
import liaison.signage.protocol.StationIdentity;
import liaison.signage.protocol.Topic;
import liaison.signage.transport.NoDelaySocketFactory;
import liaison.signage.transport.TrustedCertificates;
import liaison.testkit.SelfSignedCertificate;
import liaison.testkit.TestBroker;
import liaison.testkit.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS with a self-signed certificate made by keytool ({@link SelfSignedCertificate}): HTTPS and
 * MQTT over TLS on every address, the plain listeners on 127.0.0.1 only, the session cookie Secure
 * over HTTPS, and a client that does not trust the certificate turned away.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("security")
class TlsTest {
  private static final String PASSWORD = "changeit-tls";
  private RunningHub hub;
  private Path pem;
  private SSLContext trusting;
  private int httpPort;
  private int httpsPort;
  private int mqttsPort;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    SelfSignedCertificate certificate = SelfSignedCertificate.make(dir, "hub", PASSWORD);
    Path keystore = certificate.keystore();
    pem = certificate.pem();
    trusting = TrustedCertificates.context(pem);
    httpPort = TestBroker.freePort();
    httpsPort = TestBroker.freePort();
    mqttsPort = TestBroker.freePort();
    hub =
        RunningHub.start(
            dir.resolve("data"),
            Map.of(
                "hub.http-port", httpPort,
                "hub.tls.keystore", keystore.toString(),
                "hub.tls.keystore-password", PASSWORD,
                "hub.tls.https-port", httpsPort,
                "hub.tls.mqtt-port", mqttsPort));
  }

  @AfterAll
  void stop() {
    if (hub != null) {
      hub.close();
    }
  }

  private HttpResponse<String> get(HttpClient client, String url) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldServeHttpsToClientsThatTrustTheHubsCertificate() throws Exception {
    HttpClient client = HttpClient.newBuilder().sslContext(trusting).build();

    HttpResponse<String> health = get(client, "https://127.0.0.1:" + httpsPort + "/health");

    assertThat(health.statusCode()).isEqualTo(200);
    assertThatThrownBy(
            () -> get(HttpClient.newHttpClient(), "https://127.0.0.1:" + httpsPort + "/health"))
        .as("the JVM's usual trust does not know a self-signed certificate")
        .isInstanceOf(IOException.class);
  }

  @Test
  void shouldSendStrictTransportSecurityOverHttpsOnlyOnEveryAnswer() throws Exception {
    HttpClient client = HttpClient.newBuilder().sslContext(trusting).build();
    String https = "https://127.0.0.1:" + httpsPort;
    String http = "http://127.0.0.1:" + httpPort;

    for (String path :
        java.util.List.of(
            "/health", "/login", "/api/stations", "/no-such-page", "/static/hub.css")) {
      assertThat(get(client, https + path).headers().firstValue("Strict-Transport-Security"))
          .as("over HTTPS: " + path)
          .hasValue("max-age=31536000");
      assertThat(
              get(HttpClient.newHttpClient(), http + path)
                  .headers()
                  .firstValue("Strict-Transport-Security"))
          .as("over plain HTTP: " + path)
          .isEmpty();
    }
  }

  @Test
  void shouldMarkTheSessionCookieSecureOverHttps() throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .sslContext(trusting)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    HttpResponse<String> in =
        client.send(
            HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + httpsPort + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username=admin&password=" + DemoCounty.PASSWORD))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(in.statusCode()).isEqualTo(303);
    assertThat(in.headers().firstValue("Set-Cookie").orElseThrow())
        .containsIgnoringCase("Secure")
        .containsIgnoringCase("HttpOnly");
  }

  @Test
  void shouldCarryAStationsContentOverMqttWithTls() {
    String password = hub.stationPassword("s-001");
    try (TestClient station =
        TestClient.connect(
            "ssl://127.0.0.1:" + mqttsPort,
            StationIdentity.clientId("s-001", "tls"),
            "s-001",
            password,
            NoDelaySocketFactory.tls(trusting.getSocketFactory()))) {
      station.subscribe(Topic.stationContent("s-001").toString());
      await().until(() -> !station.received().isEmpty());
    }
    assertThat(
            TestClient.tryConnect(
                "ssl://127.0.0.1:" + mqttsPort,
                "anyone",
                null,
                null,
                NoDelaySocketFactory.tls(trusting.getSocketFactory())))
        .as("TLS is no way around the credentials")
        .isEqualTo(0x86);
    assertThat(
            TestClient.tryConnect(
                "ssl://127.0.0.1:" + mqttsPort,
                StationIdentity.clientId("s-001", "untrusting"),
                "s-001",
                password.getBytes(StandardCharsets.UTF_8),
                NoDelaySocketFactory.tls(
                    (javax.net.ssl.SSLSocketFactory) javax.net.ssl.SSLSocketFactory.getDefault())))
        .as("a client that does not trust the certificate does not connect")
        .isEqualTo(-1);
  }

  @Test
  void shouldKeepThePlainListenersOnThisMachineAndOpenTheTlsOnes() throws Exception {
    // 127.0.0.2 is this machine too, but not the address the plain listeners are bound to.
    assertThat(
            get(HttpClient.newHttpClient(), "http://127.0.0.1:" + httpPort + "/health")
                .statusCode())
        .isEqualTo(200);
    assertThatThrownBy(() -> connect("127.0.0.2", httpPort)).isInstanceOf(ConnectException.class);
    assertThatThrownBy(() -> connect("127.0.0.2", hub.mqttPort()))
        .isInstanceOf(ConnectException.class);
    connect("127.0.0.2", httpsPort);
    connect("127.0.0.2", mqttsPort);
    HttpClient client = HttpClient.newBuilder().sslContext(trusting).build();
    assertThat(get(client, "https://127.0.0.2:" + httpsPort + "/health").statusCode())
        .isEqualTo(200);
  }

  private static void connect(String host, int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 5_000);
    }
  }
}
