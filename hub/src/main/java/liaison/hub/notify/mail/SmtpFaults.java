package liaison.hub.notify.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLException;
import liaison.hub.notify.Delivery;
import liaison.hub.text.Text;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.jspecify.annotations.Nullable;

/**
 * What a failed send means to the administrator who reads the outbox: a short reason in both
 * languages (with the server's own reply where it gave one), and whether trying again may help.
 *
 * <p>A refused recipient or message is final. Everything else is retried: a network fault or a busy
 * server passes, and a wrong password, sender or certificate is the hub's configuration, which the
 * reason tells the administrator to fix; once fixed, the waiting messages go.
 */
final class SmtpFaults {
  /** Enough of the server's reply to recognise it; some servers answer with a paragraph. */
  private static final int REPLY_LENGTH = 160;

  /** RFC 4954: the server takes mail only after a log-in, and none was made. */
  private static final int AUTHENTICATION_REQUIRED = 530;

  private SmtpFaults() {}

  static Delivery.Failed explain(MessagingException failure, MailSettings settings) {
    List<Throwable> chain = chain(failure);
    String p = MailSettings.PREFIX;
    Optional<AuthenticationFailedException> login =
        first(chain, AuthenticationFailedException.class);
    if (login.isPresent()) {
      return failed(
          Text.of("mail.failed.login", p + "username", p + "password"), login.get(), true);
    }
    Optional<SMTPSenderFailedException> sender = first(chain, SMTPSenderFailedException.class);
    if (sender.isPresent()) {
      return permanent(sender.get().getReturnCode())
          ? failed(Text.of("mail.failed.sender", p + "from"), sender.get(), true)
          : busy(sender.get());
    }
    Optional<SMTPAddressFailedException> recipient = first(chain, SMTPAddressFailedException.class);
    if (recipient.isPresent()) {
      return permanent(recipient.get().getReturnCode())
          ? failed(Text.of("mail.failed.recipient"), recipient.get(), false)
          : busy(recipient.get());
    }
    Optional<SMTPSendFailedException> refused = first(chain, SMTPSendFailedException.class);
    if (refused.isPresent()) {
      SMTPSendFailedException reply = refused.get();
      if (reply.getReturnCode() == AUTHENTICATION_REQUIRED) {
        return failed(
            Text.of("mail.failed.login-required", p + "username", p + "password"), reply, true);
      }
      if (!permanent(reply.getReturnCode())) {
        return busy(reply);
      }
      // Refused at MAIL FROM: the sender, which is the hub's setting, not this message.
      return String.valueOf(reply.getCommand()).startsWith("MAIL")
          ? failed(Text.of("mail.failed.sender", p + "from"), reply, true)
          : failed(Text.of("mail.failed.refused"), reply, false);
    }
    Optional<SSLException> tls = first(chain, SSLException.class);
    if (tls.isPresent()) {
      // Java's words tell an unknown authority (PKIX path) from a name that does not match.
      return failed(
          Text.of("mail.failed.certificate", settings.host(), p + "trust-certificate"),
          tls.get(),
          true);
    }
    if (first(chain, MailConnectException.class).isPresent()
        || first(chain, ConnectException.class).isPresent()
        || first(chain, UnknownHostException.class).isPresent()) {
      return failed(
          Text.of("mail.failed.unreachable", settings.host() + ":" + settings.port()), null, true);
    }
    if (first(chain, SocketTimeoutException.class).isPresent()) {
      return failed(
          Text.of(
              "mail.failed.timeout",
              settings.host(),
              String.valueOf(settings.readTimeout().toSeconds())),
          null,
          true);
    }
    String said = String.valueOf(failure.getMessage());
    if (settings.protection() == MailSettings.Security.STARTTLS && said.contains("STARTTLS")) {
      // Jakarta Mail refuses before MAIL FROM: neither the password nor the message went out.
      return failed(Text.of("mail.failed.starttls", p + "security"), null, true);
    }
    return failed(Text.of("mail.failed.other"), failure, true);
  }

  private static boolean permanent(int replyCode) {
    return replyCode >= 500;
  }

  private static Delivery.Failed busy(MessagingException reply) {
    return failed(Text.of("mail.failed.busy"), reply, true);
  }

  private static Delivery.Failed failed(Text why, @Nullable Throwable reply, boolean retry) {
    String reason = why.both(" / ");
    String said = reply == null ? null : reply.getMessage();
    if (said != null && !said.isBlank()) {
      String line = said.replaceAll("\\s+", " ").strip();
      reason +=
          " ["
              + (line.length() > REPLY_LENGTH ? line.substring(0, REPLY_LENGTH) + "…" : line)
              + "]";
    }
    return new Delivery.Failed(reason, retry);
  }

  /** The failure, what it wraps and what Jakarta Mail chained after it, each once. */
  private static List<Throwable> chain(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    List<Throwable> todo = new ArrayList<>(List.of(failure));
    while (!todo.isEmpty()) {
      Throwable t = todo.removeFirst();
      if (chain.stream().anyMatch(seen -> seen == t)) {
        continue;
      }
      chain.add(t);
      if (t instanceof MessagingException m && m.getNextException() != null) {
        todo.add(m.getNextException());
      }
      if (t.getCause() != null) {
        todo.add(t.getCause());
      }
    }
    return chain;
  }

  private static <T> Optional<T> first(List<Throwable> chain, Class<T> type) {
    return chain.stream().filter(type::isInstance).map(type::cast).findFirst();
  }
}
