package liaison.hub.station;

import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.stream.Collectors;
import liaison.hub.problem.ValidationProblem;
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
      problems.add("id", "请填写站点编号，如 s-004", "Enter the station's id, e.g. s-004");
    } else if (!Topic.isValidStationId(id)) {
      problems.add(
          "id",
          "编号只能用小写字母、数字和中间的连字符，最多 64 个，如 s-004",
          "The id may only have lower-case letters, digits and inner hyphens, at most 64, e.g. s-004");
    } else if (stations.find(id).isPresent()) {
      problems.add("id", "编号 " + id + " 已被使用", "The id " + id + " is taken");
    } else if (stations.wasDeleted(id)) {
      problems.add(
          "id",
          "编号 " + id + " 曾属于一个已删除的站点，为免旧屏幕混淆，请换一个编号",
          "The id " + id + " belonged to a deleted station; choose another so old screens are not confused");
    }
    return id == null ? "" : id;
  }

  /**
   * The station as the draft makes it: {@code before}'s values where the draft leaves a field out;
   * a new station gets a new public token.
   */
  public Station check(String countyId, String id, StationDraft d, @Nullable Station before, ValidationProblem.Collector problems) {
    String name = text(d.name(), before == null ? null : before.name());
    if (name.isEmpty()) {
      problems.add("name", "请填写站点名称", "Enter the station's name");
    } else if (name.length() > MAX_NAME) {
      problems.add("name", "名称不能超过 " + MAX_NAME + " 个字", "Name: at most " + MAX_NAME + " characters");
    }
    StationKind kind = before == null ? null : before.kind();
    if (d.kind() != null) {
      kind = parseKind(d.kind());
      if (kind == null) {
        problems.add(
            "kind",
            "请选择站点类型：" + java.util.Arrays.stream(StationKind.values()).map(StationKind::zh).collect(Collectors.joining("、")),
            "Choose the kind: " + java.util.Arrays.stream(StationKind.values()).map(Enum::name).collect(Collectors.joining(", ")));
      }
    } else if (kind == null) {
      problems.add("kind", "请选择站点类型", "Choose the kind of station");
    }
    String townshipId = text(d.townshipId(), before == null ? null : before.townshipId());
    if (townshipId.isEmpty()) {
      problems.add("townshipId", "请选择所属乡镇", "Choose the township");
    } else if (before == null || !townshipId.equals(before.townshipId())) {
      Optional<Township> township =
          stations.townships(countyId).stream().filter(t -> t.id().equals(townshipId)).findFirst();
      if (township.isEmpty()) {
        problems.add("townshipId", "本县没有乡镇 " + townshipId, "No township " + townshipId + " in this county");
      }
    }
    String address = text(d.address(), before == null ? null : before.address());
    if (address.length() > MAX_ADDRESS) {
      problems.add("address", "地址不能超过 " + MAX_ADDRESS + " 个字", "Address: at most " + MAX_ADDRESS + " characters");
    }
    String hours = text(d.openingHours(), before == null ? null : before.openingHours());
    if (hours.length() > MAX_HOURS) {
      problems.add("openingHours", "开放时间不能超过 " + MAX_HOURS + " 个字", "Opening hours: at most " + MAX_HOURS + " characters");
    }
    String plate = text(d.signPlate(), before == null ? null : before.signPlate());
    if (plate.length() > MAX_SIGN_PLATE) {
      problems.add(
          "signPlate", "标识牌文字不能超过 " + MAX_SIGN_PLATE + " 个字", "Sign-plate text: at most " + MAX_SIGN_PLATE + " characters");
    }
    Double latitude = coordinate(d.latitude(), before == null ? null : before.latitude(), "latitude", 90, problems, "纬度", "Latitude");
    Double longitude =
        coordinate(d.longitude(), before == null ? null : before.longitude(), "longitude", 180, problems, "经度", "Longitude");
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
      @Nullable String text, @Nullable Double current, String field, double limit,
      ValidationProblem.Collector problems, String zh, String en) {
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
    problems.add(
        field,
        zh + "须为 -" + (int) limit + " 到 " + (int) limit + " 之间的数，如 24.8141，或不填",
        en + " must be a number from -" + (int) limit + " to " + (int) limit + ", e.g. 24.8141, or empty");
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
