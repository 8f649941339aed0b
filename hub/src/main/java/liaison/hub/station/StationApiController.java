package liaison.hub.station;

import io.swagger.v3.oas.annotations.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import liaison.hub.security.Staff;

/**
 * Stations over JSON: list (with search and filters), read, create, change, delete, each with what
 * its screen reports. (The published snapshot is the publisher's API, the public links a resident's
 * page.)
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class StationApiController {
  private final ScreenReports screens;
  private final StationService stations;

  public StationApiController(ScreenReports screens, StationService stations) {
    this.screens = screens;
    this.stations = stations;
  }

  /**
   * A station as the API shows it: what is stored (the fields a POST or PUT sends back), then what
   * its screen reports.
   *
   * @param kind HOME, WORKSTATION, …; {@code kindName} is its Chinese name
   */
  public record StationView(
      String id,
      String name,
      String kind,
      String kindName,
      String townshipId,
      String township,
      String countyId,
      String address,
      String openingHours,
      String signPlate,
      @Nullable Double latitude,
      @Nullable Double longitude,
      String opinionUrl,
      long publishedVersion,
      String presence,
      long shownVersion,
      String reportedAt) {}

  @Get(uri = "/api/stations", produces = MediaType.APPLICATION_JSON)
  public List<StationView> list(
      @Parameter(hidden = true) Staff staff,
      @Nullable @QueryValue String q,
      @Nullable @QueryValue String township,
      @Nullable @QueryValue String kind) {
    return stations.list(staff, new StationService.Filter(q, township, kind)).stream().map(this::view).toList();
  }

  @Get(uri = "/api/stations/{id}", produces = MediaType.APPLICATION_JSON)
  public StationView one(@Parameter(hidden = true) Staff staff, String id) {
    return view(stations.get(staff, id));
  }

  @Post(uri = "/api/stations", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  public HttpResponse<StationView> create(@Parameter(hidden = true) Staff staff, @Body StationDraft draft) {
    return HttpResponse.created(view(stations.create(staff, draft)));
  }

  @Put(uri = "/api/stations/{id}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  public StationView update(@Parameter(hidden = true) Staff staff, String id, @Body StationDraft draft) {
    return view(stations.update(staff, id, draft));
  }

  @Delete(uri = "/api/stations/{id}")
  public HttpResponse<?> delete(@Parameter(hidden = true) Staff staff, String id) {
    stations.delete(staff, id);
    return HttpResponse.noContent();
  }

  private StationView view(StationPlace p) {
    var s = p.station();
    ScreenReports.ScreenReport row = screens.of(p);
    return new StationView(
        s.id(),
        s.name(),
        s.kind().name(),
        s.kind().zh(),
        s.townshipId(),
        p.townshipName(),
        p.countyId(),
        s.address(),
        s.openingHours(),
        s.signPlate(),
        s.latitude(),
        s.longitude(),
        row.opinionUrl(),
        row.publishedVersion(),
        row.presence(),
        row.shownVersion(),
        row.reportedAt());
  }
}
