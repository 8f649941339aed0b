package liaison.hub.notify;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default e-mail channel ({@code hub.notify.mail.channel: log}): nothing leaves the hub, each
 * message is one line of the log, so the demo and the tests show what would be sent without a mail
 * server. A department's address is not personal data; the body is not logged (it may be long).
 */
@Singleton
@Requires(property = "hub.notify.mail.channel", value = "log", defaultValue = "log")
public class LogOnlyMailGateway implements MailGateway {
  private static final Logger LOG = LoggerFactory.getLogger(LogOnlyMailGateway.class);

  /** What a message sent through this channel records as its reference. */
  public static final String REFERENCE = "log";

  @Override
  public Delivery send(MailMessage message) {
    LOG.info("e-mail (log only) to {}: {}", message.to(), message.subject());
    return new Delivery.Sent(REFERENCE);
  }
}
