package liaison.kiosk.app;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import liaison.signage.player.StationRuntime;
import liaison.signage.player.fx.CjkFonts;
import liaison.signage.player.fx.FxThread;
import liaison.signage.player.fx.Launch;
import liaison.signage.player.hardware.ScreenPower;
import liaison.signage.player.hardware.StationDevices;
import liaison.signage.player.hardware.StationHardware;

/** The kiosk window: one station runtime and its screen. */
public final class KioskApp extends Application {

  private static volatile KioskOptions options;
  private static volatile KioskStart opening;

  /**
   * The station launcher's training run for the JDK AOT cache (bin/liaison-station, issue 22): the
   * start up to the first frame, then exit, without reaching the hub or the hardware.
   */
  private static final boolean AOT_TRAINING = Boolean.getBoolean("liaison.aotTraining");

  private static final Clock CLOCK = Clock.system(ZoneId.of("Asia/Shanghai"));

  private StationRuntime runtime;
  private KioskScreen screen;
  private Optional<StationDevices> devices = Optional.empty();
  private Optional<StationHardware> hardware = Optional.empty();
  private Optional<DevPanelView> devPanel = Optional.empty();

  static void launchWith(KioskOptions kioskOptions) {
    options = kioskOptions;
    // The store opens while the toolkit starts: both are needed for the first frame.
    opening = KioskStart.begin(kioskOptions.station(), CLOCK);
    Application.launch(KioskApp.class);
    if (AOT_TRAINING) {
      // Exits here so the JVM writes the AOT cache now, whatever threads are left.
      System.exit(0);
    }
  }

  @Override
  public void start(Stage stage) {
    Clock clock = CLOCK;
    // The first view's faces open while the store is still opening: both are needed for the first
    // frame; the other faces open after it.
    CjkFonts fonts = CjkFonts.detect().warm();
    runtime = opening.runtime();
    // SIGTERM (systemd stopping the kiosk) skips stop(): close the runtime there too, so the hub
    // hears "offline" at once rather than after the keep-alive runs out.
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(runtime::close));
    screen = new KioskScreen(runtime, clock, fonts);

    stage.setTitle(options.station().stationId() + " · 联络站 Liaison");
    stage.setScene(new Scene(screen.root(), options.width(), options.height()));
    stage.setFullScreen(options.fullScreen());
    if (options.fullScreen()) {
      stage.setFullScreenExitHint("");
    }
    Launch.underSystemd(
        "kiosk", stage.getScene(), "屏幕已显示 · showing " + options.station().stationId());
    // The stored content first; the hub, the outbox, heartbeats and hardware once it shows.
    FirstFrameFx.after(
        stage.getScene(),
        () -> {
          // What the first view does not show, made now rather than before the first frame.
          fonts.warmRest();
          screen.buildIdle();
          if (AOT_TRAINING) {
            Platform.exit();
            return;
          }
          startHardware(clock);
          screen.refresh();
          runtime.start();
          runtime.screenShown();
        });
    stage.show();
  }

  /** The station's pins, on the provider the options name; the screen wakes when someone passes. */
  private void startHardware(Clock clock) {
    devices = StationDevices.open(options.devices());
    ScreenPower power = options.backlight().map(ScreenPower::backlight).orElse(ScreenPower.NONE);
    hardware = devices.map(d -> new StationHardware(runtime, d, power, clock).start());
    runtime
        .commands()
        .handler(
            new KioskCommands(
                runtime,
                screen,
                hardware,
                power,
                // Exit with status 75: systemd starts the kiosk again.
                runtime::restart));
    hardware.ifPresent(h -> h.onWake(() -> FxThread.run(screen::wake)));
    if (options.devPanel()) {
      devPanel =
          devices.flatMap(
              d -> d.emulator().map(pins -> new DevPanelView(d, pins, hardware.orElseThrow())));
      devPanel.ifPresent(screen.view()::setDevPanel);
    }
  }

  @Override
  public void stop() {
    devPanel.ifPresent(DevPanelView::close);
    hardware.ifPresent(StationHardware::close);
    devices.ifPresent(StationDevices::close);
    if (screen != null) {
      screen.close();
    }
    if (runtime != null) {
      runtime.close();
    }
    Platform.exit();
  }
}
