package liaison.hub.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import liaison.testkit.TestBroker;

/**
 * A real Mosquitto (Debian's, installed by .ci/run) on a free loopback port, with the password and
 * ACL files in a folder of the test's: the external broker a county may run instead of the hub's.
 */
public final class MosquittoProcess implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path log;

  private MosquittoProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  public static Path executable() {
    for (String candidate :
        new String[] {"/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto"}) {
      if (Files.isExecutable(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    throw new IllegalStateException(
        "no mosquitto here: install Debian's mosquitto (bash .ci/run does)");
  }

  /**
   * Starts Mosquitto with {@code passwd} and {@code acl} from the folder, anonymous clients
   * refused.
   */
  public static MosquittoProcess start(Path dir) {
    return start(dir, List.of());
  }

  private static MosquittoProcess start(Path dir, List<String> settings) {
    try {
      int port = TestBroker.freePort();
      Path conf = dir.resolve("mosquitto.conf");
      Files.writeString(
          conf,
          String.join(
              "\n",
              "listener " + port + " 127.0.0.1",
              "allow_anonymous false",
              "password_file " + dir.resolve(MosquittoFiles.PASSWORD_FILE),
              "acl_file " + dir.resolve(MosquittoFiles.ACL_FILE),
              "persistence false",
              // Run as root (a container), Mosquitto would switch to its own user, who cannot read
              // the test's files; as anyone else the line is ignored.
              "user " + System.getProperty("user.name"),
              "log_type error",
              "log_type warning",
              "log_type notice",
              "log_type information",
              String.join("\n", settings),
              ""));
      Path log = dir.resolve("mosquitto.log");
      Process process =
          new ProcessBuilder(executable().toString(), "-c", conf.toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      MosquittoProcess mosquitto = new MosquittoProcess(process, port, log);
      mosquitto.awaitListening();
      return mosquitto;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts Mosquitto with files holding only the hub's account ({@code hubUser}, {@code
   * hubPassword}), as an operator sets it up before the first hub starts; the hubs rewrite both.
   */
  public static MosquittoProcess forHubs(Path dir, String hubUser, String hubPassword) {
    try {
      Files.writeString(
          dir.resolve(MosquittoFiles.PASSWORD_FILE),
          MosquittoFiles.passwordFile(
              hubUser, liaison.signage.protocol.MqttPasswordHash.hash(hubPassword), Map.of()));
      Files.writeString(dir.resolve(MosquittoFiles.ACL_FILE), MosquittoFiles.aclFile(hubUser));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // As docs/SCALING.md sets Mosquitto up for several hubs: a hub gone for a while must not have
    // its share of the events dropped past Mosquitto's default of 1,000 queued per session.
    return start(dir, List.of("max_queued_messages 1000000"));
  }

  private void awaitListening() throws IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException("mosquitto stopped at once: " + Files.readString(log));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "mosquitto did not listen on " + port + ": " + Files.readString(log), e);
        }
        java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
      }
    }
  }

  public String uri() {
    return "tcp://127.0.0.1:" + port;
  }

  /** SIGHUP: Mosquitto reads its password and ACL files again. */
  public void reload() {
    try {
      Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(process.pid())).start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("could not send SIGHUP to mosquitto " + process.pid());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
