package liaison.hub.security;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Failed log-ins, counted per account and per client address, for the log-in form and for HTTP
 * Basic alike: past either limit, log-ins are refused without checking the password until the
 * window has passed, so guessing is slow and costs the hub no hashing. Counted in the database
 * ({@link Throttles}): every hub of a county counts the same failures, so a guesser gains nothing
 * by spreading tries over them.
 */
@Singleton
public class LoginThrottle {
  private final Throttle perAccount;
  private final Throttle perAddress;

  public LoginThrottle(SecurityConfig config, Throttles throttles) {
    this.perAccount =
        throttles.shared(
            "login.account", config.loginFailuresPerAccount(), config.loginFailureWindow());
    this.perAddress =
        throttles.shared(
            "login.address", config.loginFailuresPerAddress(), config.loginFailureWindow());
  }

  /** How long this log-in must wait, or empty when it may be tried. */
  public Optional<Duration> blocked(String username, String address) {
    Optional<Duration> account = perAccount.blockedFor(key(username));
    Optional<Duration> ip = perAddress.blockedFor(address);
    if (account.isPresent() && ip.isPresent()) {
      return Optional.of(account.get().compareTo(ip.get()) > 0 ? account.get() : ip.get());
    }
    return account.isPresent() ? account : ip;
  }

  public void failed(String username, String address) {
    perAccount.tryAcquire(key(username));
    perAddress.tryAcquire(address);
  }

  private static String key(String username) {
    return username.strip().toLowerCase(Locale.ROOT);
  }

  /** "3 分钟" / "3 min", at least one. */
  public static long minutes(Duration wait) {
    return Math.max(1, (wait.toSeconds() + 59) / 60);
  }
}
