package liaison.hub.broker;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /health} → {@code broker}: is the embedded broker running, is the hub's client connected,
 * how many messages it dropped and how many connects it held back as a storm.
 */
@Singleton
public class BrokerHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
  private final BrokerClient client;
  private final Optional<EmbeddedBroker> embedded;

  public BrokerHealthIndicator(BrokerClient client, Optional<EmbeddedBroker> embedded) {
    this.client = client;
    this.embedded = embedded;
  }

  @Override
  protected Map<String, Object> getHealthInformation() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("uri", client.uri());
    details.put("embedded", embedded.isPresent());
    embedded.ifPresent(
        b -> {
          details.put("embeddedRunning", b.isRunning());
          details.put("droppedMessages", b.droppedMessages());
          // Connects held back as a storm since start: a machine knocking too often shows here.
          details.put("refusedConnects", b.refusedConnects());
        });
    details.put("connected", client.isConnected());
    boolean up = client.isConnected() && embedded.map(EmbeddedBroker::isRunning).orElse(true);
    healthStatus = up ? HealthStatus.UP : HealthStatus.DOWN;
    return details;
  }

  @Override
  protected String getName() {
    return "broker";
  }
}
