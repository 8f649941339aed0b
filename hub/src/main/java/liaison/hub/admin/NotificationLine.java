package liaison.hub.admin;

import java.time.format.DateTimeFormatter;
import liaison.hub.db.Sql;
import liaison.hub.notify.Channel;
import liaison.hub.notify.NotificationState;
import liaison.hub.notify.Notifications;
import liaison.hub.notify.SentMessage;
import liaison.hub.text.Text;
import liaison.hub.web.Lang;
import org.jspecify.annotations.Nullable;

/**
 * A message of the outbox as a page shows it, on the case page and on the administrators' list:
 * when, by which channel, to whom, about what, and where it is (sent; waiting; to be tried again,
 * the how-manieth time and when; given up, and why).
 *
 * @param state sent, waiting, to be tried again, or given up (a badge)
 * @param detail when it was sent, which try comes next and when, or why it was given up
 * @param givenUp whether it may be sent again (the administrators' button)
 * @param stateClass the state's badge: ok (sent), bad (given up), or plain (waiting)
 */
public record NotificationLine(
    String id,
    String at,
    String channel,
    String recipient,
    String kind,
    String subject,
    String state,
    String detail,
    String stateClass,
    boolean givenUp,
    @Nullable String caseId,
    @Nullable String caseCode) {

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  static NotificationLine of(SentMessage m, Lang lang) {
    boolean retrying = m.state() == NotificationState.PENDING && m.attempts() > 0;
    Text state =
        switch (m.state()) {
          case SENT -> Text.of("notify.state.sent");
          case PENDING -> Text.of(retrying ? "notify.state.retrying" : "notify.state.waiting");
          case GIVEN_UP -> Text.of("notify.state.given-up");
        };
    // Beside the state, not in its badge: a server's reason may be long and must wrap.
    Text detail =
        switch (m.state()) {
          case SENT ->
              Text.of("notify.detail.sent", time(m.sentAt() == null ? m.createdAt() : m.sentAt()));
          case PENDING ->
              retrying
                  ? Text.of("notify.detail.retrying", m.attempts() + 1, time(m.nextAttemptAt()))
                  : Text.of("notify.detail.waiting");
          case GIVEN_UP -> Text.of("notify.detail.given-up", m.attempts(), m.lastError());
        };
    return new NotificationLine(
        m.id(),
        time(m.createdAt()),
        lang.text(
            Text.of(m.channel() == Channel.EMAIL ? "notify.channel.email" : "notify.channel.sms")),
        m.recipient(),
        lang.text(kind(m.kind())),
        m.subject(),
        lang.text(state),
        lang.text(detail),
        switch (m.state()) {
          case SENT -> "ok";
          case PENDING -> "";
          case GIVEN_UP -> "bad";
        },
        m.state() == NotificationState.GIVEN_UP,
        m.caseId(),
        m.caseCode());
  }

  /** What a message is about, in words; a kind the hub does not know is "a notification". */
  static Text kind(String kind) {
    return Notifications.KINDS.contains(kind)
        ? Text.of("notify.kind." + kind)
        : Text.of("notify.kind.other");
  }

  private static String time(java.time.OffsetDateTime at) {
    return SHOWN.format(at.atZoneSameInstant(Sql.ZONE));
  }
}
