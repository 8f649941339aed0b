package liaison.hub.broker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import liaison.hub.security.RateLimiter;
import org.slf4j.Logger;

/**
 * Holds back an address that connects too often or fails to log in too often, so a storm from one
 * machine (a looping script, a guesser) costs the broker little and never starves the other
 * stations. Refusals are logged with their reason, a few per address and window, the rest counted,
 * so a storm does not flood the log either.
 */
final class ConnectGuard {
  private final RateLimiter attempts;
  private final RateLimiter failures;
  private final BrokerSecurityConfig config;
  private final Clock clock;
  private final ConcurrentHashMap<String, LogWindow> logWindows = new ConcurrentHashMap<>();
  private final AtomicLong refused = new AtomicLong();

  ConnectGuard(BrokerSecurityConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.attempts = new RateLimiter(config.connectsPerAddress(), config.connectWindow(), clock);
    this.failures = new RateLimiter(config.failuresPerAddress(), config.failureWindow(), clock);
  }

  /** Why this attempt from the address is held back, or empty to let it be checked. */
  Optional<String> admit(String address) {
    Optional<Duration> blocked = failures.blockedFor(address);
    if (blocked.isPresent()) {
      return Optional.of(
          "more than "
              + config.failuresPerAddress()
              + " failed log-ins within "
              + config.failureWindow().toSeconds()
              + " s from this address; try again in "
              + blocked.get().toSeconds()
              + " s");
    }
    Optional<Duration> wait = attempts.tryAcquire(address);
    return wait.map(
        w ->
            "more than "
                + config.connectsPerAddress()
                + " connection attempts within "
                + config.connectWindow().toSeconds()
                + " s from this address; try again in "
                + w.toSeconds()
                + " s");
  }

  void failed(String address) {
    failures.tryAcquire(address);
  }

  /**
   * Logs a refused attempt with its reason at WARN. Failed log-ins are each logged (the failure
   * limit bounds them); of the attempts held back in a storm, the first {@value #LOGGED_PER_WINDOW}
   * per address and window are, the rest only counted (the count logged with the next window's
   * first line), so a storm does not flood the log.
   */
  void logRefusal(Logger log, String address, String clientId, String reason, boolean storm) {
    if (!storm) {
      log.warn("MQTT connect from {} (client '{}') refused: {}", address, clientId, reason);
      return;
    }
    refused.incrementAndGet();
    Instant now = clock.instant();
    if (logWindows.size() > 10_000) {
      logWindows.clear(); // many addresses at once: logging a few twice beats growing without end
    }
    LogWindow window =
        logWindows.compute(
            address,
            (a, w) ->
                w == null || !now.isBefore(w.start.plus(config.connectWindow()))
                    ? new LogWindow(now, w)
                    : w);
    int n = window.logged.incrementAndGet();
    if (n > LOGGED_PER_WINDOW) {
      window.quiet.incrementAndGet();
      return;
    }
    long before = window.quietBefore;
    log.warn(
        "MQTT connect from {} (client '{}') refused: {}{}; the broker keeps serving the other stations",
        address,
        clientId,
        reason,
        n == 1 && before > 0
            ? " (" + before + " more were held back from there without a message)"
            : "");
  }

  private static final int LOGGED_PER_WINDOW = 3;

  /** How many refusals from one address were logged since {@code start}. */
  private static final class LogWindow {
    final Instant start;
    final AtomicInteger logged = new AtomicInteger();
    final AtomicLong quiet = new AtomicLong();
    final long quietBefore;

    LogWindow(Instant start, @org.jspecify.annotations.Nullable LogWindow previous) {
      this.start = start;
      this.quietBefore = previous == null ? 0 : previous.quiet.get();
    }
  }

  /** Connects held back as a storm since start. */
  long refused() {
    return refused.get();
  }
}
