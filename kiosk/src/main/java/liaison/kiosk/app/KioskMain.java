package liaison.kiosk.app;

import java.util.List;

/**
 * Entry point of {@code kiosk.jar}. A plain class (not a JavaFX Application) so the toolkit on the
 * class path starts from a fat jar.
 */
public final class KioskMain {
  private KioskMain() {}

  public static void main(String[] args) {
    KioskOptions options;
    try {
      options = KioskOptions.parse(List.of(args), System::getenv);
    } catch (IllegalArgumentException e) {
      if (!e.getMessage().isEmpty()) {
        System.err.println("kiosk: " + e.getMessage());
      }
      System.err.print(KioskOptions.USAGE);
      System.exit(e.getMessage().isEmpty() ? 0 : 2);
      return;
    }
    try {
      KioskApp.launchWith(options);
    } catch (UnsupportedOperationException | IllegalStateException e) {
      // JavaFX could not open a window: no display, or no GTK 3 on a Linux machine.
      System.err.println("kiosk: cannot open a window: " + e.getMessage());
      System.err.println(
          "  Needs a display (DISPLAY set; on a machine without a screen: xvfb-run) and, on Linux, GTK 3"
              + " (Debian/Ubuntu/Raspberry Pi OS: sudo apt-get install libgtk-3-0).");
      System.exit(1);
    }
  }
}
