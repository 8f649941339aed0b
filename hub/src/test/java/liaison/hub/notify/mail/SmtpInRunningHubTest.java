package liaison.hub.notify.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.InternetAddress;
import java.nio.file.Path;
import java.util.Map;
import liaison.hub.RunningHub;
import liaison.hub.config.StartupProblem;
import liaison.hub.notify.Delivery;
import liaison.hub.notify.MailGateway;
import liaison.hub.notify.MailMessage;
import liaison.hub.notify.mail.TestSmtpServer.Kind;
import liaison.testkit.SelfSignedCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hub.notify.mail.channel=smtp} in a whole hub: the settings bind from the hub's properties
 * (as an administrator writes them), the gateway is the SMTP one and reaches a real server, and
 * settings it cannot send with stop the start, naming every setting to fix.
 */
class SmtpInRunningHubTest {
  @TempDir Path dir;

  @Test
  void shouldSendThroughTheCountysServerWhenSmtpIsChosen() throws Exception {
    SelfSignedCertificate certificate = SelfSignedCertificate.make(dir, "mail", "changeit-mail");
    try (TestSmtpServer server =
            TestSmtpServer.start(Kind.STARTTLS_REQUIRED, certificate.serverContext());
        RunningHub hub =
            RunningHub.start(
                dir.resolve("data"),
                Map.of(
                    "hub.demo", "never",
                    "hub.notify.mail.channel", "smtp",
                    "hub.notify.mail.host", "localhost",
                    "hub.notify.mail.port", server.port(),
                    "hub.notify.mail.username", TestSmtpServer.USERNAME,
                    "hub.notify.mail.password", TestSmtpServer.PASSWORD,
                    "hub.notify.mail.from", "lianluozhan@county.test",
                    "hub.notify.mail.from-name", "某某县人大代表联络站",
                    "hub.notify.mail.trust-certificate", certificate.pem().toString()))) {
      MailGateway gateway = hub.bean(MailGateway.class);
      assertThat(gateway).isInstanceOf(SmtpMailGateway.class);

      Delivery delivery =
          gateway.send(
              new MailMessage("zhujianju@county.test", "【督办】案件 2026-0042", "请尽快答复。", null));

      assertThat(delivery).isInstanceOf(Delivery.Sent.class);
      InternetAddress from = (InternetAddress) server.onlyMessage().getFrom()[0];
      assertThat(from.getPersonal()).isEqualTo("某某县人大代表联络站");
      assertThat(server.onlyMessage().getSubject()).isEqualTo("【督办】案件 2026-0042");
    }
  }

  @Test
  void shouldRefuseToStartWithSettingsItCannotSendWith() {
    assertThatThrownBy(
            () ->
                RunningHub.start(
                    dir.resolve("data"),
                    Map.of(
                        "hub.demo", "never",
                        "hub.notify.mail.channel", "smtp",
                        "hub.notify.mail.security", "tls",
                        "hub.notify.mail.password", "only-a-password")))
        .rootCause()
        .isInstanceOf(StartupProblem.class)
        .hasMessageStartingWith("邮件设置有误，无法发送邮件：缺少 hub.notify.mail.host")
        .hasMessageContaining("E-mail settings are wrong, no e-mail can be sent: ")
        .hasMessageContaining("hub.notify.mail.from is missing")
        .hasMessageContaining("hub.notify.mail.security must be starttls, ssl or none")
        .hasMessageContaining("hub.notify.mail.username is missing")
        .hasMessageNotContaining("only-a-password");
  }
}
