package liaison.hub.livelihood;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import liaison.hub.photo.PhotoController;
import liaison.hub.photo.PhotoStore;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.security.Staff;
import liaison.hub.text.Text;
import liaison.hub.web.ApiAnswers;

/**
 * 初定 and 审议 over JSON, for the staff of the round's level (docs/LIVELIHOOD.md): projects made from
 * accepted proposals, edited, ordered, left out with a reason; the shortlist published and
 * withdrawn; a collecting round's dates and categories changed; a round cancelled before its vote;
 * a proposal's photos for staff.
 */
@Controller("/api/livelihood/rounds")
@ApiAnswers.Staff
@ExecuteOn(TaskExecutors.BLOCKING)
public class ShortlistApiController {
  private final Projects projects;
  private final RoundChanges changes;
  private final PhotoStore photos;

  public ShortlistApiController(Projects projects, RoundChanges changes, PhotoStore photos) {
    this.projects = projects;
    this.changes = changes;
    this.photos = photos;
  }

  /**
   * A project.
   *
   * @param position its place on the shortlist and the ballot, from 1
   * @param state DRAFT, SHORTLISTED, LEFT_OUT, ELECTED or NOT_ELECTED
   * @param costYuan the estimate in whole yuan; null until estimated
   * @param startsOn the timetable's first month, YYYY-MM; null until set
   * @param endsOn its last month, YYYY-MM
   * @param leftOutReason why it was left out (public); empty unless LEFT_OUT
   * @param proposals the proposals it was made from
   */
  public record ProjectView(
      String id,
      int position,
      String state,
      String category,
      String title,
      String description,
      String place,
      @Nullable String departmentId,
      @Nullable String departmentName,
      @Nullable Long costYuan,
      @Nullable String startsOn,
      @Nullable String endsOn,
      String leftOutReason,
      List<ProposalTitle> proposals) {}

  /** A proposal a project came from, by its public title. */
  public record ProposalTitle(String id, String title) {}

  /**
   * A round's state after a step of this stage.
   *
   * @param state COLLECTING, REVIEWING, SHORTLISTED, VOTING, DECIDED, EVALUATED or CANCELLED
   */
  public record RoundStateView(
      String id, String state, String opensOn, String closesOn, List<String> categories) {}

  @Get(uri = "/{id}/projects", produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "listLivelihoodProjects",
      summary = "初定: a round's projects in shortlist order, left-out ones with their reasons")
  @ApiAnswers.NotFound
  public List<ProjectView> list(@Parameter(hidden = true) Staff staff, String id) {
    return projects.list(staff, id).stream().map(ShortlistApiController::view).toList();
  }

  @Post(
      uri = "/{id}/projects",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "makeLivelihoodProject",
      summary = "A project from accepted proposals: one, or several duplicates merged")
  @ApiResponse(responseCode = "201", description = ApiAnswers.CREATED, useReturnTypeSchema = true)
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  @ApiAnswers.BadRequest
  @ApiAnswers.Invalid
  public HttpResponse<ProjectView> create(
      @Parameter(hidden = true) Staff staff, String id, @Body Projects.Merge merge) {
    return HttpResponse.created(view(projects.create(staff, id, merge)));
  }

  @Post(
      uri = "/{id}/projects/{projectId}",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "editLivelihoodProject",
      summary = "A project's words, responsible department, cost estimate and timetable")
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  @ApiAnswers.BadRequest
  @ApiAnswers.Invalid
  public ProjectView edit(
      @Parameter(hidden = true) Staff staff,
      String id,
      String projectId,
      @Body Projects.Draft draft) {
    return view(projects.edit(staff, id, projectId, draft));
  }

  @Post(
      uri = "/{id}/projects/{projectId}/proposals",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "mergeLivelihoodProposals",
      summary = "More duplicate proposals merged into a project")
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  @ApiAnswers.BadRequest
  @ApiAnswers.Invalid
  public ProjectView merge(
      @Parameter(hidden = true) Staff staff,
      String id,
      String projectId,
      @Body Projects.Merge merge) {
    return view(projects.merge(staff, id, projectId, merge));
  }

  @Post(
      uri = "/{id}/projects/{projectId}/position",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "moveLivelihoodProject",
      summary = "A project put at a place of the shortlist, the others keeping their order")
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  @ApiAnswers.BadRequest
  @ApiAnswers.Invalid
  public ProjectView move(
      @Parameter(hidden = true) Staff staff,
      String id,
      String projectId,
      @Body Projects.Position position) {
    return view(projects.move(staff, id, projectId, position));
  }

  @Post(
      uri = "/{id}/projects/{projectId}/leave-out",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "leaveOutLivelihoodProject",
      summary = "不列入: a project left out of the shortlist with a public reason")
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  @ApiAnswers.BadRequest
  @ApiAnswers.Invalid
  public ProjectView leaveOut(
      @Parameter(hidden = true) Staff staff,
      String id,
      String projectId,
      @Body Projects.LeaveOut leaveOut) {
    return view(projects.leaveOut(staff, id, projectId, leaveOut));
  }

  @Post(uri = "/{id}/projects/{projectId}/take-back", produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "takeBackLivelihoodProject",
      summary = "A project left out taken back in (409 unless left out)")
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  public ProjectView takeBack(@Parameter(hidden = true) Staff staff, String id, String projectId) {
    return view(projects.takeBack(staff, id, projectId));
  }

  @Post(uri = "/{id}/publish", produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "publishLivelihoodShortlist",
      summary =
          "公布候选项目: REVIEWING → SHORTLISTED; refused naming each project's missing department,"
              + " cost or timetable")
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  @ApiAnswers.Invalid
  public RoundStateView publish(@Parameter(hidden = true) Staff staff, String id) {
    return view(projects.publish(staff, id));
  }

  @Post(uri = "/{id}/withdraw", produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "withdrawLivelihoodShortlist",
      summary = "撤回公布: SHORTLISTED → REVIEWING before the vote opens, projects editable again")
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  public RoundStateView withdraw(@Parameter(hidden = true) Staff staff, String id) {
    return view(projects.withdraw(staff, id));
  }

  @Post(
      uri = "/{id}/schedule",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "rescheduleLivelihoodRound",
      summary = "A collecting round's dates and categories changed")
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  @ApiAnswers.BadRequest
  @ApiAnswers.Invalid
  public RoundStateView reschedule(
      @Parameter(hidden = true) Staff staff, String id, @Body RoundChanges.Schedule schedule) {
    return view(changes.reschedule(staff, id, schedule));
  }

  @Post(
      uri = "/{id}/cancel",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "cancelLivelihoodRound",
      summary = "取消: a round ended before its vote, with a reason; gone from the public page")
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  @ApiAnswers.BadRequest
  @ApiAnswers.Invalid
  public RoundStateView cancel(
      @Parameter(hidden = true) Staff staff, String id, @Body RoundChanges.Cancel cancel) {
    return view(changes.cancel(staff, id, cancel));
  }

  /** A photo a resident sent with a proposal, for staff who may read the round; never public. */
  @Get(uri = "/{id}/proposals/{proposalId}/photos/{file}", produces = MediaType.IMAGE_JPEG)
  @Operation(operationId = "getLivelihoodProposalPhoto")
  @ApiAnswers.Photo
  @ApiAnswers.NotFound
  public HttpResponse<?> photo(
      @Parameter(hidden = true) Staff staff,
      String id,
      String proposalId,
      String file,
      @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    String hash = PhotoController.hashOf(file);
    if (!changes.hasPhoto(staff, id, proposalId, hash)) {
      throw new NotFoundProblem(Text.of("problem.livelihood.proposal.photo.not-found"));
    }
    return PhotoController.privately(photos, hash, ifNoneMatch);
  }

  private RoundStateView view(Round r) {
    return new RoundStateView(
        r.id(),
        r.state().name(),
        r.opensOn().toString(),
        r.closesOn().toString(),
        r.categories().stream().map(Enum::name).toList());
  }

  static ProjectView view(Project p) {
    return new ProjectView(
        p.id(),
        p.position(),
        p.state().name(),
        p.category().name(),
        p.title(),
        p.description(),
        p.place(),
        p.departmentId(),
        p.departmentName(),
        p.costYuan(),
        p.startsOn() == null ? null : p.startsOn().toString(),
        p.endsOn() == null ? null : p.endsOn().toString(),
        p.leftOutReason(),
        p.proposals().stream().map(r -> new ProposalTitle(r.id(), r.title())).toList());
  }
}
