package liaison.hub.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import liaison.hub.db.Sql;
import liaison.hub.fleet.FleetOverview;
import liaison.hub.security.Access;
import liaison.hub.security.Staff;
import liaison.hub.web.Pages;

/** 设备状态: every station the staff member looks after, alive or not, showing what it should. */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin/fleet")
@ExecuteOn(TaskExecutors.BLOCKING)
public class FleetAdminController {
  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("M-d HH:mm");

  private final FleetOverview fleet;
  private final Access access;

  public FleetAdminController(FleetOverview fleet, Access access) {
    this.fleet = fleet;
    this.access = access;
  }

  /** A row as the page shows it: times in Beijing time, sizes in GB. */
  public record Line(FleetOverview.Row row, String since, String lastSeen, String disk, String cpu, String memory) {}

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> page(HttpRequest<?> request, Staff staff) {
    List<Line> lines =
        fleet.rows(access.visibleStations(staff)).stream()
            .map(
                r ->
                    new Line(
                        r,
                        r.since() == null ? "—" : AT.format(r.since().atZoneSameInstant(Sql.ZONE)),
                        r.lastSeen() == null ? "—" : AT.format(r.lastSeen().atZoneSameInstant(Sql.ZONE)),
                        r.telemetry() == null ? "—" : String.format("%.1f GB", r.telemetry().diskFreeBytes() / 1e9),
                        r.telemetry() == null || r.telemetry().cpuCelsius() == null
                            ? "—"
                            : String.format("%.0f °C", r.telemetry().cpuCelsius()),
                        r.telemetry() == null || r.telemetry().memoryMaxBytes() == 0
                            ? "—"
                            : Math.round(100.0 * r.telemetry().memoryUsedBytes() / r.telemetry().memoryMaxBytes()) + "%"))
            .toList();
    Map<String, Object> model = Pages.model(request, staff);
    model.put("lines", lines);
    model.put("attention", lines.stream().filter(l -> !l.row().alerts().isEmpty()).count());
    return new ModelAndView<>("admin/fleet", model);
  }
}
