package liaison.signage.player.enrol;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * What a screen shows about its enrolment.
 *
 * @param code the code to show while {@code WAITING}
 * @param expiresAt until when the code holds (the screen asks for a new one then by itself)
 * @param problem why the screen has no code yet, in Chinese; {@code problemEn} the same in English
 * @param again true when the screen had credentials that the broker refused (revoked, or a hub that
 *     does not know it): it must be enrolled again
 * @param hub the hub's address, to name when it cannot be reached
 */
public record EnrolmentState(
    Phase phase,
    @Nullable String code,
    @Nullable OffsetDateTime expiresAt,
    @Nullable String problem,
    @Nullable String problemEn,
    boolean again,
    String hub) {

  public enum Phase {
    /** Enrolled (or no enrolment is configured): nothing to show. */
    NOT_NEEDED,
    /** Asking the hub for a code. */
    ASKING,
    /** Showing a code, waiting for an administrator to enter it. */
    WAITING,
    /** The hub refused to give a code (e.g. it does not know the station): the problem says why. */
    REFUSED
  }

  public static final EnrolmentState NOT_NEEDED =
      new EnrolmentState(Phase.NOT_NEEDED, null, null, null, null, false, "");

  public boolean showing() {
    return phase != Phase.NOT_NEEDED;
  }
}
