package liaison.hub.notice;

import io.swagger.v3.oas.annotations.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import java.util.List;
import liaison.hub.web.ApiTimes;
import liaison.hub.security.Staff;

/** Notices over JSON, with each notice's delivery receipts. */
@Controller("/api/notices")
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
          n.id(), n.title(), n.body(), n.priority().name(), ApiTimes.instant(n.validFrom()),
          ApiTimes.instantOrNull(n.validUntil()), n.target().name(), n.townshipId(), n.stationIds(), n.author());
    }
  }

  /** One target station: shown yet, and since when. */
  public record ReceiptView(String stationId, String stationName, boolean shown, @Nullable String shownAt) {}

  @Get(produces = MediaType.APPLICATION_JSON)
  public List<NoticeView> list(@Parameter(hidden = true) Staff staff) {
    return notices.list(staff).stream().map(NoticeView::of).toList();
  }

  @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
  public NoticeView one(@Parameter(hidden = true) Staff staff, String id) {
    return NoticeView.of(notices.get(staff, id));
  }

  @Get(uri = "/{id}/receipts", produces = MediaType.APPLICATION_JSON)
  public List<ReceiptView> receipts(@Parameter(hidden = true) Staff staff, String id) {
    return notices.receipts(staff, id).stream()
        .map(r -> new ReceiptView(r.stationId(), r.stationName(), r.shownAt() != null, ApiTimes.instantOrNull(r.shownAt())))
        .toList();
  }

  @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  public HttpResponse<NoticeView> create(@Parameter(hidden = true) Staff staff, @Body NoticeDraft draft) {
    return HttpResponse.created(NoticeView.of(notices.create(staff, draft)));
  }

  @Put(uri = "/{id}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  public NoticeView update(@Parameter(hidden = true) Staff staff, String id, @Body NoticeDraft draft) {
    return NoticeView.of(notices.update(staff, id, draft));
  }

  @Delete(uri = "/{id}")
  public HttpResponse<?> delete(@Parameter(hidden = true) Staff staff, String id) {
    notices.delete(staff, id);
    return HttpResponse.noContent();
  }
}
