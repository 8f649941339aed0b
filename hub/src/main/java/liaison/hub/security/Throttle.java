package liaison.hub.security;

import java.time.Duration;
import java.util.Optional;

/**
 * At most a number of events per key within a sliding window. {@link Throttles#shared} counts in
 * the database, for every hub at once (a guesser cannot multiply their tries by the number of
 * hubs); {@link RateLimiter} counts in one process's memory (the embedded broker's connection
 * guard).
 */
public interface Throttle {
  /**
   * Counts one event for the key if it is within the limit. Empty when allowed; otherwise how long
   * until the oldest counted event leaves the window (at least one second), and nothing is counted.
   */
  Optional<Duration> tryAcquire(String key);

  /**
   * Whether the key is at its limit now, without counting anything: how long until it may act
   * again, or empty. For limits counted on failures only (log-ins): look first, count on failure.
   */
  Optional<Duration> blockedFor(String key);

  /** How many keys are remembered now. */
  int trackedKeys();

  /** The wait for a key whose oldest counted event is {@code untilFree} away: at least a second. */
  static Duration atLeastASecond(Duration untilFree) {
    return untilFree.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : untilFree;
  }
}
