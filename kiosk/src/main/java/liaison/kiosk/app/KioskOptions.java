package liaison.kiosk.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import liaison.signage.player.HubAccess;
import liaison.signage.player.StationConfig;
import liaison.signage.player.fx.Launch;
import liaison.signage.player.hardware.DeviceConfig;

/**
 * The kiosk's settings, from flags ({@code --station=s-001}) or environment variables ({@code
 * LIAISON_STATION=s-001}); flags win.
 *
 * @param size window size when not full screen, e.g. 1280×800
 */
public record KioskOptions(
    StationConfig station,
    boolean fullScreen,
    int width,
    int height,
    DeviceConfig devices,
    Optional<Path> backlight,
    boolean devPanel) {

  static final String USAGE =
      """
      Usage: java -jar kiosk.jar --station=ID [options]

        --station=ID        station id as on the hub, e.g. s-001        (LIAISON_STATION)
        --broker=URI        hub's MQTT broker, default tcp://127.0.0.1:1883 (LIAISON_BROKER);
                            ssl://host:8883 for MQTT over TLS
        --hub=URL           hub's web address, where a new screen gets its enrolment code;
                            default http://<broker host>:8080 (https://…:8443 with ssl://);
                            none: no enrolment (a broker that admits anyone) (LIAISON_HUB)
        --trust=PEM         the hub's certificate (or its authority) as PEM, when no public
                            authority signed it (LIAISON_TRUST)
        --data-dir=DIR      where the station keeps its store, default data/kiosk-ID (LIAISON_DATA_DIR)
        --size=WxH          window size, default 1280x800                (LIAISON_SIZE)
        --fullscreen        full screen, as on a station's touchscreen    (LIAISON_FULLSCREEN=true)
        --gpio=KIND         none, mock or gpiod (a Raspberry Pi), default none (LIAISON_GPIO)
        --motion-pin=N      PIR sensor, BCM number, default 17           (LIAISON_MOTION_PIN)
        --button-pin=N      call-staff button to ground, default 27      (LIAISON_BUTTON_PIN)
        --led-pin=N         status LED, default 22                        (LIAISON_LED_PIN)
        --screen-on=HH:MM   screen on from, default 07:30                 (LIAISON_SCREEN_ON)
        --screen-off=HH:MM  screen off from (motion wakes it), default 19:00 (LIAISON_SCREEN_OFF)
        --backlight=DIR     backlight to switch, e.g. /sys/class/backlight/10-0045 (LIAISON_BACKLIGHT)
        --dev-panel         a panel that plays the motion sensor and the button (mock GPIO) (LIAISON_DEV_PANEL=true)
        --media-cache-mb=N  the most the media slides' files take on disk, default 4096;
                            never leaves less than 1 GB free (LIAISON_MEDIA_CACHE_MB)
      """;

  /** The options that set up the station's hardware, with their environment variables. */
  private static final Map<String, String> HARDWARE =
      Map.of(
          "gpio", "LIAISON_GPIO",
          "motion-pin", "LIAISON_MOTION_PIN",
          "button-pin", "LIAISON_BUTTON_PIN",
          "led-pin", "LIAISON_LED_PIN",
          "screen-on", "LIAISON_SCREEN_ON",
          "screen-off", "LIAISON_SCREEN_OFF");

  /**
   * Reads flags and environment.
   *
   * @throws IllegalArgumentException with a message naming the bad setting
   */
  public static KioskOptions parse(List<String> args, Function<String, String> env) {
    Map<String, String> flags = new LinkedHashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "'");
      }
      int eq = arg.indexOf('=');
      String key = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
      String value = eq < 0 ? "true" : arg.substring(eq + 1);
      if (!List.of(
                  "station",
                  "broker",
                  "data-dir",
                  "size",
                  "fullscreen",
                  "help",
                  "backlight",
                  "dev-panel",
                  "hub",
                  "trust",
                  "media-cache-mb")
              .contains(key)
          && !HARDWARE.containsKey(key)) {
        throw new IllegalArgumentException("unknown option --" + key);
      }
      flags.put(key, value);
    }
    if (flags.containsKey("help")) {
      throw new IllegalArgumentException("");
    }
    String station = setting(flags, env, "station", "LIAISON_STATION", null);
    if (station == null || station.isBlank()) {
      throw new IllegalArgumentException(
          "which station is this? give --station=ID, e.g. --station=s-001");
    }
    String broker = setting(flags, env, "broker", "LIAISON_BROKER", "tcp://127.0.0.1:1883");
    String dataDir = setting(flags, env, "data-dir", "LIAISON_DATA_DIR", "data/kiosk-" + station);
    String size = setting(flags, env, "size", "LIAISON_SIZE", "1280x800");
    boolean fullScreen =
        Boolean.parseBoolean(setting(flags, env, "fullscreen", "LIAISON_FULLSCREEN", "false"));
    int[] wh = Launch.size(size, "1280x800");
    int width = wh[0];
    int height = wh[1];
    Map<String, String> hardware = new LinkedHashMap<>();
    HARDWARE.forEach(
        (flag, variable) -> {
          String value = setting(flags, env, flag, variable, null);
          if (value != null) {
            hardware.put(flag.equals("gpio") ? "provider" : flag, value);
          }
        });
    boolean devPanel =
        Boolean.parseBoolean(setting(flags, env, "dev-panel", "LIAISON_DEV_PANEL", "false"));
    if (devPanel && !hardware.containsKey("provider")) {
      hardware.put("provider", "mock"); // the panel plays mock pins
    }
    DeviceConfig devices;
    try {
      devices = DeviceConfig.from(hardware);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("hardware settings: " + e.getMessage(), e);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(
          "--screen-on and --screen-off look like 07:30: " + e.getParsedString());
    }
    Optional<Path> backlight =
        Optional.ofNullable(setting(flags, env, "backlight", "LIAISON_BACKLIGHT", null))
            .map(Path::of);
    StationConfig config;
    try {
      config =
          StationConfig.of(station, broker, Path.of(dataDir))
              .withAccess(access(flags, env, broker))
              .withMediaCacheMb(
                  Launch.mediaCacheMb(
                      setting(flags, env, "media-cache-mb", "LIAISON_MEDIA_CACHE_MB", null)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return new KioskOptions(config, fullScreen, width, height, devices, backlight, devPanel);
  }

  /** Where to enrol and whom to trust: --hub (default: the broker's host, port 8080), --trust. */
  static HubAccess access(Map<String, String> flags, Function<String, String> env, String broker) {
    return Launch.access(
        setting(flags, env, "hub", "LIAISON_HUB", null),
        setting(flags, env, "trust", "LIAISON_TRUST", null),
        broker);
  }

  private static String setting(
      Map<String, String> flags,
      Function<String, String> env,
      String flag,
      String variable,
      String fallback) {
    String value = flags.get(flag);
    if (value == null) {
      value = env.apply(variable);
    }
    return value == null || value.isBlank() ? fallback : value;
  }
}
