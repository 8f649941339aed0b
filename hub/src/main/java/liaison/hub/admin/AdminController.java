package liaison.hub.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.util.Map;
import liaison.hub.station.Access;
import liaison.hub.security.Staff;
import liaison.hub.web.Pages;
import liaison.hub.fleet.StationOverview;

/** The admin's front page: the stations this person looks after, their screens and links. */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminController {
  private final Access access;
  private final StationOverview overview;

  public AdminController(Access access, StationOverview overview) {
    this.access = access;
    this.overview = overview;
  }

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> home(HttpRequest<?> request, Staff staff) {
    Map<String, Object> model = Pages.model(request, staff);
    model.put(
        "stations", access.visibleStations(staff).stream().map(p -> overview.row(p.id()).orElseThrow()).toList());
    return new ModelAndView<>("admin/home", model);
  }
}
