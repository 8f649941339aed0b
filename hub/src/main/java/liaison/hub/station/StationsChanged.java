package liaison.hub.station;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What these stations show has changed: announced by a feature once its change is committed,
 * through Micronaut's {@code ApplicationEventPublisher}, and heard by the publisher, which rebuilds
 * their snapshots. So no feature needs the publisher (it sits above them all, reading their
 * records), and an admin request never waits for MQTT.
 */
public record StationsChanged(Set<String> stationIds) {
  public StationsChanged {
    stationIds = Set.copyOf(stationIds);
  }

  public StationsChanged(Collection<String> stationIds) {
    this(Set.copyOf(stationIds));
  }

  public static StationsChanged of(String... stationIds) {
    return new StationsChanged(List.of(stationIds));
  }
}
