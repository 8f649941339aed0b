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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import liaison.hub.livelihood.Project;
import liaison.hub.livelihood.Projects;
import liaison.hub.livelihood.Proposal;
import liaison.hub.livelihood.Round;
import liaison.hub.livelihood.RoundChanges;
import liaison.hub.livelihood.RoundState;
import liaison.hub.livelihood.Rounds;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.text.Text;
import liaison.hub.web.FormData;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;

/**
 * 民生实事 初定 and 审议 for the staff of a round's level: the shortlist page (make projects from accepted
 * proposals, merge duplicates, order, leave out with a reason, publish or withdraw), a project's
 * page (its words, department, cost, timetable), and the page changing a collecting round's dates
 * and categories or cancelling a round. Linked from the round's page.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin/livelihood")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ShortlistAdminController {
  private static final String DONE =
      "made|edited|merged|moved|left-out|taken-back|published|withdrawn|rescheduled|cancelled";

  private final Rounds rounds;
  private final Projects projects;
  private final RoundChanges changes;

  public ShortlistAdminController(Rounds rounds, Projects projects, RoundChanges changes) {
    this.rounds = rounds;
    this.projects = projects;
    this.changes = changes;
  }

  /** A choice of a select or a checkbox. */
  public record Choice(String value, String label) {}

  /** A project as staff read it: cost, timetable and state in words. */
  public record Line(Project project, String cost, String timetable, String state) {}

  /** admin/livelihood-shortlist: the projects, the proposals still to place, the steps. */
  @Introspected
  public record ShortlistPage(
      Frame frame,
      Round round,
      boolean mayChange,
      boolean editable,
      List<Line> projects,
      List<Proposal> unplaced,
      Map<String, String> typed,
      @Nullable String form,
      Map<String, List<String>> errors,
      @Nullable String done) {}

  /** admin/livelihood-shortlist-project: one project's form. */
  @Introspected
  public record ProjectPage(
      Frame frame,
      Round round,
      Line line,
      boolean editable,
      List<Choice> categories,
      List<Choice> departments,
      List<Proposal> unplaced,
      Map<String, String> typed,
      Map<String, List<String>> errors,
      @Nullable String done) {}

  /** admin/livelihood-change: a round's dates and categories, and its cancellation. */
  @Introspected
  public record ChangePage(
      Frame frame,
      Round round,
      boolean mayChange,
      List<Choice> categories,
      Map<String, String> typed,
      List<String> chosen,
      Map<String, List<String>> errors,
      String cancelReason,
      @Nullable String done) {}

  @Get(uri = "/{id}/shortlist", produces = MediaType.TEXT_HTML)
  public ModelAndView<ShortlistPage> shortlist(
      HttpRequest<?> request, Staff staff, String id, @Nullable @QueryValue String done) {
    return shortlistPage(request, staff, id, Map.of(), null, List.of(), done(done));
  }

  @Post(
      uri = "/{id}/projects",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> create(
      HttpRequest<?> request, Staff staff, String id, @Body @Nullable String body) {
    FormData form = FormData.parse(body);
    return onShortlist(
        request,
        staff,
        id,
        form,
        "make",
        () -> projects.create(staff, id, new Projects.Merge(form.all("proposalIds"))),
        "made");
  }

  @Post(
      uri = "/{id}/projects/{projectId}/position",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> move(
      HttpRequest<?> request,
      Staff staff,
      String id,
      String projectId,
      @Body @Nullable String body) {
    FormData form = FormData.parse(body);
    return onShortlist(
        request,
        staff,
        id,
        form,
        "position-" + projectId,
        () -> projects.move(staff, id, projectId, new Projects.Position(form.get("position"))),
        "moved");
  }

  @Post(
      uri = "/{id}/projects/{projectId}/leave-out",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> leaveOut(
      HttpRequest<?> request,
      Staff staff,
      String id,
      String projectId,
      @Body @Nullable String body) {
    FormData form = FormData.parse(body);
    return onShortlist(
        request,
        staff,
        id,
        form,
        "leave-out-" + projectId,
        () -> projects.leaveOut(staff, id, projectId, new Projects.LeaveOut(form.get("reason"))),
        "left-out");
  }

  @Post(uri = "/{id}/projects/{projectId}/take-back", produces = MediaType.TEXT_HTML)
  public HttpResponse<?> takeBack(Staff staff, String id, String projectId) {
    projects.takeBack(staff, id, projectId);
    return seeOther(id, "/shortlist", "taken-back");
  }

  @Post(uri = "/{id}/publish", produces = MediaType.TEXT_HTML)
  public HttpResponse<?> publish(HttpRequest<?> request, Staff staff, String id) {
    return onShortlist(
        request,
        staff,
        id,
        FormData.parse(null),
        "publish",
        () -> projects.publish(staff, id),
        "published");
  }

  @Post(uri = "/{id}/withdraw", produces = MediaType.TEXT_HTML)
  public HttpResponse<?> withdraw(Staff staff, String id) {
    projects.withdraw(staff, id);
    return seeOther(id, "/shortlist", "withdrawn");
  }

  @Get(uri = "/{id}/projects/{projectId}", produces = MediaType.TEXT_HTML)
  public ModelAndView<ProjectPage> project(
      HttpRequest<?> request,
      Staff staff,
      String id,
      String projectId,
      @Nullable @QueryValue String done) {
    return projectPage(request, staff, id, projectId, null, List.of(), done(done));
  }

  @Post(
      uri = "/{id}/projects/{projectId}",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> edit(
      HttpRequest<?> request,
      Staff staff,
      String id,
      String projectId,
      @Body @Nullable String body) {
    FormData form = FormData.parse(body);
    try {
      projects.edit(
          staff,
          id,
          projectId,
          new Projects.Draft(
              form.get("category"),
              form.get("title"),
              form.get("description"),
              form.get("place"),
              form.get("departmentId"),
              form.get("costYuan"),
              form.get("startsOn"),
              form.get("endsOn")));
      return seeOther(id, "/shortlist", "edited");
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(projectPage(request, staff, id, projectId, form, e.errors(), null));
    }
  }

  @Post(
      uri = "/{id}/projects/{projectId}/proposals",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> merge(
      HttpRequest<?> request,
      Staff staff,
      String id,
      String projectId,
      @Body @Nullable String body) {
    FormData form = FormData.parse(body);
    try {
      projects.merge(staff, id, projectId, new Projects.Merge(form.all("proposalIds")));
      return seeOther(id, "/projects/" + projectId, "merged");
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(projectPage(request, staff, id, projectId, null, e.errors(), null));
    }
  }

  @Get(uri = "/{id}/change", produces = MediaType.TEXT_HTML)
  public ModelAndView<ChangePage> change(
      HttpRequest<?> request, Staff staff, String id, @Nullable @QueryValue String done) {
    return changePage(request, staff, id, null, List.of(), done(done));
  }

  @Post(
      uri = "/{id}/schedule",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> reschedule(
      HttpRequest<?> request, Staff staff, String id, @Body @Nullable String body) {
    FormData form = FormData.parse(body);
    try {
      changes.reschedule(
          staff,
          id,
          new RoundChanges.Schedule(
              form.get("opensOn"), form.get("closesOn"), form.all("categories")));
      return seeOther(id, "", "rescheduled");
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(changePage(request, staff, id, form, e.errors(), null));
    }
  }

  @Post(
      uri = "/{id}/cancel",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> cancel(
      HttpRequest<?> request, Staff staff, String id, @Body @Nullable String body) {
    FormData form = FormData.parse(body);
    try {
      changes.cancel(staff, id, new RoundChanges.Cancel(form.get("reason")));
      return seeOther(id, "/change", "cancelled");
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(changePage(request, staff, id, form, e.errors(), null));
    }
  }

  private HttpResponse<?> onShortlist(
      HttpRequest<?> request,
      Staff staff,
      String id,
      FormData form,
      String which,
      Supplier<?> step,
      String done) {
    try {
      step.get();
      return seeOther(id, "/shortlist", done);
    } catch (ValidationProblem e) {
      Map<String, String> typed = new LinkedHashMap<>();
      for (String name : List.of("reason", "position")) {
        String value = form.get(name);
        typed.put(name, value == null ? "" : value);
      }
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(shortlistPage(request, staff, id, typed, which, e.errors(), null));
    }
  }

  private static HttpResponse<?> seeOther(String id, String page, String done) {
    return HttpResponse.seeOther(URI.create("/admin/livelihood/" + id + page + "?done=" + done));
  }

  private static @Nullable String done(@Nullable String done) {
    return done != null && done.matches(DONE) ? done : null;
  }

  private ModelAndView<ShortlistPage> shortlistPage(
      HttpRequest<?> request,
      Staff staff,
      String id,
      Map<String, String> typed,
      @Nullable String form,
      List<FieldError> errors,
      @Nullable String done) {
    Lang lang = Lang.of(request);
    Round round = rounds.get(staff, id);
    boolean mayChange = rounds.mayChange(staff, round);
    return new ModelAndView<>(
        "admin/livelihood-shortlist",
        new ShortlistPage(
            Frame.of(request, staff),
            round,
            mayChange,
            mayChange && editable(round),
            projects.list(staff, id).stream().map(p -> line(lang, p)).toList(),
            projects.unplaced(round),
            typed,
            form,
            FormErrors.byField(lang, errors),
            done));
  }

  private ModelAndView<ProjectPage> projectPage(
      HttpRequest<?> request,
      Staff staff,
      String id,
      String projectId,
      @Nullable FormData form,
      List<FieldError> errors,
      @Nullable String done) {
    Lang lang = Lang.of(request);
    Round round = rounds.get(staff, id);
    Project p = projects.get(staff, id, projectId);
    Map<String, String> typed = new LinkedHashMap<>();
    typed.put("category", p.category().name());
    typed.put("title", p.title());
    typed.put("description", p.description());
    typed.put("place", p.place());
    typed.put("departmentId", p.departmentId() == null ? "" : p.departmentId());
    typed.put("costYuan", p.costYuan() == null ? "" : Long.toString(p.costYuan()));
    typed.put("startsOn", p.startsOn() == null ? "" : p.startsOn().toString());
    typed.put("endsOn", p.endsOn() == null ? "" : p.endsOn().toString());
    if (form != null) {
      typed.replaceAll((name, value) -> form.get(name) == null ? "" : form.get(name));
    }
    return new ModelAndView<>(
        "admin/livelihood-shortlist-project",
        new ProjectPage(
            Frame.of(request, staff),
            round,
            line(lang, p),
            rounds.mayChange(staff, round) && editable(round),
            round.categories().stream()
                .map(c -> new Choice(c.name(), lang.text(c.text())))
                .toList(),
            projects.departments(round).stream().map(d -> new Choice(d.id(), d.name())).toList(),
            projects.unplaced(round),
            typed,
            FormErrors.byField(lang, errors),
            done));
  }

  private ModelAndView<ChangePage> changePage(
      HttpRequest<?> request,
      Staff staff,
      String id,
      @Nullable FormData form,
      List<FieldError> errors,
      @Nullable String done) {
    Lang lang = Lang.of(request);
    Round round = rounds.get(staff, id);
    Map<String, String> typed = new LinkedHashMap<>();
    typed.put("opensOn", round.opensOn().toString());
    typed.put("closesOn", round.closesOn().toString());
    typed.put("reason", "");
    List<String> chosen = round.categories().stream().map(Enum::name).toList();
    if (form != null) {
      typed.replaceAll((name, value) -> form.get(name) == null ? value : form.get(name));
      chosen = form.all("categories");
    }
    return new ModelAndView<>(
        "admin/livelihood-change",
        new ChangePage(
            Frame.of(request, staff),
            round,
            rounds.mayChange(staff, round),
            Rounds.categories().stream()
                .map(c -> new Choice(c.name(), lang.text(c.text())))
                .toList(),
            typed,
            chosen,
            FormErrors.byField(lang, errors),
            changes.cancelReason(round),
            done));
  }

  private static boolean editable(Round round) {
    return round.state() == RoundState.COLLECTING || round.state() == RoundState.REVIEWING;
  }

  static Line line(Lang lang, Project p) {
    Text cost = p.cost();
    Text timetable = p.timetable();
    return new Line(
        p,
        cost == null ? "" : lang.text(cost),
        timetable == null ? "" : lang.text(timetable),
        lang.text(p.state().text()));
  }
}
