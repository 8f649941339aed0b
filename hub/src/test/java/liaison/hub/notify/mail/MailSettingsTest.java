package liaison.hub.notify.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks the hub makes on its mail settings before it starts. */
@Tag("security")
class MailSettingsTest {
  @TempDir Path dir;

  @Test
  void shouldAcceptACountyServerWithStartTlsAndALogIn() {
    assertThat(settings("starttls", 587, "secret", null).problems()).isEmpty();
  }

  @Test
  void shouldRefuseAPasswordThatWouldTravelInTheClear() {
    assertThat(settings("none", 25, "secret", null).problems())
        .extracting(Text::en)
        .containsExactly(
            "hub.notify.mail.security cannot be none with a password: the password would travel in the clear");
  }

  @Test
  void shouldNameACertificateFileThatIsNotOne() throws Exception {
    Path notPem = Files.writeString(dir.resolve("county-ca.pem"), "not a certificate");

    assertThat(settings("starttls", 587, "secret", notPem.toString()).problems())
        .extracting(Text::zh)
        .containsExactly("hub.notify.mail.trust-certificate 指向的 " + notPem + " 读不出来，或不是 PEM 格式的证书");
  }

  @Test
  void shouldNameAPortOutOfRangeAsWritten() {
    assertThat(settings("ssl", 70000, "secret", null).problems())
        .extracting(Text::en)
        .containsExactly("hub.notify.mail.port must be between 1 and 65535 (it is 70000)");
  }

  private static MailSettings settings(
      String security, int port, String password, @Nullable String trust) {
    return new MailSettings(
        "mail.county.test",
        port,
        security,
        "lianluozhan@county.test",
        password,
        "lianluozhan@county.test",
        "某某县人大代表联络站",
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        trust);
  }
}
