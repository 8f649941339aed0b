package liaison.hub.reception;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import liaison.hub.security.Staff;
import liaison.hub.web.ApiAnswers;

/** Recurring reception rules over JSON. */
@Controller("/api")
@ApiAnswers.Staff
public class ReceptionRuleApiController {
  private final ReceptionRuleService rules;

  public ReceptionRuleApiController(ReceptionRuleService rules) {
    this.rules = rules;
  }

  /** A rule as the API shows it. */
  public record RuleView(
      String id,
      String stationId,
      String kind,
      @Nullable Integer weekday,
      @Nullable Integer monthDay,
      String start,
      String end,
      @Nullable String theme,
      String location,
      String validFrom,
      @Nullable String validUntil,
      List<String> deputyIds,
      List<String> exceptions,
      String summary) {
    static RuleView of(ReceptionRule r) {
      return new RuleView(
          r.id(),
          r.stationId(),
          r.kind().name(),
          r.weekday() == null ? null : r.weekday().getValue(),
          r.monthDay(),
          r.start().toString(),
          r.end().toString(),
          r.theme(),
          r.location(),
          r.validFrom().toString(),
          r.validUntil() == null ? null : r.validUntil().toString(),
          r.deputyIds(),
          r.exceptions().stream().sorted().map(Object::toString).toList(),
          ReceptionRuleService.describe(r));
    }
  }

  /** A station's recurring reception rules. */
  @Get(uri = "/stations/{stationId}/rules", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "listReceptionRules")
  @ApiAnswers.NotFound
  public List<RuleView> list(@Parameter(hidden = true) Staff staff, String stationId) {
    return rules.list(staff, stationId).stream().map(RuleView::of).toList();
  }

  /** One recurring reception rule. */
  @Get(uri = "/rules/{id}", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "getReceptionRule")
  @ApiAnswers.NotFound
  public RuleView one(@Parameter(hidden = true) Staff staff, String id) {
    return RuleView.of(rules.get(staff, id));
  }

  /**
   * Adds a recurring rule ("every Tuesday", "the 15th of each month"); it fills the coming four
   * weeks with planned receptions.
   */
  @Post(
      uri = "/rules",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "createReceptionRule")
  @ApiResponse(responseCode = "201", description = ApiAnswers.CREATED, useReturnTypeSchema = true)
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Invalid
  public HttpResponse<RuleView> create(
      @Parameter(hidden = true) Staff staff, @Body ReceptionRuleDraft draft) {
    return HttpResponse.created(RuleView.of(rules.create(staff, draft)));
  }

  /** Changes a rule; only its still-planned receptions are made again. */
  @Put(
      uri = "/rules/{id}",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "updateReceptionRule")
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Invalid
  public RuleView update(
      @Parameter(hidden = true) Staff staff, String id, @Body ReceptionRuleDraft draft) {
    return RuleView.of(rules.update(staff, id, draft));
  }

  /**
   * Deletes a rule with its still-planned receptions from today on; those already announced, held
   * or cancelled stay.
   */
  @Delete(uri = "/rules/{id}")
  @Operation(operationId = "deleteReceptionRule")
  @ApiResponse(responseCode = "204", description = ApiAnswers.DONE)
  @ApiAnswers.NotFound
  public HttpResponse<?> delete(@Parameter(hidden = true) Staff staff, String id) {
    rules.delete(staff, id);
    return HttpResponse.noContent();
  }
}
