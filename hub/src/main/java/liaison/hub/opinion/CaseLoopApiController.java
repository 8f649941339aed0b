package liaison.hub.opinion;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import liaison.hub.photo.PhotoController;
import liaison.hub.photo.PhotoStore;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.security.Staff;
import liaison.hub.text.Text;
import liaison.hub.web.ApiAnswers;
import liaison.hub.web.ApiTimes;

/**
 * The staff loop over JSON: the cases a staff member may see and each step. Contact details are
 * never in these answers but masked; a step the case cannot take answers 409, bad fields 422 with
 * per-field errors, nothing saved either way.
 */
@Controller("/api/cases")
@ApiAnswers.Staff
@ExecuteOn(TaskExecutors.BLOCKING)
public class CaseLoopApiController {
  private final CaseInbox inbox;
  private final CaseHandling handling;
  private final CaseFiles files;
  private final PhotoStore photos;

  public CaseLoopApiController(
      CaseInbox inbox, CaseHandling handling, CaseFiles files, PhotoStore photos) {
    this.inbox = inbox;
    this.handling = handling;
    this.files = files;
    this.photos = photos;
  }

  /** A case in a list; times in Beijing time with their offset. */
  public record CaseSummaryView(
      String id,
      String trackingCode,
      String stationId,
      String stationName,
      String status,
      String statusZh,
      String category,
      String categoryZh,
      String summary,
      String submittedAt,
      @Nullable String departmentName,
      @Nullable String deadline,
      boolean overdue,
      long daysOverdue,
      @Nullable String escalatedAt,
      boolean suggestion,
      boolean hasContact,
      String maskedPhone) {
    static CaseSummaryView of(CaseInbox.Row r) {
      OpinionCase c = r.c();
      return new CaseSummaryView(
          c.id(),
          c.trackingCode(),
          c.stationId(),
          r.stationName(),
          c.status().name(),
          c.status().zh(),
          c.category().name(),
          c.category().zh(),
          c.summary(),
          ApiTimes.instant(c.submittedAt()),
          r.departmentName(),
          c.deadline() == null ? null : c.deadline().toString(),
          r.overdue(),
          r.daysOverdue(),
          ApiTimes.instantOrNull(c.escalatedAt()),
          c.suggestion(),
          r.hasContact(),
          r.maskedPhone());
    }
  }

  /** One line of the timeline. */
  public record EventView(
      String at,
      String actor,
      String action,
      @Nullable String from,
      @Nullable String to,
      String note) {}

  /** A case with its text, photos, timeline and the steps it may take now. */
  public record CaseView(
      CaseSummaryView summary,
      String text,
      @Nullable String departmentId,
      @Nullable String departmentReply,
      @Nullable String answer,
      @Nullable String guidance,
      @Nullable String mergedInto,
      @Nullable String closedAt,
      @Nullable String suggestionDeputyId,
      boolean contactToDepartment,
      @Nullable String rating,
      List<String> photos,
      List<EventView> timeline,
      List<String> allowedSteps) {}

  @Get(produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "listCases",
      summary =
          "Cases the staff member may see, newest first (status: a status, open, overdue; q searches text, summary and code)")
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  public List<CaseSummaryView> list(
      @Parameter(hidden = true) Staff staff,
      @Nullable @QueryValue String station,
      @Nullable @QueryValue String status,
      @Nullable @QueryValue String category,
      @Nullable @QueryValue String q) {
    return inbox.list(staff, new CaseInbox.Filter(station, status, category, q)).stream()
        .map(CaseSummaryView::of)
        .toList();
  }

  @Get(uri = "/overdue", produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "listOverdueCases",
      summary =
          "Open cases past their deadline or escalated to the county (督办), longest overdue first")
  public List<CaseSummaryView> overdue(@Parameter(hidden = true) Staff staff) {
    return inbox.overdue(staff).stream().map(CaseSummaryView::of).toList();
  }

  /** One case with its text, photos, timeline and the steps it may take now. */
  @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "getCase")
  @ApiAnswers.NotFound
  public CaseView one(@Parameter(hidden = true) Staff staff, String id) {
    return view(staff, id);
  }

  @Post(
      uri = "/{id}/register",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "registerCase",
      summary = "登记: category and summary (SUBMITTED → REGISTERED)")
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  @ApiAnswers.Invalid
  public CaseView register(
      @Parameter(hidden = true) Staff staff, String id, @Body CaseSteps.Register body) {
    handling.register(staff, id, body);
    return view(staff, id);
  }

  @Post(
      uri = "/{id}/merge",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "mergeCase",
      summary = "Merge into another open case of the county (id or tracking code)")
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  @ApiAnswers.Invalid
  public CaseView merge(
      @Parameter(hidden = true) Staff staff, String id, @Body CaseSteps.Merge body) {
    handling.merge(staff, id, body);
    return view(staff, id);
  }

  @Post(
      uri = "/{id}/forward",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "forwardCase",
      summary = "交办: to a department with a deadline (default: the category's working days)")
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  @ApiAnswers.Invalid
  public CaseView forward(
      @Parameter(hidden = true) Staff staff, String id, @Body CaseSteps.Forward body) {
    handling.forward(staff, id, body);
    return view(staff, id);
  }

  @Post(
      uri = "/{id}/department-reply",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "recordDepartmentReply",
      summary = "办理: the department's reply (FORWARDED → DEPARTMENT_REPLIED)")
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  @ApiAnswers.Invalid
  public CaseView departmentReply(
      @Parameter(hidden = true) Staff staff, String id, @Body CaseSteps.Text body) {
    handling.departmentReply(staff, id, body);
    return view(staff, id);
  }

  @Post(
      uri = "/{id}/answer",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "answerCase",
      summary =
          "答复: the answer the resident reads on the tracking page; with publish true, also the"
              + " public summary (公示摘要: the problem in general terms, the department, the result;"
              + " never the resident's name, phone or own words) shown on the station's screens")
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  @ApiAnswers.Invalid
  public CaseView answer(
      @Parameter(hidden = true) Staff staff, String id, @Body CaseSteps.Answer body) {
    handling.answer(staff, id, body);
    return view(staff, id);
  }

  @Post(
      uri = "/{id}/close",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "closeCase", summary = "办结: close an answered case (optional note)")
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  @ApiAnswers.Invalid
  public CaseView close(
      @Parameter(hidden = true) Staff staff, String id, @Body CaseSteps.Text body) {
    handling.close(staff, id, body);
    return view(staff, id);
  }

  @Post(
      uri = "/{id}/guidance",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "closeCaseWithGuidance",
      summary = "涉法涉诉: close with guidance to the legal channels instead of forwarding")
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  @ApiAnswers.Invalid
  public CaseView guidance(
      @Parameter(hidden = true) Staff staff, String id, @Body CaseSteps.Text body) {
    handling.guidance(staff, id, body);
    return view(staff, id);
  }

  @Post(
      uri = "/{id}/suggestion",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "makeCaseSuggestion",
      summary = "代表建议: a deputy of the station takes the case up as a formal suggestion")
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  @ApiAnswers.Invalid
  public CaseView suggestion(
      @Parameter(hidden = true) Staff staff, String id, @Body CaseSteps.Suggestion body) {
    handling.suggestion(staff, id, body);
    return view(staff, id);
  }

  /**
   * A photo the resident attached, for staff who may see the case; kept privately by the browser.
   */
  @Get(uri = "/{id}/photos/{file}", produces = MediaType.IMAGE_JPEG)
  @Operation(operationId = "getCasePhoto")
  @ApiAnswers.Photo
  @ApiAnswers.NotFound
  public HttpResponse<?> photo(
      @Parameter(hidden = true) Staff staff,
      String id,
      String file,
      @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    String hash = PhotoController.hashOf(file);
    if (!files.hasPhoto(staff, id, hash)) {
      throw new NotFoundProblem(Text.of("problem.case.photo.not-found", id));
    }
    return PhotoController.privately(photos, hash, ifNoneMatch);
  }

  private CaseView view(Staff staff, String id) {
    CaseFiles.CaseFile file = files.file(staff, id);
    CaseInbox.Row r = file.row();
    OpinionCase c = r.c();
    List<EventView> timeline =
        file.timeline().stream()
            .map(CaseFiles.TimelineLine::event)
            .map(
                e ->
                    new EventView(
                        ApiTimes.instant(e.at()),
                        e.actor(),
                        e.action(),
                        e.from() == null ? null : e.from().name(),
                        e.to() == null ? null : e.to().name(),
                        e.note()))
            .toList();
    return new CaseView(
        CaseSummaryView.of(r),
        c.text(),
        c.departmentId(),
        c.departmentReply(),
        c.answer(),
        c.guidance(),
        c.mergedInto(),
        ApiTimes.instantOrNull(c.closedAt()),
        r.suggestionDeputyId(),
        c.contactToDepartment(),
        c.rating() == null ? null : c.rating().name(),
        file.photos(),
        timeline,
        StaffSteps.allowed(c).stream().map(StaffSteps.Step::path).toList());
  }
}
