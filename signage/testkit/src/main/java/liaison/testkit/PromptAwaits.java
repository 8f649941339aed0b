package liaison.testkit;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.pollinterval.PollInterval;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * How every {@code await()} of a test JVM polls, set once when JUnit opens its session (registered
 * in {@code META-INF/services}): the condition is first tried at once, then after pauses of 5, 10,
 * 20, 40 and 80 ms, and every 100 ms from there. Awaitility's own default waits 100 ms before the
 * first try and between tries, so a condition already true, or true within milliseconds (a broker's
 * answer, a published snapshot), cost each await a tenth of a second, some thousands of them a
 * suite. A longer wait is polled as before; no await's time limit changes.
 */
public final class PromptAwaits implements LauncherSessionListener {
  /** The longest pause between two tries: Awaitility's default interval. */
  static final Duration LONGEST = Duration.ofMillis(100);

  static final Duration FIRST = Duration.ofMillis(5);

  /** The pause before try number {@code pollCount + 1}: doubling from 5 ms up to 100 ms. */
  static final PollInterval DOUBLING =
      (pollCount, previous) -> {
        Duration next = FIRST.multipliedBy(1L << Math.min(pollCount - 1, 5));
        return next.compareTo(LONGEST) < 0 ? next : LONGEST;
      };

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    Awaitility.setDefaultPollDelay(Duration.ZERO);
    Awaitility.setDefaultPollInterval(DOUBLING);
  }
}
