package liaison.hub.opinion;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import liaison.hub.security.Staff;
import liaison.hub.web.ApiAnswers;
import org.jspecify.annotations.Nullable;

/**
 * A case's place in the reception ledger over JSON: the reception it was received at, and the
 * follow-up calls (回访) staff made.
 */
@Controller("/api/cases")
@ApiAnswers.Staff
@ExecuteOn(TaskExecutors.BLOCKING)
public class CaseFollowUpApiController {
  private final CaseHandling handling;
  private final CaseReceptions receptions;
  private final FollowUps followUps;

  public CaseFollowUpApiController(
      CaseHandling handling, CaseReceptions receptions, FollowUps followUps) {
    this.handling = handling;
    this.receptions = receptions;
    this.followUps = followUps;
  }

  /** A follow-up call: the day, who called, the result's name, the note. */
  public record CallView(String calledOn, String caller, String result, String note) {
    static CallView of(FollowUp f) {
      return new CallView(f.calledOn().toString(), f.caller(), f.result().name(), f.note());
    }
  }

  /** The reception to link the case to; empty or absent clears the link. */
  @Introspected
  public record ReceptionLink(@Nullable String receptionId) {}

  /** The reception a case was received at (null when none). */
  public record ReceptionView(@Nullable String receptionId) {}

  @Get(uri = "/{id}/follow-ups", produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "listFollowUps",
      summary = "回访: the follow-up calls of a case, earliest first")
  @ApiAnswers.NotFound
  public List<CallView> calls(@Parameter(hidden = true) Staff staff, String id) {
    OpinionCase c = handling.get(staff, id).c();
    return followUps.of(c.id()).stream().map(CallView::of).toList();
  }

  @Post(
      uri = "/{id}/follow-ups",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "recordFollowUp",
      summary =
          "回访: records a follow-up call (calledOn yyyy-MM-dd, caller, result REACHED_SATISFIED / REACHED_DISSATISFIED / NOT_REACHED, note) on an answered or closed case; the case's status does not change")
  @ApiResponse(responseCode = "201", description = ApiAnswers.CREATED, useReturnTypeSchema = true)
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Invalid
  public HttpResponse<CallView> record(
      @Parameter(hidden = true) Staff staff, String id, @Body FollowUps.Call body) {
    return HttpResponse.created(CallView.of(followUps.record(staff, id, body)));
  }

  @Put(
      uri = "/{id}/reception",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "linkCaseToReception",
      summary =
          "接待台账: links the case to a reception of its station where it was received, or clears the link")
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Invalid
  public ReceptionView link(
      @Parameter(hidden = true) Staff staff, String id, @Body ReceptionLink body) {
    receptions.link(staff, id, body.receptionId());
    return new ReceptionView(receptions.of(id).map(s -> s.id()).orElse(null));
  }
}
