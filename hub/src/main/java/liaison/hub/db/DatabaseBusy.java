package liaison.hub.db;

import java.time.Duration;

/**
 * A writer did not get its turn in time: another write held the database for longer than the busy
 * timeout. Nothing of the refused write was done; the caller may try again.
 */
public final class DatabaseBusy extends RuntimeException {
  public DatabaseBusy(Duration waited, int stillWaiting) {
    super(
        "the database stayed busy for "
            + waited.toMillis()
            + " ms; "
            + stillWaiting
            + " other writers waiting");
  }

  public DatabaseBusy(Duration waited, int stillWaiting, Throwable cause) {
    super(
        "the database stayed busy for "
            + waited.toMillis()
            + " ms; "
            + stillWaiting
            + " other writers waiting",
        cause);
  }
}
