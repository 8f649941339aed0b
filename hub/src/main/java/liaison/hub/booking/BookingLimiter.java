package liaison.hub.booking;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many booking and cancelling forms one address may send: at most {@code limit} in any
 * {@code window} (a sliding window of the attempts' times). Thread-safe; time comes from the clock,
 * so tests move it instead of waiting.
 *
 * <p>Kept small on purpose, in its own package: a shared {@code liaison.hub.web.RateLimiter} is on
 * its way, and this one will be folded into it.
 */
@Singleton
public class BookingLimiter {
  /** The answer for one attempt: allowed, or refused with how long to wait. */
  public record Decision(boolean allowed, Duration retryAfter) {
    /** Whole seconds for the Retry-After header, at least 1. */
    public long retryAfterSeconds() {
      return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
  }

  /** Beyond this many addresses, stale ones are dropped so memory stays bounded. */
  private static final int SWEEP_AT = 10_000;

  private final int limit;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();

  public BookingLimiter(BookingConfig config, Clock clock) {
    this(config.limitPerAddress(), config.limitWindow(), clock);
  }

  BookingLimiter(int limit, Duration window, Clock clock) {
    if (limit < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("a booking limit needs at least 1 attempt in a positive window, got " + limit + " in " + window);
    }
    this.limit = limit;
    this.window = window;
    this.clock = clock;
  }

  /** Counts an attempt from {@code address} if it is allowed. */
  public Decision attempt(String address) {
    Instant now = clock.instant();
    if (attempts.size() > SWEEP_AT) {
      sweep(now);
    }
    Decision[] decision = new Decision[1];
    attempts.compute(
        address,
        (key, times) -> {
          Deque<Instant> kept = times == null ? new ArrayDeque<>() : times;
          dropExpired(kept, now);
          if (kept.size() >= limit) {
            decision[0] = new Decision(false, Duration.between(now, kept.peekFirst().plus(window)));
          } else {
            kept.addLast(now);
            decision[0] = new Decision(true, Duration.ZERO);
          }
          return kept;
        });
    return decision[0];
  }

  private void dropExpired(Deque<Instant> times, Instant now) {
    while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
      times.removeFirst();
    }
  }

  private void sweep(Instant now) {
    for (String key : attempts.keySet()) {
      attempts.computeIfPresent(
          key,
          (k, times) -> {
            dropExpired(times, now);
            return times.isEmpty() ? null : times;
          });
    }
  }
}
