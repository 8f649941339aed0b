package liaison.hub.livelihood;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import liaison.hub.opinion.Category;
import liaison.hub.security.Staff;
import liaison.hub.web.ApiAnswers;
import org.jspecify.annotations.Nullable;

/**
 * Livelihood projects' collection (征集) over JSON, for the staff of the round's level: the county's
 * administrators for the county's rounds, and with them the managers of a township's stations for
 * the township's (docs/LIVELIHOOD.md). No contact is ever kept, so none is given out.
 */
@Controller("/api/livelihood/rounds")
@ApiAnswers.Staff
@ExecuteOn(TaskExecutors.BLOCKING)
public class LivelihoodApiController {
  private final Rounds rounds;
  private final Proposals proposals;

  public LivelihoodApiController(Rounds rounds, Proposals proposals) {
    this.rounds = rounds;
    this.proposals = proposals;
  }

  /**
   * A round.
   *
   * @param townshipId null for the county's round
   * @param state COLLECTING, REVIEWING, SHORTLISTED, VOTING, DECIDED, EVALUATED or CANCELLED
   * @param categories the opinion categories it asks for
   * @param collectingToday residents may propose today
   * @param mayChange the caller may enter and decide proposals
   */
  public record RoundView(
      String id,
      @Nullable String townshipId,
      @Nullable String townshipName,
      int year,
      String title,
      LocalDate opensOn,
      LocalDate closesOn,
      String state,
      List<String> categories,
      boolean collectingToday,
      boolean mayChange) {}

  /**
   * A proposal.
   *
   * @param source RESIDENT, RECEPTION, DEPUTY or OPINION
   * @param status SUBMITTED, ACCEPTED or SET_ASIDE
   * @param photos how many photos the resident sent
   */
  public record ProposalView(
      String id,
      String source,
      @Nullable String stationId,
      @Nullable String deputyId,
      @Nullable String opinionCaseId,
      String category,
      String title,
      String description,
      String place,
      String status,
      String statusNote,
      OffsetDateTime submittedAt,
      @Nullable OffsetDateTime decidedAt,
      int photos) {}

  /** A round with its proposals. */
  public record RoundDetail(RoundView round, List<ProposalView> proposals) {}

  /** The rounds of the caller's county they may read. */
  @Get(produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "listLivelihoodRounds")
  public List<RoundView> list(@Parameter(hidden = true) Staff staff) {
    return rounds.list(staff).stream().map(r -> view(staff, r)).toList();
  }

  /** Opens a collection round (the county's when townshipId is empty). */
  @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "openLivelihoodRound")
  @ApiResponse(responseCode = "201", description = ApiAnswers.CREATED, useReturnTypeSchema = true)
  @ApiAnswers.BadRequest
  @ApiAnswers.Invalid
  public HttpResponse<RoundView> open(
      @Parameter(hidden = true) Staff staff, @Body Rounds.Draft draft) {
    return HttpResponse.created(view(staff, rounds.open(staff, draft)));
  }

  /** A round with every proposal (residents' not yet accepted included). */
  @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "getLivelihoodRound")
  @ApiAnswers.NotFound
  public RoundDetail one(@Parameter(hidden = true) Staff staff, String id) {
    Round round = rounds.get(staff, id);
    return new RoundDetail(
        view(staff, round),
        proposals.list(staff, id).stream().map(LivelihoodApiController::view).toList());
  }

  /** 征集结束: the round stops collecting and goes to review (409 unless collecting). */
  @Post(uri = "/{id}/close", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "closeLivelihoodCollection")
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  public RoundView close(@Parameter(hidden = true) Staff staff, String id) {
    return view(staff, rounds.closeCollection(staff, id));
  }

  /** Staff write down a proposal from a reception (RECEPTION) or a deputy (DEPUTY). */
  @Post(
      uri = "/{id}/proposals",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "enterLivelihoodProposal")
  @ApiResponse(responseCode = "201", description = ApiAnswers.CREATED, useReturnTypeSchema = true)
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  @ApiAnswers.BadRequest
  @ApiAnswers.Invalid
  public HttpResponse<ProposalView> enter(
      @Parameter(hidden = true) Staff staff, String id, @Body Proposals.StaffDraft draft) {
    return HttpResponse.created(view(proposals.enter(staff, id, draft)));
  }

  /** An opinion (by its case's id) made a proposal; its contact stays with the case. */
  @Post(
      uri = "/{id}/opinions",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "proposeLivelihoodFromOpinion")
  @ApiResponse(responseCode = "201", description = ApiAnswers.CREATED, useReturnTypeSchema = true)
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  @ApiAnswers.BadRequest
  @ApiAnswers.Invalid
  public HttpResponse<ProposalView> fromOpinion(
      @Parameter(hidden = true) Staff staff, String id, @Body Proposals.FromOpinion draft) {
    return HttpResponse.created(view(proposals.fromOpinion(staff, id, draft)));
  }

  /** 采纳 (ACCEPT: public from now) or 暂不采纳 (SET_ASIDE, with a note). */
  @Post(
      uri = "/{id}/proposals/{proposalId}/decision",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "decideLivelihoodProposal")
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  @ApiAnswers.BadRequest
  @ApiAnswers.Invalid
  public ProposalView decide(
      @Parameter(hidden = true) Staff staff,
      String id,
      String proposalId,
      @Body Proposals.Decision decision) {
    return view(proposals.decide(staff, id, proposalId, decision));
  }

  private RoundView view(Staff staff, Round r) {
    return new RoundView(
        r.id(),
        r.townshipId(),
        r.townshipName(),
        r.year(),
        r.title(),
        r.opensOn(),
        r.closesOn(),
        r.state().name(),
        r.categories().stream().map(Category::name).toList(),
        rounds.collectsToday(r),
        rounds.mayChange(staff, r));
  }

  static ProposalView view(Proposal p) {
    return new ProposalView(
        p.id(),
        p.source().name(),
        p.stationId(),
        p.deputyId(),
        p.opinionCaseId(),
        p.category().name(),
        p.title(),
        p.description(),
        p.place(),
        p.status().name(),
        p.statusNote(),
        p.submittedAt(),
        p.decidedAt(),
        p.photos().size());
  }
}
