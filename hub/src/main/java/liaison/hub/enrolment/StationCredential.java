package liaison.hub.enrolment;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A station's MQTT credential as the station's page shows it (never the hash).
 *
 * @param code the enrolment code the screen showed when it was enrolled
 */
public record StationCredential(
    String stationId,
    String code,
    String appVersion,
    OffsetDateTime enrolledAt,
    String enrolledBy,
    @Nullable OffsetDateTime revokedAt,
    @Nullable String revokedBy) {

  public boolean active() {
    return revokedAt == null;
  }
}
