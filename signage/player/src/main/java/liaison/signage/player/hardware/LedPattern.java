package liaison.signage.player.hardware;

import java.time.Duration;

/**
 * What the status LED says: lit steadily while the station is online, a slow blink while it is
 * offline, a fast blink on an error, and a quick flicker when the hub asks it to identify itself.
 */
public enum LedPattern {
  OFF(Duration.ZERO),
  STEADY(Duration.ZERO),
  SLOW_BLINK(Duration.ofMillis(1000)),
  FAST_BLINK(Duration.ofMillis(200)),
  IDENTIFY(Duration.ofMillis(100));

  private final Duration half;

  LedPattern(Duration half) {
    this.half = half;
  }

  /** How long the LED stays on, then off; zero for patterns that do not blink. */
  public Duration halfPeriod() {
    return half;
  }

  /** Whether the LED is lit {@code elapsed} after the pattern started. */
  public boolean litAfter(Duration elapsed) {
    return switch (this) {
      case OFF -> false;
      case STEADY -> true;
      default -> (elapsed.toMillis() / half.toMillis()) % 2 == 0;
    };
  }
}
