package liaison.hub.notify.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import liaison.hub.config.TimeFactory;
import liaison.hub.notify.Delivery;
import liaison.hub.notify.MailMessage;
import liaison.hub.notify.mail.TestSmtpServer.Kind;
import liaison.testkit.SelfSignedCertificate;
import liaison.testkit.TestBroker;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The e-mail channel against a real SMTP server started here, with its own self-signed certificate
 * that the gateway is told to trust: what arrives is parsed as a mail client would, and each way a
 * send fails becomes the reason and the retry an administrator needs.
 */
@Tag("security")
class SmtpMailGatewayTest {
  private static final String FROM = "lianluozhan@county.test";
  private static final String STATION = "某某县人大代表联络站";
  private static final String DEPARTMENT = "zhujianju@county.test";
  private static final Instant NOW = Instant.parse("2026-12-05T02:30:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, TimeFactory.ZONE);

  /** For a server that answers: far beyond any answer it gives. */
  private static final Duration LONG_ENOUGH = Duration.ofSeconds(20);

  private static final MailMessage FORWARDED =
      new MailMessage(
          DEPARTMENT,
          "【交办】案件 2026-0042：小区路灯不亮，请于12月12日前答复",
          "住建局：\n\n联络站交办案件 2026-0042（城乡建设），请于 2026年12月12日 前答复。\n"
              + "打开案件：https://hub.test/d/cases/42\n",
          "https://hub.test/unsubscribe/m-7f3a");

  @TempDir static Path dir;
  private static SelfSignedCertificate certificate;
  private static SSLContext serverTls;

  @BeforeAll
  static void makeCertificate() {
    certificate = SelfSignedCertificate.make(dir, "mail", "changeit-mail");
    serverTls = certificate.serverContext();
  }

  @Test
  void shouldSendOverStartTlsWithALogInAndArriveReadable() throws Exception {
    try (TestSmtpServer server = TestSmtpServer.start(Kind.STARTTLS_REQUIRED, serverTls)) {
      Delivery delivery = gateway(settings(server.port(), "starttls", trusted())).send(FORWARDED);

      assertThat(delivery).isInstanceOf(Delivery.Sent.class);
      assertThat(server.logins).containsExactly(TestSmtpServer.USERNAME);
      assertThat(server.senders).containsExactly(FROM);
      assertThat(server.recipients).containsExactly(DEPARTMENT);
      MimeMessage received = server.onlyMessage();
      InternetAddress from = (InternetAddress) received.getFrom()[0];
      assertThat(from.getAddress()).isEqualTo(FROM);
      assertThat(from.getPersonal()).isEqualTo(STATION);
      assertThat(received.getRecipients(MimeMessage.RecipientType.TO))
          .extracting(a -> ((InternetAddress) a).getAddress())
          .containsExactly(DEPARTMENT);
      assertThat(received.getSubject()).isEqualTo(FORWARDED.subject());
      // Encoded words on the wire (RFC 2047), not raw 8-bit bytes a relay may mangle.
      assertThat(received.getHeader("Subject")[0]).startsWith("=?UTF-8?").matches("\\p{ASCII}+");
      assertThat(received.getContentType()).containsIgnoringCase("text/plain").contains("UTF-8");
      assertThat(((String) received.getContent()).replace("\r\n", "\n"))
          .isEqualTo(FORWARDED.text());
      assertThat(received.getHeader("List-Unsubscribe"))
          .containsExactly("<https://hub.test/unsubscribe/m-7f3a>");
      assertThat(received.getMessageID())
          .isEqualTo(((Delivery.Sent) delivery).reference())
          .matches("<[^@<>]+@county\\.test>");
      assertThat(received.getSentDate().toInstant()).isEqualTo(NOW);
      assertThat(received.getHeader("Date")[0]).isEqualTo("Sat, 5 Dec 2026 10:30:00 +0800");
    }
  }

  @Test
  void shouldLeaveOutListUnsubscribeForMessagesADepartmentMustReceive() throws Exception {
    try (TestSmtpServer server = TestSmtpServer.start(Kind.STARTTLS_REQUIRED, serverTls)) {
      MailMessage overdue = new MailMessage(DEPARTMENT, "【逾期】案件 2026-0042", "已逾期，请尽快答复。", null);

      assertThat(gateway(settings(server.port(), "starttls", trusted())).send(overdue))
          .isInstanceOf(Delivery.Sent.class);
      assertThat(server.onlyMessage().getHeader("List-Unsubscribe")).isNull();
    }
  }

  @Test
  void shouldSendOverTlsFromTheFirstByte() throws Exception {
    try (TestSmtpServer server = TestSmtpServer.start(Kind.IMPLICIT_TLS, serverTls)) {
      Delivery delivery = gateway(settings(server.port(), "ssl", trusted())).send(FORWARDED);

      assertThat(delivery).isInstanceOf(Delivery.Sent.class);
      assertThat(server.onlyMessage().getSubject()).isEqualTo(FORWARDED.subject());
    }
  }

  @Test
  void shouldSayTheLogInIsWrongAndKeepTryingWhenThePasswordIsRefused() {
    try (TestSmtpServer server = TestSmtpServer.start(Kind.STARTTLS_REQUIRED, serverTls)) {
      MailSettings wrong =
          settings("localhost", server.port(), "not-the-password", LONG_ENOUGH, trusted());

      Delivery delivery = gateway(wrong).send(FORWARDED);

      Delivery.Failed failed = (Delivery.Failed) delivery;
      // A configuration fault: retried, so the messages go once the administrator fixes it.
      assertThat(failed.retry()).isTrue();
      assertThat(failed.reason())
          .contains("邮件服务器拒绝了用户名或密码")
          .contains("refused the user name or password")
          .contains("hub.notify.mail.password")
          .contains("535")
          .doesNotContain("not-the-password");
      assertThat(server.received).isEmpty();
    }
  }

  @Test
  void shouldSendNothingInTheClearWhenTheServerDoesNotOfferStartTls() {
    try (TestSmtpServer server = TestSmtpServer.start(Kind.PLAIN_ONLY, serverTls)) {
      Delivery delivery = gateway(settings(server.port(), "starttls", trusted())).send(FORWARDED);

      Delivery.Failed failed = (Delivery.Failed) delivery;
      assertThat(failed.retry()).isTrue();
      assertThat(failed.reason()).contains("STARTTLS").contains("hub.notify.mail.security");
      // Neither the password (AUTH) nor the message (MAIL FROM … DATA) went out.
      assertThat(server.logins).isEmpty();
      assertThat(server.senders).isEmpty();
      assertThat(server.received).isEmpty();
    }
  }

  @Test
  void shouldRefuseAServerWhoseCertificateItWasNotToldToTrust() {
    try (TestSmtpServer server = TestSmtpServer.start(Kind.STARTTLS_REQUIRED, serverTls)) {
      Delivery delivery = gateway(settings(server.port(), "starttls", null)).send(FORWARDED);

      Delivery.Failed failed = (Delivery.Failed) delivery;
      assertThat(failed.retry()).isTrue();
      assertThat(failed.reason()).contains("证书").contains("hub.notify.mail.trust-certificate");
      assertThat(server.logins).isEmpty();
      assertThat(server.received).isEmpty();
    }
  }

  @Test
  void shouldRefuseAServerWhoseCertificateNamesAnotherHost() throws Exception {
    // The certificate names localhost, 127.0.0.1 and 127.0.0.2; this server answers on 127.0.0.3.
    InetAddress unnamed = InetAddress.getByName("127.0.0.3");
    try (TestSmtpServer server =
        TestSmtpServer.startOn(unnamed, Kind.STARTTLS_REQUIRED, serverTls)) {
      MailSettings byAddress =
          settings("127.0.0.3", server.port(), TestSmtpServer.PASSWORD, LONG_ENOUGH, trusted());

      Delivery.Failed failed = (Delivery.Failed) gateway(byAddress).send(FORWARDED);

      assertThat(failed.retry()).isTrue();
      assertThat(failed.reason()).contains("与主机名不符").contains("does not match its name");
      assertThat(server.logins).isEmpty();
      assertThat(server.received).isEmpty();
    }
  }

  @Test
  void shouldSayTheServerWantsALogInWhenNoneIsSet() {
    try (TestSmtpServer server = TestSmtpServer.start(Kind.STARTTLS_REQUIRED, serverTls)) {
      MailSettings anonymous = settings("localhost", server.port(), null, LONG_ENOUGH, trusted());

      Delivery.Failed failed = (Delivery.Failed) gateway(anonymous).send(FORWARDED);

      assertThat(failed.retry()).isTrue();
      assertThat(failed.reason())
          .contains("邮件服务器要求先登录")
          .contains("hub.notify.mail.username")
          .contains("530");
      assertThat(server.received).isEmpty();
    }
  }

  @Test
  void shouldSayTheSenderIsRefusedAndKeepTrying() {
    try (TestSmtpServer server = TestSmtpServer.start(Kind.STARTTLS_REQUIRED, serverTls, FROM)) {
      Delivery.Failed failed =
          (Delivery.Failed) gateway(settings(server.port(), "starttls", trusted())).send(FORWARDED);

      assertThat(failed.retry()).isTrue();
      assertThat(failed.reason())
          .contains("不接受这个发件人")
          .contains("hub.notify.mail.from")
          .contains("553");
      assertThat(server.received).isEmpty();
    }
  }

  @Test
  void shouldGiveUpOnARecipientTheServerRefuses() {
    String nobody = "nobody@county.test";
    try (TestSmtpServer server = TestSmtpServer.start(Kind.STARTTLS_REQUIRED, serverTls, nobody)) {
      Delivery delivery =
          gateway(settings(server.port(), "starttls", trusted()))
              .send(new MailMessage(nobody, "【交办】案件 2026-0042", "请答复。", null));

      Delivery.Failed failed = (Delivery.Failed) delivery;
      assertThat(failed.retry()).isFalse();
      assertThat(failed.reason()).contains("拒收这个收件地址").contains("550");
      assertThat(server.received).isEmpty();
    }
  }

  @Test
  void shouldGiveUpOnAnAddressThatIsNotOneWithoutCallingTheServer() {
    Delivery delivery =
        gateway(settings(closedPort(), "starttls", trusted()))
            .send(new MailMessage("住建局", "【交办】案件 2026-0042", "请答复。", null));

    Delivery.Failed failed = (Delivery.Failed) delivery;
    assertThat(failed.retry()).isFalse();
    assertThat(failed.reason()).contains("住建局").contains("not valid");
  }

  @Test
  void shouldTryAgainLaterWhenTheServerIsDown() {
    int port = closedPort();

    Delivery delivery = gateway(settings(port, "starttls", trusted())).send(FORWARDED);

    Delivery.Failed failed = (Delivery.Failed) delivery;
    assertThat(failed.retry()).isTrue();
    assertThat(failed.reason()).contains("连接不上邮件服务器 localhost:" + port);
  }

  @Test
  @Timeout(120) // guards against a hang only: the gateway's own read timeout must end it
  void shouldGiveUpTheAttemptWhenTheServerNeverAnswers() throws IOException {
    // Connections wait in the backlog, accepted by the system, and no greeting ever comes.
    try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      MailSettings slow =
          settings(
              "localhost",
              silent.getLocalPort(),
              TestSmtpServer.PASSWORD,
              Duration.ofSeconds(1),
              trusted());

      Delivery delivery = gateway(slow).send(FORWARDED);

      Delivery.Failed failed = (Delivery.Failed) delivery;
      assertThat(failed.retry()).isTrue();
      assertThat(failed.reason()).contains("没有应答").contains("did not answer within 1 s");
    }
  }

  private static SmtpMailGateway gateway(MailSettings settings) {
    return new SmtpMailGateway(settings, CLOCK);
  }

  private static MailSettings settings(int port, String security, @Nullable String trust) {
    return settings("localhost", port, security, TestSmtpServer.PASSWORD, LONG_ENOUGH, trust);
  }

  /** STARTTLS to {@code host}, logging in with this password (null: no log-in). */
  private static MailSettings settings(
      String host, int port, @Nullable String password, Duration readTimeout, String trust) {
    return settings(host, port, "starttls", password, readTimeout, trust);
  }

  private static MailSettings settings(
      String host,
      int port,
      String security,
      @Nullable String password,
      Duration readTimeout,
      @Nullable String trust) {
    return new MailSettings(
        host,
        port,
        security,
        password == null ? null : TestSmtpServer.USERNAME,
        password,
        FROM,
        STATION,
        Duration.ofSeconds(10),
        readTimeout,
        trust);
  }

  private static String trusted() {
    return certificate.pem().toString();
  }

  private static int closedPort() {
    try {
      return TestBroker.freePort();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
