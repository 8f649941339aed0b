package liaison.hub.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** Where database work runs, and how SQLite's writers take turns (see {@link Database}). */
@Tag("security")
class DatabaseTest {
  @TempDir Path dir;
  private Jdbi jdbi;

  @BeforeEach
  void open() {
    SQLiteDataSource source = new SQLiteDataSource();
    source.setUrl(
        "jdbc:sqlite:"
            + dir.resolve("t.db")
            + "?journal_mode=WAL&busy_timeout=10000&transaction_mode=IMMEDIATE");
    jdbi = new DatabaseFactory().jdbi(source);
    jdbi.useHandle(h -> h.execute("CREATE TABLE t (n INTEGER)"));
  }

  @Test
  void shouldRefuseAConnectionToAVirtualThread() throws Exception {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                jdbi.withHandle(
                    h -> h.createQuery("SELECT COUNT(*) FROM t").mapTo(Integer.class).one());
              } catch (Throwable t) {
                failure.set(t);
              }
            })
        .join();

    assertThat(failure.get())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("virtual thread");
    assertThat(rows(new Database(jdbi, false, Duration.ZERO))).isEmpty();
  }

  @Test
  void shouldRefuseASqliteTransactionBegunWithoutAWritersTurn() {
    Database database = new Database(jdbi, true, Duration.ofSeconds(10));

    assertThatThrownBy(() -> jdbi.useTransaction(h -> h.execute("INSERT INTO t VALUES (1)")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Database.inTransaction");
    database.useTransaction(h -> h.execute("INSERT INTO t VALUES (2)"));
    // A transaction inside a transaction on the same thread keeps its turn.
    database.useTransaction(
        h -> database.useTransaction(inner -> inner.execute("INSERT INTO t VALUES (3)")));

    assertThat(rows(database)).containsExactly(2, 3);
  }

  @Test
  void shouldLetWritersWaitForTheirTurnWithoutAConnectionAndGiveUpAsBusyAfterThePatience()
      throws Exception {
    Database database = new Database(jdbi, true, Duration.ofMillis(300));
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> holder =
        CompletableFuture.runAsync(
            () -> {
              try {
                database.useTransaction(
                    h -> {
                      h.execute("INSERT INTO t VALUES (1)");
                      inside.countDown();
                      release.await();
                    });
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            },
            r -> Thread.ofPlatform().start(r));
    inside.await();

    CompletableFuture<Void> waiter =
        CompletableFuture.runAsync(
            () -> database.useTransaction(h -> h.execute("INSERT INTO t VALUES (2)")),
            r -> Thread.ofPlatform().start(r));
    await().until(() -> database.waitingWriters() == 1);
    // While it waits, readers are served: the waiting writer holds no connection and no lock.
    assertThat(rows(database)).isEmpty();

    assertThatThrownBy(waiter::get)
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(DatabaseBusy.class);
    release.countDown();
    holder.get();
    assertThat(rows(database)).containsExactly(1);
  }

  private static java.util.List<Integer> rows(Database database) {
    return database.withHandle(
        h -> h.createQuery("SELECT n FROM t ORDER BY n").mapTo(Integer.class).list());
  }

  @Test
  void shouldTakeSqlitesBusyTimeoutFromTheUrl() {
    assertThat(DatabaseFactory.busyTimeout("jdbc:sqlite:x.db?journal_mode=WAL&busy_timeout=2500"))
        .isEqualTo(Duration.ofMillis(2500));
    assertThat(DatabaseFactory.busyTimeout("jdbc:sqlite:x.db")).isEqualTo(Duration.ofSeconds(10));
  }
}
