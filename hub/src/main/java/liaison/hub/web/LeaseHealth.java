package liaison.hub.web;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import liaison.hub.db.Leases;

/**
 * {@code /health} → {@code leases}: which jobs this hub does now (the leases it holds, each with
 * when it expires unless renewed) and under which name, for a county administrator (details are
 * theirs). Always UP: a hub holding no lease is a hub whose jobs another hub does.
 */
@Singleton
public class LeaseHealth extends AbstractHealthIndicator<Map<String, Object>> {
  private final Leases leases;

  public LeaseHealth(Leases leases) {
    this.leases = leases;
  }

  @Override
  protected Map<String, Object> getHealthInformation() {
    healthStatus = HealthStatus.UP;
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("holder", leases.holder());
    details.put("ttlSeconds", leases.ttl().toMillis() / 1000.0);
    Map<String, String> held = new LinkedHashMap<>();
    leases.held().forEach((name, until) -> held.put(name, until.toString()));
    details.put("held", held);
    return details;
  }

  @Override
  protected String getName() {
    return "leases";
  }
}
