package liaison.signage.protocol;

import static liaison.signage.protocol.Checks.required;
import static liaison.signage.protocol.Checks.text;

import java.time.OffsetDateTime;

/**
 * The hub's answer about one enrolment code, to the screen that asked for it: the code to show and
 * until when it holds, and later whether an administrator has entered it.
 *
 * @param code as the screen shows it, e.g. {@code K7QX-M4PD}
 * @param stationId the station the code is for; once {@code ENROLLED}, also the MQTT user name
 */
public record EnrolmentTicket(
    String code, String stationId, Status status, OffsetDateTime expiresAt)
    implements ProtocolMessage {

  public EnrolmentTicket {
    text(code, "code");
    Topic.requireStationId(stationId);
    required(status, "status");
    required(expiresAt, "expiresAt");
  }

  public enum Status {
    /** Shown on the screen, waiting for an administrator. */
    WAITING,
    /** Entered on the station's page: the screen's password is now the station's credential. */
    ENROLLED,
    /** Not entered in time (or unknown): ask for a new code. */
    EXPIRED
  }
}
