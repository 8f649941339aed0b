package liaison.signage.player;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import liaison.signage.player.link.HubLink;
import liaison.signage.player.model.LiveValue;
import liaison.signage.player.store.ContentStore;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationState;
import liaison.signage.protocol.StationState.Presence;
import liaison.signage.protocol.StationState.Screen;
import liaison.signage.protocol.Topic;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's presence, on both sides of the link: here, whether the hub is reachable and since
 * when it is not ({@link #link()}, remembered in the store so a restart without the hub still says
 * "离线 · 10:42 起"); at the hub, the retained state with the version on screen, the screen's power
 * and the heartbeat's readings, and the offline state the broker publishes as the Last Will.
 */
public final class StationPresence {

  private static final Logger LOG = LoggerFactory.getLogger(StationPresence.class);
  static final String OFFLINE_SINCE = "offline_since";

  private final StationConfig config;
  private final Clock clock;
  private final ContentStore store;
  private final TelemetryProbe probe;
  private final String session;
  private final LiveValue<LinkStatus> link;
  private final ScheduledExecutorService heartbeats =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("station-heartbeat").factory());
  private final HubLink hub;
  private volatile long displayedVersion;
  private volatile Screen screen = Screen.ON;

  /**
   * @param hub the link the state goes through (its Last Will is {@link #state}{@code (OFFLINE)})
   * @param session this run of the station, named in every state
   * @param media the media cache's figures for the heartbeat
   */
  StationPresence(
      StationConfig config,
      Clock clock,
      ContentStore store,
      HubLink hub,
      String session,
      Supplier<StationState.@Nullable MediaCache> media) {
    this.config = config;
    this.session = session;
    this.clock = clock;
    this.store = store;
    this.hub = hub;
    this.probe = new TelemetryProbe(clock, config.dataDir(), media);
    this.link = new LiveValue<>(LinkStatus.connecting(now()));
  }

  /** Whether the hub is reachable, and since when it is not. */
  public LiveValue<LinkStatus> link() {
    return link;
  }

  /** This run of the station, named in every state it reports (the hub tells restarts apart). */
  public String session() {
    return session;
  }

  /** Called by the view once the version is on screen; the hub hears of it in the station state. */
  public void displayed(long version) {
    if (version <= displayedVersion) {
      return;
    }
    displayedVersion = version;
    report();
  }

  public long displayedVersion() {
    return displayedVersion;
  }

  /** The screen was switched on or off (opening hours, motion): the hub hears of it at once. */
  public void screen(boolean on) {
    Screen next = on ? Screen.ON : Screen.OFF;
    if (next != screen) {
      screen = next;
      report();
    }
  }

  public Screen screen() {
    return screen;
  }

  /**
   * Reports the state with fresh readings (uptime, CPU temperature, free disk, memory, screen);
   * runs every {@link StationConfig#heartbeat()} while connected. A heartbeat is not an event: it
   * is not kept while offline, the next one says the same and newer.
   */
  public void heartbeat() {
    try {
      report();
    } catch (RuntimeException e) {
      LOG.warn("station {}: heartbeat failed: {}", config.stationId(), e.getMessage());
    }
  }

  void startHeartbeats() {
    long every = config.heartbeat().toMillis();
    heartbeats.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
  }

  /** The link is up: online from now, and the hub hears the state at once. */
  void connected() {
    store.forget(OFFLINE_SINCE);
    link.set(LinkStatus.online(now()));
    report();
  }

  /**
   * The link is down. Offline since now, or, when it never came up since the start, since the
   * moment the previous run lost it (kept in the store).
   */
  void disconnected() {
    LinkStatus current = link.get();
    if (current.isOffline()) {
      return;
    }
    OffsetDateTime since =
        current.state() == LinkStatus.State.CONNECTING
            ? store.memo(OFFLINE_SINCE).map(OffsetDateTime::parse).orElse(now())
            : now();
    store.remember(OFFLINE_SINCE, since.toString());
    link.set(LinkStatus.offline(since));
  }

  /** The state message for the hub: online with readings, or offline (the will, the goodbye). */
  HubLink.Message state(Presence presence) {
    StationState state =
        new StationState(
            presence,
            session,
            config.appVersion(),
            displayedVersion,
            screen,
            now(),
            presence == Presence.ONLINE ? probe.read() : null);
    return new HubLink.Message(
        Topic.stationState(config.stationId()).toString(), ProtocolCodec.encode(state), 1, true);
  }

  void stopHeartbeats() {
    heartbeats.shutdownNow();
  }

  /**
   * After a goodbye: the station went offline now, as the next start will say until it connects.
   */
  void wentOffline() {
    store.remember(OFFLINE_SINCE, now().toString());
  }

  private void report() {
    if (!hub.isConnected()) {
      return;
    }
    hub.publish(state(Presence.ONLINE))
        .exceptionally(
            e -> {
              LOG.debug("state report not sent: {}", e.getMessage());
              return null;
            });
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
