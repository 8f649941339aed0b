package liaison.hub.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A sentence is found by its key and formatted once, the same way for Java and for the pages. */
class TextsTest {
  @Test
  void shouldPutTheValuesInAsWrittenInEitherLanguage() {
    Text tooLong = Text.of("problem.opinion.text.too-long", 2000, 2001);

    // A number is not grouped: the resident typed 2001 characters, not "2,001".
    assertThat(tooLong.zh()).isEqualTo("意见建议最多 2000 字，现在 2001 字，请精简");
    assertThat(tooLong.en()).isEqualTo("At most 2000 characters; this has 2001");
  }

  @Test
  void shouldPutATextInsideAnotherInTheSameLanguage() {
    Text onlyAdmin =
        Text.of("problem.station.county-admin-field", Text.of("problem.station.field.township"));

    assertThat(onlyAdmin.zh()).startsWith("只有县级管理员可以修改所属乡镇；");
    assertThat(onlyAdmin.en()).startsWith("Only a county administrator may change the township;");
  }

  @Test
  void shouldKeepApostrophesAndBraces() {
    assertThat(Text.of("home.qr").en()).isEqualTo("Residents' QR page");
    assertThat(Text.of("problem.station.id.missing").en())
        .isEqualTo("Enter the station's id, e.g. s-004");
    assertThat(Text.of("problem.json.not-an-object").zh())
        .isEqualTo("请求内容应当是一个 JSON 对象，如 {\"name\": \"…\"}");
  }

  @Test
  void shouldGiveBothLanguagesChineseFirstForWhatIsStoredOnce() {
    assertThat(Text.of("audit.summary.revoked").both(" · "))
        .isEqualTo("撤销屏幕凭据 · screen credential revoked");
  }

  @Test
  void shouldShowAMissingKeyAsSuchRatherThanFail() {
    assertThat(Text.of("no.such.key").en()).isEqualTo("??no.such.key_en??");
  }
}
