package liaison.hub.security;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/**
 * Checks a staff member's user name and password, for the log-in form and HTTP Basic alike: held
 * back without looking at the password while the account or the address is over its limit of failed
 * log-ins ({@link LoginThrottle}), so guessing gets nowhere and costs the hub no hashing; an
 * unknown name takes as long as a wrong password, so the answer tells nobody which names exist.
 */
@Singleton
public class SignIn {
  // Compared against when the account does not exist, so both cases take as long.
  private static final String DUMMY_HASH =
      "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$Hjlx3Yy6l8m3x9m9k6C2aVdvR0Q9dW5wU3QwVm9yWmI";

  private final StaffAccountRepository accounts;
  private final PasswordHasher hasher;
  private final LoginThrottle throttle;
  private final SessionStore sessions;

  public SignIn(
      StaffAccountRepository accounts,
      PasswordHasher hasher,
      LoginThrottle throttle,
      SessionStore sessions) {
    this.accounts = accounts;
    this.hasher = hasher;
    this.throttle = throttle;
    this.sessions = sessions;
  }

  /** What a log-in came to. */
  public sealed interface Outcome {}

  /** Too many failed log-ins for the account or the address: try again after {@code retryAfter}. */
  public record HeldBack(Duration retryAfter) implements Outcome {}

  /** Wrong name or password, or a disabled account; counted against both. */
  public record Refused() implements Outcome {}

  /** The person, and whether their (temporary) password must be replaced before anything else. */
  public record Accepted(Staff staff, boolean mustChangePassword) implements Outcome {}

  public Outcome check(String username, String password, String address) {
    Optional<Duration> wait = throttle.blocked(username, address);
    if (wait.isPresent()) {
      return new HeldBack(wait.get());
    }
    Optional<StaffAccountRepository.Account> account = accounts.byUsername(username);
    boolean ok =
        hasher.matches(
                password,
                account.map(StaffAccountRepository.Account::passwordHash).orElse(DUMMY_HASH))
            && account.isPresent()
            && !account.get().disabled();
    if (!ok) {
      throttle.failed(username, address);
      return new Refused();
    }
    return new Accepted(account.get().staff(), account.get().mustChangePassword());
  }

  /** A new session for the person: its browser token and its form token. */
  public SessionStore.Opened open(Staff staff) {
    return sessions.open(staff.id());
  }

  /** Ends the session behind the token (log-out); an unknown token changes nothing. */
  public void close(String token) {
    sessions.close(token);
  }
}
