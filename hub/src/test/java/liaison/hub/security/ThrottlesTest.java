package liaison.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import liaison.hub.OnBothStores;
import liaison.hub.TestDatabases;
import liaison.hub.TestStore;
import liaison.hub.db.Database;
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

  private final TestClock clock = TestClock.at("2026-03-02T09:00:00+08:00");

  @Test
  void shouldCountTheTriesOfBothHubsTogetherAndSayHowLongToWait(@TempDir Path dir) {
    Database database = migrated(dir);
    Throttle onA =
        new Throttles(database, clock).shared("login.address", 5, Duration.ofMinutes(10));
    Throttle onB =
        new Throttles(database, clock).shared("login.address", 5, Duration.ofMinutes(10));

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
        new Throttles(database, clock).shared("booking.address", 50, Duration.ofMinutes(10));
    Throttle onB =
        new Throttles(database, clock).shared("booking.address", 50, Duration.ofMinutes(10));
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

  @Test
  void shouldKeepNoMoreKeysThanItsBoundAndPruneWhatLeftTheWindow(@TempDir Path dir) {
    Database database = migrated(dir);
    Throttles throttles = new Throttles(database, clock);
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
