package liaison.signage.player.systemd;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's app as the unit {@code liaison-station.service} runs it ({@code Type=notify},
 * {@code WatchdogSec=}): ready once the screen is shown, a status line for {@code systemctl
 * status}, and the watchdog fed only while the UI thread answers.
 *
 * <p>Feeding from a timer alone would prove only that the timer runs. Each round posts a probe to
 * the UI thread; the next round sends {@code WATCHDOG=1} only if that probe ran, then posts the
 * next. A UI thread stuck in a loop or a lock runs no probe, the feeding stops, and systemd
 * restarts the app after {@code WatchdogSec}. Rounds come every third of the watchdog's time
 * ({@code WATCHDOG_USEC}), so one slow frame does not cost a restart.
 */
public final class SystemdUnit implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SystemdUnit.class);

  private final SystemdNotify notify;
  private final Consumer<Runnable> uiThread;
  private final Optional<Duration> feedEvery;
  private final AtomicBoolean probeRan = new AtomicBoolean();
  private final AtomicBoolean ready = new AtomicBoolean();
  private final AtomicBoolean failureLogged = new AtomicBoolean();
  private @Nullable ScheduledExecutorService feeder;

  /**
   * @param uiThread posts work to the UI thread ({@code Platform::runLater})
   * @param feedEvery how often the watchdog is fed; empty when systemd set no watchdog
   */
  public SystemdUnit(
      SystemdNotify notify, Consumer<Runnable> uiThread, Optional<Duration> feedEvery) {
    this.notify = notify;
    this.uiThread = uiThread;
    this.feedEvery = feedEvery;
  }

  /**
   * From systemd's environment: {@code NOTIFY_SOCKET}, and {@code WATCHDOG_USEC} (with {@code
   * WATCHDOG_PID}, when set, naming this process: a watchdog meant for another process is not fed
   * from here).
   *
   * @throws IllegalArgumentException when a variable is not what systemd writes
   */
  public static SystemdUnit fromEnvironment(
      Function<String, @Nullable String> env, long pid, Consumer<Runnable> uiThread) {
    SystemdNotify notify = new SystemdNotify(env.apply("NOTIFY_SOCKET"));
    String usec = env.apply("WATCHDOG_USEC");
    String watchdogPid = env.apply("WATCHDOG_PID");
    Optional<Duration> feedEvery = Optional.empty();
    if (notify.listening()
        && usec != null
        && !usec.isBlank()
        && (watchdogPid == null
            || watchdogPid.isBlank()
            || watchdogPid.strip().equals(Long.toString(pid)))) {
      long micros;
      try {
        micros = Long.parseLong(usec.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "WATCHDOG_USEC must be a number of microseconds, was '" + usec + "'");
      }
      if (micros > 0) {
        feedEvery = Optional.of(Duration.ofNanos(micros * 1000 / 3));
      }
    }
    return new SystemdUnit(notify, uiThread, feedEvery);
  }

  /** How often the watchdog is fed, when systemd keeps one on this app. */
  public Optional<Duration> feedEvery() {
    return feedEvery;
  }

  /**
   * The screen is up (its first frame, or the enrolment code): {@code READY=1} with the status, and
   * the watchdog's feeding starts. Once; later calls only set the status.
   */
  public synchronized void shown(String status) {
    if (!ready.compareAndSet(false, true)) {
      status(status);
      return;
    }
    send("READY=1\nSTATUS=" + status);
    feedEvery.ifPresent(this::startFeeding);
  }

  /** The line {@code systemctl status} shows for the app. */
  public void status(String status) {
    send("STATUS=" + status);
  }

  private void startFeeding(Duration every) {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("systemd-watchdog").factory());
    feeder = timer;
    postProbe();
    long nanos = every.toNanos();
    timer.scheduleAtFixedRate(this::feedIfUiAnswered, nanos, nanos, TimeUnit.NANOSECONDS);
  }

  private void feedIfUiAnswered() {
    // No second probe while one waits: a hung thread would only pile them up.
    if (probeRan.compareAndSet(true, false)) {
      send("WATCHDOG=1");
      postProbe();
    }
  }

  private void postProbe() {
    uiThread.accept(() -> probeRan.set(true));
  }

  /** The app is stopping: {@code STOPPING=1}, and no more feeding. */
  @Override
  public synchronized void close() {
    if (feeder != null) {
      feeder.shutdownNow();
      feeder = null;
    }
    send("STOPPING=1");
  }

  private void send(String message) {
    try {
      notify.send(message);
    } catch (IOException e) {
      // The app goes on without systemd's notice; once in the log is enough to find out why.
      if (failureLogged.compareAndSet(false, true)) {
        LOG.warn("could not notify systemd ({}): {}", notify, e.getMessage());
      }
    }
  }
}
