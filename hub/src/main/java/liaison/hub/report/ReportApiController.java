package liaison.hub.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.OffsetDateTime;
import java.util.List;
import liaison.hub.security.Staff;
import liaison.hub.web.ApiAnswers;

/**
 * Reports to voters (述职评议) over JSON, for the county's administrators and the station's managers:
 * the schedule, the vote's steps, its counts, and ballot slips as a PDF. The ballots themselves are
 * never given out; the voters' words only on the staff's result page.
 */
@Controller("/api/reports")
@ApiAnswers.Staff
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReportApiController {
  private static final String PDF = "application/pdf";

  private final ReportSchedule schedule;
  private final BallotPrints prints;
  private final ReportVote vote;

  public ReportApiController(ReportSchedule schedule, BallotPrints prints, ReportVote vote) {
    this.schedule = schedule;
    this.prints = prints;
    this.vote = vote;
  }

  /**
   * A report with its vote's counts (final once CLOSED).
   *
   * @param status SCHEDULED, OPEN, CLOSED or CANCELLED
   * @param tallySeq the number of the tally's latest change, as the stations' tally topic carries
   *     it
   * @param voteUrl the voters' ballot page
   */
  public record ReportView(
      String id,
      String deputyId,
      String deputyName,
      String stationId,
      String stationName,
      OffsetDateTime startsAt,
      OffsetDateTime endsAt,
      String title,
      String status,
      @Nullable OffsetDateTime closedAt,
      int satisfied,
      int basicallySatisfied,
      int dissatisfied,
      int ballots,
      long tallySeq,
      int codesIssued,
      String voteUrl) {}

  /** The reports at the stations the caller manages (the county's, for its administrator). */
  @Get(produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "listReports")
  public List<ReportView> list(@Parameter(hidden = true) Staff staff) {
    return schedule.list(staff).stream().map(this::view).toList();
  }

  /** One report with its counts so far. */
  @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "getReport")
  @ApiAnswers.NotFound
  public ReportView one(@Parameter(hidden = true) Staff staff, String id) {
    return view(schedule.get(staff, id));
  }

  /** Schedules a report: date YYYY-MM-DD, start and end HH:MM in Asia/Shanghai. */
  @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "scheduleReport")
  @ApiResponse(responseCode = "201", description = ApiAnswers.CREATED, useReturnTypeSchema = true)
  @ApiAnswers.BadRequest
  @ApiAnswers.Invalid
  public HttpResponse<ReportView> create(
      @Parameter(hidden = true) Staff staff, @Body ReportSchedule.Draft draft) {
    VoterReport made = schedule.schedule(staff, draft);
    return HttpResponse.created(view(schedule.get(staff, made.id())));
  }

  /** 开始评议: opens the vote now (409 unless it is on the schedule). */
  @Post(uri = "/{id}/open", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "openReportVote")
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  public ReportView open(@Parameter(hidden = true) Staff staff, String id) {
    schedule.open(staff, id);
    return view(schedule.get(staff, id));
  }

  /** 结束评议: closes the vote; the counts are final (409 unless it is open). */
  @Post(uri = "/{id}/close", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "closeReportVote")
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  public ReportView close(@Parameter(hidden = true) Staff staff, String id) {
    schedule.close(staff, id);
    return view(schedule.get(staff, id));
  }

  /** Calls off a report on the schedule (409 once its vote opened). */
  @Post(uri = "/{id}/cancel", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "cancelReport")
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  public ReportView cancel(@Parameter(hidden = true) Staff staff, String id) {
    schedule.cancel(staff, id);
    return view(schedule.get(staff, id));
  }

  /**
   * Prints new ballot slips: {@code count} one-time codes (at most the configured maximum), {@code
   * perPage} slips to an A4 page (4, 6, 8 or 10; 8 if not given). The codes are in this PDF only.
   */
  @Post(uri = "/{id}/slips", produces = PDF)
  @Operation(operationId = "printReportBallots")
  @ApiResponse(
      responseCode = "200",
      description = "选票 PDF · The ballot slips (A4 PDF)",
      content = @Content(mediaType = PDF, schema = @Schema(type = "string", format = "binary")))
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  @ApiAnswers.Invalid
  public HttpResponse<byte[]> slips(
      @Parameter(hidden = true) Staff staff,
      String id,
      @Nullable @QueryValue String count,
      @Nullable @QueryValue String perPage) {
    BallotPrints.Printed printed = prints.print(staff, id, count, perPage);
    return HttpResponse.ok(printed.pdf())
        .contentType(PDF)
        .header("Content-Disposition", "attachment; filename=\"" + printed.fileName() + "\"")
        .header("Cache-Control", "no-store");
  }

  private ReportView view(ReportSchedule.Listed l) {
    VoterReport r = l.report();
    return new ReportView(
        r.id(),
        r.deputyId(),
        l.deputyName(),
        r.stationId(),
        l.stationName(),
        r.startsAt(),
        r.endsAt(),
        r.title(),
        r.status().name(),
        r.closedAt(),
        r.satisfied(),
        r.basicallySatisfied(),
        r.dissatisfied(),
        r.ballots(),
        r.tallySeq(),
        r.codesIssued(),
        vote.voteUrl(r.id()));
  }
}
