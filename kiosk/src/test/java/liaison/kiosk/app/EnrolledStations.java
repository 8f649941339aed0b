package liaison.kiosk.app;

import io.micronaut.context.ApplicationContext;
import java.time.OffsetDateTime;
import liaison.hub.enrolment.StationCredentialRepository;
import liaison.signage.player.StationConfig;
import liaison.signage.protocol.MqttPasswordHash;

/**
 * Gives a station a credential at a running hub, as if its screen had been enrolled, and the
 * station's settings that use it: the hub's broker admits no one without.
 */
public final class EnrolledStations {
  private EnrolledStations() {}

  public static StationConfig enrolled(ApplicationContext hub, StationConfig config) {
    String password = MqttPasswordHash.newPassword();
    hub.getBean(StationCredentialRepository.class)
        .provision(
            config.stationId(), MqttPasswordHash.hash(password), "test", OffsetDateTime.now());
    return config.withLogin(config.stationId(), password);
  }
}
