package liaison.kiosk.app;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.util.Map;

/**
 * The real hub with the demo county, in this JVM, for the benchmarks that measure a station against
 * it: its embedded broker on the given port (no retained message outlives it), its store under
 * {@code dataDir}, no web server.
 */
public final class DemoHubs {
  private DemoHubs() {}

  /**
   * The same with its web server running on {@code httpPort}, and {@code publicUrl} the address its
   * snapshots give stations (photos, media), e.g. a relay in front of it.
   */
  public static ApplicationContext startWithWeb(
      Path dataDir, int mqttPort, int httpPort, String publicUrl) {
    ApplicationContext hub =
        ApplicationContext.run(
            Map.of(
                "hub.data-dir",
                dataDir.toString(),
                "hub.http-port",
                httpPort,
                "hub.http-host",
                "127.0.0.1",
                "hub.public-url",
                publicUrl,
                "hub.mqtt.port",
                mqttPort,
                "hub.mqtt.broker.persistence",
                "in-memory"));
    hub.getBean(EmbeddedServer.class).start();
    return hub;
  }

  public static ApplicationContext start(Path dataDir, int mqttPort) {
    return ApplicationContext.run(
        Map.of(
            "hub.data-dir",
            dataDir.toString(),
            "hub.http-port",
            -1,
            "hub.http-host",
            "127.0.0.1",
            "hub.mqtt.port",
            mqttPort,
            "hub.mqtt.broker.persistence",
            "in-memory"));
  }
}
