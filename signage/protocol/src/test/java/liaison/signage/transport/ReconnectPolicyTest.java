package liaison.signage.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAccumulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReconnectPolicyTest {

  @ParameterizedTest(name = "attempt {0}: {1} ms ±20 %")
  @CsvSource({
    "1, 1000",
    "2, 2000",
    "3, 4000",
    "4, 8000",
    "5, 16000",
    "6, 30000",
    "7, 30000",
    "40, 30000"
  })
  void shouldDoubleUpToTheLongestDelayAndSpreadEachWithinTheJitter(int attempt, long middleMillis) {
    // given the policy hub and stations use, and many draws of the random spread
    ReconnectPolicy policy = ReconnectPolicy.DEFAULT;
    SplittableRandom random = new SplittableRandom(attempt);
    LongAccumulator shortest = new LongAccumulator(Math::min, Long.MAX_VALUE);
    LongAccumulator longest = new LongAccumulator(Math::max, Long.MIN_VALUE);

    // when the delay is drawn 2,000 times
    for (int i = 0; i < 2_000; i++) {
      long delay = policy.delay(attempt, random).toMillis();
      shortest.accumulate(delay);
      longest.accumulate(delay);
    }

    // then every delay lies within ±20 % of the doubled delay, and the spread is really used
    assertThat(shortest.get()).isGreaterThanOrEqualTo(Math.round(middleMillis * 0.8));
    assertThat(longest.get()).isLessThanOrEqualTo(Math.round(middleMillis * 1.2));
    assertThat(shortest.get())
        .as("some stations come early")
        .isLessThan(Math.round(middleMillis * 0.85));
    assertThat(longest.get()).as("some come late").isGreaterThan(Math.round(middleMillis * 1.15));
  }

  @Test
  void shouldWaitExactlyTheDoubledDelayWithoutJitter() {
    ReconnectPolicy exact = new ReconnectPolicy(Duration.ofMillis(100), Duration.ofMillis(500), 0);
    SplittableRandom random = new SplittableRandom(1);
    assertThat(exact.delay(1, random)).isEqualTo(Duration.ofMillis(100));
    assertThat(exact.delay(2, random)).isEqualTo(Duration.ofMillis(200));
    assertThat(exact.delay(3, random)).isEqualTo(Duration.ofMillis(400));
    assertThat(exact.delay(4, random)).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void shouldRefuseAPolicyThatCannotWork() {
    assertThatThrownBy(() -> new ReconnectPolicy(Duration.ZERO, Duration.ofSeconds(1), 0.2))
        .hasMessageContaining("initialDelay must be positive");
    assertThatThrownBy(() -> new ReconnectPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 0.2))
        .hasMessageContaining("is below initialDelay");
    assertThatThrownBy(() -> new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(2), 1.0))
        .hasMessageContaining("jitter must be in [0, 1)");
  }
}
