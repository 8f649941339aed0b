package liaison.hub.admin;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liaison.hub.config.TimeFactory;
import liaison.hub.livelihood.ElectedProject;
import liaison.hub.livelihood.Milestone;
import liaison.hub.livelihood.ProgressReport;
import liaison.hub.livelihood.Ratings;
import liaison.hub.livelihood.Round;
import liaison.hub.livelihood.Rounds;
import liaison.hub.livelihood.Supervision;
import liaison.hub.livelihood.Supervisor;
import liaison.hub.photo.PhotoController;
import liaison.hub.photo.PhotoStore;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.text.Text;
import liaison.hub.web.FormData;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;

/**
 * 民生实事 supervision and evaluation (监督, 测评) for the staff of a round's level: the round's elected
 * projects with the year's ratings (open, close, results), and an elected project's page with its
 * milestones, its department's reports (publishing their photos), its supervising deputies and
 * their notes.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin/livelihood/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class LivelihoodSuperviseAdminController {
  static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final String DONE =
      "milestone|milestone-done|milestone-removed|assigned|unassigned|published|ratings-open"
          + "|ratings-closed";

  private final Rounds rounds;
  private final Supervision supervision;
  private final Ratings ratings;
  private final PhotoStore photos;

  public LivelihoodSuperviseAdminController(
      Rounds rounds, Supervision supervision, Ratings ratings, PhotoStore photos) {
    this.rounds = rounds;
    this.supervision = supervision;
    this.ratings = ratings;
    this.photos = photos;
  }

  /** admin/livelihood-supervise: a round's elected projects and the year's ratings. */
  @Introspected
  public record RoundPage(
      Frame frame,
      Round round,
      boolean mayChange,
      boolean ratingsOpen,
      List<Ratings.Result> results,
      @Nullable String done) {}

  /** A department's report as staff read it, with its photos' addresses. */
  public record ReportRow(
      String id, int percent, String text, String at, List<String> photos, boolean unpublished) {}

  /** A supervising deputy's note as staff read it. */
  public record NoteRow(String deputy, String text, String at) {}

  /** admin/livelihood-project: an elected project under supervision. */
  @Introspected
  public record ProjectPage(
      Frame frame,
      Round round,
      ElectedProject project,
      boolean mayChange,
      List<Milestone> milestones,
      List<ReportRow> reports,
      List<Supervisor> supervisors,
      List<LivelihoodAdminController.Choice> deputies,
      List<NoteRow> notes,
      Map<String, String> typed,
      @Nullable String form,
      Map<String, List<String>> errors,
      Map<String, List<String>> errorsOther,
      @Nullable String done) {}

  @Get(uri = "/supervise", produces = MediaType.TEXT_HTML)
  public ModelAndView<RoundPage> round(
      HttpRequest<?> request, Staff staff, String id, @Nullable @QueryValue String done) {
    Round round = rounds.get(staff, id);
    supervision.elected(staff, id);
    return new ModelAndView<>(
        "admin/livelihood-supervise",
        new RoundPage(
            Frame.of(request, staff),
            round,
            rounds.mayChange(staff, round),
            ratings.isOpen(round),
            ratings.results(id),
            done != null && done.matches(DONE) ? done : null));
  }

  @Post(
      uri = "/ratings/open",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> openRatings(Staff staff, String id) {
    ratings.open(staff, id);
    return HttpResponse.seeOther(roundPage(id, "ratings-open"));
  }

  @Post(
      uri = "/ratings/close",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> closeRatings(Staff staff, String id) {
    ratings.close(staff, id);
    return HttpResponse.seeOther(roundPage(id, "ratings-closed"));
  }

  @Get(uri = "/supervise/{projectId}", produces = MediaType.TEXT_HTML)
  public ModelAndView<ProjectPage> project(
      HttpRequest<?> request,
      Staff staff,
      String id,
      String projectId,
      @Nullable @QueryValue String done) {
    return projectPage(
        request,
        staff,
        id,
        projectId,
        Map.of(),
        null,
        List.of(),
        done != null && done.matches(DONE) ? done : null);
  }

  @Post(
      uri = "/supervise/{projectId}/milestones",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> addMilestone(
      HttpRequest<?> request,
      Staff staff,
      String id,
      String projectId,
      @Body @Nullable String body) {
    FormData form = FormData.parse(body);
    return step(
        request,
        staff,
        id,
        projectId,
        form,
        "milestone",
        "milestone",
        () -> supervision.addMilestone(staff, mine(staff, id, projectId), draft(form)));
  }

  @Post(
      uri = "/supervise/{projectId}/milestones/{milestoneId}",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> editMilestone(
      HttpRequest<?> request,
      Staff staff,
      String id,
      String projectId,
      String milestoneId,
      @Body @Nullable String body) {
    FormData form = FormData.parse(body);
    return step(
        request,
        staff,
        id,
        projectId,
        form,
        "milestone-" + milestoneId,
        "milestone",
        () ->
            supervision.editMilestone(staff, mine(staff, id, projectId), milestoneId, draft(form)));
  }

  @Post(
      uri = "/supervise/{projectId}/milestones/{milestoneId}/done",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> milestoneDone(
      Staff staff, String id, String projectId, String milestoneId) {
    supervision.markDone(staff, mine(staff, id, projectId), milestoneId);
    return HttpResponse.seeOther(projectPage(id, projectId, "milestone-done"));
  }

  @Post(
      uri = "/supervise/{projectId}/milestones/{milestoneId}/remove",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> removeMilestone(
      Staff staff, String id, String projectId, String milestoneId) {
    supervision.removeMilestone(staff, mine(staff, id, projectId), milestoneId);
    return HttpResponse.seeOther(projectPage(id, projectId, "milestone-removed"));
  }

  @Post(
      uri = "/supervise/{projectId}/supervisors",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> assign(
      HttpRequest<?> request,
      Staff staff,
      String id,
      String projectId,
      @Body @Nullable String body) {
    FormData form = FormData.parse(body);
    return step(
        request,
        staff,
        id,
        projectId,
        form,
        "assign",
        "assigned",
        () -> supervision.assign(staff, mine(staff, id, projectId), form.get("deputyId")));
  }

  @Post(
      uri = "/supervise/{projectId}/supervisors/{deputyId}/remove",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> unassign(Staff staff, String id, String projectId, String deputyId) {
    supervision.unassign(staff, mine(staff, id, projectId), deputyId);
    return HttpResponse.seeOther(projectPage(id, projectId, "unassigned"));
  }

  @Post(
      uri = "/supervise/{projectId}/reports/{progressId}/publish",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> publish(Staff staff, String id, String projectId, String progressId) {
    supervision.publishPhotos(staff, mine(staff, id, projectId), progressId);
    return HttpResponse.seeOther(projectPage(id, projectId, "published"));
  }

  /** A progress photo for staff, published or not; kept privately by the browser. */
  @Get(uri = "/supervise/{projectId}/photos/{file}", produces = MediaType.IMAGE_JPEG)
  public HttpResponse<?> photo(
      Staff staff,
      String id,
      String projectId,
      String file,
      @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    String hash = PhotoController.hashOf(file);
    if (!supervision.hasPhoto(mine(staff, id, projectId), hash)) {
      throw new NotFoundProblem(Text.of("problem.livelihood.photo.not-found"));
    }
    return PhotoController.privately(photos, hash, ifNoneMatch);
  }

  /** The project, checked to be the round's in the address: the caller may read it, or 404. */
  private String mine(Staff staff, String id, String projectId) {
    Supervision.Seen seen = supervision.forStaff(staff, projectId);
    if (!seen.round().id().equals(id)) {
      throw new NotFoundProblem(Text.of("problem.livelihood.project.not-found"));
    }
    return projectId;
  }

  private static Supervision.MilestoneDraft draft(FormData form) {
    return new Supervision.MilestoneDraft(form.get("title"), form.get("dueOn"), form.get("doneOn"));
  }

  private HttpResponse<?> step(
      HttpRequest<?> request,
      Staff staff,
      String id,
      String projectId,
      FormData form,
      String which,
      String done,
      Runnable action) {
    try {
      action.run();
      return HttpResponse.seeOther(projectPage(id, projectId, done));
    } catch (ValidationProblem e) {
      Map<String, String> typed = new LinkedHashMap<>();
      for (String name : List.of("title", "dueOn", "doneOn", "deputyId")) {
        String value = form.get(name);
        typed.put(name, value == null ? "" : value);
      }
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(projectPage(request, staff, id, projectId, typed, which, e.errors(), null));
    }
  }

  private static URI roundPage(String id, String done) {
    return URI.create("/admin/livelihood/" + id + "/supervise?done=" + done);
  }

  private static URI projectPage(String id, String projectId, String done) {
    return URI.create("/admin/livelihood/" + id + "/supervise/" + projectId + "?done=" + done);
  }

  private ModelAndView<ProjectPage> projectPage(
      HttpRequest<?> request,
      Staff staff,
      String id,
      String projectId,
      Map<String, String> typed,
      @Nullable String form,
      List<FieldError> errors,
      @Nullable String done) {
    mine(staff, id, projectId);
    Supervision.Seen seen = supervision.forStaff(staff, projectId);
    boolean mayChange = supervision.mayChange(staff, seen);
    String base = "/admin/livelihood/" + id + "/supervise/" + projectId + "/photos/";
    return new ModelAndView<>(
        "admin/livelihood-project",
        new ProjectPage(
            Frame.of(request, staff),
            seen.round(),
            seen.project(),
            mayChange,
            supervision.milestones(projectId),
            supervision.reports(projectId).stream().map(r -> row(r, base)).toList(),
            supervision.supervisors(projectId),
            mayChange
                ? supervision.assignable(seen).stream()
                    .map(d -> new LivelihoodAdminController.Choice(d.deputyId(), d.name()))
                    .toList()
                : List.of(),
            supervision.notes(projectId).stream()
                .map(n -> new NoteRow(n.deputyName(), n.text(), shown(n.at())))
                .toList(),
            typed,
            form,
            FormErrors.byField(Lang.of(request), errors),
            FormErrors.byField(Lang.of(request).other(), errors),
            done));
  }

  private static ReportRow row(ProgressReport r, String base) {
    return new ReportRow(
        r.id(),
        r.percent(),
        r.text(),
        shown(r.reportedAt()),
        r.photos().stream().map(p -> base + p.sha256() + ".jpg").toList(),
        r.photos().stream().anyMatch(p -> !p.published()));
  }

  static String shown(OffsetDateTime at) {
    return SHOWN.format(at.atZoneSameInstant(TimeFactory.ZONE));
  }
}
