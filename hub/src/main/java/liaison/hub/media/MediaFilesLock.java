package liaison.hub.media;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import liaison.hub.db.Database;
import org.jdbi.v3.core.Handle;

/**
 * Held shared by each upload from putting its files into the store to recording them, alone by
 * whoever unlinks files no entry records: so a delete never unlinks a file an upload of the same
 * bytes has put (perhaps found there already) but not yet recorded.
 *
 * <p>The hubs of a county share the store's folder (docs/SCALING.md), so on PostgreSQL the lock is
 * held across them too: an advisory lock on one key ({@code pg_advisory_lock_shared} or {@code
 * pg_advisory_lock}), taken on the connection the work then runs on (the library's reads and its
 * transaction reuse the handle of the thread, so an upload holds one connection, not two: the pool
 * is small). The lock ends with the session if a hub dies holding it. On SQLite, one hub has the
 * file, and the lock in this JVM is the whole of it.
 */
final class MediaFilesLock {
  /** The advisory lock's key: "media" in ASCII. No other lock of the hub uses this key. */
  static final long KEY = 0x6d65646961L;

  private final Database database;
  private final long key;
  private final ReentrantReadWriteLock local = new ReentrantReadWriteLock();

  MediaFilesLock(Database database) {
    this(database, KEY);
  }

  /** With a key of its own: a test on a database other runs share. */
  MediaFilesLock(Database database, long key) {
    this.database = database;
    this.key = key;
  }

  /** Runs an upload's putting and recording, with other uploads but with no unlinking. */
  <R> R shared(Supplier<R> work) {
    return hold(false, work);
  }

  /** Runs a check and unlink, with no upload between putting its files and recording them. */
  void alone(Runnable work) {
    hold(
        true,
        () -> {
          work.run();
          return null;
        });
  }

  private void unlock(Handle h, String mode) {
    h.createQuery("SELECT pg_advisory_unlock" + mode + "(:key)")
        .bind("key", key)
        .mapTo(Boolean.class)
        .one();
  }

  private <R> R hold(boolean alone, Supplier<R> work) {
    Lock jvm = alone ? local.writeLock() : local.readLock();
    jvm.lock();
    try {
      if (database.writersTakeTurns()) {
        return work.get();
      }
      String mode = alone ? "" : "_shared";
      return database.withHandle(
          h -> {
            h.createQuery("SELECT pg_advisory_lock" + mode + "(:key)")
                .bind("key", key)
                .mapToMap()
                .one();
            R result;
            try {
              result = work.get();
            } catch (RuntimeException | Error e) {
              try {
                unlock(h, mode);
              } catch (RuntimeException u) {
                e.addSuppressed(u); // what failed first is what the caller needs to hear
              }
              throw e;
            }
            unlock(h, mode);
            return result;
          });
    } finally {
      jvm.unlock();
    }
  }
}
