package liaison.signage.player.hardware;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import liaison.signage.player.LinkStatus;
import liaison.signage.player.StationRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's hardware at work for its runtime: motion wakes the screen, counts visitors per hour
 * (a {@code footfall} event each hour) and reports presence (a {@code motion} event when someone
 * appears and every 30 s while they stay, {@link MotionEvents}), the button sends a {@code
 * button.call} event at once, the LED shows the link (steady online, slow blink offline, fast blink
 * on an error), and the screen follows the opening hours. Every event goes through the runtime's
 * durable outbox.
 */
public final class StationHardware implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StationHardware.class);

  private final StationRuntime runtime;
  private final StationDevices devices;
  private final Clock clock;
  private final Footfall footfall;
  private final MotionEvents motions = new MotionEvents(MotionEvents.EVERY);
  private final ScreenSchedule schedule;
  private final ScreenPower screen;
  private final List<Runnable> wakeListeners = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> watches = new ArrayList<>();
  private final ScheduledExecutorService timer;
  private volatile LedPattern pattern = LedPattern.OFF;
  private volatile Instant patternSince;
  private volatile Optional<Instant> identifyUntil = Optional.empty();
  private volatile boolean error;
  private volatile Boolean screenShown;
  private volatile Instant lastPress = Instant.EPOCH;

  public StationHardware(
      StationRuntime runtime, StationDevices devices, ScreenPower screen, Clock clock) {
    this.runtime = runtime;
    this.devices = devices;
    this.clock = clock;
    this.screen = screen;
    var zone =
        runtime
            .feed()
            .content()
            .get()
            .map(c -> c.station().zone())
            .orElse(java.time.ZoneId.of("Asia/Shanghai"));
    this.footfall = new Footfall(devices.config().footfallGap(), zone, clock.instant());
    this.schedule = ScreenSchedule.of(devices.config(), zone);
    this.patternSince = clock.instant();
    devices.onMotion(this::motion);
    devices.onButton(this::pressed);
    watches.add(runtime.presence().link().watch(l -> showLink()));
    showLink();
    timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("station-hardware").factory());
  }

  /** Starts the LED blinking, the hourly footfall report and the screen schedule. */
  public StationHardware start() {
    timer.scheduleAtFixedRate(this::safeTick, 0, 100, TimeUnit.MILLISECONDS);
    return this;
  }

  /** Called on every movement that starts: the kiosk wakes its screen from dim. */
  public void onWake(Runnable listener) {
    wakeListeners.add(listener);
  }

  /** Something is wrong on this station (the kiosk's own check): the LED blinks fast. */
  public void error(boolean on) {
    error = on;
    showLink();
  }

  /** The hub asked the station to identify itself: the LED flickers for a while. */
  public void identify(Duration howLong) {
    identifyUntil = Optional.of(clock.instant().plus(howLong));
  }

  public LedPattern pattern() {
    return identifyUntil
        .filter(u -> clock.instant().isBefore(u))
        .map(u -> LedPattern.IDENTIFY)
        .orElse(pattern);
  }

  public int footfallThisHour() {
    return footfall.currentCount();
  }

  public boolean screenOn() {
    return schedule.screenOn(clock.instant());
  }

  private void showLink() {
    LinkStatus link = runtime.presence().link().get();
    LedPattern next =
        error
            ? LedPattern.FAST_BLINK
            : link.state() == LinkStatus.State.ONLINE ? LedPattern.STEADY : LedPattern.SLOW_BLINK;
    if (next != pattern) {
      pattern = next;
      patternSince = clock.instant();
    }
  }

  private void motion(boolean moving) {
    Instant now = clock.instant();
    if (moving) {
      footfall.motionStarted(now);
      schedule.motion(now);
      if (motions.started(now)) {
        reportMotion(now);
      }
      wakeListeners.forEach(Runnable::run);
    } else {
      footfall.motionEnded(now);
      motions.ended();
    }
  }

  /** A {@code motion} event through the durable outbox: the hub counts them per reception. */
  private void reportMotion(Instant at) {
    runtime.events().record("motion", Map.of("at", at.toString()));
  }

  private void pressed() {
    Instant now = clock.instant();
    if (now.isBefore(lastPress.plus(devices.config().buttonDebounce()))) {
      return; // the same press bouncing, or pressed again at once
    }
    lastPress = now;
    runtime.events().record("button.call", Map.of("at", now.toString()));
    LOG.info("station {}: call button pressed", runtime.config().stationId());
  }

  private void safeTick() {
    try {
      tick();
    } catch (RuntimeException e) {
      LOG.warn("station hardware tick failed: {}", e.getMessage());
    }
  }

  /**
   * One step of the timer: LED, finished hours of footfall, presence, screen power. Public for
   * tests.
   */
  public void tick() {
    Instant now = clock.instant();
    LedPattern shown = pattern();
    Instant since = shown == LedPattern.IDENTIFY ? identifyUntil.orElse(now) : patternSince;
    devices.led(shown.litAfter(Duration.between(since, now).abs()));
    for (Footfall.Hour hour : footfall.closedHours(now)) {
      runtime
          .events()
          .record(
              "footfall",
              Map.of("hour", hour.start().toOffsetDateTime().toString(), "count", hour.count()));
    }
    if (motions.stillThere(now)) {
      reportMotion(now);
    }
    boolean on = schedule.screenOn(now);
    if (screenShown == null || screenShown != on) {
      screenShown = on;
      screen.set(on);
      runtime.presence().screen(on);
      LOG.info("station {}: screen {}", runtime.config().stationId(), on ? "on" : "off");
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    for (AutoCloseable w : watches) {
      try {
        w.close();
      } catch (Exception e) {
        LOG.debug("unwatch: {}", e.getMessage());
      }
    }
  }
}
