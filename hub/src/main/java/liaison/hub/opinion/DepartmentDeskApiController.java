package liaison.hub.opinion;

import io.micronaut.core.annotation.Nullable;
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
import java.util.List;
import liaison.hub.security.Staff;
import liaison.hub.web.ApiAnswers;
import liaison.hub.web.ApiTimes;

/**
 * A department's desk over JSON (承办单位), for a department's account: its cases and its three steps;
 * and, for the county administrator, the requests for a later deadline and the decision on each. A
 * case the department never had is not found. The resident's contact is never in these answers (the
 * page shows it, when allowed, and logs the reading); files are attached on the page.
 */
@Controller
@ApiAnswers.Staff
@ExecuteOn(TaskExecutors.BLOCKING)
public class DepartmentDeskApiController {
  private final DepartmentDesk desk;
  private final Extensions extensions;

  public DepartmentDeskApiController(DepartmentDesk desk, Extensions extensions) {
    this.desk = desk;
    this.extensions = extensions;
  }

  /**
   * A case as its department reads it.
   *
   * @param withUs forwarded to this department and waiting for its reply (it may take a step)
   * @param workingDaysLeft working days to the deadline while it waits (0 on the day or after)
   */
  public record DeskCaseView(
      String id,
      String trackingCode,
      String stationName,
      String status,
      String statusZh,
      String category,
      String categoryZh,
      String summary,
      String text,
      String submittedAt,
      @Nullable String deadline,
      boolean withUs,
      int workingDaysLeft,
      long daysOverdue,
      boolean escalated,
      boolean pendingExtension) {
    static DeskCaseView of(DepartmentDesk.Row r) {
      OpinionCase c = r.c();
      return new DeskCaseView(
          c.id(),
          c.trackingCode(),
          r.stationName(),
          c.status().name(),
          c.status().zh(),
          c.category().name(),
          c.category().zh(),
          c.summary(),
          c.text(),
          ApiTimes.instant(c.submittedAt()),
          c.deadline() == null ? null : c.deadline().toString(),
          r.withUs(),
          r.workingDaysLeft(),
          r.daysOverdue(),
          r.escalated(),
          r.pendingExtension());
    }
  }

  /** A request for a later deadline. */
  public record ExtensionView(
      String id,
      String caseId,
      String trackingCode,
      String stationName,
      String departmentName,
      String askedAt,
      String oldDeadline,
      String wantedDeadline,
      String reason,
      String status,
      String statusZh,
      @Nullable String decidedAt,
      String decisionNote) {
    static ExtensionView of(Extensions.Request x) {
      return new ExtensionView(
          x.id(),
          x.caseId(),
          x.trackingCode(),
          x.stationName(),
          x.departmentName(),
          ApiTimes.instant(x.askedAt()),
          x.oldDeadline().toString(),
          x.wantedDeadline().toString(),
          x.reason(),
          x.status().name(),
          x.status().text().zh(),
          ApiTimes.instantOrNull(x.decidedAt()),
          x.decisionNote());
    }
  }

  @Get(uri = "/api/dept/cases", produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "listDepartmentCases",
      summary =
          "承办单位: the department's cases (tab: waiting (default, by deadline), replied, returned, all)")
  @ApiAnswers.BadRequest
  public List<DeskCaseView> list(
      @Parameter(hidden = true) Staff staff, @Nullable @QueryValue String tab) {
    return desk.inbox(staff, DepartmentDesk.Tab.of(tab)).stream().map(DeskCaseView::of).toList();
  }

  @Get(uri = "/api/dept/cases/{id}", produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "getDepartmentCase",
      summary = "One case forwarded to the department, now or before (404 for any other)")
  @ApiAnswers.NotFound
  public DeskCaseView one(@Parameter(hidden = true) Staff staff, String id) {
    return DeskCaseView.of(desk.find(staff, id));
  }

  @Post(
      uri = "/api/dept/cases/{id}/reply",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "replyAsDepartment",
      summary = "办理: the department's reply (FORWARDED → DEPARTMENT_REPLIED)")
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  @ApiAnswers.Invalid
  public DeskCaseView reply(
      @Parameter(hidden = true) Staff staff, String id, @Body CaseSteps.Text body) {
    desk.reply(staff, id, body.text(), List.of());
    return DeskCaseView.of(desk.find(staff, id));
  }

  @Post(
      uri = "/api/dept/cases/{id}/extension",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "askForExtension",
      summary = "延期申请: a later deadline with its reason, for the county to approve or refuse")
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  @ApiAnswers.Invalid
  public ExtensionView askForExtension(
      @Parameter(hidden = true) Staff staff, String id, @Body CaseSteps.Extension body) {
    return ExtensionView.of(desk.askExtension(staff, id, body.deadline(), body.reason()));
  }

  @Post(
      uri = "/api/dept/cases/{id}/return",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "handCaseBack",
      summary = "退回: not the department's, with the reason (FORWARDED → RETURNED)")
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  @ApiAnswers.Invalid
  public DeskCaseView handBack(
      @Parameter(hidden = true) Staff staff, String id, @Body CaseSteps.HandBack body) {
    desk.handBack(staff, id, body.reason());
    return DeskCaseView.of(desk.find(staff, id));
  }

  @Get(uri = "/api/extensions", produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "listPendingExtensions",
      summary = "The county's requests for a later deadline awaiting a decision, oldest first")
  public List<ExtensionView> pending(@Parameter(hidden = true) Staff staff) {
    return extensions.pending(staff).stream().map(ExtensionView::of).toList();
  }

  @Post(
      uri = "/api/cases/{id}/extension-decision",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "decideExtension",
      summary =
          "The county's decision on the request waiting on the case: approve (the deadline moves,"
              + " 督办 lifts if it is still to come) or refuse (with a note)")
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  @ApiAnswers.Invalid
  public ExtensionView decide(
      @Parameter(hidden = true) Staff staff, String id, @Body CaseSteps.Decision body) {
    return ExtensionView.of(extensions.decide(staff, id, body.approved(), body.note()));
  }
}
