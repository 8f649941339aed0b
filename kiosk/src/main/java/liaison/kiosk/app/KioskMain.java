package liaison.kiosk.app;

import java.util.List;
import liaison.signage.player.fx.Launch;

/**
 * Entry point of {@code kiosk.jar}. A plain class (not a JavaFX Application) so the toolkit on the
 * class path starts from a fat jar.
 */
public final class KioskMain {
  private KioskMain() {}

  public static void main(String[] args) {
    KioskOptions options =
        Launch.optionsOrExit(
            "kiosk", KioskOptions.USAGE, v -> KioskOptions.parse(List.of(args), System::getenv));
    Launch.windowOrExit("kiosk", () -> KioskApp.launchWith(options));
  }
}
