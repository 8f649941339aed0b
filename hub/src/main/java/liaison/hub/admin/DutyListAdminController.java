package liaison.hub.admin;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
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
import java.util.List;
import java.util.Map;
import liaison.hub.dutyrecord.DutyAspect;
import liaison.hub.dutyrecord.DutyList;
import liaison.hub.problem.BadRequestProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.text.Text;
import liaison.hub.web.FormData;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;

/**
 * The county's duty list (履职清单) for its administrators: rename, describe, reorder and retire the
 * aspects deputies' records are laid out in, and add their own.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin/duty-record/aspects")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DutyListAdminController {
  private final DutyList list;

  public DutyListAdminController(DutyList list) {
    this.list = list;
  }

  /**
   * An aspect as the page shows it.
   *
   * @param state active, or retired from which year on, in the reader's language
   */
  public record ShownAspect(
      String id,
      int position,
      String nameZh,
      String nameEn,
      String description,
      String source,
      boolean manual,
      boolean active,
      String state,
      boolean first,
      boolean last) {}

  /**
   * admin/duty-aspects: the list; the aspect whose form came back with problems ({@code editing},
   * "new" for the form that adds one), the messages and what was typed.
   */
  @Introspected
  public record AspectsPage(
      Frame frame,
      List<ShownAspect> aspects,
      String editing,
      Map<String, List<String>> errors,
      String nameZhValue,
      String nameEnValue,
      String descriptionValue,
      boolean saved) {}

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<AspectsPage> page(
      HttpRequest<?> request, Staff staff, @Nullable @QueryValue String done) {
    return view(request, staff, "", Map.of(), new DutyList.Draft("", "", ""), "saved".equals(done));
  }

  @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  public HttpResponse<?> add(HttpRequest<?> request, Staff staff, @Nullable @Body String body) {
    list.forEditing(staff);
    DutyList.Draft draft = draft(FormData.parse(body));
    try {
      DutyAspect added = list.add(staff, draft);
      return saved(added);
    } catch (ValidationProblem problem) {
      return invalid(request, staff, "new", problem, draft);
    }
  }

  @Post(
      uri = "/{aspectId}",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> change(
      HttpRequest<?> request, Staff staff, String aspectId, @Nullable @Body String body) {
    list.find(staff, aspectId);
    FormData form = FormData.parse(body);
    String step = form.get("step");
    if (step != null && !step.isBlank()) {
      DutyList.Step chosen;
      try {
        chosen = DutyList.Step.valueOf(step.strip());
      } catch (IllegalArgumentException e) {
        throw BadRequestProblem.unknownChoice(
            "step", step, java.util.Arrays.stream(DutyList.Step.values()).map(Enum::name).toList());
      }
      return saved(list.step(staff, aspectId, chosen));
    }
    DutyList.Draft draft = draft(form);
    try {
      return saved(list.change(staff, aspectId, draft));
    } catch (ValidationProblem problem) {
      return invalid(request, staff, aspectId, problem, draft);
    }
  }

  private static HttpResponse<?> saved(DutyAspect aspect) {
    return HttpResponse.seeOther(
        URI.create("/admin/duty-record/aspects?done=saved#aspect-" + aspect.position()));
  }

  private HttpResponse<?> invalid(
      HttpRequest<?> request,
      Staff staff,
      String editing,
      ValidationProblem problem,
      DutyList.Draft draft) {
    return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
        .body(
            view(
                request,
                staff,
                editing,
                FormErrors.byField(Lang.of(request), problem.errors()),
                draft,
                false));
  }

  private static DutyList.Draft draft(FormData form) {
    return new DutyList.Draft(form.get("nameZh"), form.get("nameEn"), form.get("description"));
  }

  private ModelAndView<AspectsPage> view(
      HttpRequest<?> request,
      Staff staff,
      String editing,
      Map<String, List<String>> errors,
      DutyList.Draft typed,
      boolean saved) {
    Lang lang = Lang.of(request);
    List<DutyAspect> aspects = list.forEditing(staff);
    List<ShownAspect> shown =
        aspects.stream()
            .map(
                a ->
                    new ShownAspect(
                        a.id(),
                        a.position(),
                        a.nameZh(),
                        a.nameEn(),
                        a.description(),
                        lang.text(a.source().text()),
                        a.source() == liaison.hub.dutyrecord.AspectSource.MANUAL,
                        a.active(),
                        lang.text(
                            a.active()
                                ? Text.of("duty-aspects.active")
                                : Text.of("duty-aspects.retired", String.valueOf(a.retiredFrom()))),
                        a.equals(aspects.getFirst()),
                        a.equals(aspects.getLast())))
            .toList();
    return new ModelAndView<>(
        "admin/duty-aspects",
        new AspectsPage(
            Frame.of(request, staff),
            shown,
            editing,
            errors,
            DutyRecordAdminController.orEmpty(typed.nameZh()),
            DutyRecordAdminController.orEmpty(typed.nameEn()),
            DutyRecordAdminController.orEmpty(typed.description()),
            saved));
  }
}
