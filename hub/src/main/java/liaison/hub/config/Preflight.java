package liaison.hub.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks made before anything starts, so a wrong path or a taken port stops the hub with a message
 * naming it rather than a stack trace from deep inside a library.
 */
public final class Preflight {
  private Preflight() {}

  /** The data directory exists (or can be made) and the hub can write in it. */
  public static void checkWritableDirectory(Path dir, String setting) {
    Path absolute = dir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(absolute);
    } catch (IOException | SecurityException e) {
      throw new StartupProblem(
          "cannot create the data directory "
              + absolute
              + " ("
              + e.getClass().getSimpleName()
              + "); choose another with "
              + setting);
    }
    Path probe = absolute.resolve(".write-check");
    try {
      Files.writeString(probe, "ok");
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      throw new StartupProblem(
          "the data directory " + absolute + " is not writable; fix its permissions or choose another with " + setting);
    }
  }

  /** Nobody listens on the port yet. */
  public static void checkPortFree(String host, int port, String what, String setting) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
    } catch (IOException e) {
      throw new StartupProblem(
          what
              + " port "
              + port
              + " on "
              + host
              + " is already in use (another hub running?); stop that program or choose another port with "
              + setting);
    }
  }
}
