package liaison.hub.db;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jspecify.annotations.Nullable;

/**
 * Short writes that arrive while another commits, committed together: one commit, so one full sync
 * on SQLite, for a group instead of one each. SQLite lets one writer commit at a time and syncs
 * each commit; four residents submitting at once would otherwise wait for four syncs in a row.
 *
 * <p>Callers queue and wait for a lock; whoever holds it (the leader) takes everything queued so
 * far (at most {@value #MOST}), runs each piece of work in a savepoint of one transaction on its
 * own thread, and commits once. Each piece stays all-or-nothing: one that throws is rolled back to
 * its savepoint alone and its caller gets the exception, while the others commit; when the commit
 * itself fails, every caller gets that failure and none of them is saved. Each caller then carries
 * on with its own result on its own thread (its log line, its answer).
 *
 * <p>On PostgreSQL each piece is a transaction of its own, as {@link Database#inTransaction} makes
 * it: the server already flushes concurrent commits together, and one transaction holding several
 * pieces' row locks would take them out of the order each piece takes them in (a rate limit's
 * address, then its link), which another transaction could deadlock with.
 *
 * <p>The leader runs the others' work, so every caller must be on a platform thread, as for any
 * database work ({@link Database}).
 */
@Singleton
public final class GroupCommit {
  static final int MOST = 32;
  private static final String SAVEPOINT = "piece";

  private final Database database;
  private final ReentrantLock leading = new ReentrantLock();
  private final ConcurrentLinkedQueue<Piece<?>> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pending = new AtomicInteger();

  public GroupCommit(Database database) {
    this.database = database;
  }

  /**
   * Runs {@code work} in a transaction, possibly shared with other callers' work, and returns its
   * result once that transaction has committed.
   */
  public <R> R inTransaction(HandleCallback<R, RuntimeException> work) {
    if (!database.writersTakeTurns()) {
      return database.inTransaction(work);
    }
    Piece<R> mine = new Piece<>(work);
    pending.incrementAndGet();
    waiting.add(mine);
    leading.lock();
    try {
      // Usually done already: a leader took this piece while this thread waited for the lock.
      while (!mine.done) {
        commit(take());
      }
    } finally {
      leading.unlock();
    }
    return mine.outcome();
  }

  /** Callers waiting for a leader to take their work now. */
  int queued() {
    return waiting.size();
  }

  /** Callers whose work is not committed yet: queued, or in the group being committed. */
  int pending() {
    return pending.get();
  }

  private List<Piece<?>> take() {
    List<Piece<?>> group = new ArrayList<>();
    for (Piece<?> p = waiting.poll(); p != null; p = group.size() < MOST ? waiting.poll() : null) {
      group.add(p);
    }
    return group;
  }

  private void commit(List<Piece<?>> group) {
    try {
      database.useTransaction(
          h -> {
            for (Piece<?> piece : group) {
              piece.runIn(h);
            }
          });
    } catch (RuntimeException | Error e) {
      for (Piece<?> piece : group) {
        piece.failed(e);
      }
    }
    for (Piece<?> piece : group) {
      piece.done = true;
    }
    pending.addAndGet(-group.size());
  }

  /** One caller's work and what came of it; read by its caller after the leader let go. */
  private static final class Piece<R> {
    private final HandleCallback<R, RuntimeException> work;
    private @Nullable R result;
    private @Nullable Throwable failure;
    private boolean done;

    Piece(HandleCallback<R, RuntimeException> work) {
      this.work = work;
    }

    void runIn(Handle h) {
      h.savepoint(SAVEPOINT);
      try {
        result = work.withHandle(h);
        h.releaseSavepoint(SAVEPOINT);
      } catch (RuntimeException e) {
        // Undoes this piece's writes only; the savepoint goes with it (JDBI forgets it).
        h.rollbackToSavepoint(SAVEPOINT);
        failure = e;
      }
    }

    /** The commit failed: nothing of this piece was saved, whatever its work returned. */
    void failed(Throwable e) {
      if (failure == null) {
        failure = e;
      }
    }

    R outcome() {
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      return result;
    }
  }
}
