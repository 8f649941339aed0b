package liaison.hub.notify.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import liaison.hub.config.TimeFactory;
import liaison.hub.notify.mail.TestSmtpServer.Kind;
import liaison.testkit.SelfSignedCertificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hub.jar check-mail --to=…}: the administrator's test message through a real server, with
 * the settings as the hub reads them, and the server's answer printed in both languages.
 */
class CheckMailTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-05T02:30:00Z"), TimeFactory.ZONE);

  @TempDir static Path dir;
  private static SelfSignedCertificate certificate;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeAll
  static void makeCertificate() {
    certificate = SelfSignedCertificate.make(dir, "mail", "changeit-mail");
  }

  @Test
  void shouldSendATestMessageAndSayTheServerTookIt() throws Exception {
    try (TestSmtpServer server =
        TestSmtpServer.start(Kind.STARTTLS_REQUIRED, certificate.serverContext())) {
      int status = run(List.of("--to=zhujianju@county.test"), settings(server, "smtp"));

      assertThat(status).isZero();
      assertThat(text(out))
          .contains("已发送：邮件服务器 localhost 接受了发往 zhujianju@county.test 的测试邮件")
          .contains("Sent: the mail server localhost took the test message")
          .doesNotContain("hub.notify.mail.channel");
      assertThat(server.onlyMessage().getSubject()).isEqualTo("联络站测试邮件 · Liaison test message");
      assertThat((String) server.onlyMessage().getContent()).contains("2026-12-05 10:30:00");
    }
  }

  @Test
  void shouldPrintWhyNothingWentAndFail() {
    try (TestSmtpServer server =
        TestSmtpServer.start(Kind.STARTTLS_REQUIRED, certificate.serverContext())) {
      Map<String, Object> wrong = settings(server, "log");
      wrong.put("hub.notify.mail.password", "not-the-password");

      int status = run(List.of("--to=zhujianju@county.test"), wrong);

      assertThat(status).isEqualTo(1);
      // The settings are tried even while the hub logs only, and the administrator is told so.
      assertThat(text(out)).contains("hub.notify.mail.channel 不是 smtp");
      assertThat(text(err))
          .contains("没有发出 · Not sent")
          .contains("邮件服务器拒绝了用户名或密码")
          .doesNotContain("not-the-password");
      assertThat(server.received).isEmpty();
    }
  }

  @Test
  void shouldNameTheSettingsMissingWithoutTryingToSend() {
    int status = run(List.of("--to=zhujianju@county.test"), Map.of());

    assertThat(status).isEqualTo(1);
    assertThat(text(err))
        .contains("缺少 hub.notify.mail.host / hub.notify.mail.host is missing")
        .contains("hub.notify.mail.from is missing");
  }

  @Test
  void shouldAskForTheAddress() {
    assertThat(run(List.of(), Map.of())).isEqualTo(2);
    assertThat(text(err)).contains("--to=ADDRESS").contains("Usage: java -jar hub.jar check-mail");
  }

  private int run(List<String> args, Map<String, Object> properties) {
    return CheckMail.run(
        args,
        properties,
        CLOCK,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static Map<String, Object> settings(TestSmtpServer server, String channel) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("hub.notify.mail.channel", channel);
    settings.put("hub.notify.mail.host", "localhost");
    settings.put("hub.notify.mail.port", server.port());
    settings.put("hub.notify.mail.username", TestSmtpServer.USERNAME);
    settings.put("hub.notify.mail.password", TestSmtpServer.PASSWORD);
    settings.put("hub.notify.mail.from", "lianluozhan@county.test");
    settings.put("hub.notify.mail.trust-certificate", certificate.pem().toString());
    return settings;
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }
}
