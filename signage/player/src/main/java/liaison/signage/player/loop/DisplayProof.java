package liaison.signage.player.loop;

import java.time.Duration;
import java.time.Instant;
import liaison.signage.protocol.Board;

/**
 * A notice was on screen from {@code from} until {@code until}: on the NOTICES board in the loop,
 * or as an alert that interrupted it ({@link Kind#URGENT_INTERRUPT}) or held it ({@link
 * Kind#EMERGENCY_HOLD}). Emitted once it leaves the screen, so {@code until} is known; a long
 * emergency hold also every {@link SignageLoop#HOLD_PROOF_EVERY} while it lasts.
 */
public record DisplayProof(String noticeId, Instant from, Instant until, Board board, Kind kind) {

  public enum Kind {
    /** A page of the NOTICES board in the loop. */
    LOOP,
    /** An urgent alert shown over the loop for a while. */
    URGENT_INTERRUPT,
    /** An emergency alert holding the screen. */
    EMERGENCY_HOLD
  }

  public DisplayProof {
    if (until.isBefore(from)) {
      throw new IllegalArgumentException(
          "notice " + noticeId + " left the screen at " + until + ", before " + from);
    }
  }

  public Duration shown() {
    return Duration.between(from, until);
  }
}
