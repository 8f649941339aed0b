package liaison.hub.notice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import liaison.hub.security.Staff;
import liaison.hub.web.ApiAnswers;
import liaison.hub.web.ApiTimes;

/** Notices over JSON, with each notice's delivery receipts. */
@Controller("/api/notices")
@ApiAnswers.Staff
public class NoticeApiController {
  private final NoticeService notices;

  public NoticeApiController(NoticeService notices) {
    this.notices = notices;
  }

  /** A notice as the API shows it; times in Beijing time with their offset. */
  public record NoticeView(
      String id,
      String title,
      String body,
      String priority,
      String validFrom,
      @Nullable String validUntil,
      String target,
      @Nullable String townshipId,
      List<String> stationIds,
      String author) {
    static NoticeView of(Notice n) {
      return new NoticeView(
          n.id(),
          n.title(),
          n.body(),
          n.priority().name(),
          ApiTimes.instant(n.validFrom()),
          ApiTimes.instantOrNull(n.validUntil()),
          n.target().name(),
          n.townshipId(),
          n.stationIds(),
          n.author());
    }
  }

  /** One target station: shown yet, and since when. */
  public record ReceiptView(
      String stationId, String stationName, boolean shown, @Nullable String shownAt) {}

  /**
   * The notices the staff member may see: those reaching their stations, or all the county's for
   * its administrator.
   */
  @Get(produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "listNotices")
  public List<NoticeView> list(@Parameter(hidden = true) Staff staff) {
    return notices.list(staff).stream().map(NoticeView::of).toList();
  }

  /** One notice. */
  @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "getNotice")
  @ApiAnswers.NotFound
  public NoticeView one(@Parameter(hidden = true) Staff staff, String id) {
    return NoticeView.of(notices.get(staff, id));
  }

  /** Per target station: whether its screen has shown the notice yet, and since when. */
  @Get(uri = "/{id}/receipts", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "listNoticeReceipts")
  @ApiAnswers.NotFound
  public List<ReceiptView> receipts(@Parameter(hidden = true) Staff staff, String id) {
    return notices.receipts(staff, id).stream()
        .map(
            r ->
                new ReceiptView(
                    r.stationId(),
                    r.stationName(),
                    r.shownAt() != null,
                    ApiTimes.instantOrNull(r.shownAt())))
        .toList();
  }

  /** Adds a notice; the screens it reaches show it within seconds. */
  @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "createNotice")
  @ApiResponse(responseCode = "201", description = ApiAnswers.CREATED, useReturnTypeSchema = true)
  @ApiAnswers.BadRequest
  @ApiAnswers.Invalid
  public HttpResponse<NoticeView> create(
      @Parameter(hidden = true) Staff staff, @Body NoticeDraft draft) {
    return HttpResponse.created(NoticeView.of(notices.create(staff, draft)));
  }

  /** Changes a notice: the whole notice is sent, as for a new one. */
  @Put(uri = "/{id}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "updateNotice")
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Invalid
  public NoticeView update(
      @Parameter(hidden = true) Staff staff, String id, @Body NoticeDraft draft) {
    return NoticeView.of(notices.update(staff, id, draft));
  }

  /** Deletes a notice; the screens drop it within seconds. */
  @Delete(uri = "/{id}")
  @Operation(operationId = "deleteNotice")
  @ApiResponse(responseCode = "204", description = ApiAnswers.DONE)
  @ApiAnswers.NotFound
  public HttpResponse<?> delete(@Parameter(hidden = true) Staff staff, String id) {
    notices.delete(staff, id);
    return HttpResponse.noContent();
  }
}
