package liaison.hub.software;

import java.time.OffsetDateTime;
import java.util.Set;
import liaison.hub.text.Text;

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

  /**
   * A station's reason in words: liaison-update-check's {@code starts} and {@code deadline}, the
   * station's {@code sha256}, {@code signature} and {@code no-key}; anything else (a failed try's
   * error) as a failed update, its words left to the API and the logs.
   */
  public static Text reasonText(String reason) {
    return switch (reason) {
      case "starts", "deadline", "sha256", "signature", "no-key" ->
          Text.of("software.reason." + reason);
      default -> Text.of("software.reason.other");
    };
  }
}
