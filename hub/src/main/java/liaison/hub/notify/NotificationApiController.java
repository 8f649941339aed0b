package liaison.hub.notify;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import liaison.hub.security.Staff;
import liaison.hub.web.ApiAnswers;
import liaison.hub.web.ApiTimes;

/** The county's outbox over JSON, for its administrators. */
@Controller("/api/notifications")
@ApiAnswers.Staff
@ExecuteOn(TaskExecutors.BLOCKING)
public class NotificationApiController {
  private final Notifications notifications;

  public NotificationApiController(Notifications notifications) {
    this.notifications = notifications;
  }

  /**
   * One message. {@code recipient}: a department's address, or a resident's phone masked; {@code
   * state}: PENDING, SENT or GIVEN_UP.
   */
  @Introspected
  public record MessageView(
      String id,
      String channel,
      String recipient,
      String kind,
      String subject,
      String state,
      int attempts,
      String createdAt,
      @Nullable String nextAttemptAt,
      @Nullable String sentAt,
      String lastError,
      @Nullable String caseId,
      @Nullable String caseCode) {
    static MessageView of(SentMessage m) {
      return new MessageView(
          m.id(),
          m.channel().name(),
          m.recipient(),
          m.kind(),
          m.subject(),
          m.state().name(),
          m.attempts(),
          ApiTimes.instant(m.createdAt()),
          m.state() == NotificationState.PENDING ? ApiTimes.instant(m.nextAttemptAt()) : null,
          ApiTimes.instantOrNull(m.sentAt()),
          m.lastError(),
          m.caseId(),
          m.caseCode());
    }
  }

  /** A page of messages, with the county's counts of waiting and given-up ones. */
  @Introspected
  public record PageView(
      List<MessageView> messages, int page, int pages, int total, int pending, int givenUp) {}

  @Get(produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "listNotifications",
      summary =
          "The county's e-mails and SMS, newest first, 50 a page (county administrators; state: PENDING, SENT, GIVEN_UP; kind: case-forwarded, case-due-soon, case-overdue, case-escalated, case-answered, booking-confirmed, booking-cancelled)")
  @ApiAnswers.BadRequest
  public PageView list(
      @Parameter(hidden = true) Staff staff,
      @Nullable @QueryValue String state,
      @Nullable @QueryValue String kind,
      @Nullable @QueryValue Integer page) {
    Notifications.Page p = notifications.list(staff, state, kind, page == null ? 1 : page);
    return new PageView(
        p.messages().stream().map(MessageView::of).toList(),
        p.page(),
        p.pages(),
        p.total(),
        p.pending(),
        p.givenUp());
  }
}
