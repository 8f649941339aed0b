package liaison.hub.admin;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.List;
import liaison.hub.notify.Notifications;
import liaison.hub.security.Staff;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;

/** The county's e-mails and SMS (通知记录), for its administrators: what left, what failed. */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin/notifications")
@ExecuteOn(TaskExecutors.BLOCKING)
public class NotificationAdminController {
  private final Notifications notifications;

  public NotificationAdminController(Notifications notifications) {
    this.notifications = notifications;
  }

  /** A filter's choice: its value ('' for all) and its key in the bundles. */
  public record Choice(String value, String label) {}

  /**
   * admin/notifications: one page of the county's messages with the filters chosen, the county's
   * counts, and the message just put back in the queue ({@code resent}).
   */
  @Introspected
  public record NotificationsPage(
      Frame frame,
      List<NotificationLine> lines,
      Notifications.Page page,
      List<Choice> states,
      List<Choice> kinds,
      String state,
      String kind,
      boolean resent) {}

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<NotificationsPage> list(
      HttpRequest<?> request,
      Staff staff,
      @Nullable @QueryValue String state,
      @Nullable @QueryValue String kind,
      @Nullable @QueryValue Integer page,
      @Nullable @QueryValue String done) {
    Lang lang = Lang.of(request);
    Notifications.Page p = notifications.list(staff, state, kind, page == null ? 1 : page);
    return new ModelAndView<>(
        "admin/notifications",
        new NotificationsPage(
            Frame.of(request, staff),
            p.messages().stream().map(m -> NotificationLine.of(m, lang)).toList(),
            p,
            List.of(
                new Choice("", "notify.all"),
                new Choice("PENDING", "notify.filter.pending"),
                new Choice("SENT", "notify.filter.sent"),
                new Choice("GIVEN_UP", "notify.filter.given-up")),
            Notifications.KINDS.stream()
                .map(k -> new Choice(k, NotificationLine.kind(k).key()))
                .toList(),
            p.state() == null ? "" : p.state(),
            p.kind() == null ? "" : p.kind(),
            "resent".equals(done)));
  }

  /** 重新发送: the message goes back in the queue; the list shows it waiting. */
  @Post(
      uri = "/{id}/resend",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> resend(Staff staff, String id) {
    notifications.resend(staff, id);
    return HttpResponse.seeOther(URI.create("/admin/notifications?done=resent"));
  }
}
