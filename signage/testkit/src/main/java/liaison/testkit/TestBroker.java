package liaison.testkit;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real HiveMQ CE broker for tests, on a free loopback port, that can be stopped and started again
 * on the same port to cut a station off and bring the hub back.
 */
public final class TestBroker implements AutoCloseable {
  private final Path home;
  private final int port;
  private EmbeddedHiveMQ hivemq;
  private boolean running;

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

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
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

  /** Stops the broker: every client loses its connection. */
  public synchronized void stop() {
    if (!running) {
      return;
    }
    try {
      hivemq.stop().get(30, TimeUnit.SECONDS);
      hivemq.close();
    } catch (Exception e) {
      throw new IllegalStateException("the test broker did not stop", e);
    }
    running = false;
  }

  /** Starts a fresh broker on the same port (in-memory: retained messages are gone). */
  public synchronized void startAgain() {
    if (running) {
      return;
    }
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

  @Override
  public void close() {
    stop();
  }
}
