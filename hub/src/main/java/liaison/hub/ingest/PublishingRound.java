package liaison.hub.ingest;

import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Whether this hub's publisher ({@code ContentPublisher}, which says when it begins and ends a
 * round) is building a round now (rebuilding, recording and queueing the stations' snapshots), so
 * that work which can wait a few seconds waits for it rather than racing it: the stations' reports
 * of what they show ({@link StateIngest}). Here, beside the reports, so that the ingest needs
 * nothing of the publisher's package. A county-wide notice's round makes 10,000 stations report,
 * within seconds, the version it gave them; taken while a round is recorded, those reports took
 * SQLite's one writer and PostgreSQL's share of two cores from it (the record step 0.4 → 1.7–2.4 s
 * on SQLite at 10,000 stations, issue 22). The stations' contents come first; their telemetry a
 * moment later loses nothing (each report is acknowledged once stored, and the broker holds the
 * rest for the hub meanwhile).
 */
@Singleton
public final class PublishingRound {
  private final Object lock = new Object();
  private boolean building;

  /** The publisher begins building a round. */
  public void begin() {
    synchronized (lock) {
      building = true;
    }
  }

  /** The publisher has built the round (recorded it and queued it for the broker). */
  public void end() {
    synchronized (lock) {
      building = false;
      lock.notifyAll();
    }
  }

  /**
   * Waits until no round is being built, for {@code most} at the longest (a round far longer than
   * usual, or a stuck one, must not keep the reports waiting for ever).
   *
   * @throws InterruptedException when interrupted while waiting
   */
  public void awaitNone(Duration most) throws InterruptedException {
    long until = System.nanoTime() + most.toNanos();
    synchronized (lock) {
      long left;
      while (building && (left = until - System.nanoTime()) > 0) {
        lock.wait(Math.max(1, left / 1_000_000));
      }
    }
  }
}
