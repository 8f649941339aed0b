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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.security.Staff;
import liaison.hub.text.Text;
import liaison.hub.web.ApiAnswers;
import org.jspecify.annotations.Nullable;

/**
 * The deputies' vote on a round's projects (票决) over JSON, for the staff of the round's level: plan
 * the session, print the deputies' codes, open, close. Ballots are never given out: counts only.
 */
@Controller("/api/livelihood/rounds/{id}/vote")
@ApiAnswers.Staff
@ExecuteOn(TaskExecutors.BLOCKING)
public class LivelihoodVoteApiController {
  private static final String PDF = "application/pdf";

  private final LivelihoodVote vote;
  private final VoteSlips slips;

  public LivelihoodVoteApiController(LivelihoodVote vote, VoteSlips slips) {
    this.vote = vote;
    this.slips = slips;
  }

  /**
   * A project's count.
   *
   * @param state SHORTLISTED while the vote runs, ELECTED or NOT_ELECTED after
   * @param overLimit met the rule but the session's limit left it out (a tie at the limit)
   */
  public record ProjectCount(
      String id,
      int position,
      String title,
      String state,
      int votesFor,
      int votesAgainst,
      int votesAbstain,
      boolean overLimit) {}

  /**
   * The round's vote.
   *
   * @param state PLANNED, OPEN or CLOSED
   * @param choices at most this many FOR per ballot
   * @param rule MORE_THAN_HALF_OF_ALL
   * @param deputiesTotal all the congress's deputies
   * @param elects at most this many elected; null for every project meeting the rule
   * @param stationId the station whose screen shows the live tally
   * @param codesIssued codes issued to deputies
   * @param ballots ballots cast
   * @param tallySeq the number of the tally's latest change, as the screen's topic carries it
   * @param ballotUrl the deputies' ballot page
   */
  public record SessionView(
      String id,
      String roundId,
      String title,
      LocalDate heldOn,
      String state,
      int choices,
      String rule,
      int deputiesTotal,
      @Nullable Integer elects,
      @Nullable String stationId,
      int codesIssued,
      int ballots,
      long tallySeq,
      @Nullable OffsetDateTime openedAt,
      @Nullable OffsetDateTime closedAt,
      String ballotUrl,
      List<ProjectCount> projects) {}

  /** The round's vote with its counts (final once CLOSED). */
  @Get(produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "getLivelihoodVote")
  @ApiAnswers.NotFound
  public SessionView get(@Parameter(hidden = true) Staff staff, String id) {
    return view(
        vote.ofRound(staff, id)
            .orElseThrow(() -> new NotFoundProblem(Text.of("problem.livelihood.vote.not-found"))));
  }

  /** Plans the vote of a shortlisted round: the session, the choices, the limit, the screen. */
  @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "planLivelihoodVote")
  @ApiResponse(responseCode = "201", description = ApiAnswers.CREATED, useReturnTypeSchema = true)
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  @ApiAnswers.BadRequest
  @ApiAnswers.Invalid
  public HttpResponse<SessionView> plan(
      @Parameter(hidden = true) Staff staff, String id, @Body LivelihoodVote.Draft draft) {
    return HttpResponse.created(view(vote.plan(staff, id, draft)));
  }

  /**
   * Issues a one-time code to every deputy of the congress who has none and prints their slips,
   * each with the deputy's name (A4 PDF, 8 to a page). The codes are in this PDF only; 409 when
   * every deputy has one.
   */
  @Post(uri = "/codes", produces = PDF)
  @Operation(operationId = "printLivelihoodVoteCodes")
  @ApiResponse(
      responseCode = "200",
      description = "票决码 PDF · The deputies' code slips (A4 PDF)",
      content = @Content(mediaType = PDF, schema = @Schema(type = "string", format = "binary")))
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  public HttpResponse<byte[]> codes(@Parameter(hidden = true) Staff staff, String id) {
    VoteSlips.Printed printed = slips.print(staff, id);
    return HttpResponse.ok(printed.pdf())
        .contentType(PDF)
        .header("Content-Disposition", "attachment; filename=\"" + printed.fileName() + "\"")
        .header("Cache-Control", "no-store");
  }

  /** 开始投票: PLANNED → OPEN, the round to VOTING (409 unless planned). */
  @Post(uri = "/open", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "openLivelihoodVote")
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  public SessionView open(@Parameter(hidden = true) Staff staff, String id) {
    return view(vote.open(staff, sessionOf(staff, id)));
  }

  /** 结束投票: OPEN → CLOSED, counted by the rule, the round DECIDED (409 unless open). */
  @Post(uri = "/close", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "closeLivelihoodVote")
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  public SessionView close(@Parameter(hidden = true) Staff staff, String id) {
    return view(vote.close(staff, sessionOf(staff, id)));
  }

  private String sessionOf(Staff staff, String roundId) {
    return vote.ofRound(staff, roundId)
        .orElseThrow(() -> new NotFoundProblem(Text.of("problem.livelihood.vote.not-found")))
        .session()
        .id();
  }

  private SessionView view(LivelihoodVote.Standing standing) {
    VoteSession s = standing.session();
    List<VoteProject> over = standing.overLimit();
    return new SessionView(
        s.id(),
        s.roundId(),
        s.title(),
        s.heldOn(),
        s.state().name(),
        s.choices(),
        s.rule(),
        s.deputiesTotal(),
        s.elects(),
        s.stationId(),
        s.codesIssued(),
        s.ballots(),
        s.tallySeq(),
        s.openedAt(),
        s.closedAt(),
        vote.ballotUrl(s.id()),
        standing.projects().stream()
            .map(
                p ->
                    new ProjectCount(
                        p.id(),
                        p.position(),
                        p.title(),
                        p.state(),
                        p.votesFor(),
                        p.votesAgainst(),
                        p.votesAbstain(),
                        over.contains(p)))
            .toList());
  }
}
