package liaison.hub.web;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import liaison.hub.problem.BadInput;

/**
 * {@code /health} → {@code badInput}: how much bad input the hub has refused since it started, per
 * door and reason ({@code mqtt.event/not-an-object: 3}), for a county administrator (details are
 * theirs). Always UP: refusing bad input is the hub working; a flooding station is flagged on the
 * fleet page, and stalled ingestion shows as {@code ingestion: DEGRADED}.
 */
@Singleton
public class BadInputHealth extends AbstractHealthIndicator<Map<String, Object>> {
  private final BadInput badInput;

  public BadInputHealth(BadInput badInput) {
    this.badInput = badInput;
  }

  @Override
  protected Map<String, Object> getHealthInformation() {
    healthStatus = HealthStatus.UP;
    Map<String, Long> counts = badInput.counts();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("total", counts.values().stream().mapToLong(Long::longValue).sum());
    details.put("counts", counts);
    return details;
  }

  @Override
  protected String getName() {
    return "badInput";
  }
}
