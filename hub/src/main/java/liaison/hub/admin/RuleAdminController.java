package liaison.hub.admin;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import liaison.hub.deputy.Deputy;
import liaison.hub.deputy.DeputyDirectory;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.reception.ReceptionRule;
import liaison.hub.reception.ReceptionRuleDraft;
import liaison.hub.reception.ReceptionRuleService;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.StationPlace;
import liaison.hub.web.FormData;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;
import org.jspecify.annotations.Nullable;

/** The form for recurring receptions ("every Tuesday", "the 15th of each month"). */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin/rules")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RuleAdminController {
  private final ReceptionRuleService rules;
  private final DeputyDirectory deputies;
  private final Access access;
  private final Clock clock;

  public RuleAdminController(
      ReceptionRuleService rules, DeputyDirectory deputies, Access access, Clock clock) {
    this.rules = rules;
    this.deputies = deputies;
    this.access = access;
    this.clock = clock;
  }

  /**
   * admin/rule-form: a new rule ({@code id} null) or one to change, with the messages beside the
   * fields.
   */
  @Introspected
  public record RuleFormPage(
      Frame frame,
      @Nullable String id,
      ReceptionRuleDraft draft,
      List<String> chosen,
      Map<String, List<String>> errors,
      StationPlace place,
      List<Deputy> deputies,
      List<String> weekdays) {}

  @Get(uri = "/new", produces = MediaType.TEXT_HTML)
  public ModelAndView<RuleFormPage> newForm(
      HttpRequest<?> request, Staff staff, @QueryValue String station) {
    access.requireEdit(staff, station);
    ReceptionRuleDraft draft =
        new ReceptionRuleDraft(
            station,
            "WEEKLY",
            "2",
            "15",
            "09:00",
            "11:30",
            "",
            "",
            LocalDate.now(clock).toString(),
            "",
            List.of(),
            "");
    return form(request, staff, null, draft, List.of());
  }

  @Get(uri = "/{id}/edit", produces = MediaType.TEXT_HTML)
  public ModelAndView<RuleFormPage> editForm(HttpRequest<?> request, Staff staff, String id) {
    ReceptionRule r = rules.get(staff, id);
    access.requireEdit(staff, r.stationId());
    ReceptionRuleDraft draft =
        new ReceptionRuleDraft(
            r.stationId(),
            r.kind().name(),
            r.weekday() == null ? "" : String.valueOf(r.weekday().getValue()),
            r.monthDay() == null ? "" : String.valueOf(r.monthDay()),
            r.start().toString(),
            r.end().toString(),
            r.theme(),
            r.location(),
            r.validFrom().toString(),
            r.validUntil() == null ? "" : r.validUntil().toString(),
            r.deputyIds(),
            r.exceptions().stream()
                .sorted()
                .map(Object::toString)
                .collect(Collectors.joining(", ")));
    return form(request, staff, id, draft, List.of());
  }

  @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  public HttpResponse<?> create(HttpRequest<?> request, Staff staff, @Body String body) {
    ReceptionRuleDraft draft = draft(FormData.parse(body));
    try {
      ReceptionRule rule = rules.create(staff, draft);
      return back(rule.stationId(), "created");
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(form(request, staff, null, draft, e.errors()));
    }
  }

  @Post(
      uri = "/{id}",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> update(HttpRequest<?> request, Staff staff, String id, @Body String body) {
    ReceptionRuleDraft draft = draft(FormData.parse(body));
    try {
      ReceptionRule rule = rules.update(staff, id, draft);
      return back(rule.stationId(), "saved");
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(form(request, staff, id, draft, e.errors()));
    }
  }

  @Post(
      uri = "/{id}/delete",
      consumes = {
        MediaType.APPLICATION_FORM_URLENCODED,
        MediaType.MULTIPART_FORM_DATA,
        MediaType.TEXT_PLAIN
      },
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> delete(Staff staff, String id) {
    ReceptionRule rule = rules.get(staff, id);
    rules.delete(staff, id);
    return back(rule.stationId(), "deleted");
  }

  /**
   * The form again with the messages beside the fields. A form that names no station was not sent
   * by this page: it gets the messages on the error page instead.
   */
  private ModelAndView<RuleFormPage> form(
      HttpRequest<?> request,
      Staff staff,
      @Nullable String id,
      ReceptionRuleDraft draft,
      List<FieldError> errors) {
    if ((draft.stationId() == null || draft.stationId().isBlank()) && !errors.isEmpty()) {
      throw new ValidationProblem(errors);
    }
    String stationId = draft.stationId() == null ? "" : draft.stationId();
    Map<String, List<String>> byField = FormErrors.byField(Lang.of(request), errors);
    StationPlace place = access.requireSee(staff, stationId);
    return new ModelAndView<>(
        "admin/rule-form",
        new RuleFormPage(
            Frame.of(request, staff),
            id,
            draft,
            draft.deputyIds() == null ? List.of() : draft.deputyIds(),
            byField,
            place,
            deputies.atStation(staff, stationId),
            List.of("1", "2", "3", "4", "5", "6", "7")));
  }

  private static ReceptionRuleDraft draft(FormData f) {
    return new ReceptionRuleDraft(
        f.get("stationId"),
        f.get("kind"),
        f.get("weekday"),
        f.get("monthDay"),
        f.get("start"),
        f.get("end"),
        f.get("theme"),
        f.get("location"),
        f.get("validFrom"),
        f.get("validUntil"),
        f.all("deputyIds"),
        f.get("exceptions"));
  }

  private static HttpResponse<?> back(String stationId, String done) {
    return HttpResponse.seeOther(
        URI.create("/admin/stations/" + stationId + "/week?done=rule-" + done));
  }
}
