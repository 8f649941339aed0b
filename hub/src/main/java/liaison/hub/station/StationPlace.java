package liaison.hub.station;

/** A station with the names of its township and county, as screens and lists show it. */
public record StationPlace(
    Station station, String townshipName, String countyId, String countyName) {
  public String id() {
    return station.id();
  }
}
