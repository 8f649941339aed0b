package liaison.hub.plan;

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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import liaison.hub.security.Staff;
import liaison.hub.web.ApiAnswers;

/** The stations' annual activity plans over JSON: a station's year, one activity, changes. */
@Controller("/api")
@ApiAnswers.Staff
public class PlanApiController {
  private final PlanService plans;
  private final Clock clock;

  public PlanApiController(PlanService plans, Clock clock) {
    this.plans = plans;
    this.clock = clock;
  }

  /**
   * A station's activity plan for a year, earliest first.
   *
   * @param year 2026; this year when absent
   */
  @Get(uri = "/stations/{stationId}/activities", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "listActivities")
  @ApiAnswers.NotFound
  @ApiAnswers.BadRequest
  public List<ActivityView> list(
      @Parameter(hidden = true) Staff staff, String stationId, @Nullable @QueryValue String year) {
    int y = PlanYear.parse(year, LocalDate.now(clock).getYear());
    return plans.views(plans.ofYear(staff, stationId, y));
  }

  /** One planned activity. */
  @Get(uri = "/activities/{id}", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "getActivity")
  @ApiAnswers.NotFound
  public ActivityView one(@Parameter(hidden = true) Staff staff, String id) {
    return plans.views(List.of(plans.get(staff, id))).getFirst();
  }

  /** Adds an activity to a station's plan; the station's screen shows it within seconds. */
  @Post(
      uri = "/activities",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "createActivity")
  @ApiResponse(responseCode = "201", description = ApiAnswers.CREATED, useReturnTypeSchema = true)
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Invalid
  public HttpResponse<ActivityView> create(
      @Parameter(hidden = true) Staff staff, @Body ActivityDraft draft) {
    return HttpResponse.created(plans.views(List.of(plans.create(staff, draft))).getFirst());
  }

  /** Changes an activity: the whole activity is sent, as for a new one. */
  @Put(
      uri = "/activities/{id}",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "updateActivity")
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Invalid
  public ActivityView update(
      @Parameter(hidden = true) Staff staff, String id, @Body ActivityDraft draft) {
    return plans.views(List.of(plans.update(staff, id, draft))).getFirst();
  }

  /** Takes an activity out of its station's plan. */
  @Delete(uri = "/activities/{id}")
  @Operation(operationId = "deleteActivity")
  @ApiResponse(responseCode = "204", description = ApiAnswers.DONE)
  @ApiAnswers.NotFound
  public HttpResponse<?> delete(@Parameter(hidden = true) Staff staff, String id) {
    plans.delete(staff, id);
    return HttpResponse.noContent();
  }
}
