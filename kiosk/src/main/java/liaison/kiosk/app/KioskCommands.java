package liaison.kiosk.app;

import java.time.Duration;
import java.util.Optional;
import liaison.signage.player.StationRuntime;
import liaison.signage.player.command.CommandHandler;
import liaison.signage.player.hardware.ScreenPower;
import liaison.signage.player.hardware.StationHardware;

/**
 * The kiosk carrying out the hub's remote commands: the screenshot is the scene as shown, identify
 * blinks the LED (if there is one) and flashes a frame, reload redraws from the store, restart
 * hands over to {@code restart} (in the app: exit with {@link #RESTART_STATUS} so systemd starts it
 * again; in tests: a callback), screen on/off switches the backlight and tells the hub.
 */
public final class KioskCommands implements CommandHandler {
  /**
   * The exit status of a restart asked for by the hub: not 0, so {@code Restart=on-failure} acts.
   */
  public static final int RESTART_STATUS =
      liaison.signage.player.update.SoftwareUpdates.RESTART_STATUS;

  private final StationRuntime runtime;
  private final KioskScreen screen;
  private final Optional<StationHardware> hardware;
  private final ScreenPower power;
  private final Runnable restart;

  public KioskCommands(
      StationRuntime runtime,
      KioskScreen screen,
      Optional<StationHardware> hardware,
      ScreenPower power,
      Runnable restart) {
    this.runtime = runtime;
    this.screen = screen;
    this.hardware = hardware;
    this.power = power;
    this.restart = restart;
  }

  @Override
  public byte[] screenshot() throws Exception {
    return screen.screenshotPng();
  }

  @Override
  public void identify(Duration howLong) {
    hardware.ifPresent(h -> h.identify(howLong));
    screen.flash(howLong);
  }

  @Override
  public void reloadContent() {
    runtime.feed().reload();
  }

  @Override
  public void restartApp() {
    restart.run();
  }

  @Override
  public void screen(boolean on) {
    power.set(on);
    runtime.presence().screen(on);
    if (on) {
      liaison.signage.player.fx.FxThread.run(screen::wake);
    }
  }
}
