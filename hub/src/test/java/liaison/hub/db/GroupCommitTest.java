package liaison.hub.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import liaison.hub.OnBothStores;
import liaison.hub.TestDatabases;
import liaison.hub.TestStore;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * Writes committed together ({@link GroupCommit}): each caller's work all-or-nothing inside a
 * shared transaction, a failing one taking nobody with it, every caller with its own answer.
 */
@OnBothStores
class GroupCommitTest {
  private static final int CALLERS = 8;

  @Parameter TestDatabases.Store store;

  @Test
  void shouldCommitWritesThatWaitedTogetherEachAllOrNothing(@TempDir Path dir) throws Exception {
    try (TestStore opened = TestStore.migrated(store, dir)) {
      Database database = opened.database();
      GroupCommit writes = new GroupCommit(database);
      Set<Handle> transactions = ConcurrentHashMap.newKeySet();
      boolean grouping = database.writersTakeTurns();

      List<Future<String>> answers = new ArrayList<>();
      try (ExecutorService callers = Executors.newFixedThreadPool(CALLERS)) {
        // Given a first writer holding the commit until the others have queued behind it (SQLite).
        // The others start only once it runs its work: started together, one of them could lead
        // and take the first writer's work into its own group, leaving one fewer to queue.
        CountDownLatch leading = new CountDownLatch(1);
        answers.add(
            callers.submit(
                () ->
                    writes.inTransaction(
                        h -> {
                          leading.countDown();
                          if (grouping) {
                            await()
                                .atMost(Duration.ofSeconds(20))
                                .until(() -> writes.queued() == CALLERS - 1);
                          }
                          return county(h, 0);
                        })));
        assertThat(leading.await(20, TimeUnit.SECONDS)).as("the first writer runs").isTrue();
        // When the others write two rows each, every third failing after both.
        for (int i = 1; i < CALLERS; i++) {
          int n = i;
          answers.add(
              callers.submit(
                  () ->
                      writes.inTransaction(
                          h -> {
                            transactions.add(h);
                            String id = county(h, n);
                            if (n % 3 == 0) {
                              throw new IllegalStateException("caller " + n + " fails");
                            }
                            return id;
                          })));
        }
      }

      // Then each caller has its own answer, and exactly the failing ones' rows are absent.
      for (int i = 0; i < CALLERS; i++) {
        if (i % 3 == 0 && i > 0) {
          int n = i;
          assertThatFails(answers.get(i), "caller " + n + " fails");
        } else {
          assertThat(answers.get(i).get()).isEqualTo("c-g" + i);
        }
      }
      List<String> stored =
          database.withHandle(
              h ->
                  h.createQuery(
                          "SELECT c.id FROM county c JOIN township t ON t.county_id = c.id"
                              + " WHERE c.id LIKE 'c-g%' ORDER BY c.id")
                      .mapTo(String.class)
                      .list());
      assertThat(stored).containsExactly("c-g0", "c-g1", "c-g2", "c-g4", "c-g5", "c-g7");
      int orphans =
          database.withHandle(
              h ->
                  h.createQuery("SELECT COUNT(*) FROM county WHERE id IN ('c-g3', 'c-g6')")
                      .mapTo(Integer.class)
                      .one());
      assertThat(orphans).as("a failing caller's first row is not left behind").isZero();
      if (grouping) {
        assertThat(transactions)
            .as("the callers that queued behind the first were committed in one transaction")
            .hasSize(1);
      }
    }
  }

  /** A county and its township: two rows, so that half of a failing caller could be left. */
  private static String county(Handle h, int n) {
    String id = "c-g" + n;
    h.execute("INSERT INTO county (id, name) VALUES (?, ?)", id, "县" + n);
    h.execute(
        "INSERT INTO township (id, county_id, name) VALUES (?, ?, ?)", "t-g" + n, id, "镇" + n);
    return id;
  }

  private static void assertThatFails(Future<String> answer, String message) {
    try {
      answer.get();
      throw new AssertionError("expected the caller to fail with: " + message);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(IllegalStateException.class).hasMessage(message);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
