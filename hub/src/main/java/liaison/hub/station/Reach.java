package liaison.hub.station;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;

/**
 * Which screens something reaches: every station of the county ({@link Target#ALL}), the stations
 * of one township, or the stations listed. Notices and media slides are aimed alike, and who may
 * aim where is decided here once: the county and a whole township only by a county administrator,
 * listed stations only those the writer may change.
 */
public record Reach(Target target, @Nullable String townshipId, List<String> stationIds) {

  public Reach {
    stationIds = List.copyOf(stationIds);
  }

  public enum Target {
    ALL,
    TOWNSHIP,
    STATIONS
  }

  /**
   * The reach as typed (target name, township, stations), checked for this writer; each refusal is
   * added to {@code problems} on its field ({@code target}, {@code townshipId}, {@code stationIds})
   * and the answer is then meaningless (the caller throws the problems). An empty target means
   * STATIONS.
   */
  public static Reach check(
      Staff staff,
      Access access,
      StationRepository stations,
      @Nullable String targetName,
      @Nullable String townshipId,
      @Nullable List<String> stationIds,
      ValidationProblem.Collector problems) {
    Target target = Target.STATIONS;
    if (targetName != null && !targetName.isBlank()) {
      try {
        target = Target.valueOf(targetName.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add("target", Text.of("problem.notice.target.unknown"));
      }
    }
    String township = null;
    List<String> listed = new ArrayList<>();
    switch (target) {
      case ALL -> {
        if (!staff.isCountyAdmin()) {
          problems.add("target", Text.of("problem.notice.target.county-admin-only"));
        }
      }
      case TOWNSHIP -> {
        township = townshipId == null ? null : townshipId.strip();
        String wanted = township;
        if (!staff.isCountyAdmin()) {
          problems.add("target", Text.of("problem.notice.target.township-admin-only"));
        } else if (wanted == null
            || access.visibleStations(staff).stream()
                .noneMatch(p -> p.station().townshipId().equals(wanted))) {
          problems.add("townshipId", Text.of("problem.notice.township.missing"));
        }
      }
      case STATIONS -> {
        for (String s : new LinkedHashSet<>(stationIds == null ? List.of() : stationIds)) {
          if (s == null || s.isBlank()) {
            continue;
          }
          StationPlace place = stations.find(s.strip()).orElse(null);
          if (place == null || !access.canEdit(staff, place)) {
            problems.add("stationIds", Text.of("problem.notice.station.not-yours", s));
          } else {
            listed.add(place.id());
          }
        }
        if (listed.isEmpty() && !problems.has("stationIds")) {
          problems.add("stationIds", Text.of("problem.notice.stations.missing"));
        }
      }
    }
    return new Reach(target, township, listed);
  }

  /** For the audit log: "ALL", "TOWNSHIP t-…" or "STATIONS [s-…]". */
  public String describe() {
    return target
        + (target == Target.STATIONS
            ? " " + stationIds
            : townshipId == null ? "" : " " + townshipId);
  }
}
