package liaison.signage.player.hardware;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When the screen is on: during the station's hours, and for a while after motion outside them (a
 * visitor at night wakes it). Plain logic on a clock; the screen itself is switched by {@link
 * ScreenPower}.
 */
public final class ScreenSchedule {
  private final LocalTime on;
  private final LocalTime off;
  private final Duration wakeFor;
  private final ZoneId zone;
  private Optional<Instant> wokenUntil = Optional.empty();

  public ScreenSchedule(LocalTime on, LocalTime off, Duration wakeFor, ZoneId zone) {
    this.on = on;
    this.off = off;
    this.wakeFor = wakeFor;
    this.zone = zone;
  }

  public static ScreenSchedule of(DeviceConfig config, ZoneId zone) {
    return new ScreenSchedule(config.screenOn(), config.screenOff(), config.wakeFor(), zone);
  }

  /** Motion seen: outside hours the screen stays on for {@code wakeFor} from now. */
  public synchronized void motion(Instant at) {
    Instant until = at.plus(wakeFor);
    if (wokenUntil.map(u -> u.isBefore(until)).orElse(true)) {
      wokenUntil = Optional.of(until);
    }
  }

  public synchronized boolean screenOn(Instant now) {
    return withinHours(now) || wokenUntil.map(now::isBefore).orElse(false);
  }

  boolean withinHours(Instant now) {
    LocalTime t = now.atZone(zone).toLocalTime();
    if (on.equals(off)) {
      return true; // on around the clock
    }
    return on.isBefore(off)
        ? !t.isBefore(on) && t.isBefore(off)
        : !t.isBefore(on) || t.isBefore(off);
  }
}
