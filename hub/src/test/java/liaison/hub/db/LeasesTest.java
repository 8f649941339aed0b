package liaison.hub.db;

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
import liaison.hub.config.LeaseConfig;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * Job leases on SQLite and on PostgreSQL: one holder at a time, taken over once expired, given up
 * on a clean stop, and taken at once by a hub restarted under its own name. The lease time is long
 * (a minute) so that the background renewals never run during a test; the clock is moved by hand.
 */
@OnBothStores
class LeasesTest {

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

  private static final LeaseConfig CONFIG = new LeaseConfig(Duration.ofMinutes(1));
  private final TestClock clock = TestClock.at("2026-03-02T09:00:00+08:00");
  private final List<Leases> hubs = new ArrayList<>();

  @AfterEach
  void stop() {
    hubs.forEach(Leases::close);
  }

  private Leases hub(Database database, String name) {
    Leases leases = new Leases(database, clock, CONFIG, name);
    hubs.add(leases);
    return leases;
  }

  @Test
  void shouldGiveALeaseToOneHubAndMoveItOnlyOnceItExpired(@TempDir Path dir) {
    Database database = migrated(dir);
    Leases a = hub(database, "hub-a");
    Leases b = hub(database, "hub-b");

    assertThat(a.runsHere("case-escalation")).isTrue();
    assertThat(b.runsHere("case-escalation")).as("held by a").isFalse();

    clock.advance(Duration.ofSeconds(50));
    assertThat(a.hold("case-escalation")).as("the holder renews").isTrue();
    clock.advance(Duration.ofSeconds(50));
    assertThat(b.hold("case-escalation")).as("renewed 50 s ago: not expired").isFalse();

    clock.advance(Duration.ofSeconds(11));
    assertThat(a.holds("case-escalation"))
        .as("a third of the lease time before it expires, a stops by its own view")
        .isFalse();
    assertThat(b.hold("case-escalation")).as("expired: b takes it").isTrue();
    assertThat(a.hold("case-escalation")).as("a has lost it").isFalse();
    String holder =
        database.withHandle(
            h -> h.createQuery("SELECT holder FROM job_lease").mapTo(String.class).one());
    assertThat(holder).isEqualTo(b.holder());
  }

  @Test
  void shouldLetExactlyOneOfEightHubsRacingForAFreeLeaseHaveIt(@TempDir Path dir) throws Exception {
    Database database = migrated(dir);
    List<Callable<Boolean>> tries = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Leases hub = hub(database, "hub-" + i);
      tries.add(() -> hub.hold("publisher"));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      int won = 0;
      for (Future<Boolean> f : pool.invokeAll(tries)) {
        won += f.get() ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldGiveLeasesUpOnACleanStopSoAnotherHubTakesThemAtOnce(@TempDir Path dir) {
    Database database = migrated(dir);
    Leases a = hub(database, "hub-a");
    Leases b = hub(database, "hub-b");
    a.want("reception-rules");
    assertThat(a.held()).containsKey("reception-rules");

    a.close();

    assertThat(b.hold("reception-rules")).isTrue();
    assertThat(b.held()).containsKey("reception-rules");
  }

  @Test
  void shouldLetAHubRestartedUnderItsNameTakeItsLeasesAtOnce(@TempDir Path dir) {
    Database database = migrated(dir);
    Leases before = hub(database, "hub-a");
    assertThat(before.hold("publisher")).isTrue();

    // The process was killed: it gave nothing up. The same hub starts again.
    Leases after = hub(database, "hub-a");
    Leases other = hub(database, "hub-b");

    assertThat(other.hold("publisher")).as("not expired, not b's").isFalse();
    assertThat(after.hold("publisher")).as("the restarted hub-a waits for nothing").isTrue();
    assertThat(after.holder()).isNotEqualTo(before.holder());
  }
}
