package liaison.signage.protocol;

import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Who a station is to the broker: its MQTT user name is its station id, and its client ids are
 * {@code station-<id>-<suffix>} with a suffix of letters and digits only (no hyphen). The suffix
 * cannot hold a hyphen, so a client id names exactly one station (everything between {@code
 * station-} and the last hyphen): station {@code s-1} can never use a client id of station {@code
 * s-1-a} and so never take over its session.
 */
public final class StationIdentity {
  private static final String PREFIX = "station-";
  private static final Pattern SUFFIX = Pattern.compile("[a-z0-9]{1,32}");

  private StationIdentity() {}

  /** The MQTT user name of a station: its id. */
  public static String username(String stationId) {
    return Topic.requireStationId(stationId);
  }

  /** A client id for one connection of the station, e.g. {@code station-s-001-3f9a1c2e}. */
  public static String clientId(String stationId, String suffix) {
    Topic.requireStationId(stationId);
    if (suffix == null || !SUFFIX.matcher(suffix).matches()) {
      throw new IllegalArgumentException(
          "a station's client id ends in 1 to 32 lower-case letters or digits, was '"
              + suffix
              + "'");
    }
    return PREFIX + stationId + "-" + suffix;
  }

  /** The station a client id belongs to; empty when it is not a station's client id. */
  public static Optional<String> stationOf(@Nullable String clientId) {
    if (clientId == null || !clientId.startsWith(PREFIX)) {
      return Optional.empty();
    }
    int last = clientId.lastIndexOf('-');
    if (last <= PREFIX.length()) {
      return Optional.empty();
    }
    String station = clientId.substring(PREFIX.length(), last);
    String suffix = clientId.substring(last + 1);
    return Topic.isValidStationId(station) && SUFFIX.matcher(suffix).matches()
        ? Optional.of(station)
        : Optional.empty();
  }
}
