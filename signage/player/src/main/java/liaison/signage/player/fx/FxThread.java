package liaison.signage.player.fx;

import javafx.application.Platform;

/** The one place that hands work to the JavaFX thread; models stay free of the toolkit. */
public final class FxThread {
  private FxThread() {}

  public static void run(Runnable work) {
    if (Platform.isFxApplicationThread()) {
      work.run();
    } else {
      Platform.runLater(work);
    }
  }
}
