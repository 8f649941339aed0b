package liaison.hub.db;

/**
 * Refuses database work on a virtual thread: SQLite's native calls would pin its carrier (see
 * {@link Database}). Checked each time a connection is taken, which is cheap and catches every
 * path.
 */
final class CarrierGuard {
  private CarrierGuard() {}

  static void check() {
    Thread thread = Thread.currentThread();
    if (thread.isVirtual()) {
      throw new IllegalStateException(
          "database work on virtual thread "
              + thread
              + ": a native SQLite call would pin its carrier; run it on a platform thread (the blocking pool)");
    }
  }
}
