package liaison.hub.notify;

/**
 * Sends one SMS through a provider's pre-approved template. {@code hub.notify.sms.channel} chooses
 * the implementation: {@code log} (the default: written to the log with the phone masked, nothing
 * sent) or {@code aliyun}. Called by the outbox's sender only, on a platform thread, never inside a
 * database transaction.
 */
public interface SmsGateway {
  Delivery send(SmsMessage message);
}
