package liaison.signage.player;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import liaison.signage.protocol.StationState;
import liaison.signage.protocol.StationState.Telemetry;
import org.jspecify.annotations.Nullable;

/**
 * Reads the heartbeat's values on this machine: uptime of the app, the SoC temperature where Linux
 * reports one ({@code /sys/class/thermal/thermal_zone0/temp}, in millidegrees), free disk where the
 * store lives, the app's heap, and the media cache's figures. A value the machine cannot give is
 * left out, never made up.
 */
public final class TelemetryProbe {
  static final Path THERMAL = Path.of("/sys/class/thermal/thermal_zone0/temp");

  private final Clock clock;
  private final Instant started;
  private final Path dataDir;
  private final Path thermal;
  private final Supplier<StationState.@Nullable MediaCache> media;

  public TelemetryProbe(Clock clock, Path dataDir) {
    this(clock, dataDir, () -> null);
  }

  /**
   * @param media the media cache's figures (issue 20), or null from a station without one
   */
  public TelemetryProbe(
      Clock clock, Path dataDir, Supplier<StationState.@Nullable MediaCache> media) {
    this(clock, dataDir, THERMAL, media);
  }

  TelemetryProbe(Clock clock, Path dataDir, Path thermal) {
    this(clock, dataDir, thermal, () -> null);
  }

  private TelemetryProbe(
      Clock clock, Path dataDir, Path thermal, Supplier<StationState.@Nullable MediaCache> media) {
    this.clock = clock;
    this.started = clock.instant();
    this.dataDir = dataDir;
    this.thermal = thermal;
    this.media = media;
  }

  public Telemetry read() {
    Runtime jvm = Runtime.getRuntime();
    long used = jvm.totalMemory() - jvm.freeMemory();
    long max = jvm.maxMemory() == Long.MAX_VALUE ? 0 : jvm.maxMemory();
    return new Telemetry(
        Math.max(0, Duration.between(started, clock.instant()).toSeconds()),
        cpuCelsius(),
        diskFree(),
        max > 0 ? Math.min(used, max) : used,
        max,
        mediaCache());
  }

  private StationState.@Nullable MediaCache mediaCache() {
    try {
      return media.get();
    } catch (RuntimeException e) {
      return null; // the heartbeat goes out without it rather than not at all
    }
  }

  private Double cpuCelsius() {
    try {
      if (!Files.isReadable(thermal)) {
        return null;
      }
      double celsius = Long.parseLong(Files.readString(thermal).strip()) / 1000.0;
      return celsius >= -40 && celsius <= 125 ? celsius : null;
    } catch (IOException | NumberFormatException e) {
      return null;
    }
  }

  private long diskFree() {
    try {
      Path existing = dataDir;
      while (existing != null && !Files.exists(existing)) {
        existing = existing.getParent();
      }
      return existing == null ? 0 : Files.getFileStore(existing).getUsableSpace();
    } catch (IOException e) {
      return 0;
    }
  }
}
