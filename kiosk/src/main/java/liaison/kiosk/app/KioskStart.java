package liaison.kiosk.app;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.Scene;
import liaison.signage.player.StationConfig;
import liaison.signage.player.StationRuntime;

/**
 * The kiosk's start in the order that puts the stored content on screen soonest (issue 22): the
 * station's store is opened and its stored snapshot decoded on a thread of its own while JavaFX's
 * toolkit starts, and what the first frame does not need (the link to the hub, the outbox,
 * heartbeats, hardware, commands) starts once that frame is done. {@code KioskApp} starts this way,
 * and so does {@code KioskStartBenchmark}'s kiosk.
 */
public final class KioskStart {
  private final CompletableFuture<StationRuntime> opening;

  private KioskStart(CompletableFuture<StationRuntime> opening) {
    this.opening = opening;
  }

  /**
   * Begins {@link StationRuntime#open} at once on a platform thread (SQLite's calls are native and
   * would pin a virtual thread's carrier): call it before {@code Application.launch}.
   */
  public static KioskStart begin(StationConfig config, Clock clock) {
    CompletableFuture<StationRuntime> opening = new CompletableFuture<>();
    Thread.ofPlatform()
        .name("station-open")
        .start(
            () -> {
              try {
                opening.complete(StationRuntime.open(config, clock));
              } catch (Throwable e) {
                opening.completeExceptionally(e);
              }
            });
    return new KioskStart(opening);
  }

  /** The opened runtime: waits for it, and throws what opening it threw. */
  public StationRuntime runtime() {
    try {
      return opening.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error cause) {
        throw cause;
      }
      throw e;
    }
  }

  /**
   * Runs {@code rest} on the FX thread once, right after the scene's first pulse that laid it out
   * (with {@code -Dquantum.multithreaded=false}, once that frame is drawn; otherwise once it is
   * handed to the renderer). Listeners added before this one run first.
   */
  public static void afterFirstFrame(Scene scene, Runnable rest) {
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
