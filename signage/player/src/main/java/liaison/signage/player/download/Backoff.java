package liaison.signage.player.download;

import java.time.Duration;

/**
 * How long a station waits before trying a failed download again: {@code first} after the first
 * failure, doubling with each one after, never more than {@code most}. A station offline for days
 * asks the hub no more than once per {@code most} for each file it lacks.
 */
public record Backoff(Duration first, Duration most) {

  /** Doubling from {@code first} up to an hour. */
  public static Backoff upToAnHour(Duration first) {
    return new Backoff(first, Duration.ofHours(1));
  }

  /** The wait after this many failures in a row; none before the first. */
  public Duration after(int failures) {
    if (failures <= 0) {
      return Duration.ZERO;
    }
    Duration delay = first.multipliedBy(1L << Math.min(failures - 1, 20));
    return delay.compareTo(most) > 0 ? most : delay;
  }
}
