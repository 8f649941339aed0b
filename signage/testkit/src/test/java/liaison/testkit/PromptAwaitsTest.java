package liaison.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PromptAwaitsTest {
  @Test
  void shouldPauseTwiceAsLongEachTryUpToAwaitilitysOwnInterval() {
    assertThat(
            IntStream.rangeClosed(1, 8)
                .mapToObj(count -> PromptAwaits.DOUBLING.next(count, Duration.ZERO).toMillis()))
        .containsExactly(5L, 10L, 20L, 40L, 80L, 100L, 100L, 100L);
  }

  /**
   * JUnit's session opened PromptAwaits in this JVM: Awaitility refuses a time limit shorter than
   * its poll delay, and its own default delay is 100 ms.
   */
  @Test
  void shouldTryAConditionAtOnceInEveryTestJvm() {
    AtomicInteger tries = new AtomicInteger();

    await().atMost(Duration.ofMillis(50)).until(() -> tries.incrementAndGet() > 0);

    assertThat(tries).hasValue(1);
  }
}
