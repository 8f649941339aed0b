package liaison.hub.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import liaison.hub.config.MetricsConfig;
import liaison.hub.problem.BadInput;
import org.jspecify.annotations.Nullable;

/**
 * Who may read {@code /metrics}, and what it reads. Only a request carrying the configured bearer
 * token: a staff session is not enough (the figures are the operator's, not a page of the hub's),
 * and without a token configured there is nothing to read at all.
 */
@Singleton
public class Scrapes {
  static final String SOURCE = "http.metrics";
  private static final String BEARER = "Bearer ";

  private final MetricsConfig config;
  private final OperatorFigures figures;
  private final StationActivity activity;
  private final PrometheusMeterRegistry prometheus;
  private final BadInput badInput;

  public Scrapes(
      MetricsConfig config,
      OperatorFigures figures,
      StationActivity activity,
      PrometheusMeterRegistry prometheus,
      BadInput badInput) {
    this.config = config;
    this.figures = figures;
    this.activity = activity;
    this.prometheus = prometheus;
    this.badInput = badInput;
  }

  /** Whether the hub has a token, so that {@code /metrics} exists. */
  public boolean enabled() {
    return config.enabled();
  }

  /**
   * Whether an {@code Authorization} header carries the token; compared in constant time, so the
   * time an answer takes tells nothing of how much of a guess was right. A wrong one is counted.
   */
  public boolean admits(@Nullable String authorization, String from) {
    if (!config.enabled()) {
      return false;
    }
    byte[] expected = config.token().strip().getBytes(StandardCharsets.UTF_8);
    byte[] given =
        authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
            ? authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8)
            : new byte[0];
    if (MessageDigest.isEqual(expected, given)) {
      return true;
    }
    badInput.record(
        SOURCE,
        authorization == null ? "no-token" : "wrong-token",
        "a metrics scrape from " + from + " without the right token");
    return false;
  }

  /** The exposition in Prometheus' text format, the database's figures counted if stale. */
  public String text() {
    figures.current();
    activity.followBadInput();
    return prometheus.scrape();
  }
}
