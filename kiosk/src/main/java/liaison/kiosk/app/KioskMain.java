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
    KioskApp.launchWith(options);
  }
}
