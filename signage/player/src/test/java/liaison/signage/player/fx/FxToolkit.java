package liaison.signage.player.fx;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the JavaFX toolkit once per test JVM (headless platform, set by the build's argLine) and
 * runs test code on its thread.
 */
public final class FxToolkit implements BeforeAllCallback {
  private static volatile boolean started;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    start();
  }

  public static synchronized void start() throws InterruptedException {
    if (started) {
      return;
    }
    CountDownLatch latch = new CountDownLatch(1);
    Platform.startup(latch::countDown);
    Platform.setImplicitExit(false);
    if (!latch.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the JavaFX toolkit did not start within 30 s");
    }
    started = true;
  }

  /**
   * Runs on the FX thread and returns its result; fails the test with the FX thread's exception.
   */
  public static <T> T onFx(Callable<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            result.complete(work.call());
          } catch (Throwable t) {
            result.completeExceptionally(t);
          }
        });
    try {
      return result.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the FX thread did not answer within 60 s", e);
    }
  }

  public static void onFx(Runnable work) {
    onFx(
        () -> {
          work.run();
          return null;
        });
  }
}
