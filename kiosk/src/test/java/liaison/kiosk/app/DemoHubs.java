package liaison.kiosk.app;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.Map;

/**
 * The real hub with the demo county, in this JVM, for the benchmarks that measure a station against
 * it: its embedded broker on the given port (no retained message outlives it), its store under
 * {@code dataDir}, no web server.
 */
public final class DemoHubs {
  private DemoHubs() {}

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
