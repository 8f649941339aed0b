package liaison.signage.transport;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long to wait before the next connection attempt: doubling from {@code initialDelay} up to
 * {@code maxDelay}, each delay spread by up to {@code jitter} (0.2 = ±20 %) so that a county's
 * stations do not all knock at once when the hub comes back.
 *
 * <p>Both MQTT clients run their own reconnect loop with it (Paho's automatic reconnect never
 * starts when the first connect fails): the stations' link and the hub's own client, whose replicas
 * would otherwise all knock at the same instant after a broker restart.
 */
public record ReconnectPolicy(Duration initialDelay, Duration maxDelay, double jitter) {

  public static final ReconnectPolicy DEFAULT =
      new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2);

  public ReconnectPolicy {
    if (initialDelay.isNegative() || initialDelay.isZero()) {
      throw new IllegalArgumentException("initialDelay must be positive, was " + initialDelay);
    }
    if (maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException(
          "maxDelay " + maxDelay + " is below initialDelay " + initialDelay);
    }
    if (jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("jitter must be in [0, 1), was " + jitter);
    }
  }

  /** The delay before attempt number {@code attempt} (1 for the first retry). */
  public Duration delay(int attempt, RandomGenerator random) {
    long base = initialDelay.toMillis();
    long max = maxDelay.toMillis();
    long delay = base;
    for (int i = 1; i < attempt && delay < max; i++) {
      delay = Math.min(max, delay * 2);
    }
    double spread = jitter == 0 ? 0 : (random.nextDouble() * 2 - 1) * jitter;
    return Duration.ofMillis(Math.max(1, Math.round(delay * (1 + spread))));
  }
}
