package liaison.hub.booking;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import liaison.hub.deputy.Deputy;
import liaison.hub.deputy.DeputyRepository;
import liaison.hub.reception.ReceptionSlot;
import liaison.hub.station.StationPlace;
import liaison.hub.station.StationRepository;

/**
 * What the residents' booking pages show around the bookings: the station behind a booking link,
 * the station of a reception, and the names of the deputies on duty (public facts, on the screen
 * too).
 */
@Singleton
public class BookableStations {
  private final StationRepository stations;
  private final DeputyRepository deputies;

  public BookableStations(StationRepository stations, DeputyRepository deputies) {
    this.stations = stations;
    this.deputies = deputies;
  }

  /** The station whose booking link carries this token. */
  public Optional<StationPlace> byToken(String token) {
    return stations.findByToken(token);
  }

  public StationPlace of(ReceptionSlot slot) {
    return stations.find(slot.stationId()).orElseThrow();
  }

  /** The station's deputies' names by id. */
  public Map<String, String> deputyNames(StationPlace place) {
    return deputies.atStation(place.id()).stream()
        .collect(Collectors.toMap(Deputy::id, Deputy::name, (a, b) -> a));
  }
}
