package liaison.signage.protocol;

import static liaison.signage.protocol.Checks.required;
import static liaison.signage.protocol.Checks.text;

import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A station's answer to a {@link StationCommand}, published on the command's response topic with
 * the same correlation data.
 *
 * @param message what happened, in Chinese (or plain text from the station's log)
 * @param messageEn the same in English, when the station has it
 * @param screenshotHash SHA-256 of the PNG the station uploaded over HTTP for a SCREENSHOT
 */
public record CommandResult(
    UUID commandId,
    Outcome outcome,
    String message,
    @Nullable String messageEn,
    OffsetDateTime at,
    @Nullable String screenshotHash)
    implements ProtocolMessage {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  public CommandResult {
    required(commandId, "commandId");
    required(outcome, "outcome");
    text(message, "message");
    if (message.length() > 1000) {
      message = message.substring(0, 1000) + "…";
    }
    required(at, "at");
    if (screenshotHash != null && !SHA256.matcher(screenshotHash).matches()) {
      throw new IllegalArgumentException(
          "field 'screenshotHash' must be 64 lower-case hex digits (SHA-256), was '"
              + screenshotHash
              + "'");
    }
    if (screenshotHash != null && outcome != Outcome.OK) {
      throw new IllegalArgumentException("a screenshot comes only with outcome OK, not " + outcome);
    }
  }

  public static CommandResult ok(UUID commandId, String zh, String en, OffsetDateTime at) {
    return new CommandResult(commandId, Outcome.OK, zh, en, at, null);
  }

  public static CommandResult refused(UUID commandId, String zh, String en, OffsetDateTime at) {
    return new CommandResult(commandId, Outcome.REFUSED, zh, en, at, null);
  }

  public static CommandResult failed(UUID commandId, String zh, String en, OffsetDateTime at) {
    return new CommandResult(commandId, Outcome.FAILED, zh, en, at, null);
  }

  public enum Outcome {
    /** Done. */
    OK,
    /** Not done on purpose: expired, unknown, not for this station, not supported here. */
    REFUSED,
    /** Tried and went wrong. */
    FAILED
  }
}
