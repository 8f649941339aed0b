package liaison.hub.broker;

import java.util.Map;
import java.util.Optional;

/**
 * The stations' MQTT credentials as the broker checks them: the password hash ({@link
 * liaison.signage.protocol.MqttPasswordHash}) of each enrolled station, none for one never enrolled
 * or revoked. Read on every connect, so it answers from memory.
 */
public interface StationAccounts {
  Optional<String> passwordHash(String stationId);

  /** Every enrolled station's hash, for an external broker's password file. */
  Map<String, String> all();
}
