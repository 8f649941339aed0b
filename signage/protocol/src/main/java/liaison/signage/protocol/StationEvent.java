package liaison.signage.protocol;

import static liaison.signage.protocol.Checks.required;
import static liaison.signage.protocol.Checks.text;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One event from a station's durable outbox. The hub stores each {@code (station, id)} once, so a
 * replay after a lost acknowledgement has no effect.
 *
 * @param type lower-case dotted name such as {@code satisfaction} or {@code button.call}
 * @param body small JSON object; large binaries go over HTTP by content hash, never here
 */
public record StationEvent(UUID id, String type, OffsetDateTime at, Map<String, Object> body)
    implements ProtocolMessage {

  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

  public StationEvent {
    required(id, "id");
    text(type, "type");
    if (!TYPE.matcher(type).matches() || type.length() > 64) {
      throw new IllegalArgumentException(
          "field 'type' must be a lower-case dotted name of at most 64 characters, was '"
              + type
              + "'");
    }
    required(at, "at");
    body = body == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(body));
  }
}
