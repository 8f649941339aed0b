package liaison.hub.security;

import jakarta.inject.Singleton;
import java.util.List;
import liaison.hub.problem.ForbiddenProblem;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.station.StationPlace;
import liaison.hub.station.StationRepository;

/**
 * Who may see or change which station: a county administrator everything in their county, a
 * station manager their own stations, a deputy (reading only) the stations they are assigned to.
 */
@Singleton
public class Access {
  private final StationRepository stations;

  public Access(StationRepository stations) {
    this.stations = stations;
  }

  public boolean canSee(Staff staff, StationPlace place) {
    return staff.isCountyAdmin() ? place.countyId().equals(staff.countyId()) : staff.stationIds().contains(place.id());
  }

  public boolean canEdit(Staff staff, StationPlace place) {
    return staff.canEdit() && canSee(staff, place);
  }

  public List<StationPlace> visibleStations(Staff staff) {
    return stations.all().stream().filter(p -> canSee(staff, p)).toList();
  }

  public StationPlace requireSee(Staff staff, String stationId) {
    StationPlace place =
        stations
            .find(stationId)
            .orElseThrow(() -> new NotFoundProblem("没有站点 " + stationId, "no station " + stationId));
    if (!canSee(staff, place)) {
      throw new ForbiddenProblem("您无权查看站点 " + stationId, "you may not see station " + stationId);
    }
    return place;
  }

  public StationPlace requireEdit(Staff staff, String stationId) {
    StationPlace place = requireSee(staff, stationId);
    if (!staff.canEdit()) {
      throw new ForbiddenProblem("代表账号只能查看，不能修改", "a deputy's account can only read");
    }
    return place;
  }

  public void requireCountyAdmin(Staff staff) {
    if (!staff.isCountyAdmin()) {
      throw new ForbiddenProblem("只有县级管理员可以这样做", "only a county administrator may do this");
    }
  }
}
