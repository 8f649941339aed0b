package liaison.signage.protocol;

import static liaison.signage.protocol.Checks.required;
import static liaison.signage.protocol.Checks.text;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A request from the hub to one station, on {@code liaison/v1/station/{s}/command} (QoS 1, not
 * retained). The MQTT 5 response topic and correlation data (the command id) say where the {@link
 * CommandResult} goes.
 *
 * <p>{@code name} is kept as text, not as {@link CommandName}: a station older than the hub must
 * still read the id of a command it does not know, to refuse it with a reason rather than drop it.
 *
 * @param issuedBy the staff account that asked, for the station's log
 * @param args small text arguments, e.g. the screenshot's one-time upload address and token
 * @param expiresAt a station refuses the command after this instant (a delivery held up too long)
 */
public record StationCommand(
    UUID id,
    String name,
    OffsetDateTime issuedAt,
    String issuedBy,
    Map<String, String> args,
    OffsetDateTime expiresAt)
    implements ProtocolMessage {

  private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

  /** Argument of {@link CommandName#SCREENSHOT}: where to PUT the PNG. */
  public static final String UPLOAD_URL = "uploadUrl";

  /** Argument of {@link CommandName#SCREENSHOT}: the one-time token for that upload. */
  public static final String UPLOAD_TOKEN = "uploadToken";

  /** Argument of {@link CommandName#IDENTIFY}: how long to blink, in seconds. */
  public static final String SECONDS = "seconds";

  public StationCommand {
    required(id, "id");
    text(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "field 'name' must be an upper-case command name such as SCREENSHOT, was '" + name + "'");
    }
    required(issuedAt, "issuedAt");
    text(issuedBy, "issuedBy");
    required(expiresAt, "expiresAt");
    if (!expiresAt.isAfter(issuedAt)) {
      throw new IllegalArgumentException(
          "command expires at " + expiresAt + ", not after it was issued at " + issuedAt);
    }
    if (args == null) {
      args = Map.of();
    } else {
      for (Map.Entry<String, String> arg : args.entrySet()) {
        if (arg.getValue() == null) {
          throw new IllegalArgumentException("argument '" + arg.getKey() + "' has no value");
        }
      }
      args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }
  }

  /**
   * A command this protocol version knows (a static factory: one constructor keeps JSON binding
   * plain).
   */
  public static StationCommand of(
      UUID id,
      CommandName name,
      OffsetDateTime issuedAt,
      String issuedBy,
      Map<String, String> args,
      OffsetDateTime expiresAt) {
    return new StationCommand(id, name.name(), issuedAt, issuedBy, args, expiresAt);
  }

  /** The command, when this version of the protocol knows its name. */
  public Optional<CommandName> known() {
    return CommandName.of(name);
  }

  public boolean expired(OffsetDateTime now) {
    return !now.isBefore(expiresAt);
  }
}
