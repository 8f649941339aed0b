package liaison.signage.player.hardware;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the station reports motion to the hub (the reception ledger's hint of how busy a reception
 * was): once when someone appears, then once per {@code every} while the sensor stays high, never
 * more often than that, so the durable outbox carries at most one event per {@code every} however
 * the sensor flickers (at 30 s, 120 an hour, 2,880 a day).
 */
public final class MotionEvents {
  /** The ledger counts presence in steps of this length. */
  public static final Duration EVERY = Duration.ofSeconds(30);

  private final Duration every;
  private Optional<Instant> lastReported = Optional.empty();
  private boolean present;

  public MotionEvents(Duration every) {
    if (every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException("motion events need a positive interval, got " + every);
    }
    this.every = every;
  }

  /** The sensor went high; whether to report it now. */
  public synchronized boolean started(Instant at) {
    present = true;
    return due(at);
  }

  /** The sensor went low. */
  public synchronized void ended() {
    present = false;
  }

  /** A tick of the station's timer: whether someone still there is due another report. */
  public synchronized boolean stillThere(Instant at) {
    return present && due(at);
  }

  private boolean due(Instant at) {
    if (lastReported.map(last -> at.isBefore(last.plus(every))).orElse(false)) {
      return false;
    }
    lastReported = Optional.of(at);
    return true;
  }
}
