package liaison.hub.station;

import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.stream.Collectors;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.text.Text;
import liaison.signage.protocol.StationKind;
import liaison.signage.protocol.Topic;
import org.jspecify.annotations.Nullable;

/**
 * A station's details checked field by field, from a form, the API or a spreadsheet row: every
 * problem is collected (zh and en, beside its field), nothing is written here. On a change, a field
 * left out keeps its value.
 */
@Singleton
public class StationFields {
  static final int MAX_NAME = 60;
  static final int MAX_ADDRESS = 100;
  static final int MAX_HOURS = 100;
  static final int MAX_SIGN_PLATE = 30;

  private final StationRepository stations;

  public StationFields(StationRepository stations) {
    this.stations = stations;
  }

  /**
   * A new station's id as typed: required, a valid topic segment, neither taken nor once a deleted
   * station's (its old screens hold high content versions and would ignore the new station's).
   */
  public String newId(@Nullable String typed, ValidationProblem.Collector problems) {
    String id = blankToNull(typed);
    if (id == null) {
      problems.add("id", Text.of("problem.station.id.missing"));
    } else if (!Topic.isValidStationId(id)) {
      problems.add("id", Text.of("problem.station.id.invalid"));
    } else if (stations.find(id).isPresent()) {
      problems.add("id", Text.of("problem.station.id.taken", id));
    } else if (stations.wasDeleted(id)) {
      problems.add("id", Text.of("problem.station.id.deleted", id));
    }
    return id == null ? "" : id;
  }

  /**
   * The station as the draft makes it: {@code before}'s values where the draft leaves a field out;
   * a new station gets a new public token.
   */
  public Station check(
      String countyId,
      String id,
      StationDraft d,
      @Nullable Station before,
      ValidationProblem.Collector problems) {
    String name = text(d.name(), before == null ? null : before.name());
    if (name.isEmpty()) {
      problems.add("name", Text.of("problem.station.name.missing"));
    } else if (name.length() > MAX_NAME) {
      problems.add("name", Text.of("problem.station.name.too-long", MAX_NAME));
    }
    StationKind kind = before == null ? null : before.kind();
    if (d.kind() != null) {
      kind = parseKind(d.kind());
      if (kind == null) {
        // The kinds' names are the protocol's, which the stations show too.
        problems.add(
            "kind",
            Text.of(
                "problem.station.kind.unknown",
                java.util.Arrays.stream(StationKind.values())
                    .map(StationKind::zh)
                    .collect(Collectors.joining("、")),
                java.util.Arrays.stream(StationKind.values())
                    .map(Enum::name)
                    .collect(Collectors.joining(", "))));
      }
    } else if (kind == null) {
      problems.add("kind", Text.of("problem.station.kind.missing"));
    }
    String townshipId = text(d.townshipId(), before == null ? null : before.townshipId());
    if (townshipId.isEmpty()) {
      problems.add("townshipId", Text.of("problem.station.township.missing"));
    } else if (before == null || !townshipId.equals(before.townshipId())) {
      Optional<Township> township =
          stations.townships(countyId).stream().filter(t -> t.id().equals(townshipId)).findFirst();
      if (township.isEmpty()) {
        problems.add("townshipId", Text.of("problem.station.township.unknown", townshipId));
      }
    }
    String address = text(d.address(), before == null ? null : before.address());
    if (address.length() > MAX_ADDRESS) {
      problems.add("address", Text.of("problem.station.address.too-long", MAX_ADDRESS));
    }
    String hours = text(d.openingHours(), before == null ? null : before.openingHours());
    if (hours.length() > MAX_HOURS) {
      problems.add("openingHours", Text.of("problem.station.hours.too-long", MAX_HOURS));
    }
    String plate = text(d.signPlate(), before == null ? null : before.signPlate());
    if (plate.length() > MAX_SIGN_PLATE) {
      problems.add("signPlate", Text.of("problem.station.sign-plate.too-long", MAX_SIGN_PLATE));
    }
    Double latitude =
        coordinate(
            d.latitude(),
            before == null ? null : before.latitude(),
            "latitude",
            90,
            problems,
            Text.of("problem.station.latitude", 90));
    Double longitude =
        coordinate(
            d.longitude(),
            before == null ? null : before.longitude(),
            "longitude",
            180,
            problems,
            Text.of("problem.station.longitude", 180));
    return new Station(
        id,
        townshipId,
        name,
        kind == null ? StationKind.HOME : kind,
        address,
        hours,
        plate,
        latitude,
        longitude,
        before == null ? PublicTokens.next() : before.publicToken());
  }

  /** HOME, home, 人大代表之家 or Deputies' home. */
  public static @Nullable StationKind parseKind(String text) {
    String t = text.strip();
    for (StationKind k : StationKind.values()) {
      if (k.name().equalsIgnoreCase(t) || k.zh().equals(t) || k.en().equalsIgnoreCase(t)) {
        return k;
      }
    }
    return null;
  }

  private static @Nullable Double coordinate(
      @Nullable String text,
      @Nullable Double current,
      String field,
      double limit,
      ValidationProblem.Collector problems,
      Text invalid) {
    if (text == null) {
      return current;
    }
    if (text.isBlank()) {
      return null;
    }
    try {
      double value = Double.parseDouble(text.strip());
      if (Double.isFinite(value) && value >= -limit && value <= limit) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(field, invalid);
    return current;
  }

  private static String text(@Nullable String given, @Nullable String current) {
    if (given == null) {
      return current == null ? "" : current;
    }
    return given.strip();
  }

  static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
