package liaison.hub;

import java.time.Clock;
import java.util.List;
import liaison.hub.db.Database;
import liaison.hub.deputy.Deputy;
import liaison.hub.deputy.DeputyRepository;
import liaison.hub.station.PublicTokens;
import liaison.hub.station.Station;
import liaison.hub.station.StationRepository;
import liaison.signage.protocol.DeputyLevel;
import liaison.signage.protocol.StationKind;

/**
 * The smallest county a repository test needs: 青溪县 ({@code c-1}) with one township ({@code t-1}),
 * the stations named ("站 s-001") and the deputies named ("代表d-1"), none assigned anywhere.
 */
public final class SmallCounty {
  private SmallCounty() {}

  public static void store(
      Database database, Clock clock, List<String> stationIds, List<String> deputyIds) {
    StationRepository stations = new StationRepository(database, clock);
    DeputyRepository deputies = new DeputyRepository(database, clock);
    database.useTransaction(
        h -> {
          stations.insertCounty(h, "c-1", "青溪县");
          stations.insertTownship(h, "t-1", "c-1", "城关镇");
          for (String id : stationIds) {
            stations.insert(
                h,
                new Station(
                    id,
                    "t-1",
                    "站 " + id,
                    StationKind.HOME,
                    "地址",
                    "周一至周五",
                    "站",
                    null,
                    null,
                    PublicTokens.next()));
          }
          for (String id : deputyIds) {
            deputies.insert(
                h,
                "c-1",
                new Deputy(
                    id,
                    "代表" + id,
                    List.of(DeputyLevel.COUNTY),
                    "第一选区",
                    "",
                    "",
                    List.of(),
                    null,
                    null,
                    false));
          }
        });
  }
}
