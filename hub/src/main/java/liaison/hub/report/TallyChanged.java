package liaison.hub.report;

import java.util.Collection;
import java.util.Set;

/**
 * The vote tally of these stations changed, and the change has committed: announced through
 * Micronaut's {@code ApplicationEventPublisher} and heard by {@link TallyPublisher}, so whoever
 * counts a ballot never waits for MQTT.
 */
public record TallyChanged(Set<String> stationIds) {
  public TallyChanged {
    stationIds = Set.copyOf(stationIds);
  }

  public TallyChanged(Collection<String> stationIds) {
    this(Set.copyOf(stationIds));
  }

  public static TallyChanged of(String stationId) {
    return new TallyChanged(Set.of(stationId));
  }
}
