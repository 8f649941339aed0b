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
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import liaison.hub.security.Staff;

/** Recurring reception rules over JSON. */
@Controller("/api")
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
          r.id(), r.stationId(), r.kind().name(), r.weekday() == null ? null : r.weekday().getValue(), r.monthDay(),
          r.start().toString(), r.end().toString(), r.theme(), r.location(), r.validFrom().toString(),
          r.validUntil() == null ? null : r.validUntil().toString(), r.deputyIds(),
          r.exceptions().stream().sorted().map(Object::toString).toList(), ReceptionRuleService.describe(r));
    }
  }

  @Get(uri = "/stations/{stationId}/rules", produces = MediaType.APPLICATION_JSON)
  public List<RuleView> list(@Parameter(hidden = true) Staff staff, String stationId) {
    return rules.list(staff, stationId).stream().map(RuleView::of).toList();
  }

  @Get(uri = "/rules/{id}", produces = MediaType.APPLICATION_JSON)
  public RuleView one(@Parameter(hidden = true) Staff staff, String id) {
    return RuleView.of(rules.get(staff, id));
  }

  @Post(uri = "/rules", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  public HttpResponse<RuleView> create(@Parameter(hidden = true) Staff staff, @Body ReceptionRuleDraft draft) {
    return HttpResponse.created(RuleView.of(rules.create(staff, draft)));
  }

  @Put(uri = "/rules/{id}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  public RuleView update(@Parameter(hidden = true) Staff staff, String id, @Body ReceptionRuleDraft draft) {
    return RuleView.of(rules.update(staff, id, draft));
  }

  @Delete(uri = "/rules/{id}")
  public HttpResponse<?> delete(@Parameter(hidden = true) Staff staff, String id) {
    rules.delete(staff, id);
    return HttpResponse.noContent();
  }
}
