package liaison.hub.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code limit} events per key within any {@code window} (a sliding window of the events'
 * times, kept in memory per hub process, driven by the given clock). Thread-safe. Used where one
 * process is the whole story: the embedded broker's guard against connection storms (a station
 * connects to one broker). Limits every hub must share count in the database ({@link Throttles}).
 *
 * <p>With {@code maxKeys}, memory stays bounded however many keys a stranger invents (addresses,
 * codes): past it, keys with nothing left in the window go first, then the key heard from least
 * recently. A forgotten key starts again from nothing, so the bound must sit well above the keys
 * that are really active.
 */
public final class RateLimiter implements Throttle {
  private final int limit;
  private final Duration window;
  private final Clock clock;
  private final int maxKeys;
  private final ConcurrentHashMap<String, ArrayDeque<Instant>> events = new ConcurrentHashMap<>();
  private final AtomicInteger sinceSweep = new AtomicInteger();

  public RateLimiter(int limit, Duration window, Clock clock) {
    this(limit, window, clock, Integer.MAX_VALUE);
  }

  public RateLimiter(int limit, Duration window, Clock clock, int maxKeys) {
    if (limit < 1 || window.isNegative() || window.isZero() || maxKeys < 1) {
      throw new IllegalArgumentException(
          "a rate limit needs at least 1 event per positive window and room for a key, got "
              + limit
              + " per "
              + window
              + " for "
              + maxKeys
              + " keys");
    }
    this.limit = limit;
    this.window = window;
    this.clock = clock;
    this.maxKeys = maxKeys;
  }

  @Override
  public Optional<Duration> tryAcquire(String key) {
    Instant now = clock.instant();
    Instant horizon = now.minus(window);
    if (events.size() >= maxKeys && !events.containsKey(key)) {
      makeRoom(horizon);
    }
    Duration[] wait = new Duration[1];
    events.compute(
        key,
        (k, times) -> {
          ArrayDeque<Instant> q = times == null ? new ArrayDeque<>() : times;
          while (!q.isEmpty() && !q.peekFirst().isAfter(horizon)) {
            q.pollFirst();
          }
          if (q.size() >= limit) {
            Duration until = Duration.between(now, q.peekFirst().plus(window));
            wait[0] = until.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : until;
          } else {
            q.addLast(now);
          }
          return q;
        });
    if (sinceSweep.incrementAndGet() >= 1024) {
      sinceSweep.set(0);
      sweep(horizon);
    }
    return Optional.ofNullable(wait[0]);
  }

  @Override
  public Optional<Duration> blockedFor(String key) {
    Instant now = clock.instant();
    Instant horizon = now.minus(window);
    Duration[] wait = new Duration[1];
    events.computeIfPresent(
        key,
        (k, q) -> {
          while (!q.isEmpty() && !q.peekFirst().isAfter(horizon)) {
            q.pollFirst();
          }
          if (q.size() >= limit) {
            Duration until = Duration.between(now, q.peekFirst().plus(window));
            wait[0] = until.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : until;
          }
          return q;
        });
    return Optional.ofNullable(wait[0]);
  }

  /** Forgets keys with no event inside the window, so memory follows the active clients only. */
  private void sweep(Instant horizon) {
    for (String key : events.keySet()) {
      events.computeIfPresent(
          key, (k, q) -> q.isEmpty() || !q.peekLast().isAfter(horizon) ? null : q);
    }
  }

  /** Below {@code maxKeys}: first the keys whose events all left the window, then the stalest. */
  private void makeRoom(Instant horizon) {
    sweep(horizon);
    while (events.size() >= maxKeys) {
      String stalest = null;
      Instant oldest = Instant.MAX;
      for (String key : events.keySet()) {
        Instant[] last = {null};
        // Read inside the map's own lock for the key: the deques are changed only there.
        events.computeIfPresent(
            key,
            (k, q) -> {
              last[0] = q.isEmpty() ? Instant.MIN : q.peekLast();
              return q;
            });
        if (last[0] != null && last[0].isBefore(oldest)) {
          oldest = last[0];
          stalest = key;
        }
      }
      if (stalest == null) {
        return;
      }
      events.remove(stalest);
    }
  }

  /**
   * How many keys are remembered now (at most {@code maxKeys}, give or take requests in flight).
   */
  @Override
  public int trackedKeys() {
    return events.size();
  }
}
