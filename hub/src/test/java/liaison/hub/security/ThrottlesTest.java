package liaison.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import liaison.hub.OnBothStores;
import liaison.hub.TestDatabases;
import liaison.hub.TestStore;
import liaison.hub.db.Database;
import liaison.hub.db.Dialect;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * Rate limits counted in the database, on SQLite and PostgreSQL, by two hubs at once (two {@link
 * Throttles} on one database): the same answers as the in-memory limiter, exact under concurrent
 * tries from both, bounded in what they keep.
 */
@Tag("security")
@OnBothStores
class ThrottlesTest {

  @Parameter TestDatabases.Store store;
  private final List<TestStore> stores = new ArrayList<>();

  @AfterEach
  void closeStores() {
    stores.forEach(TestStore::close);
  }

  /** The hub's schema on this run's store, closed after the test. */
  private Database migrated(Path dir) {
    TestStore opened = TestStore.migrated(store, dir);
    stores.add(opened);
    return opened.database();
  }

  private Dialect dialect() {
    return stores.getLast().dialect();
  }

  private final TestClock clock = TestClock.at("2026-03-02T09:00:00+08:00");

  @Test
  void shouldCountTheTriesOfBothHubsTogetherAndSayHowLongToWait(@TempDir Path dir) {
    Database database = migrated(dir);
    Throttle onA =
        new Throttles(database, dialect(), clock)
            .shared("login.address", 5, Duration.ofMinutes(10));
    Throttle onB =
        new Throttles(database, dialect(), clock)
            .shared("login.address", 5, Duration.ofMinutes(10));

    for (int i = 0; i < 5; i++) {
      assertThat((i % 2 == 0 ? onA : onB).tryAcquire("203.0.113.7")).isEmpty();
      clock.advance(Duration.ofMinutes(1));
    }

    // Five in the window since 09:00; it is 09:05: the oldest leaves it at 09:10.
    assertThat(onA.tryAcquire("203.0.113.7")).contains(Duration.ofMinutes(5));
    assertThat(onB.blockedFor("203.0.113.7")).contains(Duration.ofMinutes(5));
    assertThat(onB.tryAcquire("203.0.113.8")).as("another address").isEmpty();
    clock.advance(Duration.ofMinutes(5));
    assertThat(onB.tryAcquire("203.0.113.7")).as("the oldest left the window").isEmpty();
    assertThat(onA.tryAcquire("203.0.113.7")).isPresent();
  }

  @Test
  void shouldLetExactlyTheLimitThroughUnderConcurrentTriesOnTwoHubs(@TempDir Path dir)
      throws Exception {
    Database database = migrated(dir);
    Throttle onA =
        new Throttles(database, dialect(), clock)
            .shared("booking.address", 50, Duration.ofMinutes(10));
    Throttle onB =
        new Throttles(database, dialect(), clock)
            .shared("booking.address", 50, Duration.ofMinutes(10));
    List<Callable<Boolean>> tries = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      Throttle hub = i % 2 == 0 ? onA : onB;
      tries.add(() -> hub.tryAcquire("10.0.0.1").isEmpty());
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      int allowed = 0;
      for (Future<Boolean> f : pool.invokeAll(tries)) {
        allowed += f.get() ? 1 : 0;
      }
      assertThat(allowed).isEqualTo(50);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Thrown to roll a refused try back, as a caller of {@link Throttles#tryAcquire} does. */
  private static final class Refused extends RuntimeException {
    final Duration wait;

    Refused(Duration wait) {
      this.wait = wait;
    }
  }

  /** The tries counted in a transaction of their own, rolled back when refused: the wait. */
  private static Optional<Duration> tryInTransaction(
      Database database, Throttles hub, List<Throttles.Try> tries) {
    try {
      return database.inTransaction(
          h -> {
            Optional<Duration> wait = hub.tryAcquire(h, tries);
            if (wait.isPresent()) {
              throw new Refused(wait.get());
            }
            return wait;
          });
    } catch (Refused refused) {
      return Optional.of(refused.wait);
    }
  }

  @Test
  void shouldCountTwoLimitsTogetherExactlyOnTwoHubsAndNothingOfARefusedTry(@TempDir Path dir)
      throws Exception {
    Database database = migrated(dir);
    Throttles hubA = new Throttles(database, dialect(), clock);
    Throttles hubB = new Throttles(database, dialect(), clock);
    // The residents' form's pair: the address (the looser here) and the link (the tighter).
    List<Throttles.Try> onA =
        List.of(
            new Throttles.Try(hubA.shared("form.address", 50, Duration.ofMinutes(10)), "10.0.0.1"),
            new Throttles.Try(hubA.shared("form.token", 30, Duration.ofMinutes(10)), "tok-1"));
    List<Throttles.Try> onB =
        List.of(
            new Throttles.Try(hubB.shared("form.address", 50, Duration.ofMinutes(10)), "10.0.0.1"),
            new Throttles.Try(hubB.shared("form.token", 30, Duration.ofMinutes(10)), "tok-1"));
    List<Callable<Boolean>> tries = new ArrayList<>();
    // Hub A counts in its caller's transaction, hub B in one of its own (on PostgreSQL the whole
    // transaction in one round trip, as the residents' form counts there): exact between the two.
    for (int i = 0; i < 120; i++) {
      tries.add(
          i % 2 == 0
              ? () -> tryInTransaction(database, hubA, onA).isEmpty()
              : () -> hubB.tryAcquireApart(onB).isEmpty());
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      int allowed = 0;
      for (Future<Boolean> f : pool.invokeAll(tries)) {
        allowed += f.get() ? 1 : 0;
      }
      assertThat(allowed).as("the link's limit, whichever hub counted").isEqualTo(30);
    } finally {
      pool.shutdownNow();
    }
    assertThat(hits(database, "form.address"))
        .as("a try refused by the link is not counted against the address")
        .isEqualTo(30);
    assertThat(hits(database, "form.token")).isEqualTo(30);

    clock.advance(Duration.ofMinutes(4));
    Optional<Duration> wait = hubB.tryAcquireApart(onB);
    assertThat(wait)
        .as("until the oldest of the link's tries leaves")
        .contains(Duration.ofMinutes(6));
    clock.advance(Duration.ofMinutes(6));
    Optional<Duration> after = tryInTransaction(database, hubA, onA);
    assertThat(after).as("the window moved on; the old tries are forgotten").isEmpty();
    assertThat(hits(database, "form.address")).isEqualTo(1);
  }

  private static int hits(Database database, String scope) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT COUNT(*) FROM throttle_hit WHERE scope = :scope")
                .bind("scope", scope)
                .mapTo(Integer.class)
                .one());
  }

  @Test
  void shouldKeepNoMoreKeysThanItsBoundAndPruneWhatLeftTheWindow(@TempDir Path dir) {
    Database database = migrated(dir);
    Throttles throttles = new Throttles(database, dialect(), clock);
    Throttle codes = throttles.shared("enrolment.requests", 3, Duration.ofMinutes(10), 20);
    for (int i = 0; i < 60; i++) {
      clock.advance(Duration.ofMillis(10));
      codes.tryAcquire("198.51.100." + i);
      assertThat(codes.trackedKeys()).isLessThanOrEqualTo(20);
    }
    codes.tryAcquire("recent");
    codes.tryAcquire("recent");
    codes.tryAcquire("recent");
    assertThat(codes.tryAcquire("recent"))
        .as("a key heard from lately is still counted")
        .isPresent();

    clock.advance(Duration.ofMinutes(11));
    assertThat(throttles.prune()).isPositive();
    assertThat(codes.trackedKeys()).isZero();
    int hits =
        database.withHandle(
            h -> h.createQuery("SELECT COUNT(*) FROM throttle_hit").mapTo(Integer.class).one());
    assertThat(hits).isZero();
  }
}
