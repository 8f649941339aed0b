package liaison.hub.ingest;

import java.util.function.IntFunction;
import liaison.hub.RunningHub;
import liaison.hub.station.PublicTokens;
import liaison.hub.station.Station;
import liaison.hub.station.StationRepository;
import liaison.signage.protocol.StationKind;

/** Many stations in one county and township, in one transaction, for the hub's scale benchmarks. */
final class ScaleStations {
  private ScaleStations() {}

  /**
   * Adds {@code count} workstations with ids from {@code id}, in county {@code c-<key>} and
   * township {@code t-<key>}, named after {@code name} (规模 → 规模县, 规模镇, 规模站0 …).
   */
  static void add(RunningHub hub, String key, String name, int count, IntFunction<String> id) {
    StationRepository stations = hub.bean(StationRepository.class);
    hub.bean(liaison.hub.db.Database.class)
        .useTransaction(
            h -> {
              stations.insertCounty(h, "c-" + key, name + "县");
              stations.insertTownship(h, "t-" + key, "c-" + key, name + "镇");
              for (int s = 0; s < count; s++) {
                stations.insert(
                    h,
                    new Station(
                        id.apply(s),
                        "t-" + key,
                        name + "站" + s,
                        StationKind.WORKSTATION,
                        name + "路" + s + "号",
                        "周一至周五",
                        name + "站" + s,
                        null,
                        null,
                        PublicTokens.next()));
              }
            });
  }
}
