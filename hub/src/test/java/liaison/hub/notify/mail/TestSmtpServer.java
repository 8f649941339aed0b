package liaison.hub.notify.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A real SMTP server (SubEthaSMTP) on a free loopback port, as a county's would be: STARTTLS
 * required, or TLS from the first byte, or neither; AUTH PLAIN and LOGIN with one account. It keeps
 * what every session did (log-ins tried, senders, messages received) for the test to check, and
 * refuses the addresses it is told to: as a recipient with 550, as a sender with 553.
 */
final class TestSmtpServer implements AutoCloseable {
  static final String USERNAME = "liaison@county.test";
  static final String PASSWORD = "s3cret-smtp";

  /** What the server offers. */
  enum Kind {
    STARTTLS_REQUIRED,
    IMPLICIT_TLS,
    PLAIN_ONLY
  }

  private final SMTPServer server;
  private final Set<String> refused;
  final List<String> logins = new CopyOnWriteArrayList<>();
  final List<String> senders = new CopyOnWriteArrayList<>();
  final List<String> recipients = new CopyOnWriteArrayList<>();
  final List<byte[]> received = new CopyOnWriteArrayList<>();

  private TestSmtpServer(Kind kind, SSLContext tls, InetAddress address, Set<String> refused) {
    this.refused = Set.copyOf(refused);
    SMTPServer.Builder builder =
        SMTPServer.port(0)
            .bindAddress(address)
            .hostName("localhost")
            .requireAuth()
            .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory(this::login))
            .messageHandlerFactory(Transaction::new);
    switch (kind) {
      case STARTTLS_REQUIRED -> builder.enableTLS().requireTLS().startTlsSocketFactory(tls);
      case IMPLICIT_TLS -> builder.serverSocketFactory(tls);
      case PLAIN_ONLY -> builder.enableTLS(false);
    }
    this.server = builder.build();
    server.start();
  }

  static TestSmtpServer start(Kind kind, SSLContext tls, String... refusedAddresses) {
    return new TestSmtpServer(
        kind, tls, InetAddress.getLoopbackAddress(), Set.of(refusedAddresses));
  }

  /** On another loopback address, one the test certificate does not name. */
  static TestSmtpServer startOn(InetAddress address, Kind kind, SSLContext tls) {
    return new TestSmtpServer(kind, tls, address, Set.of());
  }

  int port() {
    return server.getPortAllocated();
  }

  /** The one message received, parsed as a mail client would. */
  MimeMessage onlyMessage() throws MessagingException {
    if (received.size() != 1) {
      throw new AssertionError("expected one message, the server received " + received.size());
    }
    return new MimeMessage(
        Session.getInstance(new Properties()), new ByteArrayInputStream(received.getFirst()));
  }

  private void login(String username, String password, MessageContext context)
      throws LoginFailedException {
    logins.add(username);
    if (!USERNAME.equals(username) || !PASSWORD.equals(password)) {
      throw new LoginFailedException("5.7.8 Authentication credentials invalid");
    }
  }

  @Override
  public void close() {
    server.stop();
  }

  /** One SMTP transaction: MAIL FROM, RCPT TO, DATA. */
  private final class Transaction implements MessageHandler {
    Transaction(MessageContext context) {}

    @Override
    public void from(String from) throws RejectException {
      if (refused.contains(from)) {
        throw new RejectException(553, "5.7.1 <" + from + ">: sender address not owned by user");
      }
      senders.add(from);
    }

    @Override
    public void recipient(String recipient) throws RejectException {
      if (refused.contains(recipient)) {
        throw new RejectException(550, "5.1.1 <" + recipient + ">: no such user here");
      }
      recipients.add(recipient);
    }

    @Override
    public String data(InputStream data) throws IOException {
      received.add(data.readAllBytes());
      return null;
    }

    @Override
    public void done() {}
  }
}
