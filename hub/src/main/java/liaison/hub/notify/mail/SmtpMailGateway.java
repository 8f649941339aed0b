package liaison.hub.notify.mail;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import liaison.hub.config.StartupProblem;
import liaison.hub.config.TimeFactory;
import liaison.hub.notify.Delivery;
import liaison.hub.notify.MailGateway;
import liaison.hub.notify.MailMessage;
import liaison.hub.text.Text;
import liaison.signage.transport.TrustedCertificates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * E-mail through the county's mail server (SMTP, Jakarta Mail). One connection per message: the
 * outbox sends a few a day, and a connection kept open would only time out between them.
 *
 * <p>Made when the hub starts ({@link Context}) so incomplete settings stop the start, naming each
 * setting to fix, instead of failing the first message hours later.
 */
@Context
@Requires(property = "hub.notify.mail.channel", value = "smtp")
public final class SmtpMailGateway implements MailGateway {
  private static final Logger LOG = LoggerFactory.getLogger(SmtpMailGateway.class);

  private final MailSettings settings;
  private final Clock clock;
  private final Session session;
  private final InternetAddress sender;
  private final String protocol;

  public SmtpMailGateway(MailSettings settings, Clock clock) {
    List<Text> problems = settings.problems();
    if (!problems.isEmpty()) {
      throw new StartupProblem(
          Text.of("mail.settings.heading").zh()
              + "："
              + problems.stream().map(Text::zh).collect(Collectors.joining("；"))
              + "。\n"
              + Text.of("mail.settings.heading").en()
              + ": "
              + problems.stream().map(Text::en).collect(Collectors.joining("; "))
              + ".");
    }
    this.settings = settings;
    this.clock = clock;
    this.protocol = settings.protection() == MailSettings.Security.SSL ? "smtps" : "smtp";
    this.session = Session.getInstance(properties(settings, protocol));
    this.sender = sender(settings);
    LOG.info("e-mail goes through {}", settings);
  }

  @Override
  public Delivery send(MailMessage message) {
    MimeMessage mime;
    try {
      mime = compose(message);
    } catch (AddressException e) {
      return new Delivery.Failed(
          Text.of("mail.failed.address", message.to()).both(" / "), /* retry */ false);
    } catch (MessagingException e) {
      return new Delivery.Failed(
          Text.of("mail.failed.message").both(" / ") + " [" + e.getMessage() + "]", false);
    }
    try (Transport transport = session.getTransport(protocol)) {
      transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
      transport.sendMessage(mime, mime.getAllRecipients());
      String id = mime.getMessageID();
      LOG.info("e-mail {} accepted by {}", id, settings.host());
      return new Delivery.Sent(id);
    } catch (MessagingException e) {
      Delivery.Failed failed = SmtpFaults.explain(e, settings);
      LOG.warn("e-mail to the server {} failed: {}", settings.host(), failed.reason());
      return failed;
    }
  }

  /**
   * The message as it leaves: UTF-8 text, the subject in RFC 2047 words, the date in RFC 5322 form
   * and Beijing time, a Message-ID under the sender's domain.
   */
  private MimeMessage compose(MailMessage message) throws MessagingException {
    String id = "<" + UUID.randomUUID() + "@" + domain(sender.getAddress()) + ">";
    MimeMessage mime =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
          }
        };
    mime.setFrom(sender);
    mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.to(), true));
    mime.setSubject(oneLine(message.subject()), StandardCharsets.UTF_8.name());
    mime.setHeader(
        "Date",
        DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atZone(TimeFactory.ZONE)));
    String unsubscribe = message.unsubscribe();
    if (unsubscribe != null) {
      if (!unsubscribe.matches("https?://[^\\s<>\"]+")) {
        throw new MessagingException("unsubscribe link is not a web address");
      }
      mime.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
    }
    mime.setText(message.text(), StandardCharsets.UTF_8.name());
    mime.saveChanges();
    return mime;
  }

  private static Properties properties(MailSettings settings, String protocol) {
    String p = "mail." + protocol + ".";
    Properties properties = new Properties();
    properties.put(p + "connectiontimeout", String.valueOf(settings.connectTimeout().toMillis()));
    properties.put(p + "timeout", String.valueOf(settings.readTimeout().toMillis()));
    properties.put(p + "writetimeout", String.valueOf(settings.readTimeout().toMillis()));
    properties.put(p + "auth", String.valueOf(settings.logsIn()));
    // Never trust all: the host name must match the certificate, whoever signed it.
    properties.put(p + "ssl.checkserveridentity", "true");
    properties.put(p + "ssl.protocols", "TLSv1.3 TLSv1.2");
    if (settings.protection() == MailSettings.Security.STARTTLS) {
      // Required, not only enabled: without it a server (or someone between) that does not offer
      // STARTTLS would get the password and the message in the clear.
      properties.put(p + "starttls.enable", "true");
      properties.put(p + "starttls.required", "true");
    }
    if (!MailSettings.blank(settings.trustCertificate())) {
      properties.put(
          p + "ssl.socketFactory",
          TrustedCertificates.context(settings.trustedCertificatePath()).getSocketFactory());
    }
    return properties;
  }

  private static InternetAddress sender(MailSettings settings) {
    try {
      InternetAddress address = new InternetAddress(settings.from(), true);
      if (!MailSettings.blank(settings.fromName())) {
        address.setPersonal(settings.fromName(), StandardCharsets.UTF_8.name());
      }
      return address;
    } catch (AddressException | UnsupportedEncodingException e) {
      // MailSettings.problems() has checked the address; UTF-8 is always there.
      throw new IllegalStateException(e);
    }
  }

  private static String domain(String address) {
    return address.substring(address.indexOf('@') + 1);
  }

  /** A subject is one line: a line break in it would start a header of its own. */
  private static String oneLine(String subject) {
    return subject.replaceAll("[\\r\\n]+", " ").strip();
  }

  /** For the administrator's check: the server and account, never the password. */
  @Override
  public String toString() {
    return "SmtpMailGateway[" + settings + "]";
  }
}
