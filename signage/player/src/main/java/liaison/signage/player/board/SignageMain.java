package liaison.signage.player.board;

import java.util.List;

/**
 * Entry point of {@code signage.jar}, the launcher for screens without touch. A plain class (not a
 * JavaFX Application) so the toolkit on the class path starts from a fat jar.
 */
public final class SignageMain {
  private SignageMain() {}

  public static void main(String[] args) {
    SignageOptions options;
    try {
      options = SignageOptions.parse(List.of(args), System::getenv);
    } catch (IllegalArgumentException e) {
      if (!e.getMessage().isEmpty()) {
        System.err.println("signage: " + e.getMessage());
      }
      System.err.print(SignageOptions.USAGE);
      System.exit(e.getMessage().isEmpty() ? 0 : 2);
      return;
    }
    try {
      SignageApp.launchWith(options);
    } catch (UnsupportedOperationException | IllegalStateException e) {
      System.err.println("signage: cannot open a window: " + e.getMessage());
      System.err.println(
          "  Needs a display (DISPLAY set; on a machine without a screen: xvfb-run) and, on Linux, GTK 3"
              + " (Debian/Ubuntu/Raspberry Pi OS: sudo apt-get install libgtk-3-0).");
      System.exit(1);
    }
  }
}
