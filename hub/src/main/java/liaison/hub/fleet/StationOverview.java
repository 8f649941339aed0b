package liaison.hub.fleet;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import liaison.hub.ingest.StateIngest;
import liaison.hub.publish.Publication;
import liaison.hub.publish.PublicationRepository;
import liaison.hub.station.ScreenReports;
import liaison.hub.station.StationPlace;
import liaison.hub.station.StationRepository;
import liaison.hub.text.Text;
import liaison.hub.web.PublicLinks;
import liaison.signage.protocol.StationState;

/** Each station with its links, published version and what it last reported. */
@Singleton
public class StationOverview implements ScreenReports {
  private final StationRepository stations;
  private final PublicationRepository publications;
  private final StateIngest states;
  private final PublicLinks links;

  public StationOverview(
      StationRepository stations,
      PublicationRepository publications,
      StateIngest states,
      PublicLinks links) {
    this.stations = stations;
    this.publications = publications;
    this.states = states;
    this.links = links;
  }

  /** One row of the overview; {@code presence} in both languages, {@code screen} to be shown. */
  public record Row(
      String id,
      String name,
      String kind,
      String township,
      String opinionUrl,
      long publishedVersion,
      String presence,
      long shownVersion,
      String reportedAt,
      Text screen) {}

  public List<Row> rows() {
    return stations.all().stream().map(this::row).toList();
  }

  public Optional<Row> row(String stationId) {
    return stations.find(stationId).map(this::row);
  }

  @Override
  public ScreenReport of(StationPlace place) {
    Row row = row(place);
    return new ScreenReport(
        row.opinionUrl(),
        row.publishedVersion(),
        row.presence(),
        row.shownVersion(),
        row.reportedAt());
  }

  private Row row(StationPlace p) {
    long published = publications.current(p.id()).map(Publication::version).orElse(0L);
    Optional<StateIngest.StoredState> state = states.state(p.id());
    Text screen =
        state
            .map(
                s ->
                    s.state().presence() == StationState.Presence.ONLINE
                        ? Text.of("presence.online")
                        : Text.of("presence.offline"))
            .orElse(Text.of("presence.never"));
    return new Row(
        p.id(),
        p.station().name(),
        p.station().kind().zh(),
        p.townshipName(),
        links.opinion(p.station().publicToken()),
        published,
        screen.both(" "),
        state.map(s -> s.state().contentVersion()).orElse(0L),
        state.map(s -> s.state().at().toLocalDateTime().toString().replace('T', ' ')).orElse(""),
        screen);
  }
}
