package liaison.hub.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class BookingLimiterTest {
  /** A clock the test moves by hand. */
  static final class HandClock extends Clock {
    private volatile Instant now = Instant.parse("2026-11-24T02:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void shouldAllowFiveInTenMinutesThenSayHowLongToWait() {
    HandClock clock = new HandClock();
    BookingLimiter limiter = new BookingLimiter(5, Duration.ofMinutes(10), clock);

    for (int i = 0; i < 5; i++) {
      assertThat(limiter.attempt("10.0.0.1").allowed()).isTrue();
      clock.advance(Duration.ofMinutes(1));
    }
    BookingLimiter.Decision refused = limiter.attempt("10.0.0.1");

    assertThat(refused.allowed()).isFalse();
    // The first attempt was at 0 min; it is 5 min now: it leaves the window in 5 min.
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(5));
    assertThat(refused.retryAfterSeconds()).isEqualTo(300);
    assertThat(limiter.attempt("10.0.0.2").allowed()).as("another address").isTrue();

    clock.advance(Duration.ofMinutes(5));
    assertThat(limiter.attempt("10.0.0.1").allowed())
        .as("the oldest attempt left the window")
        .isTrue();
    assertThat(limiter.attempt("10.0.0.1").allowed()).isFalse();
  }

  @Test
  void shouldNotCountRefusedAttempts() {
    HandClock clock = new HandClock();
    BookingLimiter limiter = new BookingLimiter(1, Duration.ofMinutes(10), clock);
    limiter.attempt("a");
    for (int i = 0; i < 10; i++) {
      clock.advance(Duration.ofSeconds(30));
      assertThat(limiter.attempt("a").allowed()).isFalse();
    }
    clock.advance(Duration.ofMinutes(5));
    assertThat(limiter.attempt("a").allowed()).as("hammering does not extend the wait").isTrue();
  }

  @Test
  @Tag("security")
  void shouldAllowExactlyTheLimitUnderConcurrentAttempts() throws Exception {
    BookingLimiter limiter = new BookingLimiter(50, Duration.ofMinutes(10), new HandClock());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      results.add(
          pool.submit(
              () -> {
                go.await();
                int allowed = 0;
                for (int i = 0; i < 100; i++) {
                  allowed += limiter.attempt("same").allowed() ? 1 : 0;
                }
                return allowed;
              }));
    }
    go.countDown();
    int total = 0;
    for (Future<Integer> r : results) {
      total += r.get(10, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(total).isEqualTo(50);
  }
}
