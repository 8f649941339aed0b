package liaison.signage.protocol;

import static liaison.signage.protocol.Checks.required;
import static liaison.signage.protocol.Checks.text;

/**
 * A screen without credentials asks the hub for an enrolment code ({@code POST
 * /api/public/enrolments}). It sends the hash of the MQTT password it made for itself, never the
 * password: once an administrator enters the code on the station's page, that hash becomes the
 * station's credential.
 *
 * @param stationId the station the screen was set up as ({@code --station}); the code is accepted
 *     only on that station's page
 * @param passwordHash {@link MqttPasswordHash} of the screen's own password
 */
public record EnrolmentRequest(String stationId, String passwordHash, String appVersion)
    implements ProtocolMessage {

  public EnrolmentRequest {
    Topic.requireStationId(stationId);
    if (!MqttPasswordHash.isWellFormed(required(passwordHash, "passwordHash"))) {
      throw new IllegalArgumentException("field 'passwordHash' is not a PBKDF2-SHA512 hash ($7$…)");
    }
    text(appVersion, "appVersion");
    if (appVersion.length() > 64) {
      throw new IllegalArgumentException("field 'appVersion' is longer than 64 characters");
    }
  }
}
