package liaison.kiosk.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import liaison.signage.player.StationConfig;

/**
 * The kiosk's settings, from flags ({@code --station=s-001}) or environment variables ({@code
 * LIAISON_STATION=s-001}); flags win.
 *
 * @param size window size when not full screen, e.g. 1280×800
 */
public record KioskOptions(StationConfig station, boolean fullScreen, int width, int height) {

  static final String USAGE =
      """
      Usage: java -jar kiosk.jar --station=ID [options]

        --station=ID        station id as on the hub, e.g. s-001        (LIAISON_STATION)
        --broker=URI        hub's MQTT broker, default tcp://127.0.0.1:1883 (LIAISON_BROKER)
        --data-dir=DIR      where the station keeps its store, default data/kiosk-ID (LIAISON_DATA_DIR)
        --size=WxH          window size, default 1280x800                (LIAISON_SIZE)
        --fullscreen        full screen, as on a station's touchscreen    (LIAISON_FULLSCREEN=true)
      """;

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
      if (!List.of("station", "broker", "data-dir", "size", "fullscreen", "help").contains(key)) {
        throw new IllegalArgumentException("unknown option --" + key);
      }
      flags.put(key, value);
    }
    if (flags.containsKey("help")) {
      throw new IllegalArgumentException("");
    }
    String station = setting(flags, env, "station", "LIAISON_STATION", null);
    if (station == null || station.isBlank()) {
      throw new IllegalArgumentException("which station is this? give --station=ID, e.g. --station=s-001");
    }
    String broker = setting(flags, env, "broker", "LIAISON_BROKER", "tcp://127.0.0.1:1883");
    String dataDir = setting(flags, env, "data-dir", "LIAISON_DATA_DIR", "data/kiosk-" + station);
    String size = setting(flags, env, "size", "LIAISON_SIZE", "1280x800");
    boolean fullScreen =
        Boolean.parseBoolean(setting(flags, env, "fullscreen", "LIAISON_FULLSCREEN", "false"));
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
      throw new IllegalArgumentException("--size must look like 1280x800, was '" + size + "'");
    }
    if (width < 320 || height < 240) {
      throw new IllegalArgumentException("--size " + size + " is too small (at least 320x240)");
    }
    return new KioskOptions(
        StationConfig.of(station, broker, Path.of(dataDir)), fullScreen, width, height);
  }

  private static String setting(
      Map<String, String> flags, Function<String, String> env, String flag, String variable, String fallback) {
    String value = flags.get(flag);
    if (value == null) {
      value = env.apply(variable);
    }
    return value == null || value.isBlank() ? fallback : value;
  }
}
