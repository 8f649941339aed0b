package liaison.hub.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * What Prometheus reads ({@code hub.metrics.*}, docs/FIELD.md "Watching the hub").
 *
 * @param token the bearer token a scrape must carry; blank: {@code /metrics} is not there at all
 * @param cache how long the figures counted in the database are kept before they are counted again,
 *     so several Prometheus servers scraping every 15 s cost one set of queries
 */
@ConfigurationProperties("hub.metrics")
public record MetricsConfig(
    @Bindable(defaultValue = "") String token, @Bindable(defaultValue = "15s") Duration cache) {

  public boolean enabled() {
    return token != null && !token.isBlank();
  }
}
