package liaison.hub.software;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * What a station said of an update to a version ({@code software.update} events, sent by the
 * player's update wiring): one of {@link #OUTCOMES}, with the station's reason for a rollback or a
 * refusal.
 */
public record UpdateReport(String version, String outcome, String reason, OffsetDateTime at) {
  public static final String ROLLED_BACK = "rolled-back";

  /** The steps a station reports, in the order an update goes through them. */
  public static final Set<String> OUTCOMES =
      Set.of(
          "downloading",
          "verified",
          "switched",
          "healthy",
          ROLLED_BACK,
          "refused",
          "failed",
          "not-installed");
}
