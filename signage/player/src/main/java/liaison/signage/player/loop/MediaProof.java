package liaison.signage.player.loop;

import java.time.Duration;
import java.time.Instant;

/**
 * A manager's media slide was on screen from {@code from} until {@code until}: one turn of it in
 * the loop (all of a document's pages in one turn are one proof), or the part of a turn before an
 * interrupt covered it and the part after. Emitted when it leaves the screen; reported as a {@code
 * media.displayed} event ({@link DisplayProofReporter#media}).
 */
public record MediaProof(String slideId, Instant from, Instant until) {

  public MediaProof {
    if (!until.isAfter(from)) {
      throw new IllegalArgumentException(
          "media slide " + slideId + " left the screen at " + until + ", not after " + from);
    }
  }

  public Duration shown() {
    return Duration.between(from, until);
  }
}
