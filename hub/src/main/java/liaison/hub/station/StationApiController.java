package liaison.hub.station;

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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import liaison.hub.security.Staff;
import liaison.hub.web.ApiAnswers;

/**
 * Stations over JSON: list (with search and filters), read, create, change, delete, each with what
 * its screen reports. (The published snapshot is the publisher's API, the public links a resident's
 * page.)
 */
@Controller
@ApiAnswers.Staff
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

  /**
   * The stations the staff member may see, with what each screen reports.
   *
   * @param q text in the id, name, address, sign plate or township
   * @param township a township's id
   * @param kind a station kind (HOME, WORKSTATION, CONTACT_POINT, …); another value answers 400
   *     listing them
   */
  @Get(uri = "/api/stations", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "listStations")
  @ApiAnswers.BadRequest
  public List<StationView> list(
      @Parameter(hidden = true) Staff staff,
      @Nullable @QueryValue String q,
      @Nullable @QueryValue String township,
      @Nullable @QueryValue String kind) {
    return stations.list(staff, new StationService.Filter(q, township, kind)).stream()
        .map(this::view)
        .toList();
  }

  /** One station, with what its screen reports. */
  @Get(uri = "/api/stations/{id}", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "getStation")
  @ApiAnswers.NotFound
  public StationView one(@Parameter(hidden = true) Staff staff, String id) {
    return view(stations.get(staff, id));
  }

  /** Adds a station to the county (county administrators). */
  @Post(
      uri = "/api/stations",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "createStation")
  @ApiResponse(responseCode = "201", description = ApiAnswers.CREATED, useReturnTypeSchema = true)
  @ApiAnswers.BadRequest
  @ApiAnswers.Invalid
  public HttpResponse<StationView> create(
      @Parameter(hidden = true) Staff staff, @Body StationDraft draft) {
    return HttpResponse.created(view(stations.create(staff, draft)));
  }

  /** Changes a station: the whole station is sent, as for a new one. */
  @Put(
      uri = "/api/stations/{id}",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "updateStation")
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Invalid
  public StationView update(
      @Parameter(hidden = true) Staff staff, String id, @Body StationDraft draft) {
    return view(stations.update(staff, id, draft));
  }

  /** Deletes a station (county administrators); refused (422) while it has receptions to come. */
  @Delete(uri = "/api/stations/{id}")
  @Operation(operationId = "deleteStation")
  @ApiResponse(responseCode = "204", description = ApiAnswers.DONE)
  @ApiAnswers.NotFound
  @ApiAnswers.Invalid
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
