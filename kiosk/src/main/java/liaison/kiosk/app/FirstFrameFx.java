package liaison.kiosk.app;

import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * The moment the kiosk's first frame is done, when {@link KioskStart} starts the rest (issue 22):
 * the toolkit's side of the start, apart from the opening of the store, which runs without it.
 */
public final class FirstFrameFx {
  private FirstFrameFx() {}

  /**
   * Runs {@code rest} on the FX thread once, right after the scene's first pulse that laid it out
   * (with {@code -Dquantum.multithreaded=false}, once that frame is drawn; otherwise once it is
   * handed to the renderer). Listeners added before this one run first.
   */
  public static void after(Scene scene, Runnable rest) {
    AtomicBoolean done = new AtomicBoolean();
    Runnable[] listener = new Runnable[1];
    listener[0] =
        () -> {
          if (done.compareAndSet(false, true)) {
            Platform.runLater(
                () -> {
                  // Not removed inside the pulse that is going through its listeners.
                  scene.removePostLayoutPulseListener(listener[0]);
                  rest.run();
                });
          }
        };
    scene.addPostLayoutPulseListener(listener[0]);
  }
}
