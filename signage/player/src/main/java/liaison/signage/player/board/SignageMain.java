package liaison.signage.player.board;

import java.util.List;
import liaison.signage.player.fx.Launch;

/**
 * Entry point of {@code signage.jar}, the launcher for screens without touch. A plain class (not a
 * JavaFX Application) so the toolkit on the class path starts from a fat jar.
 */
public final class SignageMain {
  private SignageMain() {}

  public static void main(String[] args) {
    SignageOptions options =
        Launch.optionsOrExit(
            "signage",
            SignageOptions.USAGE,
            v -> SignageOptions.parse(List.of(args), System::getenv));
    Launch.windowOrExit("signage", () -> SignageApp.launchWith(options));
  }
}
