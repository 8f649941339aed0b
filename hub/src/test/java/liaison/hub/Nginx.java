package liaison.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's nginx with a site configuration taken from the docs, in a folder of the test's,
 * listening on 127.0.0.2 (so that a client's loopback address, 127.0.0.3 and up, differs from the
 * address the hubs see nginx connect from, 127.0.0.1). The docs' block is what runs: a test
 * replaces only the example's addresses, ports and file names, and fails when one is not there.
 */
public final class Nginx implements AutoCloseable {
  /** Where nginx listens in tests. */
  public static final String LISTEN = "127.0.0.2";

  private final Process process;
  private final Path folder;

  private Nginx(Process process, Path folder) {
    this.process = process;
    this.folder = folder;
  }

  /** Skips the test, saying why, when there is no nginx; fails under CI, which installs it. */
  public static Path executable() {
    for (String candidate : new String[] {"/usr/sbin/nginx", "/usr/bin/nginx"}) {
      if (Files.isExecutable(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    if ("true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("CI has no nginx: .ci/run installs Debian's nginx");
    }
    Assumptions.abort("no nginx here (apt-get install nginx; .ci/run does)");
    throw new IllegalStateException("unreachable");
  }

  /**
   * The first {@code nginx} block of a doc after the heading given (the whole doc when null), with
   * each replacement made; each text to replace must be in the block as shown.
   */
  public static String siteFromDoc(Path doc, String heading, Map<String, String> replace)
      throws IOException {
    String text = Files.readString(doc);
    if (heading != null) {
      int at = text.indexOf("\n" + heading + "\n");
      assertThat(at).as("'" + heading + "' in " + doc).isNotNegative();
      text = text.substring(at);
    }
    Matcher block = Pattern.compile("```nginx\\n(.*?)```", Pattern.DOTALL).matcher(text);
    assertThat(block.find()).as("an nginx block in " + doc).isTrue();
    String site = block.group(1);
    for (Map.Entry<String, String> r : replace.entrySet()) {
      assertThat(site).as(doc + "'s nginx block").contains(r.getKey());
      site = site.replace(r.getKey(), r.getValue());
    }
    return site;
  }

  /** Starts nginx on the site and waits until it listens on each of its 127.0.0.2 ports. */
  public static Nginx start(Path nginx, Path folder, String site) throws IOException {
    Files.writeString(folder.resolve("site.conf"), site);
    String user = System.getProperty("user.name");
    Files.writeString(
        folder.resolve("nginx.conf"),
        String.join(
            "\n",
            "daemon off;",
            "worker_processes 1;",
            "pid " + folder.resolve("nginx.pid") + ";",
            "error_log " + folder.resolve("error.log") + " warn;",
            // As root (a container) nginx's workers would become nobody, who cannot read here.
            "root".equals(user) ? "user root;" : "",
            "events { worker_connections 64; }",
            "http {",
            "  access_log " + folder.resolve("access.log") + ";",
            "  client_body_temp_path " + folder.resolve("body") + ";",
            "  proxy_temp_path " + folder.resolve("proxy") + ";",
            "  fastcgi_temp_path " + folder.resolve("fastcgi") + ";",
            "  uwsgi_temp_path " + folder.resolve("uwsgi") + ";",
            "  scgi_temp_path " + folder.resolve("scgi") + ";",
            "  include " + folder.resolve("site.conf") + ";",
            "}",
            ""));
    Process process =
        new ProcessBuilder(
                nginx.toString(), "-p", folder.toString(), "-c", "nginx.conf", "-e", "stderr")
            .redirectErrorStream(true)
            .redirectOutput(folder.resolve("nginx.out").toFile())
            .start();
    Nginx started = new Nginx(process, folder);
    Matcher listen = Pattern.compile("listen 127\\.0\\.0\\.2:(\\d+)").matcher(site);
    boolean any = false;
    while (listen.find()) {
      any = true;
      started.awaitListening(Integer.parseInt(listen.group(1)));
    }
    assertThat(any).as("the site listens on " + LISTEN).isTrue();
    return started;
  }

  private void awaitListening(int port) {
    await()
        .atMost(Duration.ofSeconds(15))
        .failFast("nginx stopped: " + output(), () -> !process.isAlive())
        .until(
            () -> {
              try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(LISTEN, port), 500);
                return true;
              } catch (IOException e) {
                return false;
              }
            });
  }

  private String output() {
    try {
      return Files.readString(folder.resolve("nginx.out"));
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  /**
   * One plain HTTP/1.1 GET from {@code from} (a loopback address), with a forged X-Real-IP when
   * given; the whole answer, status line and headers included.
   */
  public String get(int port, String path, String from, String forgedRealIp) throws IOException {
    return send(port, null, from, path, forgedRealIp == null ? Map.of() : realIp(forgedRealIp));
  }

  /** The same over TLS, trusting only the certificate the test made for nginx. */
  public String getTls(
      int port, Path certificate, String path, String from, Map<String, String> headers)
      throws IOException {
    return send(port, certificate, from, path, headers);
  }

  private static Map<String, String> realIp(String forged) {
    return Map.of("X-Real-IP", forged);
  }

  private static String send(
      int port, Path certificate, String from, String path, Map<String, String> headers)
      throws IOException {
    try (Socket plain = new Socket()) {
      plain.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
      plain.connect(new InetSocketAddress(LISTEN, port), 2_000);
      plain.setSoTimeout(15_000);
      Socket s =
          certificate != null
              ? trusting(certificate)
                  .getSocketFactory()
                  .createSocket(plain, "rd.example.gov.cn", port, true)
              : plain;
      if (s instanceof SSLSocket ssl) {
        ssl.startHandshake();
      }
      StringBuilder request =
          new StringBuilder("GET ")
              .append(path)
              .append(" HTTP/1.1\r\nHost: rd.example.gov.cn\r\nAccept: */*\r\n");
      headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
      request.append("Connection: close\r\n\r\n");
      s.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
      String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      s.close();
      return answer;
    }
  }

  /** TLS that trusts exactly the certificate given (PEM), the one the test made for nginx. */
  private static SSLContext trusting(Path certificate) {
    try (var in = Files.newInputStream(certificate)) {
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      trusted.setCertificateEntry(
          "nginx", CertificateFactory.getInstance("X.509").generateCertificate(in));
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException("cannot trust " + certificate, e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
