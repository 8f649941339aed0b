package liaison.signage.player;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import liaison.signage.player.command.StationCommands;
import liaison.signage.player.enrol.Enrolment;
import liaison.signage.player.enrol.EnrolmentState;
import liaison.signage.player.enrol.StationName;
import liaison.signage.player.link.HubLink;
import liaison.signage.player.media.MediaCache;
import liaison.signage.player.media.MediaFiles;
import liaison.signage.player.model.LiveValue;
import liaison.signage.player.photos.PhotoCache;
import liaison.signage.player.store.ContentStore;
import liaison.signage.player.update.SoftwareUpdates;
import liaison.signage.player.update.StationUpdate;
import liaison.signage.protocol.StationIdentity;
import liaison.signage.protocol.StationState.Presence;
import liaison.signage.protocol.Topic;
import liaison.signage.transport.TrustedCertificates;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One station at work, for the kiosk and the signage screen alike: opens the station's store, makes
 * its parts, connects them to the link to the hub, and starts and stops them together. Each part
 * has one job, and screens and hardware talk to the part they need:
 *
 * <ul>
 *   <li>{@link #feed()}: the content and alert the hub published, stored before shown;
 *   <li>{@link #events()}: events for the hub, kept in the outbox until the broker has them;
 *   <li>{@link #presence()}: whether the hub is reachable; the state the hub sees (version on
 *       screen, screen on or off, heartbeat);
 *   <li>{@link #photos()}: the deputies' photos of what is shown;
 *   <li>{@link #media()}: the files of the media slides the hub scheduled, and which are ready;
 *   <li>{@link #enrolment()}: what a screen without its credential shows while it enrols;
 *   <li>{@link #commands()}: the hub's remote commands;
 *   <li>the software updates a snapshot names ({@link SoftwareUpdates}): the station switches and
 *       restarts into the new version, and confirms it once healthy.
 * </ul>
 */
public final class StationRuntime implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StationRuntime.class);
  private static final Duration PHOTO_RETRY = Duration.ofSeconds(30);
  private static final Duration MEDIA_RETRY = Duration.ofSeconds(30);

  private final StationConfig config;
  private final ContentStore store;
  private final HubLink link;
  private final Rejections rejections = new Rejections();
  private final PhotoCache photos;
  private final MediaCache media;
  private final ContentFeed feed;
  private final StationEvents events;
  private final StationPresence presence;
  private final StationCommands commands;
  private final StationLogin login;
  private final StationInbox inbox;
  private final SoftwareUpdates updates;
  private final AtomicBoolean linkStarted = new AtomicBoolean();
  private volatile boolean closed;
  private volatile boolean shown;
  private volatile boolean connected;

  private StationRuntime(StationConfig config, Clock clock, ContentStore store) {
    this.config = config;
    this.store = store;
    String id = config.stationId();
    HubAccess access = config.access();
    // This run of the station: in its client id and in every state it reports.
    String session = UUID.randomUUID().toString();
    @Nullable SSLContext tls =
        access.trust() == null ? null : TrustedCertificates.context(access.trust());
    this.login = new StationLogin(config, store, clock, tls, this::enrolled);
    this.link =
        new HubLink(
            new HubLink.Settings(
                config.brokerUri(),
                // The broker ties a station's client ids to its user name: station-<id>-<suffix>.
                StationIdentity.clientId(id, session.substring(0, 8)),
                // Its own topics only: a command on another station's topic never reaches it.
                List.of(
                    Topic.stationContent(id).toString(),
                    Topic.stationAlert(id).toString(),
                    Topic.stationTally(id).toString(),
                    Topic.stationProjectTally(id).toString(),
                    Topic.stationCommand(id).toString()),
                config.keepAlive(),
                Duration.ofSeconds(10),
                config.reconnect(),
                this::will,
                config.willDelay(),
                login::credentials,
                tls == null ? null : tls.getSocketFactory()),
            new LinkListener());
    // Photos, media and screenshot uploads go to the same hub, so they trust the same certificate.
    this.media =
        MediaCache.open(config.mediaDir(), clock, config.mediaCacheBytes(), MEDIA_RETRY, tls);
    this.presence = new StationPresence(config, clock, store, link, session, media::telemetry);
    this.photos = PhotoCache.open(config.photoDir(), clock, PHOTO_RETRY, tls);
    this.feed =
        new ContentFeed(
            id,
            store,
            clock,
            rejections,
            content -> {
              photos.wantAll(content);
              media.want(content);
            });
    this.events = new StationEvents(id, clock, store.outbox(), link);
    this.commands = new StationCommands(id, clock, link::reply, tls);
    this.inbox = new StationInbox(id, feed, commands, rejections);
    this.updates =
        new SoftwareUpdates(
            StationUpdate.installedHome(System.getenv("LIAISON_HOME")).orElse(null),
            config.appVersion(),
            SoftwareUpdates.thisArch(),
            access.hubUrl(),
            () -> store.memo(Enrolment.BUNDLE_KEY),
            events::record,
            this::restart,
            SoftwareUpdates.HEALTH_WITHIN,
            clock);
    // A rollback is taken (and its version remembered as failed) before any snapshot is looked
    // at, so the stored one that named the failed version does not start it again.
    updates.started();
    feed.content()
        .watch(
            content ->
                content.ifPresent(
                    c -> {
                      updates.offered(c);
                      checkHealthy();
                    }));
  }

  /** Opens the station's store and shows what it holds; call {@link #start()} to reach the hub. */
  public static StationRuntime open(StationConfig config, Clock clock) {
    StationRuntime runtime =
        new StationRuntime(config, clock, ContentStore.open(config.storeFile()));
    runtime.feed.showStored();
    return runtime;
  }

  /**
   * Starts the link to the hub in the background; a screen that must enrol first asks the hub for
   * an enrolment code instead and connects once it has been entered.
   */
  public void start() {
    events.start();
    login.start(this::startLink);
    presence.startHeartbeats();
  }

  public StationConfig config() {
    return config;
  }

  /** The content and alert the hub published for this station. */
  public ContentFeed feed() {
    return feed;
  }

  /** Events for the hub, through the durable outbox. */
  public StationEvents events() {
    return events;
  }

  /** Whether the hub is reachable, and what the hub hears of this station. */
  public StationPresence presence() {
    return presence;
  }

  /** The deputies' photos; asked for every photo in each snapshot the station shows. */
  public PhotoCache photos() {
    return photos;
  }

  /**
   * The media slides' files: the signage loop asks it before a media slide's turn and skips a slide
   * that is not ready. Fed each snapshot the station shows.
   */
  public MediaFiles media() {
    return media;
  }

  /** The media cache itself: its figures, and when a file lands. */
  public MediaCache mediaCache() {
    return media;
  }

  /**
   * Where the screen stands with enrolment: what to show while it waits for an administrator
   * ({@link EnrolmentState#NOT_NEEDED} when it has its credential, or enrols by no hub).
   */
  public LiveValue<EnrolmentState> enrolment() {
    return login.state();
  }

  /**
   * The station's public name and township as the hub's enrolment ticket gave them, so a screen can
   * name its station before its first content (the content's name wins once it has arrived). Empty
   * before any ticket, or from an older hub that sends no names.
   */
  public LiveValue<Optional<StationName>> enrolledName() {
    return login.name();
  }

  /** The hub's remote commands; every one is refused until the app gives its handler. */
  public StationCommands commands() {
    return commands;
  }

  /**
   * The app's first frame is on screen: with the hub connected and content received, the station is
   * healthy, and a pending update of its version is confirmed.
   */
  public void screenShown() {
    shown = true;
    checkHealthy();
  }

  private void checkHealthy() {
    if (shown && connected && feed.content().get().isPresent() && !closed) {
      updates.healthy();
    }
  }

  /**
   * Stops the station in order and exits with {@link SoftwareUpdates#RESTART_STATUS}, which systemd
   * restarts (into the version {@code current} points at).
   */
  public void restart() {
    close();
    System.exit(SoftwareUpdates.RESTART_STATUS);
  }

  /** The messages this station ignored, for diagnostics. */
  public Rejections rejections() {
    return rejections;
  }

  /** Where the link hands the messages it receives; tests hand theirs here too. */
  StationInbox inbox() {
    return inbox;
  }

  private void startLink() {
    if (linkStarted.compareAndSet(false, true)) {
      link.start();
    } else {
      link.retryNow();
    }
  }

  /** The enrolment was entered at the hub: connect with the new credential now. */
  private void enrolled() {
    if (!closed) {
      startLink();
    }
  }

  /** The Last Will, asked for before each connect so it carries current values. */
  private HubLink.Message will() {
    return presence.state(Presence.OFFLINE);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    presence.stopHeartbeats();
    login.close();
    commands.close();
    events.stop();
    photos.close();
    media.close();
    boolean wasOnline = link.isConnected();
    link.close(wasOnline ? presence.state(Presence.OFFLINE) : null);
    events.finish();
    if (wasOnline) {
      presence.wentOffline();
    }
    store.close();
    LOG.info("station {}: stopped", config.stationId());
  }

  /** What the link reports, passed on to the parts that care; on Paho's or the link's thread. */
  private final class LinkListener implements HubLink.Listener {
    @Override
    public void credentialsRefused(int reasonCode) {
      login.refused(reasonCode);
    }

    @Override
    public void connected() {
      login.connected();
      presence.connected();
      events.connected();
      connected = true;
      checkHealthy();
      // Photos that failed before get another chance once the hub is back.
      feed.content().get().ifPresent(photos::wantAll);
      media.retryNow();
    }

    @Override
    public void disconnected(String reason) {
      events.disconnected();
      if (!closed) {
        presence.disconnected();
      }
    }

    @Override
    public void message(
        String topic, byte[] payload, boolean retained, HubLink.@Nullable Reply reply) {
      inbox.received(topic, payload, reply);
    }
  }
}
