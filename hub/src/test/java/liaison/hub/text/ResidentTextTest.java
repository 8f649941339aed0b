package liaison.hub.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What residents type, made fit to keep, in the one place both the opinion form and booking use.
 */
class ResidentTextTest {

  @Test
  void shouldReadTheMainlandMobileOutOfWhatWasTyped() {
    assertThat(ResidentText.mobile("138 1234-1234")).isEqualTo("13812341234");
    assertThat(ResidentText.mobile(" +86 (138) 1234 1234 ")).isEqualTo("13812341234");
    assertThat(ResidentText.mobile("8613812341234")).isEqualTo("13812341234");
    assertThat(ResidentText.mobile("0571-87654321")).as("a landline").isEmpty();
    assertThat(ResidentText.mobile("1381234123")).as("a digit short").isEmpty();
    assertThat(ResidentText.mobile("")).isEmpty();
    assertThat(ResidentText.mobile(null)).isEmpty();
  }

  @Test
  void shouldUnifyLineBreaksAndTrimWithoutDroppingAnything() {
    assertThat(ResidentText.trimmed("  噪音\r\n扰民\r晚上  ")).isEqualTo("噪音\n扰民\n晚上");
    assertThat(ResidentText.trimmed(null)).isEmpty();
  }

  @Test
  void shouldDropInvisibleControlsFromFreeTextButKeepEmojiAndLineBreaks() {
    assertThat(ResidentText.clean(" 路灯\u0000坏了\u001b[31m\n👨‍👩‍👧 \u2028"))
        .isEqualTo("路灯坏了[31m\n👨‍👩‍👧");
    assertThat(ResidentText.cleanLine("老\t张\n先生")).isEqualTo("老 张 先生");
  }

  @Test
  void shouldFindHiddenCharactersForFormsThatRefuseThem() {
    assertThat(ResidentText.hasHiddenCharacters("老\u0007张", false)).isTrue();
    assertThat(ResidentText.hasHiddenCharacters("老张\u202e", false)).as("a bidi override").isTrue();
    assertThat(ResidentText.hasHiddenCharacters("第一行\n第二行", true)).isFalse();
    assertThat(ResidentText.hasHiddenCharacters("第一行\n第二行", false)).isTrue();
    assertThat(ResidentText.hasHiddenCharacters("老张 👍", false)).isFalse();
  }

  @Test
  void shouldCountCharactersAsAPersonDoesAndReportBrokenEncoding() {
    assertThat(ResidentText.length("路灯👍")).isEqualTo(3);
    assertThat(ResidentText.hasBrokenEncoding("路\uFFFD灯")).isTrue();
    assertThat(ResidentText.hasBrokenEncoding(null)).isFalse();
  }
}
