package liaison.hub.dashboard;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liaison.hub.db.Sql;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.StationPlace;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard as a staff member may see it: a county administrator their county, a station
 * manager their stations; a deputy's account none. A township narrows it to that township's
 * stations among them.
 */
@Singleton
public class Dashboard {
  private final Access access;
  private final DashboardFigures figures;
  private final Clock clock;

  public Dashboard(Access access, DashboardFigures figures, Clock clock) {
    this.access = access;
    this.figures = figures;
    this.clock = clock;
  }

  /**
   * What the page shows: the figures and the names behind their keys.
   *
   * @param townships the townships of the stations this person sees, by id, in the stations' order
   * @param stations the stations counted (after the township filter), by id
   */
  public record View(
      DashboardPeriod period,
      @Nullable String townshipId,
      Map<String, String> townships,
      Map<String, StationPlace> stations,
      DashboardFigures.Figures figures) {}

  public LocalDate today() {
    return LocalDate.now(clock.withZone(Sql.ZONE));
  }

  public View view(Staff staff, DashboardPeriod period, @Nullable String township) {
    access.requireEditor(staff);
    List<StationPlace> visible = access.visibleStations(staff);
    Map<String, String> townships = new LinkedHashMap<>();
    visible.forEach(p -> townships.putIfAbsent(p.station().townshipId(), p.townshipName()));
    String chosen = township == null || township.isBlank() ? null : township.strip();
    if (chosen != null && !townships.containsKey(chosen)) {
      throw DashboardPeriod.refused("problem.dashboard.township.unknown");
    }
    Map<String, StationPlace> stations = new LinkedHashMap<>();
    visible.stream()
        .filter(p -> chosen == null || p.station().townshipId().equals(chosen))
        .forEach(p -> stations.put(p.id(), p));
    return new View(
        period, chosen, townships, stations, figures.figures(stations.keySet(), period));
  }
}
