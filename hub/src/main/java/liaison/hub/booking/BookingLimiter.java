package liaison.hub.booking;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import liaison.hub.security.RateLimiter;
import liaison.hub.security.Throttle;
import liaison.hub.security.Throttles;

/**
 * How many booking and cancelling forms one address may send: at most {@code limit} in any {@code
 * window} (a sliding window of the attempts' times). Thread-safe; time comes from the clock, so
 * tests move it instead of waiting.
 *
 * <p>The counting is a {@link Throttle}'s: in the database for the hub ({@link Throttles}, so every
 * hub counts the same forms), in memory for a test of the answers ({@link RateLimiter}); this names
 * the booking limits and answers in the booking pages' terms.
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

  private final Throttle limiter;

  @Inject
  public BookingLimiter(BookingConfig config, Throttles throttles) {
    this(throttles.shared("booking.address", config.limitPerAddress(), config.limitWindow()));
  }

  BookingLimiter(int limit, Duration window, Clock clock) {
    this(new RateLimiter(limit, window, clock));
  }

  private BookingLimiter(Throttle limiter) {
    this.limiter = limiter;
  }

  /** Counts an attempt from {@code address} if it is allowed. */
  public Decision attempt(String address) {
    return limiter
        .tryAcquire(address)
        .map(wait -> new Decision(false, wait))
        .orElseGet(() -> new Decision(true, Duration.ZERO));
  }
}
