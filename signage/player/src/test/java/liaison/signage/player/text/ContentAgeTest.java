package liaison.signage.player.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a screen that lost the hub says about its content's age, and from when it says it. */
class ContentAgeTest {
  private static final Instant LOST = Instant.parse("2026-11-24T02:00:00Z");

  @ParameterizedTest(name = "{0} min after the hub was last heard: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0     | ''",
        "29    | ''",
        "30    | 内容更新于 30 分钟前 · updated 30 min ago",
        "59    | 内容更新于 59 分钟前 · updated 59 min ago",
        "60    | 内容更新于 1 小时前 · updated 1 h ago",
        "190   | 内容更新于 3 小时前 · updated 3 h ago",
        "2879  | 内容更新于 47 小时前 · updated 47 h ago",
        "2880  | 内容更新于 2 天前 · updated 2 days ago",
        "10080 | 内容更新于 7 天前 · updated 7 days ago"
      })
  void shouldSayTheAgeOnlyOnceTheHubHasBeenUnheardForHalfAnHour(long minutes, String said) {
    assertThat(
            ContentAge.of(LOST, LOST.plus(Duration.ofMinutes(minutes)))
                .map(a -> a.zh() + " · " + a.en())
                .orElse(""))
        .isEqualTo(said);
  }
}
