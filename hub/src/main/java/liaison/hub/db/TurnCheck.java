package liaison.hub.db;

import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * On SQLite, refuses a transaction begun without its writer's turn ({@link
 * Database#inTransaction}): one begun straight on JDBI would wait in SQLite's busy handler, holding
 * a connection, and overtake the queue. Catches such a path the first time a test takes it.
 */
final class TurnCheck implements TransactionHandler {
  private final TransactionHandler delegate;
  private final ReentrantLock turns;

  TurnCheck(TransactionHandler delegate, ReentrantLock turns) {
    this.delegate = delegate;
    this.turns = turns;
  }

  private void check() {
    if (!turns.isHeldByCurrentThread()) {
      throw new IllegalStateException(
          "a SQLite transaction begun without a writer's turn: use Database.inTransaction / useTransaction, not JDBI directly");
    }
  }

  @Override
  public void begin(Handle handle) {
    check();
    delegate.begin(handle);
  }

  @Override
  public void commit(Handle handle) {
    delegate.commit(handle);
  }

  @Override
  public void rollback(Handle handle) {
    delegate.rollback(handle);
  }

  @Override
  public boolean isInTransaction(Handle handle) {
    return delegate.isInTransaction(handle);
  }

  @Override
  public void savepoint(Handle handle, String name) {
    delegate.savepoint(handle, name);
  }

  @Override
  public void rollbackToSavepoint(Handle handle, String name) {
    delegate.rollbackToSavepoint(handle, name);
  }

  @Override
  public void releaseSavepoint(Handle handle, String name) {
    delegate.releaseSavepoint(handle, name);
  }

  @Override
  public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback)
      throws X {
    check();
    return delegate.inTransaction(handle, callback);
  }

  @Override
  public <R, X extends Exception> R inTransaction(
      Handle handle, TransactionIsolationLevel level, HandleCallback<R, X> callback) throws X {
    check();
    return delegate.inTransaction(handle, level, callback);
  }

  @Override
  public TransactionHandler specialize(Handle handle) throws SQLException {
    return new TurnCheck(delegate.specialize(handle), turns);
  }
}
