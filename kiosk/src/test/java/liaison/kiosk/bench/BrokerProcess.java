package liaison.kiosk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import liaison.testkit.TestBroker;

/**
 * The test broker (HiveMQ CE embedded) in a JVM of its own, so that neither its heap nor its CPU
 * counts in the kiosk's figures. It ends when the benchmark closes it, or when this JVM ends (its
 * standard input ends).
 */
final class BrokerProcess implements AutoCloseable {
  private final Process process;
  private final String uri;

  private BrokerProcess(Process process, String uri) {
    this.process = process;
    this.uri = uri;
  }

  static BrokerProcess start(Path dir) {
    ProcessBuilder builder = ChildJvm.builder(BrokerProcess.class, dir, List.of(), dir.toString());
    try {
      Process process = builder.start();
      CompletableFuture<String> port = new CompletableFuture<>();
      StringBuilder log = new StringBuilder();
      Thread.ofPlatform()
          .daemon()
          .start(
              () -> {
                try (BufferedReader in =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = in.readLine()) != null) {
                    if (line.startsWith(ChildJvm.FIGURE_PREFIX + "port=")) {
                      port.complete(line.substring(line.indexOf('=') + 1));
                    } else if (!port.isDone()) {
                      log.append(line).append('\n');
                    }
                  }
                } catch (IOException e) {
                  // the broker ended
                }
                port.completeExceptionally(
                    new IllegalStateException(
                        "the broker process ended before it was ready; its output:\n" + log));
              });
      return new BrokerProcess(process, "tcp://127.0.0.1:" + port.get(60, TimeUnit.SECONDS));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the broker process did not start within 60 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String uri() {
    return uri;
  }

  /**
   * Ends the broker's JVM at once rather than stopping the broker: nothing of it outlives the
   * benchmark's temporary folder, and a graceful HiveMQ stop spends 4 s waiting (Netty's quiet
   * period, then HiveMQ's persistence grace), once per kiosk benchmark and smoke run.
   */
  @Override
  public void close() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(
            "the broker process did not end within 30 s of being killed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The broker's JVM: starts it, says on which port, and runs until its standard input ends. */
  public static void main(String[] args) throws IOException {
    try (TestBroker broker = TestBroker.start(Path.of(args[0]))) {
      System.out.println(ChildJvm.FIGURE_PREFIX + "port=" + broker.port());
      System.out.flush();
      while (System.in.read() != -1) {
        // wait for the benchmark to close our input
      }
    }
    System.exit(0);
  }
}
