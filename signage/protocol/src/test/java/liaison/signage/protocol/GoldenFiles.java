package liaison.signage.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The golden protocol files under {@code protocol/} on the test class path. The protocol module's
 * test jar carries them, so the hub's and the player's tests read the very same bytes.
 */
public final class GoldenFiles {
  public static final String CONTENT = "station-content.v1.json";

  /** The snapshot with 民生实事's rounds, projects and proposal link (issue 21). */
  public static final String CONTENT_LIVELIHOOD = "station-content-livelihood.v1.json";

  public static final String STATE = "station-state.v1.json";
  public static final String EVENT = "station-event.v1.json";
  public static final String ALERT = "station-alert.v1.json";
  public static final String COMMAND = "station-command.v1.json";
  public static final String RESULT = "command-result.v1.json";
  public static final String ENROLMENT_REQUEST = "enrolment-request.v1.json";
  public static final String ENROLMENT_TICKET = "enrolment-ticket.v1.json";

  /**
   * The password whose hash the golden enrolment request carries; that hash was written by
   * Mosquitto's own {@code mosquitto_passwd}, so the hub's check is proven against it.
   */
  public static final String ENROLMENT_PASSWORD = "Zq3v9N2kR1xW8pL4tY6uA0sD5fG7hJ2kM9nB3vC8xQw";

  /** Commands and results that must be refused, each with the reason the refusal names. */
  public static final String[][] BAD_COMMANDS = {
    {"bad/command-expires-before-issued.json", "StationCommand", "not after it was issued"},
    {"bad/command-missing-id.json", "StationCommand", "missing field 'id'"},
    {"bad/command-id-not-uuid.json", "StationCommand", "UUID"},
    {"bad/result-unknown-outcome.json", "CommandResult", "MAYBE"},
    {"bad/result-screenshot-not-a-hash.json", "CommandResult", "must be 64 lower-case hex digits"},
  };

  /**
   * What a station (or whoever holds its credential) might send instead of a valid message, each
   * with the message type it was sent as and the {@link ProtocolException.Reason#word()} of its
   * refusal. The hub's tests publish them through the broker and check that nothing stops.
   */
  public static final String[][] BAD_STATION_MESSAGES = {
    {"bad/event-null.json", "StationEvent", "not-an-object"},
    {"bad/event-number.json", "StationEvent", "not-an-object"},
    {"bad/event-string.json", "StationEvent", "not-an-object"},
    {"bad/event-array.json", "StationEvent", "not-an-object"},
    {"bad/event-null-id.json", "StationEvent", "missing-field"},
    {"bad/event-duplicate-type.json", "StationEvent", "duplicate-field"},
    {"bad/event-deep-body.json", "StationEvent", "too-deep"},
    {"bad/event-huge-number.json", "StationEvent", "number-out-of-range"},
    {"bad/event-time-as-number.json", "StationEvent", "wrong-type"},
    {"bad/event-type-as-number.json", "StationEvent", "wrong-type"},
    {"bad/event-utf16.json", "StationEvent", "not-utf8"},
    {"bad/not-utf8.json", "StationEvent", "not-utf8"},
    {"bad/truncated.json", "StationEvent", "not-json"},
    {"bad/state-version-as-text.json", "StationState", "wrong-type"},
    {"bad/state-version-fraction.json", "StationState", "wrong-type"},
    {"bad/state-presence-as-number.json", "StationState", "wrong-type"},
    {"bad/state-telemetry-text-number.json", "StationState", "wrong-type"},
    {"bad/result-null-outcome.json", "CommandResult", "missing-field"},
    {"bad/result-message-as-array.json", "CommandResult", "wrong-type"},
    {"bad/result-unknown-outcome.json", "CommandResult", "invalid-value"},
  };

  /** The message type a row of {@link #BAD_STATION_MESSAGES} was sent as. */
  public static Class<? extends ProtocolMessage> messageType(String simpleName) {
    return switch (simpleName) {
      case "StationEvent" -> StationEvent.class;
      case "StationState" -> StationState.class;
      case "CommandResult" -> CommandResult.class;
      default -> throw new IllegalArgumentException("no station message type " + simpleName);
    };
  }

  /** Payloads that must be refused, each for a different reason. */
  public static final String[] BAD_CONTENT = {
    "bad/truncated.json",
    "bad/missing-version.json",
    "bad/wrong-type.json",
    "bad/unknown-kind.json",
    "bad/station-mismatch.json",
    "bad/reception-ends-before-start.json",
    "bad/not-an-object.json",
    "bad/not-utf8.json",
    "bad/playlist-overlapping-dayparts.json",
  };

  private GoldenFiles() {}

  public static byte[] bytes(String name) {
    String path = "/protocol/" + name;
    try (InputStream in = GoldenFiles.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("golden file " + path + " is not on the test class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static StationCommand command() {
    return ProtocolCodec.decode(bytes(COMMAND), StationCommand.class);
  }

  public static StationContent content() {
    return ProtocolCodec.decode(bytes(CONTENT), StationContent.class);
  }

  public static StationContent contentWithLivelihood() {
    return ProtocolCodec.decode(bytes(CONTENT_LIVELIHOOD), StationContent.class);
  }

  /**
   * The golden snapshot with another version, as the hub would publish it next; without its annual
   * plan, as the screens' tests built on it expect.
   */
  public static StationContent contentWithVersion(long version) {
    StationContent c = content();
    return c.withPlan(null).withVersion(version, c.generatedAt());
  }
}
