package liaison.signage.protocol;

import static liaison.signage.protocol.Checks.required;
import static liaison.signage.protocol.Checks.text;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * An urgent or emergency notice, retained on the station's alert topic; an empty retained payload
 * clears it.
 */
public record StationAlert(
    String noticeId,
    String title,
    String body,
    NoticePriority priority,
    OffsetDateTime validFrom,
    @Nullable OffsetDateTime validUntil)
    implements ProtocolMessage {

  public StationAlert {
    text(noticeId, "noticeId");
    text(title, "title");
    body = body == null ? "" : body;
    required(priority, "priority");
    if (!priority.interrupts()) {
      throw new IllegalArgumentException("an alert must be URGENT or EMERGENCY, was " + priority);
    }
    required(validFrom, "validFrom");
  }
}
