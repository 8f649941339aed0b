package liaison.signage.player.hardware;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Counts visitors per hour from the motion sensor: a movement that starts at least {@code gap}
 * after the last one ended is a new visitor (a PIR stays high while someone stands in front of it).
 * Hours are counted in the station's time zone; {@link #closedHours(Instant)} hands over each hour
 * once it is over.
 */
public final class Footfall {

  /** One finished hour: its start and the visitors counted. */
  public record Hour(ZonedDateTime start, int count) {}

  private final Duration gap;
  private final ZoneId zone;
  private Optional<Instant> lastMotionEnd = Optional.empty();
  private boolean moving;
  private ZonedDateTime currentHour;
  private int count;
  private final List<Hour> pending = new ArrayList<>();

  public Footfall(Duration gap, ZoneId zone, Instant now) {
    this.gap = gap;
    this.zone = zone;
    this.currentHour = hourOf(now);
  }

  private ZonedDateTime hourOf(Instant at) {
    return at.atZone(zone).truncatedTo(ChronoUnit.HOURS);
  }

  /** The sensor went high. Returns whether this counted as a new visitor. */
  public synchronized boolean motionStarted(Instant at) {
    roll(at);
    boolean fresh = !moving && lastMotionEnd.map(end -> !at.isBefore(end.plus(gap))).orElse(true);
    moving = true;
    if (fresh) {
      count++;
    }
    return fresh;
  }

  /** The sensor went low. */
  public synchronized void motionEnded(Instant at) {
    moving = false;
    lastMotionEnd = Optional.of(at);
  }

  /**
   * Hours that are over by {@code now} (with their counts, zero included), oldest first, each once.
   */
  public synchronized List<Hour> closedHours(Instant now) {
    roll(now);
    List<Hour> out = List.copyOf(pending);
    pending.clear();
    return out;
  }

  /** Moves every hour that is over into {@code pending}. */
  private void roll(Instant now) {
    ZonedDateTime hour = hourOf(now);
    while (currentHour.isBefore(hour)) {
      pending.add(new Hour(currentHour, count));
      count = 0;
      currentHour = currentHour.plusHours(1);
      if (ChronoUnit.HOURS.between(currentHour, hour) > 48) {
        // Switched off for days: no need to report every empty hour in between.
        currentHour = hour;
      }
    }
  }

  /** Visitors counted so far in the current hour. */
  public synchronized int currentCount() {
    return count;
  }
}
