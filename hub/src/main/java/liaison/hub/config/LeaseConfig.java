package liaison.hub.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Job leases ({@code hub.leases.*}): with several hubs on one database, each job runs on the hub
 * holding its lease.
 *
 * @param ttl how long a lease holds unless renewed; its holder renews it every third of this, and
 *     another hub takes it over once it has expired, so a job stalls at most this long after its
 *     hub died. The hubs' clocks must agree to well within a third of it (NTP).
 */
@ConfigurationProperties("hub.leases")
public record LeaseConfig(@Bindable(defaultValue = "15s") Duration ttl) {
  public LeaseConfig {
    if (ttl.isNegative() || ttl.toMillis() < 300) {
      throw new IllegalArgumentException("hub.leases.ttl must be at least 300 ms, was " + ttl);
    }
  }
}
