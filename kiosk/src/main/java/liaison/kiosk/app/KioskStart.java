package liaison.kiosk.app;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import liaison.signage.player.StationConfig;
import liaison.signage.player.StationRuntime;

/**
 * The kiosk's start in the order that puts the stored content on screen soonest (issue 22): the
 * station's store is opened and its stored snapshot decoded on a thread of its own while JavaFX's
 * toolkit starts, and what the first frame does not need (the link to the hub, the outbox,
 * heartbeats, hardware, commands) starts once that frame is done ({@link FirstFrameFx}). {@code
 * KioskApp} starts this way, and so does {@code KioskStartBenchmark}'s kiosk.
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
}
