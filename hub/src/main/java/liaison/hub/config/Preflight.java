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

  /**
   * Below this much usable space where the data lives, the hub refuses to start ({@code
   * hub.min-free-disk}).
   */
  public static final long MIN_FREE_BYTES = 64L * 1024 * 1024;

  /** The data directory exists (or can be made) and the hub can write in it. */
  public static void checkWritableDirectory(Path dir, String setting) {
    checkWritableDirectory(dir, MIN_FREE_BYTES, setting);
  }

  /**
   * The data directory exists (or can be made), its disk has at least {@code minFree} bytes usable,
   * and the hub can write in it. A full disk is named as such, with the path.
   */
  public static void checkWritableDirectory(Path dir, long minFree, String setting) {
    Path absolute = dir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(absolute);
    } catch (IOException | SecurityException e) {
      if (DiskFull.isDiskFull(e)) {
        throw new StartupProblem(
            DiskFull.describe(absolute)
                + "; free some space there or choose another folder with "
                + setting,
            e);
      }
      throw new StartupProblem(
          "cannot create the data directory "
              + absolute
              + " ("
              + e.getClass().getSimpleName()
              + "); choose another with "
              + setting);
    }
    DiskFull.checkFreeSpace(absolute, minFree, setting);
    try {
      // A name of its own: the county's hubs share the data folder and may start at once.
      Path probe = Files.createTempFile(absolute, ".write-check-", "");
      Files.writeString(probe, "ok");
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      if (DiskFull.isDiskFull(e)) {
        throw new StartupProblem(
            DiskFull.describe(absolute)
                + "; free some space there or choose another folder with "
                + setting,
            e);
      }
      throw new StartupProblem(
          "the data directory "
              + absolute
              + " is not writable; fix its permissions or choose another with "
              + setting);
    }
  }

  /** The folder's disk has at least {@code minFree} bytes usable (the broker's folder, say). */
  public static void checkFreeSpace(Path dir, long minFree, String setting) {
    DiskFull.checkFreeSpace(dir, minFree, setting);
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

  /**
   * The keystore exists and opens with its password (PKCS#12 or JKS), and holds a private key: TLS
   * would otherwise fail later deep inside Netty or HiveMQ.
   */
  public static void checkKeystore(Path file, String password, String setting) {
    if (!Files.isReadable(file)) {
      throw new StartupProblem(
          "the TLS keystore " + file + " does not exist or cannot be read; fix " + setting);
    }
    try (java.io.InputStream in = Files.newInputStream(file)) {
      java.security.KeyStore store =
          java.security.KeyStore.getInstance(file.toString().endsWith(".jks") ? "JKS" : "PKCS12");
      store.load(in, password.toCharArray());
      boolean hasKey = false;
      for (String alias : java.util.Collections.list(store.aliases())) {
        hasKey |= store.isKeyEntry(alias);
      }
      if (!hasKey) {
        throw new StartupProblem(
            "the TLS keystore "
                + file
                + " holds no private key; it needs the hub's certificate with its key");
      }
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new StartupProblem(
          "cannot open the TLS keystore "
              + file
              + " ("
              + e.getMessage()
              + "); check the file and its password ("
              + setting
              + ")",
          e);
    }
  }
}
