package liaison.signage.player;

import java.nio.file.Path;
import java.time.Duration;
import liaison.signage.player.media.MediaCache;
import liaison.signage.protocol.Topic;
import liaison.signage.transport.ReconnectPolicy;

/**
 * What a station needs to run: who it is, where the hub's broker is, where it keeps its store.
 *
 * @param brokerUri for example {@code tcp://127.0.0.1:1883} or {@code ssl://hub.example:8883}
 * @param dataDir holds {@code station.db} and the {@code photos/} and {@code media/} directories
 * @param access how the station proves itself to the hub (enrolment, credentials, trusted
 *     certificate)
 * @param mediaCacheMb the most the media slides' files may take on the disk ({@code
 *     LIAISON_MEDIA_CACHE_MB}); 0 downloads none
 */
public record StationConfig(
    String stationId,
    String brokerUri,
    Path dataDir,
    String appVersion,
    Duration keepAlive,
    ReconnectPolicy reconnect,
    Duration heartbeat,
    Duration willDelay,
    HubAccess access,
    long mediaCacheMb) {

  /**
   * How long the broker holds a station's Last Will after its connection drops: a blip shorter than
   * this (the station is back in its session) never shows as offline at the hub.
   */
  public static final Duration WILL_DELAY = Duration.ofSeconds(10);

  /** How often a station reports its state and readings by default. */
  public static final Duration HEARTBEAT = Duration.ofSeconds(30);

  /** A terabyte: more is a typing mistake on a station's card. */
  public static final long MAX_MEDIA_CACHE_MB = 1024 * 1024;

  public StationConfig {
    if (!Topic.isValidStationId(stationId)) {
      throw new IllegalArgumentException(
          "station id must be lower-case letters, digits and hyphens (e.g. s-001), was '"
              + stationId
              + "'");
    }
    if (willDelay == null || willDelay.isNegative()) {
      throw new IllegalArgumentException("the will delay must not be negative, was " + willDelay);
    }
    if (heartbeat == null || heartbeat.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "the heartbeat must be at least a second apart, was " + heartbeat);
    }
    if (access == null) {
      throw new IllegalArgumentException("hub access settings missing (HubAccess.NONE for none)");
    }
    if (mediaCacheMb < 0 || mediaCacheMb > MAX_MEDIA_CACHE_MB) {
      throw new IllegalArgumentException(
          "the media cache must be 0 to " + MAX_MEDIA_CACHE_MB + " MB, was " + mediaCacheMb);
    }
    if (!brokerUri.matches("(tcp|ssl|ws|wss)://.+")) {
      throw new IllegalArgumentException(
          "broker address must look like tcp://host:1883, was '" + brokerUri + "'");
    }
  }

  public static StationConfig of(String stationId, String brokerUri, Path dataDir) {
    return new StationConfig(
        stationId,
        brokerUri,
        dataDir,
        AppVersion.current(),
        Duration.ofSeconds(30),
        ReconnectPolicy.DEFAULT,
        HEARTBEAT,
        WILL_DELAY,
        HubAccess.NONE,
        MediaCache.DEFAULT_LIMIT_MB);
  }

  public StationConfig withReconnect(ReconnectPolicy policy) {
    return new StationConfig(
        stationId,
        brokerUri,
        dataDir,
        appVersion,
        keepAlive,
        policy,
        heartbeat,
        willDelay,
        access,
        mediaCacheMb);
  }

  public StationConfig withBrokerUri(String uri) {
    return new StationConfig(
        stationId,
        uri,
        dataDir,
        appVersion,
        keepAlive,
        reconnect,
        heartbeat,
        willDelay,
        access,
        mediaCacheMb);
  }

  public StationConfig withKeepAlive(Duration interval) {
    return new StationConfig(
        stationId,
        brokerUri,
        dataDir,
        appVersion,
        interval,
        reconnect,
        heartbeat,
        willDelay,
        access,
        mediaCacheMb);
  }

  public StationConfig withWillDelay(Duration delay) {
    return new StationConfig(
        stationId,
        brokerUri,
        dataDir,
        appVersion,
        keepAlive,
        reconnect,
        heartbeat,
        delay,
        access,
        mediaCacheMb);
  }

  public StationConfig withHeartbeat(Duration interval) {
    return new StationConfig(
        stationId,
        brokerUri,
        dataDir,
        appVersion,
        keepAlive,
        reconnect,
        interval,
        willDelay,
        access,
        mediaCacheMb);
  }

  public StationConfig withAccess(HubAccess next) {
    return new StationConfig(
        stationId,
        brokerUri,
        dataDir,
        appVersion,
        keepAlive,
        reconnect,
        heartbeat,
        willDelay,
        next,
        mediaCacheMb);
  }

  /** Connects with these credentials, no enrolment (provisioning, tests). */
  public StationConfig withLogin(String username, String password) {
    return withAccess(access.withLogin(username, password));
  }

  /** Asks this hub for an enrolment code when the store holds no credentials. */
  public StationConfig withHub(java.net.URI hubUrl) {
    return withAccess(access.withHub(hubUrl));
  }

  /**
   * Where a waiting screen writes the code it shows, for an installer's script on the same machine.
   */
  public Path enrolmentCodeFile() {
    return dataDir.resolve("enrolment-code.txt");
  }

  public Path storeFile() {
    return dataDir.resolve("station.db");
  }

  /** Deputies' photos, next to the store file. */
  public Path photoDir() {
    return dataDir.resolve("photos");
  }

  public StationConfig withMediaCacheMb(long megabytes) {
    return new StationConfig(
        stationId,
        brokerUri,
        dataDir,
        appVersion,
        keepAlive,
        reconnect,
        heartbeat,
        willDelay,
        access,
        megabytes);
  }

  /** The media slides' files ({@code media/}), next to the store file. */
  public Path mediaDir() {
    return dataDir.resolve("media");
  }

  public long mediaCacheBytes() {
    return mediaCacheMb * 1024 * 1024;
  }
}
