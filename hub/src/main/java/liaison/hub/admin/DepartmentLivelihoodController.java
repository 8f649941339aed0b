package liaison.hub.admin;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.List;
import liaison.hub.department.DepartmentService;
import liaison.hub.livelihood.ElectedProject;
import liaison.hub.livelihood.Milestone;
import liaison.hub.livelihood.Supervision;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;
import liaison.hub.web.ResidentPages;

/**
 * A department's 民生实事 projects on its desk (承办单位), phone first: the elected projects it is
 * responsible for, and a project's page with its milestones, its reports and the form to report
 * progress (percent, words, up to three photos, a milestone done). Another department's project is
 * not found.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/dept/livelihood")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DepartmentLivelihoodController {
  private final Supervision supervision;
  private final DepartmentService departments;

  public DepartmentLivelihoodController(Supervision supervision, DepartmentService departments) {
    this.supervision = supervision;
    this.departments = departments;
  }

  /** dept/livelihood: the department's elected projects. */
  @Introspected
  public record ListPage(Frame frame, String department, List<ElectedProject> projects) {}

  /** A report as the department reads it again. */
  public record ReportRow(int percent, String text, String at, int photos) {}

  /** The form as typed, kept when it comes back with messages. */
  public record Typed(String percent, String text, String milestoneId) {}

  /**
   * dept/livelihood-project: a project, its reports and the report form; after a refused report,
   * each field's message in the reader's language and the other one.
   */
  @Introspected
  public record ProjectPage(
      Frame frame,
      ElectedProject project,
      List<Milestone> milestones,
      List<ReportRow> reports,
      Typed typed,
      ResidentPages.FieldMessages messages,
      boolean reporting,
      int maxPhotos,
      boolean sent) {}

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<ListPage> list(HttpRequest<?> request, Staff staff) {
    return new ModelAndView<>(
        "dept/livelihood",
        new ListPage(
            Frame.of(request, staff), departments.ownName(staff), supervision.ofDepartment(staff)));
  }

  @Get(uri = "/{projectId}", produces = MediaType.TEXT_HTML)
  public ModelAndView<ProjectPage> show(
      HttpRequest<?> request, Staff staff, String projectId, @Nullable @QueryValue String done) {
    return page(request, staff, projectId, new Typed("", "", ""), List.of(), "report".equals(done));
  }

  @Post(
      uri = "/{projectId}/progress",
      consumes = MediaType.MULTIPART_FORM_DATA,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> report(
      HttpRequest<?> request,
      Staff staff,
      String projectId,
      @Nullable @Part("percent") String percent,
      @Nullable @Part("text") String text,
      @Nullable @Part("milestoneId") String milestoneId,
      @Nullable @Part("photo1") CompletedFileUpload photo1,
      @Nullable @Part("photo2") CompletedFileUpload photo2,
      @Nullable @Part("photo3") CompletedFileUpload photo3) {
    try {
      supervision.report(
          staff,
          projectId,
          new Supervision.ReportDraft(
              percent, text, milestoneId, ResidentPages.uploads(photo1, photo2, photo3)));
      return HttpResponse.seeOther(URI.create("/dept/livelihood/" + projectId + "?done=report"));
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(
              page(
                  request,
                  staff,
                  projectId,
                  new Typed(
                      percent == null ? "" : percent,
                      text == null ? "" : text,
                      milestoneId == null ? "" : milestoneId),
                  e.errors(),
                  false));
    }
  }

  private ModelAndView<ProjectPage> page(
      HttpRequest<?> request,
      Staff staff,
      String projectId,
      Typed typed,
      List<FieldError> errors,
      boolean sent) {
    Supervision.Seen seen = supervision.forDepartment(staff, projectId);
    return new ModelAndView<>(
        "dept/livelihood-project",
        new ProjectPage(
            Frame.of(request, staff),
            seen.project(),
            supervision.milestones(projectId),
            supervision.reports(projectId).stream()
                .map(
                    r ->
                        new ReportRow(
                            r.percent(),
                            r.text(),
                            LivelihoodSuperviseAdminController.shown(r.reportedAt()),
                            r.photos().size()))
                .toList(),
            typed,
            ResidentPages.FieldMessages.of(Lang.of(request), errors),
            seen.round().state().name().equals("DECIDED"),
            Supervision.MAX_PHOTOS,
            sent));
  }
}
