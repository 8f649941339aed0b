package liaison.hub.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Micronaut's timer of every HTTP request, as the operator reads it: {@code
 * liaison_http_server_requests_seconds} by method, route template ({@code /admin/stations/{id}},
 * never a path with an id in it) and status class ({@code 2xx}…{@code 5xx}), with latency buckets.
 * The exception's class name is dropped: people do not read Java, and the class multiplies series.
 */
@Singleton
public class HttpRequestNames implements MeterFilter {
  static final String MICRONAUT = "http.server.requests";
  static final String NAME = "liaison.http.server.requests";

  @Override
  public Meter.Id map(Meter.Id id) {
    if (!id.getName().equals(MICRONAUT)) {
      return id;
    }
    return id.withName(NAME)
        .replaceTags(
            List.of(
                Tag.of("method", orUnknown(id.getTag("method"))),
                Tag.of("route", route(id.getTag("uri"))),
                Tag.of("status", statusClass(id.getTag("status")))));
  }

  @Override
  public @Nullable DistributionStatisticConfig configure(
      Meter.Id id, DistributionStatisticConfig config) {
    if (!id.getName().equals(NAME)) {
      return config;
    }
    return DistributionStatisticConfig.builder()
        .serviceLevelObjectives(
            seconds(0.05),
            seconds(0.1),
            seconds(0.25),
            seconds(0.5),
            seconds(1),
            seconds(2.5),
            seconds(5),
            seconds(10))
        .build()
        .merge(config);
  }

  private static double seconds(double s) {
    return Duration.ofMillis((long) (s * 1000)).toNanos();
  }

  private static String orUnknown(@Nullable String value) {
    return value == null || value.isBlank() ? "UNKNOWN" : value;
  }

  /**
   * Micronaut names a matched route by its template and sets the others apart ({@code NOT_FOUND},
   * {@code REDIRECTION}…); a path that is neither (a static file) is kept only as its first
   * segment, so a stranger's made-up paths cannot add series.
   */
  static String route(@Nullable String uri) {
    if (uri == null || uri.isBlank()) {
      return "UNKNOWN";
    }
    if (!uri.startsWith("/static/")
        && !uri.startsWith("/vendor/")
        && !uri.startsWith("/openapi/")) {
      return uri;
    }
    int second = uri.indexOf('/', 1);
    return uri.substring(0, second) + "/**";
  }

  static String statusClass(@Nullable String status) {
    if (status == null || status.length() != 3 || !Character.isDigit(status.charAt(0))) {
      return "UNKNOWN";
    }
    return status.charAt(0) + "xx";
  }
}
