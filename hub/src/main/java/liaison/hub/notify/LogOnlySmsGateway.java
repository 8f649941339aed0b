package liaison.hub.notify;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.TreeMap;
import liaison.hub.text.Masks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default SMS channel ({@code hub.notify.sms.channel: log}): nothing is sent, each message is
 * one line of the log with the resident's phone masked (the log is read by more people than may
 * read a resident's contact).
 */
@Singleton
@Requires(property = "hub.notify.sms.channel", value = "log", defaultValue = "log")
public class LogOnlySmsGateway implements SmsGateway {
  private static final Logger LOG = LoggerFactory.getLogger(LogOnlySmsGateway.class);

  @Override
  public Delivery send(SmsMessage message) {
    LOG.info(
        "SMS (log only) to {}: {} {}",
        Masks.phone(message.phone()),
        message.template(),
        new TreeMap<>(message.params()));
    return new Delivery.Sent(LogOnlyMailGateway.REFERENCE);
  }
}
