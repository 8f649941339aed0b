package liaison.hub.admin;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.util.List;
import liaison.hub.fleet.StationOverview;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.web.Frame;

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

  /** admin/home: the stations this person looks after. */
  @Introspected
  public record HomePage(Frame frame, List<StationOverview.Row> stations) {}

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<HomePage> home(HttpRequest<?> request, Staff staff) {
    List<StationOverview.Row> stations =
        access.visibleStations(staff).stream()
            .map(p -> overview.row(p.id()).orElseThrow())
            .toList();
    return new ModelAndView<>("admin/home", new HomePage(Frame.of(request, staff), stations));
  }
}
