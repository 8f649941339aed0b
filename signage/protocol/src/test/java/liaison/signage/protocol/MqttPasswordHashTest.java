package liaison.signage.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The station's password hash is Mosquitto's: the hub reads what mosquitto_passwd writes, and back.
 */
@Tag("security")
class MqttPasswordHashTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void shouldAcceptTheHashMosquittoPasswdWroteForTheGoldenPassword() {
    EnrolmentRequest golden =
        ProtocolCodec.decode(
            GoldenFiles.bytes(GoldenFiles.ENROLMENT_REQUEST), EnrolmentRequest.class);

    assertThat(
            MqttPasswordHash.matches(utf8(GoldenFiles.ENROLMENT_PASSWORD), golden.passwordHash()))
        .isTrue();
    assertThat(
            MqttPasswordHash.matches(
                utf8(GoldenFiles.ENROLMENT_PASSWORD + "x"), golden.passwordHash()))
        .isFalse();
  }

  @Test
  void shouldWriteTheSameHashAsMosquittoPasswdForTheSameSalt() {
    EnrolmentRequest golden =
        ProtocolCodec.decode(
            GoldenFiles.bytes(GoldenFiles.ENROLMENT_REQUEST), EnrolmentRequest.class);
    String[] parts = golden.passwordHash().split("\\$");
    byte[] salt = Base64.getDecoder().decode(parts[3]);

    assertThat(MqttPasswordHash.hash(GoldenFiles.ENROLMENT_PASSWORD, salt, 101))
        .isEqualTo(golden.passwordHash());
  }

  @Test
  void shouldMakeLongRandomPasswordsAndSaltEachHash() {
    String password = MqttPasswordHash.newPassword();
    String a = MqttPasswordHash.hash(password);
    String b = MqttPasswordHash.hash(password);

    assertThat(password).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(MqttPasswordHash.newPassword()).isNotEqualTo(password);
    assertThat(a).isNotEqualTo(b).startsWith("$7$101$");
    assertThat(MqttPasswordHash.matches(utf8(password), a)).isTrue();
    assertThat(MqttPasswordHash.matches(utf8(password), b)).isTrue();
  }

  @Test
  void shouldRefuseMalformedHashesAndPasswordsWithoutThrowing() {
    String good = MqttPasswordHash.hash("secret");

    assertThat(MqttPasswordHash.isWellFormed(good)).isTrue();
    for (String bad :
        new String[] {
          "", "secret", "$6$abc$def", good.replace("$7$101$", "$7$0$"), good + "x", "$7$101$$"
        }) {
      assertThat(MqttPasswordHash.isWellFormed(bad)).as(bad).isFalse();
      assertThat(MqttPasswordHash.matches(utf8("secret"), bad)).as(bad).isFalse();
    }
    assertThat(MqttPasswordHash.matches(new byte[] {(byte) 0xff, (byte) 0xfe, 0}, good)).isFalse();
    assertThat(MqttPasswordHash.matches(new byte[0], good)).isFalse();
  }

  @Test
  void shouldRefuseAnEnrolmentRequestThatCarriesAPlainPassword() {
    assertThatThrownBy(
            () ->
                ProtocolCodec.decode(
                    GoldenFiles.bytes("bad/enrolment-plain-password.json"), EnrolmentRequest.class))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("passwordHash");
  }
}
