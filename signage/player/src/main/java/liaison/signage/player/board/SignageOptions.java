package liaison.signage.player.board;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import liaison.signage.player.StationConfig;
import liaison.signage.player.fx.Launch;

/**
 * The signage launcher's settings, from flags ({@code --station=s-002}) or environment variables
 * ({@code LIAISON_STATION=s-002}); flags win.
 */
public record SignageOptions(StationConfig station, boolean fullScreen, int width, int height) {

  static final String USAGE =
      """
      Usage: java -jar signage.jar --station=ID [options]

        --station=ID        station id as on the hub, e.g. s-002           (LIAISON_STATION)
        --broker=URI        hub's MQTT broker, default tcp://127.0.0.1:1883 (LIAISON_BROKER);
                            ssl://host:8883 for MQTT over TLS
        --hub=URL           hub's web address, where a new screen gets its enrolment code;
                            default http://<broker host>:8080 (https://…:8443 with ssl://) (LIAISON_HUB)
        --trust=PEM         the hub's certificate (or its authority) as PEM (LIAISON_TRUST)
        --data-dir=DIR      where the screen keeps its store, default data/signage-ID (LIAISON_DATA_DIR)
        --size=WxH          window size, default 1920x1080; 1080x1920 for a portrait screen (LIAISON_SIZE)
        --fullscreen        full screen, as on a wall screen               (LIAISON_FULLSCREEN=true)
        --media-cache-mb=N  the most the media slides' files take on disk, default 4096;
                            never leaves less than 1 GB free (LIAISON_MEDIA_CACHE_MB)
      """;

  private static final List<String> KNOWN =
      List.of(
          "station",
          "broker",
          "data-dir",
          "size",
          "fullscreen",
          "help",
          "hub",
          "trust",
          "media-cache-mb");

  /**
   * Reads flags and environment.
   *
   * @throws IllegalArgumentException naming the bad setting; an empty message asks for the usage
   */
  public static SignageOptions parse(List<String> args, Function<String, String> env) {
    Map<String, String> flags = new LinkedHashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "'");
      }
      int eq = arg.indexOf('=');
      String key = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
      if (!KNOWN.contains(key)) {
        throw new IllegalArgumentException("unknown option --" + key);
      }
      flags.put(key, eq < 0 ? "true" : arg.substring(eq + 1));
    }
    if (flags.containsKey("help")) {
      throw new IllegalArgumentException("");
    }
    Function<String, String> setting =
        flag -> {
          String value = flags.get(flag);
          return value != null
              ? value
              : env.apply("LIAISON_" + flag.toUpperCase().replace('-', '_'));
        };
    String station = setting.apply("station");
    if (station == null || station.isBlank()) {
      throw new IllegalArgumentException(
          "which station is this? give --station=ID, e.g. --station=s-002");
    }
    String broker = or(setting.apply("broker"), "tcp://127.0.0.1:1883");
    String dataDir = or(setting.apply("data-dir"), "data/signage-" + station);
    String size = or(setting.apply("size"), "1920x1080");
    int[] wh = Launch.size(size, "1920x1080");
    boolean fullScreen = Boolean.parseBoolean(or(setting.apply("fullscreen"), "false"));
    StationConfig config =
        StationConfig.of(station, broker, Path.of(dataDir))
            .withAccess(Launch.access(setting.apply("hub"), setting.apply("trust"), broker))
            .withMediaCacheMb(Launch.mediaCacheMb(setting.apply("media-cache-mb")));
    return new SignageOptions(config, fullScreen, wh[0], wh[1]);
  }

  private static String or(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
