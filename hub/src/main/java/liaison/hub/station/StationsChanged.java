package liaison.hub.station;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What these stations show has changed: announced by a feature once its change is committed,
 * through Micronaut's {@code ApplicationEventPublisher}, and heard by the publisher, which rebuilds
 * their snapshots. So no feature needs the publisher (it sits above them all, reading their
 * records), and an admin request never waits for MQTT.
 *
 * @param noticesOnly whether only the notices aimed at these stations changed (a notice saved,
 *     edited or deleted): the publisher may then read their notices alone into the snapshots it
 *     holds instead of rebuilding every part, so that a county-wide notice costs a notice's work
 *     rather than a full rebuild of every station (issue 22); any other change rebuilds all
 */
public record StationsChanged(Set<String> stationIds, boolean noticesOnly) {
  public StationsChanged {
    stationIds = Set.copyOf(stationIds);
  }

  public StationsChanged(Collection<String> stationIds) {
    this(Set.copyOf(stationIds), false);
  }

  public static StationsChanged of(String... stationIds) {
    return new StationsChanged(List.of(stationIds));
  }

  /** The notices aimed at these stations changed, nothing else. */
  public static StationsChanged notices(Collection<String> stationIds) {
    return new StationsChanged(Set.copyOf(stationIds), true);
  }
}
