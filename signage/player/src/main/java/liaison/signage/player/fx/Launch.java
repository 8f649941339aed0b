package liaison.signage.player.fx;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.Scene;
import liaison.signage.player.HubAccess;
import liaison.signage.player.StationConfig;
import liaison.signage.player.media.MediaCache;
import liaison.signage.player.systemd.SystemdNotify;
import liaison.signage.player.systemd.SystemdUnit;
import org.jspecify.annotations.Nullable;

/** What the kiosk's and the signage screen's launchers share: reading options, opening a window. */
public final class Launch {
  private Launch() {}

  /**
   * Reads the options, or prints the usage (with the reason, if any) and exits: 0 for --help, 2 for
   * a bad setting.
   */
  public static <T> T optionsOrExit(String program, String usage, Function<Void, T> parse) {
    try {
      return parse.apply(null);
    } catch (IllegalArgumentException e) {
      if (!e.getMessage().isEmpty()) {
        System.err.println(program + ": " + e.getMessage());
      }
      System.err.print(usage);
      System.exit(e.getMessage().isEmpty() ? 0 : 2);
      throw e;
    }
  }

  /**
   * The media cache's bound in MB ({@code --media-cache-mb}); the default when not given.
   *
   * @throws IllegalArgumentException naming the setting when it is not a number in range
   */
  public static long mediaCacheMb(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return MediaCache.DEFAULT_LIMIT_MB;
    }
    try {
      long mb = Long.parseLong(value.strip());
      if (mb >= 0 && mb <= StationConfig.MAX_MEDIA_CACHE_MB) {
        return mb;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new IllegalArgumentException(
        "--media-cache-mb must be a number of MB, 0 to "
            + StationConfig.MAX_MEDIA_CACHE_MB
            + ", e.g. 4096; was '"
            + value
            + "'");
  }

  /** Opens the window, or says what a window needs here and exits 1. */
  public static void windowOrExit(String program, Runnable launch) {
    try {
      launch.run();
    } catch (UnsupportedOperationException | IllegalStateException e) {
      // JavaFX could not open a window: no display, or no GTK 3 on a Linux machine.
      System.err.println(program + ": cannot open a window: " + e.getMessage());
      System.err.println(
          "  Needs a display (DISPLAY set; on a machine without a screen: xvfb-run) and, on Linux, GTK 3"
              + " (Debian/Ubuntu/Raspberry Pi OS: sudo apt-get install libgtk-3-0).");
      System.exit(1);
    }
  }

  /**
   * Under systemd ({@code liaison-station.service}, docs/FIELD.md): ready once the window's scene
   * has been laid out for the first time (the board, or the enrolment code), the watchdog fed while
   * the FX thread answers, {@code STOPPING=1} when the app exits. Elsewhere it does nothing.
   */
  public static SystemdUnit underSystemd(String program, Scene scene, String status) {
    SystemdUnit unit;
    try {
      unit =
          SystemdUnit.fromEnvironment(
              System::getenv, ProcessHandle.current().pid(), Platform::runLater);
    } catch (IllegalArgumentException e) {
      // A screen that shows is worth more than systemd's notice: say why and go on without it.
      System.err.println(program + ": not notifying systemd: " + e.getMessage());
      unit = new SystemdUnit(new SystemdNotify(null), Platform::runLater, Optional.empty());
    }
    SystemdUnit started = unit;
    AtomicBoolean shown = new AtomicBoolean();
    Runnable[] firstLayout = new Runnable[1];
    firstLayout[0] =
        () -> {
          if (shown.compareAndSet(false, true)) {
            started.shown(status);
            // Not removed inside the pulse that is going through its listeners.
            Platform.runLater(() -> scene.removePostLayoutPulseListener(firstLayout[0]));
          }
        };
    scene.addPostLayoutPulseListener(firstLayout[0]);
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(started::close));
    return started;
  }

  /**
   * A window size such as {@code 1280x800} (or {@code 1280×800}), at least 320×240.
   *
   * @throws IllegalArgumentException saying what it should look like
   */
  public static int[] size(String size, String example) {
    String[] wh = size.toLowerCase().split("[x×]");
    int width;
    int height;
    try {
      if (wh.length != 2) {
        throw new NumberFormatException();
      }
      width = Integer.parseInt(wh[0].trim());
      height = Integer.parseInt(wh[1].trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--size must look like " + example + ", was '" + size + "'");
    }
    if (width < 320 || height < 240) {
      throw new IllegalArgumentException("--size " + size + " is too small (at least 320x240)");
    }
    return new int[] {width, height};
  }

  /**
   * Where a screen enrols and whom it trusts: {@code hub} (default: the broker's host on 8080, or
   * https on 8443 beside ssl://; {@code none} for no enrolment) and {@code trust}, a PEM file.
   *
   * @throws IllegalArgumentException naming the bad setting
   */
  public static HubAccess access(@Nullable String hub, @Nullable String trust, String broker) {
    HubAccess access = HubAccess.NONE;
    if (trust != null) {
      Path pem = Path.of(trust);
      if (!Files.isReadable(pem)) {
        throw new IllegalArgumentException(
            "--trust: cannot read the certificate file " + pem.toAbsolutePath());
      }
      access = access.withTrust(pem);
    }
    if (hub != null && hub.equalsIgnoreCase("none")) {
      return access;
    }
    URI url;
    try {
      url = hub != null ? URI.create(hub.strip()) : defaultHub(broker);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--hub must look like http://192.168.1.20:8080, was '" + hub + "'");
    }
    if (url.getHost() == null
        || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
      throw new IllegalArgumentException(
          "--hub must look like http://192.168.1.20:8080, was '" + hub + "'");
    }
    return access.withHub(url);
  }

  /**
   * The hub's web address on the broker's machine: http on 8080, or https on 8443 beside ssl://.
   */
  public static URI defaultHub(String broker) {
    URI mqtt = URI.create(broker);
    String host = mqtt.getHost() == null ? "127.0.0.1" : mqtt.getHost();
    boolean tls = "ssl".equals(mqtt.getScheme()) || "wss".equals(mqtt.getScheme());
    return URI.create(
        (tls ? "https://" : "http://")
            + (host.contains(":") ? "[" + host + "]" : host)
            + (tls ? ":8443" : ":8080"));
  }
}
