package liaison.hub.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.aggregator.DefaultHealthAggregator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.runtime.ApplicationConfiguration;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;

/**
 * The overall status of {@code /health}: the worst of its components, in the order UP, UNKNOWN,
 * DEGRADED (operational but someone should look), DOWN. Micronaut's own ordering treats every
 * operational status alike, so whether a DEGRADED component showed at the top depended on which
 * indicator answered first.
 */
@Singleton
@Replaces(DefaultHealthAggregator.class)
public class HubHealthAggregator extends DefaultHealthAggregator {

  public HubHealthAggregator(ApplicationConfiguration applicationConfiguration) {
    super(applicationConfiguration);
  }

  @Override
  protected HealthStatus calculateOverallStatus(List<HealthResult> results) {
    return results.stream()
        .map(HealthResult::getStatus)
        .max(
            Comparator.comparingInt(HubHealthAggregator::rank)
                .thenComparing(s -> s.getSeverity().orElse(0)))
        .orElse(HealthStatus.UNKNOWN);
  }

  private static int rank(HealthStatus status) {
    Boolean operational = status.getOperational().orElse(null);
    if (operational == null) {
      return 1;
    }
    if (!operational) {
      return 3;
    }
    return status.getSeverity().orElse(0) > 0 ? 2 : 0;
  }
}
