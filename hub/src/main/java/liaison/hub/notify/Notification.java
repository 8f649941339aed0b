package liaison.hub.notify;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A message to enqueue: what, to whom, by which channel, about which case or booking.
 *
 * @param kind what it is about ({@code case-forwarded}, {@code case-due-soon}, {@code
 *     case-overdue}, {@code case-escalated}, {@code case-answered}, {@code booking-confirmed},
 *     {@code booking-cancelled}); administrators filter by it
 * @param subject an e-mail's subject ('' for SMS)
 * @param body an e-mail's text ('' for SMS)
 * @param template an SMS's template name ('' for e-mail), see {@link SmsMessage#template()}
 * @param params an SMS's template parameters (empty for e-mail)
 * @param onceKey enqueue at most one message with this key, ever (null: no limit)
 */
public record Notification(
    String countyId,
    Channel channel,
    String recipient,
    String kind,
    String subject,
    String body,
    String template,
    Map<String, String> params,
    @Nullable String unsubscribe,
    @Nullable String caseId,
    @Nullable String bookingId,
    @Nullable String onceKey) {

  public Notification {
    params = Map.copyOf(params);
  }

  /** An e-mail, about nothing in particular yet: add the case or booking with the withers. */
  public static Notification email(
      String countyId, String to, String kind, String subject, String text) {
    return new Notification(
        countyId, Channel.EMAIL, to, kind, subject, text, "", Map.of(), null, null, null, null);
  }

  /** An SMS through the provider's template {@code template}. */
  public static Notification sms(
      String countyId, String phone, String kind, String template, Map<String, String> params) {
    return new Notification(
        countyId, Channel.SMS, phone, kind, "", "", template, params, null, null, null, null);
  }

  public Notification aboutCase(String id) {
    return new Notification(
        countyId,
        channel,
        recipient,
        kind,
        subject,
        body,
        template,
        params,
        unsubscribe,
        id,
        bookingId,
        onceKey);
  }

  public Notification aboutBooking(String id) {
    return new Notification(
        countyId,
        channel,
        recipient,
        kind,
        subject,
        body,
        template,
        params,
        unsubscribe,
        caseId,
        id,
        onceKey);
  }

  public Notification withUnsubscribe(String link) {
    return new Notification(
        countyId, channel, recipient, kind, subject, body, template, params, link, caseId,
        bookingId, onceKey);
  }

  public Notification once(String key) {
    return new Notification(
        countyId,
        channel,
        recipient,
        kind,
        subject,
        body,
        template,
        params,
        unsubscribe,
        caseId,
        bookingId,
        key);
  }
}
