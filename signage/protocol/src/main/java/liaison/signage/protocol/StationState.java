package liaison.signage.protocol;

import static liaison.signage.protocol.Checks.required;
import static liaison.signage.protocol.Checks.text;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * What a station says about itself, retained on its state topic. The Last Will carries the same
 * record with {@link Presence#OFFLINE}.
 *
 * @param session identifies one run of the station's app, so a late message from an old session can
 *     be told apart from the current one
 * @param contentVersion the content version on screen, 0 before any content was shown
 */
public record StationState(
    Presence presence,
    String session,
    String appVersion,
    long contentVersion,
    Screen screen,
    OffsetDateTime at,
    @Nullable Telemetry telemetry)
    implements ProtocolMessage {

  /** A state without telemetry (the Last Will, or a station that does not measure). */
  public StationState(
      Presence presence,
      String session,
      String appVersion,
      long contentVersion,
      Screen screen,
      OffsetDateTime at) {
    this(presence, session, appVersion, contentVersion, screen, at, null);
  }

  public StationState {
    required(presence, "presence");
    text(session, "session");
    text(appVersion, "appVersion");
    if (contentVersion < 0) {
      throw new IllegalArgumentException("field 'contentVersion' is negative: " + contentVersion);
    }
    screen = screen == null ? Screen.ON : screen;
    required(at, "at");
  }

  /**
   * The heartbeat's readings, every 30 s. Values a station cannot read are left out; values no
   * machine can have are refused.
   *
   * @param uptimeSeconds since the station's app started
   * @param cpuCelsius the SoC's temperature, when the machine reports one
   * @param diskFreeBytes free space where the station keeps its store
   * @param memoryUsedBytes the app's heap in use
   * @param memoryMaxBytes the most heap the app may use
   */
  public record Telemetry(
      long uptimeSeconds,
      @Nullable Double cpuCelsius,
      long diskFreeBytes,
      long memoryUsedBytes,
      long memoryMaxBytes,
      @Nullable MediaCache media) {

    /** Readings without the media cache (a station before issue 20). */
    public Telemetry(
        long uptimeSeconds,
        @Nullable Double cpuCelsius,
        long diskFreeBytes,
        long memoryUsedBytes,
        long memoryMaxBytes) {
      this(uptimeSeconds, cpuCelsius, diskFreeBytes, memoryUsedBytes, memoryMaxBytes, null);
    }

    public Telemetry {
      if (uptimeSeconds < 0 || diskFreeBytes < 0 || memoryUsedBytes < 0 || memoryMaxBytes < 0) {
        throw new IllegalArgumentException("telemetry: readings must not be negative");
      }
      if (memoryMaxBytes > 0 && memoryUsedBytes > memoryMaxBytes) {
        throw new IllegalArgumentException(
            "telemetry: "
                + memoryUsedBytes
                + " bytes of memory in use is more than the "
                + memoryMaxBytes
                + " available");
      }
      if (cpuCelsius != null && (cpuCelsius.isNaN() || cpuCelsius < -40 || cpuCelsius > 125)) {
        throw new IllegalArgumentException(
            "telemetry: a CPU at " + cpuCelsius + " °C is not plausible (-40 to 125)");
      }
    }
  }

  /**
   * The station's media cache (issue 20), for the fleet page: what it holds and what it still waits
   * for of the slides its snapshot schedules.
   *
   * @param usedBytes complete files on disk
   * @param limitBytes the most the cache may hold (least recently played out first)
   * @param ready files of scheduled slides complete and checked
   * @param waiting files of scheduled slides not yet complete (queued or downloading)
   * @param failed files whose last download failed (refused, cut, or not matching their hash)
   */
  public record MediaCache(long usedBytes, long limitBytes, int ready, int waiting, int failed) {
    public MediaCache {
      if (usedBytes < 0 || limitBytes < 0 || ready < 0 || waiting < 0 || failed < 0) {
        throw new IllegalArgumentException("telemetry.media: readings must not be negative");
      }
    }
  }

  public enum Presence {
    ONLINE,
    OFFLINE
  }

  public enum Screen {
    ON,
    OFF
  }
}
