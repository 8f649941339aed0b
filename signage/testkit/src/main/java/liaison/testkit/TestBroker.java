package liaison.testkit;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A real HiveMQ CE broker for tests, on a free loopback port, that can be stopped and started again
 * on the same port to cut a station off and bring the hub back.
 */
public final class TestBroker implements AutoCloseable {
  private final Path home;
  private final int port;
  private EmbeddedHiveMQ hivemq;
  private boolean running;

  /** The last stop (see {@link #close}), awaited before the port is taken again. */
  private FutureTask<Void> stopping;

  private TestBroker(Path home, int port) {
    this.home = home;
    this.port = port;
  }

  public static TestBroker start(Path dir) {
    try {
      int port = freePort();
      Path home = Files.createDirectories(dir.resolve("broker-" + port));
      Path conf = Files.createDirectories(home.resolve("conf"));
      Files.createDirectories(home.resolve("data"));
      Files.createDirectories(home.resolve("extensions"));
      Files.writeString(conf.resolve("config.xml"), configXml(port));
      TestBroker broker = new TestBroker(home, port);
      broker.startAgain();
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String configXml(int port) {
    return """
        <?xml version="1.0"?>
        <hivemq>
          <listeners>
            <tcp-listener>
              <port>%d</port>
              <bind-address>127.0.0.1</bind-address>
            </tcp-listener>
          </listeners>
          <persistence>
            <mode>in-memory</mode>
          </persistence>
          <anonymous-usage-statistics>
            <enabled>false</enabled>
          </anonymous-usage-statistics>
        </hivemq>
        """
        .formatted(port);
  }

  /**
   * A port free now, below Linux's ephemeral range (32768–60999): a port the kernel hands out for
   * {@code new ServerSocket(0)} can be taken, once released, by any outgoing connection of the same
   * run (an HTTP or MQTT client's local port), and a broker then failed to bind it in CI. Ports
   * here collide only with another test picking the same one, which the random start makes rare.
   */
  public static int freePort() throws IOException {
    java.util.concurrent.ThreadLocalRandom random =
        java.util.concurrent.ThreadLocalRandom.current();
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = 20_000 + random.nextInt(12_000);
      try (ServerSocket socket = new ServerSocket()) {
        socket.bind(new java.net.InetSocketAddress("0.0.0.0", port));
        return port;
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IOException("no free port between 20000 and 32000 after 200 tries");
  }

  public String uri() {
    return "tcp://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public synchronized boolean isRunning() {
    return running;
  }

  /**
   * Stops the broker, to cut the stations off in the middle of a test: when this returns every
   * client has lost its connection and the port refuses new ones.
   */
  public synchronized void stop() {
    if (running) {
      beginStop();
      awaitStopped();
    }
  }

  /**
   * The broker's end, after the test: returns once the port refuses connections. HiveMQ closes its
   * listeners first and then cuts its clients off, and its stop then idles 2 s more (Netty's quiet
   * period for its event loops, a literal in HiveMQ) with nothing left to do in memory; that tail
   * runs on in the background, where no test waits for it (some 2 s a broker, dozens of brokers a
   * module). {@link #startAgain} still waits for it before the port is taken again.
   */
  @Override
  public synchronized void close() {
    if (!running) {
      return;
    }
    beginStop();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (accepts()) {
      if (stopping.isDone() || System.nanoTime() > deadline) {
        awaitStopped();
        return;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }

  private void beginStop() {
    EmbeddedHiveMQ stopped = hivemq;
    stopping =
        new FutureTask<>(
            () -> {
              stopped.stop().get(30, TimeUnit.SECONDS);
              stopped.close();
              return null;
            });
    Thread.ofPlatform().name("test-broker-stop-" + port).start(stopping);
    running = false;
  }

  private void awaitStopped() {
    if (stopping == null) {
      return;
    }
    try {
      stopping.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the test broker did not stop", e);
    }
  }

  /** Whether something listens on the broker's port. */
  private boolean accepts() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
      return true;
    } catch (ConnectException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  /** Starts a fresh broker on the same port (in-memory: retained messages are gone). */
  public synchronized void startAgain() {
    if (running) {
      return;
    }
    // The stopped broker wholly gone first: one HiveMQ on a port at a time.
    awaitStopped();
    hivemq =
        EmbeddedHiveMQ.builder()
            .withConfigurationFolder(home.resolve("conf"))
            .withDataFolder(home.resolve("data"))
            .withExtensionsFolder(home.resolve("extensions"))
            .build();
    try {
      // In memory there is nothing to flush at a stop: skip HiveMQ's 2 s grace for persistence
      // writes.
      com.hivemq.configuration.service.InternalConfigurations.PERSISTENCE_SHUTDOWN_GRACE_PERIOD_MSEC
          .set(0);
      hivemq.start().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the test broker did not start on port " + port, e);
    }
    running = true;
  }
}
