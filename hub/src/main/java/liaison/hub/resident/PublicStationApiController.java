package liaison.hub.resident;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import liaison.hub.fleet.StationOverview;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.text.Text;
import liaison.hub.web.ApiAnswers;

/** The public station JSON: what anyone may know of a station, without signing in. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class PublicStationApiController {
  private final StationOverview overview;

  public PublicStationApiController(StationOverview overview) {
    this.overview = overview;
  }

  /** What anyone may know: the name and the residents' QR links (they are printed on posters). */
  @Get(uri = "/api/public/stations/{id}", produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "getPublicStation",
      security = {})
  @ApiAnswers.NotFound
  public Map<String, String> publicLinks(String id) {
    StationOverview.Row row =
        overview
            .row(id)
            .orElseThrow(() -> new NotFoundProblem(Text.of("problem.station.not-found", id)));
    return Map.of("id", row.id(), "name", row.name(), "opinionUrl", row.opinionUrl());
  }
}
