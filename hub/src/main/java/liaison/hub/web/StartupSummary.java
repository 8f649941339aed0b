package liaison.hub.web;

import io.micronaut.context.env.Environment;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import liaison.hub.broker.BrokerClient;

/** What the hub prints once it is up: where the admin is, and each station's QR address. */
@Singleton
public class StartupSummary {
  private final EmbeddedServer server;
  private final BrokerClient broker;
  private final StationOverview overview;
  private final Environment environment;

  public StartupSummary(EmbeddedServer server, BrokerClient broker, StationOverview overview, Environment environment) {
    this.server = server;
    this.broker = broker;
    this.overview = overview;
    this.environment = environment;
  }

  public void print(PrintStream out) {
    out.println();
    out.println("联络站枢纽已启动 · Liaison hub is up");
    out.println("  管理后台 Admin:   http://localhost:" + server.getPort() + "/admin");
    out.println("  健康检查 Health:  http://localhost:" + server.getPort() + "/health");
    out.println("  MQTT:             " + broker.uri());
    out.println("  数据 Data:        " + environment.getProperty("hub.data-dir", String.class).orElse("data"));
    for (StationOverview.Row row : overview.rows()) {
      out.println("  " + row.id() + "  " + row.name());
      out.println("        扫码提意见 QR:  " + row.opinionUrl());
    }
    out.println();
  }
}
