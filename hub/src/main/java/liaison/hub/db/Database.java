package liaison.hub.db;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jspecify.annotations.Nullable;

/**
 * The hub's database, and the rule for where its work runs.
 *
 * <p>A JDBC call into SQLite is native code: it pins the thread that makes it. On a virtual thread
 * that pins the carrier, and with two cores two writers waiting on SQLite's lock once froze every
 * virtual thread of the hub for the 10 s busy timeout, the writer holding the lock included. So:
 *
 * <ul>
 *   <li>database work runs on platform threads (HTTP handlers on the bounded {@code blocking} pool,
 *       the ingest writer, the broker client's callbacks, the scheduler); a connection asked for on
 *       a virtual thread is refused ({@link CarrierGuard}), so a path that slips is caught by the
 *       first test that takes it;
 *   <li>on SQLite, which lets one connection write at a time, writers take turns here, in Java and
 *       in arrival order, <em>before</em> they take a connection: a waiting writer holds neither a
 *       carrier nor a connection, readers (WAL) never queue behind writers, and the next writer
 *       starts the moment the last one commits instead of when SQLite's busy handler next polls.
 *       PostgreSQL needs no turns.
 * </ul>
 *
 * <p>{@link #inTransaction} and {@link #useTransaction} are the writes; {@link #withHandle} and
 * {@link #useHandle} read (or write one statement in auto-commit, which waits in SQLite's busy
 * handler on a platform thread). Calls nest: a transaction inside a transaction on the same thread
 * keeps its turn.
 */
public final class Database {
  private final Jdbi jdbi;
  private final @Nullable ReentrantLock turns;
  private final Duration patience;

  /**
   * @param serialWrites whether writers take turns (SQLite)
   * @param patience how long a writer waits for its turn before giving up as busy; as long as
   *     SQLite's own busy timeout, so a writer fails no sooner than it did before the turns
   */
  public Database(Jdbi jdbi, boolean serialWrites, Duration patience) {
    this.jdbi = jdbi;
    this.turns = serialWrites ? new ReentrantLock(true) : null;
    this.patience = patience;
    if (turns != null) {
      jdbi.setTransactionHandler(new TurnCheck(jdbi.getTransactionHandler(), turns));
    }
  }

  /** The JDBI beneath, for what this class does not offer (tests, tools). */
  public Jdbi jdbi() {
    return jdbi;
  }

  public <R, X extends Exception> R withHandle(HandleCallback<R, X> callback) throws X {
    try {
      return jdbi.withHandle(callback);
    } catch (JdbiException e) {
      throw busyOr(e);
    }
  }

  public <X extends Exception> void useHandle(HandleConsumer<X> callback) throws X {
    try {
      jdbi.useHandle(callback);
    } catch (JdbiException e) {
      throw busyOr(e);
    }
  }

  public <R, X extends Exception> R inTransaction(HandleCallback<R, X> callback) throws X {
    takeTurn();
    try {
      return jdbi.inTransaction(callback);
    } catch (JdbiException e) {
      throw busyOr(e);
    } finally {
      endTurn();
    }
  }

  /**
   * PostgreSQL's statement that lets the transaction it runs in commit without waiting for the
   * flush ({@link #inTransactionWithoutFlush}).
   */
  public static final String WITHOUT_FLUSH = "SET LOCAL synchronous_commit TO OFF";

  /**
   * A transaction whose commit waits for no disk flush on PostgreSQL ({@code synchronous_commit}
   * off for it alone; visible to every hub at once, lost only if the server itself crashes in the
   * next moment); on SQLite an ordinary one. For what must be exact while it runs but may be lost
   * in a crash, such as counted tries: row locks that queue every hub's callers are then held for
   * no flush.
   */
  public <R, X extends Exception> R inTransactionWithoutFlush(HandleCallback<R, X> callback)
      throws X {
    if (turns != null) {
      return inTransaction(callback);
    }
    return inTransaction(
        h -> {
          h.execute(WITHOUT_FLUSH);
          return callback.withHandle(h);
        });
  }

  public <X extends Exception> void useTransaction(HandleConsumer<X> callback) throws X {
    takeTurn();
    try {
      jdbi.useTransaction(callback);
    } catch (JdbiException e) {
      throw busyOr(e);
    } finally {
      endTurn();
    }
  }

  /**
   * A database that stayed busy becomes {@link DatabaseBusy}, which callers and the web answer as
   * "try again": SQLite's own busy timeout (another process held the write lock, or an auto-commit
   * write waited too long), PostgreSQL's lock timeout, deadlock or serialisation failure ({@link
   * Dialect#busy}). Anything else is rethrown as it came.
   */
  private RuntimeException busyOr(JdbiException e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && Dialect.busy(sql)) {
        return new DatabaseBusy(patience, waitingWriters(), e);
      }
    }
    return e;
  }

  /** Writers waiting for their turn now (0 on PostgreSQL). */
  public int waitingWriters() {
    return turns == null ? 0 : turns.getQueueLength();
  }

  /** Whether writers take turns here (SQLite), one commit at a time. */
  public boolean writersTakeTurns() {
    return turns != null;
  }

  /** Whether a writer holds the turn now (false on PostgreSQL). */
  public boolean writing() {
    return turns != null && turns.isLocked();
  }

  private void takeTurn() {
    if (turns == null) {
      return;
    }
    try {
      if (!turns.tryLock(patience.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new DatabaseBusy(patience, turns.getQueueLength());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DatabaseBusy(patience, turns.getQueueLength());
    }
  }

  private void endTurn() {
    if (turns != null) {
      turns.unlock();
    }
  }
}
