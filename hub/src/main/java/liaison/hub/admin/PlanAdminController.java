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
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import liaison.hub.deputy.Deputy;
import liaison.hub.deputy.DeputyDirectory;
import liaison.hub.plan.Activity;
import liaison.hub.plan.ActivityDraft;
import liaison.hub.plan.ActivityKind;
import liaison.hub.plan.ActivityView;
import liaison.hub.plan.PlanService;
import liaison.hub.plan.PlanYear;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ForbiddenProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.StationPlace;
import liaison.hub.text.Text;
import liaison.hub.web.FormData;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;

/**
 * A station's annual activity plan (年度活动计划) for its staff: the year's activities with a year
 * switch, and adding, changing and deleting one. The station's deputies read it; what it shows is
 * public (the station's public page and screen).
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PlanAdminController {
  private final PlanService plans;
  private final DeputyDirectory deputies;
  private final Clock clock;

  public PlanAdminController(PlanService plans, DeputyDirectory deputies, Clock clock) {
    this.plans = plans;
    this.deputies = deputies;
    this.clock = clock;
  }

  /** A kind of activity to choose, by name and in the reader's language. */
  public record KindChoice(String name, String label) {}

  /** A year of the year switch; {@code current} is the year shown. */
  public record YearLink(int year, boolean current) {}

  /** admin/plan: a station's activities of a year. */
  @Introspected
  public record PlanPage(
      Frame frame,
      StationPlace place,
      int year,
      List<YearLink> years,
      List<ActivityView> activities,
      boolean canEdit,
      @Nullable String done) {}

  /** admin/plan-form: a new activity ({@code id} null) or one to change, with its messages. */
  @Introspected
  public record PlanFormPage(
      Frame frame,
      @Nullable String id,
      StationPlace place,
      ActivityDraft draft,
      List<String> chosen,
      Map<String, List<String>> errors,
      List<Deputy> deputies,
      List<KindChoice> kinds) {}

  /** admin/plan-delete: the activity to delete. */
  @Introspected
  public record PlanDeletePage(Frame frame, StationPlace place, ActivityView activity) {}

  @Get(uri = "/stations/{stationId}/plan", produces = MediaType.TEXT_HTML)
  public ModelAndView<PlanPage> list(
      HttpRequest<?> request,
      Staff staff,
      String stationId,
      @Nullable @QueryValue String year,
      @Nullable @QueryValue String done) {
    int thisYear = LocalDate.now(clock).getYear();
    int shown = PlanYear.parse(year, thisYear);
    StationPlace place = plans.requireSee(staff, stationId);
    TreeSet<Integer> years = new TreeSet<>(plans.years(stationId));
    years.add(thisYear);
    years.add(thisYear + 1);
    years.add(shown);
    return new ModelAndView<>(
        "admin/plan",
        new PlanPage(
            Frame.of(request, staff),
            place,
            shown,
            years.stream().map(y -> new YearLink(y, y == shown)).toList(),
            plans.views(plans.ofYear(staff, stationId, shown)),
            plans.canEdit(staff, place),
            done != null && List.of("created", "saved", "deleted").contains(done) ? done : null));
  }

  @Get(uri = "/stations/{stationId}/plan/new", produces = MediaType.TEXT_HTML)
  public ModelAndView<PlanFormPage> newForm(HttpRequest<?> request, Staff staff, String stationId) {
    StationPlace place = plans.requireEditStation(staff, stationId);
    ActivityDraft draft =
        new ActivityDraft(
            place.id(), LocalDate.now(clock).toString(), null, null, null, List.of(), null);
    return form(request, staff, null, place, draft, List.of());
  }

  @Get(uri = "/activities/{id}/edit", produces = MediaType.TEXT_HTML)
  public ModelAndView<PlanFormPage> editForm(HttpRequest<?> request, Staff staff, String id) {
    Activity a = plans.requireEdit(staff, id);
    ActivityDraft draft =
        new ActivityDraft(
            a.stationId(),
            a.date().toString(),
            a.kind().name(),
            a.theme(),
            a.place(),
            a.deputyIds(),
            a.notes());
    return form(
        request, staff, id, plans.requireEditStation(staff, a.stationId()), draft, List.of());
  }

  @Post(
      uri = "/activities",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> create(HttpRequest<?> request, Staff staff, @Body String body) {
    return save(request, staff, null, FormData.parse(body));
  }

  @Post(
      uri = "/activities/{id}",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> update(HttpRequest<?> request, Staff staff, String id, @Body String body) {
    plans.requireEdit(staff, id);
    return save(request, staff, id, FormData.parse(body));
  }

  @Get(uri = "/activities/{id}/delete", produces = MediaType.TEXT_HTML)
  public ModelAndView<PlanDeletePage> confirmDelete(
      HttpRequest<?> request, Staff staff, String id) {
    Activity a = plans.requireEdit(staff, id);
    return new ModelAndView<>(
        "admin/plan-delete",
        new PlanDeletePage(
            Frame.of(request, staff),
            plans.requireEditStation(staff, a.stationId()),
            plans.views(List.of(a)).getFirst()));
  }

  @Post(
      uri = "/activities/{id}/delete",
      consumes = {
        MediaType.APPLICATION_FORM_URLENCODED,
        MediaType.MULTIPART_FORM_DATA,
        MediaType.TEXT_PLAIN
      },
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> delete(Staff staff, String id) {
    Activity a = plans.delete(staff, id);
    return HttpResponse.seeOther(planOf(a, "deleted"));
  }

  private HttpResponse<?> save(
      HttpRequest<?> request, Staff staff, @Nullable String id, FormData form) {
    ActivityDraft draft =
        new ActivityDraft(
            form.get("stationId"),
            form.get("date"),
            form.get("kind"),
            form.get("theme"),
            form.get("place"),
            form.all("deputyIds"),
            form.get("notes"));
    try {
      Activity saved = id == null ? plans.create(staff, draft) : plans.update(staff, id, draft);
      return HttpResponse.seeOther(planOf(saved, id == null ? "created" : "saved"));
    } catch (ValidationProblem e) {
      StationPlace place = placeOf(staff, id, draft);
      ActivityDraft shown =
          new ActivityDraft(
              place.id(),
              draft.date(),
              draft.kind(),
              draft.theme(),
              draft.place(),
              draft.deputyIds(),
              draft.notes());
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(form(request, staff, id, place, shown, e.errors()));
    }
  }

  /**
   * The station a refused form comes back for: the activity's, the one the form named, or (a form
   * that named none) the first this person may change.
   */
  private StationPlace placeOf(Staff staff, @Nullable String id, ActivityDraft draft) {
    if (draft.stationId() != null && !draft.stationId().isBlank()) {
      return plans.requireEditStation(staff, draft.stationId().strip());
    }
    if (id != null) {
      return plans.requireEditStation(staff, plans.requireEdit(staff, id).stationId());
    }
    return plans.editableStations(staff).stream()
        .findFirst()
        .orElseThrow(() -> new ForbiddenProblem(Text.of("problem.access.deputy-reads-only")));
  }

  private static URI planOf(Activity a, String done) {
    return URI.create(
        "/admin/stations/" + a.stationId() + "/plan?year=" + a.date().getYear() + "&done=" + done);
  }

  private ModelAndView<PlanFormPage> form(
      HttpRequest<?> request,
      Staff staff,
      @Nullable String id,
      StationPlace place,
      ActivityDraft draft,
      List<FieldError> errors) {
    Lang lang = Lang.of(request);
    return new ModelAndView<>(
        "admin/plan-form",
        new PlanFormPage(
            Frame.of(request, staff),
            id,
            place,
            draft,
            draft.deputyIds() == null ? List.of() : draft.deputyIds(),
            FormErrors.byField(lang, errors),
            deputies.atStation(staff, place.id()),
            Arrays.stream(ActivityKind.values())
                .map(k -> new KindChoice(k.name(), lang.text(k.text())))
                .toList()));
  }
}
