package liaison.hub;

import io.micronaut.context.env.Environment;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import liaison.hub.broker.BrokerClient;
import liaison.hub.db.Dialect;
import liaison.hub.fleet.StationOverview;

/** What the hub prints once it is up: where the admin is, and each station's QR address. */
@Singleton
public class StartupSummary {
  private final EmbeddedServer server;
  private final BrokerClient broker;
  private final StationOverview overview;
  private final Environment environment;
  private final liaison.hub.config.TlsConfig tls;
  private final liaison.hub.config.HubConfig hub;
  private final java.util.Optional<liaison.hub.broker.EmbeddedBroker> embedded;
  private final liaison.hub.config.MetricsConfig metrics;

  public StartupSummary(
      EmbeddedServer server,
      BrokerClient broker,
      StationOverview overview,
      Environment environment,
      liaison.hub.config.TlsConfig tls,
      liaison.hub.config.HubConfig hub,
      java.util.Optional<liaison.hub.broker.EmbeddedBroker> embedded,
      liaison.hub.config.MetricsConfig metrics) {
    this.server = server;
    this.broker = broker;
    this.overview = overview;
    this.environment = environment;
    this.tls = tls;
    this.hub = hub;
    this.embedded = embedded;
    this.metrics = metrics;
  }

  private static boolean isLoopback(String host) {
    return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
  }

  /**
   * "SQLite data/hub.db" or "PostgreSQL jdbc:postgresql://db/liaison": no settings, no password.
   */
  private String database() {
    String url = environment.getProperty("datasources.default.url", String.class).orElse("");
    String bare = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    Dialect dialect = Dialect.of(url);
    return dialect.product()
        + " "
        + (dialect == Dialect.SQLITE ? bare.substring("jdbc:sqlite:".length()) : bare);
  }

  public void print(PrintStream out) {
    out.println();
    out.println("联络站枢纽已启动 · Liaison hub is up");
    int httpPort = tls.enabled() ? hub.httpPort() : server.getPort();
    out.println("  管理后台 Admin:   http://localhost:" + httpPort + "/admin");
    out.println("  健康检查 Health:  http://localhost:" + httpPort + "/health");
    out.println(
        metrics.enabled()
            ? "  监控指标 Metrics: http://localhost:"
                + httpPort
                + "/metrics (需要令牌 · Authorization: Bearer <--metrics-token>)"
            : "  监控指标 Metrics: 未开启 · off (/metrics 答 404; --metrics-token 开启 · turns it on)");
    if (tls.enabled()) {
      out.println("  HTTPS:            https://" + tls.httpsHost() + ":" + tls.httpsPort() + "/");
    }
    out.println("  MQTT:             " + broker.uri() + " (需要凭据 · credentials required)");
    embedded
        .flatMap(liaison.hub.broker.EmbeddedBroker::tlsAddress)
        .ifPresent(a -> out.println("  MQTT TLS:         ssl://" + a));
    if (!tls.enabled() && isLoopback(hub.httpHost())) {
      out.println("  注意 Note: 网页只在本机可访问；局域网的手机和屏幕要用 --http-host=0.0.0.0 或配置 TLS");
      out.println(
          "             the web answers on this machine only; for phones and screens on the LAN use");
      out.println("             --http-host=0.0.0.0 or configure TLS (--tls-keystore)");
    }
    out.println(
        "  数据 Data:        "
            + environment.getProperty("hub.data-dir", String.class).orElse("data"));
    out.println("  数据库 Database:  " + database());
    for (StationOverview.Row row : overview.rows()) {
      out.println("  " + row.id() + "  " + row.name());
      out.println("        扫码提意见 QR:  " + row.opinionUrl());
    }
    out.println();
  }
}
