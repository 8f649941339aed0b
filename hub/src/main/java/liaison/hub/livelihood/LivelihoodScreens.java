package liaison.hub.livelihood;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.util.List;
import liaison.hub.station.Reach;
import liaison.hub.station.StationRepository;
import liaison.hub.station.StationsChanged;

/**
 * Tells the publisher that what a round shows on the station screens has changed (the rounds
 * collecting, their accepted proposals, the elected projects' progress): every station the round
 * reaches gets a new snapshot. The county's round reaches every station of the county; a township's
 * round the stations of that township. Each stage calls {@link #changed(Round)} once its change is
 * committed: collect (a round opened or closed, a proposal accepted or entered), and next the
 * vote's result (projects ELECTED, the round DECIDED) and the department's progress reports.
 */
@Singleton
public class LivelihoodScreens {
  private final StationRepository stations;
  private final LivelihoodRepository repository;
  private final ApplicationEventPublisher<StationsChanged> stationsChanged;

  public LivelihoodScreens(
      StationRepository stations,
      LivelihoodRepository repository,
      ApplicationEventPublisher<StationsChanged> stationsChanged) {
    this.stations = stations;
    this.repository = repository;
    this.stationsChanged = stationsChanged;
  }

  /** The round's screens show something new. */
  public void changed(Round round) {
    Reach reach =
        round.isCounty()
            ? new Reach(Reach.Target.ALL, null, List.of())
            : new Reach(Reach.Target.TOWNSHIP, round.townshipId(), List.of());
    stationsChanged.publishEvent(new StationsChanged(stations.reached(reach, round.countyId())));
  }

  /** The screens of the round of this id (none when there is no such round). */
  public void changed(String roundId) {
    repository.find(roundId).ifPresent(this::changed);
  }
}
