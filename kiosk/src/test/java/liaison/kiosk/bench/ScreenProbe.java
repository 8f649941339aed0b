package liaison.kiosk.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import liaison.kiosk.app.FirstFrameFx;
import liaison.kiosk.app.KioskScreen;
import liaison.kiosk.app.KioskStart;
import liaison.signage.player.StationConfig;
import liaison.signage.player.StationRuntime;
import liaison.signage.player.fx.CjkFonts;
import liaison.testkit.Benchmarks;

/**
 * The main class of a child JVM that opens one 1024×600 window and reports, as {@code figure.*}
 * lines, when its first frame was done; then, if asked, how much CPU it used while left idle.
 *
 * <p>{@code bare <idle s>}: an empty scene, the floor JavaFX itself sets. {@code kiosk <idle s>
 * <station dir> <broker uri>}: what {@code KioskApp} does ({@link KioskStart}) — open the station
 * runtime on its store while the toolkit starts, build the kiosk screen, show it, start the link to
 * the hub once the first frame is done. {@code kiosk-serial …}: the same in the order before issue
 * 22.
 *
 * <p>First frame: the first pulse after {@code show()} that laid the scene out has ended on the FX
 * thread; a task queued from that pulse's post-layout listener runs right after it. With {@code
 * -Dquantum.multithreaded=false} the pulse ends only once the renderer has drawn the frame, so the
 * time includes drawing it; without, only handing it over to the render thread.
 */
public final class ScreenProbe {
  static final int WIDTH = 1024;
  static final int HEIGHT = 600;

  /** Left out of the idle measurement: class loading, JIT and the link's first connect. */
  static final long SETTLE_MILLIS = Benchmarks.count(3_000, 100);

  /**
   * {@code -Dliaison.probe.allFacesFirst=true}: every face opened before the screen is built, as
   * before the fonts were split at the first frame (to compare in one run through {@code
   * -Dliaison.kioskStart.options}).
   */
  private static final boolean ALL_FACES_FIRST = Boolean.getBoolean("liaison.probe.allFacesFirst");

  /**
   * {@code -Dliaison.probe.idleFirst=true}: the idle loop and the hand-over view built with the
   * screen, before the first frame, as before they waited for it.
   */
  private static final boolean IDLE_FIRST = Boolean.getBoolean("liaison.probe.idleFirst");

  /** {@code -Dliaison.probe.plainPlate=true}: the plate without its shadow, to time the effect. */
  private static final boolean PLAIN_PLATE = Boolean.getBoolean("liaison.probe.plainPlate");

  private static volatile int idleSeconds;
  private static volatile KioskStart opening;
  private static volatile StationConfig serial;
  private static final Clock CLOCK = Clock.system(ZoneId.of("Asia/Shanghai"));

  private ScreenProbe() {}

  public static void main(String[] args) {
    report("mainMicros", micros(Instant.now()));
    report("jvmStartMillis", ManagementFactory.getRuntimeMXBean().getStartTime());
    idleSeconds = Integer.parseInt(args[1]);
    switch (args[0]) {
      case "bare" -> Application.launch(BareWindow.class);
      case "kiosk" -> {
        opening = KioskStart.begin(StationConfig.of("s-001", args[3], Path.of(args[2])), CLOCK);
        Application.launch(KioskWindow.class);
      }
      case "kiosk-serial" -> {
        serial = StationConfig.of("s-001", args[3], Path.of(args[2]));
        Application.launch(SerialKioskWindow.class);
      }
      default -> throw new IllegalArgumentException("expected bare or kiosk, got " + args[0]);
    }
  }

  /** An empty scene of the kiosk's size, shown the same way. */
  public static final class BareWindow extends Application {
    @Override
    public void start(Stage stage) {
      moment("start");
      Scene scene = new Scene(new Pane(), WIDTH, HEIGHT);
      stage.setScene(scene);
      stage.show();
      moment("shown");
      afterFirstFrame(scene, () -> 0L);
    }
  }

  /**
   * The kiosk as {@code KioskApp.start} opens it, on a store that already holds content: the fonts'
   * faces opened while the store is still opening, then the screen.
   */
  public static final class KioskWindow extends Application {
    @Override
    public void start(Stage stage) {
      moment("start");
      moment("fontsFrom");
      CjkFonts fonts = CjkFonts.detect();
      moment("fontsDetected");
      fonts.warm();
      if (ALL_FACES_FIRST) {
        fonts.warmRest();
      }
      moment("fonts");
      moment("openWaitFrom");
      StationRuntime runtime = opening.runtime();
      moment("runtimeOpen");
      moment("screenFrom");
      KioskScreen screen = new KioskScreen(runtime, CLOCK, fonts);
      if (IDLE_FIRST) {
        screen.buildIdle();
      }
      if (PLAIN_PLATE) {
        screen
            .view()
            .getStylesheets()
            .add(
                "data:text/css;base64,"
                    + java.util.Base64.getEncoder()
                        .encodeToString(".plate { -fx-effect: null; }".getBytes()));
      }
      moment("screen");
      Scene scene = new Scene(screen.root(), WIDTH, HEIGHT);
      stage.setScene(scene);
      // The probe's listener first, so the first frame is reported before the deferred start runs.
      afterFirstFrame(scene, runtime.presence()::displayedVersion);
      FirstFrameFx.after(
          scene,
          () -> {
            fonts.warmRest();
            screen.buildIdle();
            // A training run for the AOT cache ends at the first frame, as KioskApp's does.
            if (!Boolean.getBoolean("liaison.aotTraining")) {
              runtime.start();
              runtime.screenShown();
            }
          });
      stage.show();
      moment("shown");
    }
  }

  /**
   * The kiosk as {@code KioskApp.start} opened it before issue 22, for comparison: the store opened
   * in {@code start}, after the toolkit, and the link, outbox and heartbeats started before the
   * first frame.
   */
  public static final class SerialKioskWindow extends Application {
    @Override
    public void start(Stage stage) {
      moment("start");
      moment("openWaitFrom");
      StationRuntime runtime = StationRuntime.open(serial, CLOCK);
      moment("runtimeOpen");
      moment("fontsFrom");
      CjkFonts fonts = CjkFonts.detect();
      moment("fonts");
      Scene scene = kioskScene(stage, runtime, fonts);
      stage.show();
      moment("shown");
      runtime.start();
      afterFirstFrame(scene, runtime.presence()::displayedVersion);
    }
  }

  /**
   * The kiosk's screen on an opened runtime, in the stage's scene, as before issue 22: the idle
   * loop built with it. Each step's moment reported.
   */
  private static Scene kioskScene(Stage stage, StationRuntime runtime, CjkFonts fonts) {
    moment("screenFrom");
    KioskScreen screen = new KioskScreen(runtime, CLOCK, fonts);
    screen.buildIdle();
    moment("screen");
    Scene scene = new Scene(screen.root(), WIDTH, HEIGHT);
    stage.setScene(scene);
    return scene;
  }

  private static void afterFirstFrame(Scene scene, java.util.function.LongSupplier shownVersion) {
    AtomicBoolean seen = new AtomicBoolean();
    AtomicLong pulses = new AtomicLong();
    scene.addPostLayoutPulseListener(
        () -> {
          pulses.incrementAndGet();
          if (seen.compareAndSet(false, true)) {
            moment("laidOut");
            Platform.runLater(
                () -> {
                  moment("firstFrame");
                  report("shownVersion", shownVersion.getAsLong());
                  Thread.ofPlatform().daemon().start(() -> idleThenExit(pulses));
                });
          }
        });
  }

  private static void idleThenExit(AtomicLong pulses) {
    if (idleSeconds > 0) {
      var os =
          (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      sleep(SETTLE_MILLIS);
      long cpu0 = os.getProcessCpuTime();
      long wall0 = System.nanoTime();
      long pulses0 = pulses.get();
      sleep(idleSeconds * 1_000L);
      report("idleCpuNanos", os.getProcessCpuTime() - cpu0);
      report("idleWallNanos", System.nanoTime() - wall0);
      report("idlePulses", pulses.get() - pulses0);
    }
    System.out.flush();
    System.exit(0);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
  }

  /**
   * A moment of the start: its wall-clock time, and where it is passed on the FX thread, that
   * thread's CPU time so far (a figure the other work on a loaded machine disturbs far less than
   * the wall clock); at the first frame also the whole process's CPU time so far.
   */
  private static void moment(String name) {
    report(name + "Micros", micros(Instant.now()));
    if (Platform.isFxApplicationThread()) {
      report(
          name + "FxCpuMicros",
          ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000);
    }
    if (name.equals("laidOut") || name.equals("firstFrame")) {
      // The renderer's thread: with -Dquantum.multithreaded=false the pulse waits for it to draw.
      Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.getName().startsWith("QuantumRenderer"))
          .findFirst()
          .ifPresent(
              t ->
                  report(
                      name + "RenderCpuMicros",
                      ManagementFactory.getThreadMXBean().getThreadCpuTime(t.threadId()) / 1_000));
    }
    if (name.equals("firstFrame")) {
      var os =
          (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      report("processCpuMicros", os.getProcessCpuTime() / 1_000);
    }
  }

  private static void report(String key, long value) {
    System.out.println(ChildJvm.FIGURE_PREFIX + key + "=" + value);
  }
}
