package liaison.hub.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import liaison.hub.security.RateLimiter;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.Test;

/**
 * The sliding-window limiter on a test clock (contact retention, which needs the database, is in
 * {@link ContactRetentionTest}).
 */
class RateLimiterTest {

  @Test
  void shouldAllowTheLimitPerWindowThenSayHowLongToWait() {
    TestClock clock = TestClock.at("2026-03-02T09:00:00+08:00");
    RateLimiter limiter = new RateLimiter(20, Duration.ofHours(1), clock);
    for (int i = 0; i < 20; i++) {
      assertThat(limiter.tryAcquire("token-a")).isEmpty();
      clock.advance(Duration.ofMinutes(1));
    }
    // 20 in the last hour: the 21st waits until the first leaves the window (09:00 + 1 h, now
    // 09:20).
    assertThat(limiter.tryAcquire("token-a")).contains(Duration.ofMinutes(40));
    assertThat(limiter.tryAcquire("token-b")).isEmpty();
    clock.advance(Duration.ofMinutes(40).plusSeconds(1));
    assertThat(limiter.tryAcquire("token-a")).isEmpty();
    assertThat(limiter.tryAcquire("token-a")).isPresent();
  }

  @Test
  void shouldNeverLetMoreThanTheLimitThroughUnderContention() throws Exception {
    TestClock clock = TestClock.at("2026-03-02T09:00:00+08:00");
    RateLimiter limiter = new RateLimiter(50, Duration.ofMinutes(10), clock);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> calls = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        calls.add(() -> limiter.tryAcquire("10.0.0.1").isEmpty());
      }
      long allowed = 0;
      for (Future<Boolean> f : pool.invokeAll(calls)) {
        allowed += f.get() ? 1 : 0;
      }
      assertThat(allowed).isEqualTo(50);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldRememberNoMoreKeysThanItsBoundForgettingTheStalestFirst() {
    TestClock clock = TestClock.at("2026-03-02T09:00:00+08:00");
    RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(10), clock, 100);
    for (int i = 0; i < 3; i++) {
      limiter.tryAcquire("busy");
    }
    // A stranger inventing a new address for every request.
    for (int i = 0; i < 5_000; i++) {
      clock.advance(Duration.ofMillis(10));
      limiter.tryAcquire("203.0.113." + i);
      assertThat(limiter.trackedKeys()).isLessThanOrEqualTo(100);
    }
    // The keys heard from most recently are still counted.
    limiter.tryAcquire("recent");
    limiter.tryAcquire("recent");
    limiter.tryAcquire("recent");
    assertThat(limiter.tryAcquire("recent")).isPresent();
  }

  @SuppressWarnings("unused")
  private static Optional<Duration> none() {
    return Optional.empty();
  }
}
