package liaison.hub.ingest;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /health} → {@code ingestion}: are the stations' events being stored. {@link #DEGRADED}
 * when the oldest event not yet stored has waited longer than {@code hub.ingest.degraded-after}
 * (the database busy or full, the writer stuck). DEGRADED is operational, so {@code /health} still
 * answers 200 (the demo script and load balancers read it); {@code /health/ingest} answers 503.
 */
@Singleton
public class IngestHealth extends AbstractHealthIndicator<Map<String, Object>> {

  /** Serving, but events wait unstored: someone should look. */
  public static final HealthStatus DEGRADED =
      new HealthStatus(
          "DEGRADED", "events wait unstored longer than hub.ingest.degraded-after", true, 500);

  private final EventIngest ingest;
  private final IngestConfig config;

  public IngestHealth(EventIngest ingest, IngestConfig config) {
    this.ingest = ingest;
    this.config = config;
  }

  /** True when the oldest event not yet stored has waited longer than the threshold. */
  public boolean degraded() {
    return ingest.oldestWait().map(w -> w.compareTo(config.degradedAfter()) > 0).orElse(false);
  }

  /**
   * What {@code /health} and {@code /health/ingest} show: counts and waits, no paths or addresses.
   */
  public Map<String, Object> details() {
    Optional<Duration> oldest = ingest.oldestWait();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("waiting", ingest.waiting());
    details.put("oldestWaitSeconds", oldest.map(Duration::toSeconds).orElse(0L));
    details.put("degradedAfterSeconds", config.degradedAfter().toSeconds());
    details.put("stored", ingest.storedCount());
    details.put("refused", ingest.rejectedCount());
    return details;
  }

  @Override
  protected Map<String, Object> getHealthInformation() {
    healthStatus = degraded() ? DEGRADED : HealthStatus.UP;
    return details();
  }

  @Override
  protected String getName() {
    return "ingestion";
  }
}
