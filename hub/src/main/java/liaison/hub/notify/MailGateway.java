package liaison.hub.notify;

/**
 * Sends one e-mail. {@code hub.notify.mail.channel} chooses the implementation: {@code log} (the
 * default: written to the log, nothing leaves the hub) or {@code smtp}. Called by the outbox's
 * sender only, on a platform thread, never inside a database transaction.
 */
public interface MailGateway {
  Delivery send(MailMessage message);
}
