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
import java.util.Set;
import liaison.hub.livelihood.ElectedProject;
import liaison.hub.livelihood.Milestone;
import liaison.hub.livelihood.Ratings;
import liaison.hub.livelihood.Supervision;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.web.FormData;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;
import liaison.hub.web.ResidentPages;

/**
 * A deputy's 民生实事 work on their phone (我的履职): the elected projects they were assigned to supervise,
 * each with its progress and their notes, and the year's ratings (年终测评) of their congress's elected
 * projects, once each. A project they do not supervise is refused.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/me/supervise")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DeputyLivelihoodController {
  private static final Set<String> DONE = Set.of("note", "rated");

  private final Supervision supervision;
  private final Ratings ratings;

  public DeputyLivelihoodController(Supervision supervision, Ratings ratings) {
    this.supervision = supervision;
    this.ratings = ratings;
  }

  /** me/livelihood: the projects supervised, the projects to rate. */
  @Introspected
  public record ListPage(
      Frame frame,
      List<ElectedProject> supervised,
      List<Ratings.Rateable> rateable,
      @Nullable String done,
      @Nullable String conflict) {}

  /** A report or a note as the deputy reads it. */
  public record Line(String who, String text, String at) {}

  /** me/livelihood-project: a supervised project, its progress and the notes. */
  @Introspected
  public record ProjectPage(
      Frame frame,
      ElectedProject project,
      List<Milestone> milestones,
      List<Line> reports,
      List<Line> notes,
      String typed,
      ResidentPages.FieldMessages messages,
      @Nullable String done) {}

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<ListPage> list(
      HttpRequest<?> request, Staff staff, @Nullable @QueryValue String done) {
    return listPage(request, staff, done != null && DONE.contains(done) ? done : null, null);
  }

  @Get(uri = "/{projectId}", produces = MediaType.TEXT_HTML)
  public ModelAndView<ProjectPage> show(
      HttpRequest<?> request, Staff staff, String projectId, @Nullable @QueryValue String done) {
    return page(
        request,
        staff,
        projectId,
        "",
        List.of(),
        done != null && DONE.contains(done) ? done : null);
  }

  @Post(
      uri = "/{projectId}/notes",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> note(
      HttpRequest<?> request, Staff staff, String projectId, @Body @Nullable String body) {
    FormData form = FormData.parse(body);
    try {
      supervision.note(staff, projectId, form.get("text"));
      return HttpResponse.seeOther(URI.create("/me/supervise/" + projectId + "?done=note"));
    } catch (ValidationProblem e) {
      String typed = form.get("text");
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(page(request, staff, projectId, typed == null ? "" : typed, e.errors(), null));
    }
  }

  @Post(
      uri = "/{projectId}/rating",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> rate(
      HttpRequest<?> request, Staff staff, String projectId, @Body @Nullable String body) {
    FormData form = FormData.parse(body);
    try {
      ratings.rateAsDeputy(staff, projectId, form.get("choice"));
      return HttpResponse.seeOther(URI.create("/me/supervise?done=rated#rate"));
    } catch (ConflictProblem e) {
      return HttpResponse.status(HttpStatus.CONFLICT)
          .body(listPage(request, staff, null, Lang.of(request).text(e.text())));
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(
              listPage(
                  request,
                  staff,
                  null,
                  String.join(
                      "；", ResidentPages.FieldMessages.of(Lang.of(request), e.errors()).list())));
    }
  }

  private ModelAndView<ListPage> listPage(
      HttpRequest<?> request, Staff staff, @Nullable String done, @Nullable String conflict) {
    return new ModelAndView<>(
        "me/livelihood",
        new ListPage(
            Frame.of(request, staff),
            supervision.supervisedBy(staff),
            ratings.forDeputy(staff),
            done,
            conflict));
  }

  private ModelAndView<ProjectPage> page(
      HttpRequest<?> request,
      Staff staff,
      String projectId,
      String typed,
      List<FieldError> errors,
      @Nullable String done) {
    Supervision.Seen seen = supervision.forSupervisor(staff, projectId);
    String department =
        seen.project().departmentName() == null ? "" : seen.project().departmentName();
    return new ModelAndView<>(
        "me/livelihood-project",
        new ProjectPage(
            Frame.of(request, staff),
            seen.project(),
            supervision.milestones(projectId),
            supervision.reports(projectId).stream()
                .map(
                    r ->
                        new Line(
                            department + " · " + r.percent() + "%",
                            r.text(),
                            LivelihoodSuperviseAdminController.shown(r.reportedAt())))
                .toList(),
            supervision.notes(projectId).stream()
                .map(
                    n ->
                        new Line(
                            n.deputyName(),
                            n.text(),
                            LivelihoodSuperviseAdminController.shown(n.at())))
                .toList(),
            typed,
            ResidentPages.FieldMessages.of(Lang.of(request), errors),
            done));
  }
}
