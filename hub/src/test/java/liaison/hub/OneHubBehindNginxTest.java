package liaison.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import liaison.testkit.TestBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/FIELD.md's nginx in front of one hub, on Debian's nginx with a certificate made here: plain
 * HTTP goes to HTTPS; over HTTPS the hub counts the address nginx saw, not one the client forged;
 * {@code /metrics} answers the Prometheus server's address only, and still wants the token.
 */
class OneHubBehindNginxTest {
  private static final String TOKEN = "behind-nginx-metrics";

  @Test
  void shouldTerminateTlsPassTheClientsAddressAndKeepMetricsToPrometheus(@TempDir Path dir)
      throws Exception {
    Path nginx = Nginx.executable();
    Path folder = Files.createDirectories(dir.resolve("nginx"));
    Path certificate = folder.resolve("rd.crt");
    Path key = folder.resolve("rd.key");
    selfSigned(certificate, key);
    try (RunningHub hub =
        RunningHub.start(
            dir.resolve("hub"),
            Map.of("hub.opinions.client-ip-header", "X-Real-IP", "hub.metrics.token", TOKEN))) {
      int http = TestBroker.freePort();
      int https = TestBroker.freePort();
      String site =
          Nginx.siteFromDoc(
              Path.of("..", "docs", "FIELD.md"),
              "## nginx in front of the hub",
              Map.of(
                  "listen 80;",
                  "listen " + Nginx.LISTEN + ":" + http + ";",
                  "listen 443 ssl;",
                  "listen " + Nginx.LISTEN + ":" + https + " ssl;",
                  "/etc/ssl/liaison/rd.example.gov.cn.crt",
                  certificate.toString(),
                  "/etc/ssl/liaison/rd.example.gov.cn.key",
                  key.toString(),
                  "http://127.0.0.1:8080",
                  "http://127.0.0.1:" + hub.url("/").getPort(),
                  // the Prometheus server: another loopback address than the residents'
                  "allow 10.0.0.20;",
                  "allow 127.0.0.5;"));
      try (Nginx proxy = Nginx.start(nginx, folder, site)) {
        String plain = proxy.get(http, "/t?code=K7QX-M4PD-2HWA", "127.0.0.3", null);
        assertThat(plain)
            .startsWith("HTTP/1.1 301")
            .contains("Location: https://rd.example.gov.cn/t?code=K7QX-M4PD-2HWA");

        // A resident's phone at 127.0.0.3 asks for an unknown tracking code, naming itself
        // 8.8.8.8: nginx replaces that, and the hub counts 127.0.0.3.
        String answer =
            proxy.getTls(
                https,
                certificate,
                "/t?code=K7QX-M4PD-2HWB",
                "127.0.0.3",
                Map.of("X-Real-IP", "8.8.8.8"));
        assertThat(answer).startsWith("HTTP/1.1 404");
        assertThat(answer).contains("Strict-Transport-Security: max-age=31536000");
        assertThat(hub.throttled("tracking.failures"))
            .contains("127.0.0.3")
            .doesNotContain("8.8.8.8", "127.0.0.1");

        // The figures: refused by nginx to the phone, even with the token; the Prometheus
        // server's address gets through, and the hub still asks for the token.
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + TOKEN);
        assertThat(proxy.getTls(https, certificate, "/metrics", "127.0.0.3", bearer))
            .startsWith("HTTP/1.1 403")
            .contains("nginx");
        assertThat(proxy.getTls(https, certificate, "/metrics", "127.0.0.5", Map.of()))
            .startsWith("HTTP/1.1 401");
        assertThat(proxy.getTls(https, certificate, "/metrics", "127.0.0.5", bearer))
            .startsWith("HTTP/1.1 200")
            .contains("liaison_stations_online");
      }
    }
  }

  /** The county's certificate, as far as a test can tell: self-signed, for a day. */
  private static void selfSigned(Path certificate, Path key) throws Exception {
    Process openssl =
        new ProcessBuilder(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                "/CN=rd.example.gov.cn",
                "-addext",
                "subjectAltName=DNS:rd.example.gov.cn",
                "-keyout",
                key.toString(),
                "-out",
                certificate.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(openssl.getInputStream().readAllBytes());
    assertThat(openssl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(openssl.exitValue()).as(output).isZero();
  }
}
