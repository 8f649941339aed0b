package liaison.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The stations' reports wait for a round being built, and only so long. */
class PublishingRoundTest {
  private final PublishingRound round = new PublishingRound();

  @Test
  void noRoundNoWait() throws Exception {
    long started = System.nanoTime();
    round.awaitNone(Duration.ofSeconds(30));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void waitsUntilTheRoundIsBuilt() throws Exception {
    round.begin();
    Thread waiting = Thread.ofPlatform().start(() -> awaitQuietly(Duration.ofSeconds(60)));
    // Parked on the round, not returned.
    while (waiting.getState() != Thread.State.TIMED_WAITING) {
      assertThat(waiting.isAlive()).as("returned while the round was being built").isTrue();
      Thread.onSpinWait();
    }
    round.end();
    waiting.join(Duration.ofSeconds(10));
    assertThat(waiting.isAlive()).as("still waiting after the round").isFalse();
  }

  @Test
  void aRoundThatNeverEndsHoldsNoOneForEver() throws Exception {
    round.begin();
    long started = System.nanoTime();
    CompletableFuture<Void> waited =
        CompletableFuture.runAsync(() -> awaitQuietly(Duration.ofMillis(200)));
    waited.get(10, TimeUnit.SECONDS);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(200));
  }

  private void awaitQuietly(Duration most) {
    try {
      round.awaitNone(most);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
