package liaison.signage.player;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import liaison.signage.player.command.CommandHandler;
import liaison.signage.player.command.StationCommands;
import liaison.signage.player.enrol.Enrolment;
import liaison.signage.player.enrol.EnrolmentState;
import liaison.signage.player.link.HubLink;
import liaison.signage.player.photos.PhotoCache;
import liaison.signage.player.store.ContentStore;
import liaison.signage.player.store.Received;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.ProtocolException;
import liaison.signage.protocol.StationAlert;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationEvent;
import liaison.signage.protocol.StationState;
import liaison.signage.protocol.StationState.Presence;
import liaison.signage.protocol.StationState.Screen;
import liaison.signage.protocol.StationIdentity;
import liaison.signage.protocol.Topic;
import liaison.signage.transport.TrustedCertificates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One station at work: it shows what its store holds at once, keeps the link to the hub, applies
 * each snapshot with a higher version (stored before shown), and reports which version is on screen.
 * It also keeps the hub's current alert, sends recorded events through a durable outbox, and fetches
 * the deputies' photos.
 *
 * <p>Views watch {@link #content()}, {@link #alert()} and {@link #link()} and call {@link
 * #displayed(long)} once a version is on screen.
 */
public final class StationRuntime implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StationRuntime.class);
  static final String OFFLINE_SINCE = "offline_since";
  private static final Duration PHOTO_RETRY = Duration.ofSeconds(30);

  private final StationConfig config;
  private final Clock clock;
  private final ContentStore store;
  private final HubLink link;
  private final String session = UUID.randomUUID().toString();
  private final LiveValue<Optional<StationContent>> content = new LiveValue<>(Optional.empty());
  private final LiveValue<LinkStatus> linkStatus;
  private final LiveValue<Optional<StationAlert>> alert = new LiveValue<>(Optional.empty());
  private final LiveValue<Integer> pending = new LiveValue<>(0);
  private final OutboxDelivery delivery;
  private final PhotoCache photos;
  private final LiveValue<Optional<String>> lastRejection = new LiveValue<>(Optional.empty());
  private final AtomicLong rejected = new AtomicLong();
  private volatile long displayedVersion;
  private volatile Screen screen = Screen.ON;
  private final TelemetryProbe probe;
  private final java.util.concurrent.ScheduledExecutorService heartbeats =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("station-heartbeat").factory());
  private volatile boolean closed;
  private final StationCommands commands;
  private final javax.net.ssl.@org.jspecify.annotations.Nullable SSLContext tls;
  private final @org.jspecify.annotations.Nullable Enrolment enrolment;
  private final java.util.concurrent.atomic.AtomicBoolean linkStarted = new java.util.concurrent.atomic.AtomicBoolean();

  private StationRuntime(StationConfig config, Clock clock, ContentStore store) {
    this.probe = new TelemetryProbe(clock, config.dataDir());
    this.config = config;
    this.clock = clock;
    this.store = store;
    this.linkStatus = new LiveValue<>(LinkStatus.connecting(now()));
    String id = config.stationId();
    HubAccess access = config.access();
    this.tls = access.trust() == null ? null : TrustedCertificates.context(access.trust());
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
                    Topic.stationCommand(id).toString()),
                config.keepAlive(),
                Duration.ofSeconds(10),
                config.reconnect(),
                () -> stateMessage(Presence.OFFLINE),
                config.willDelay(),
                this::credentials,
                tls == null ? null : tls.getSocketFactory()),
            new LinkListener());
    this.enrolment =
        access.enrols()
            ? new Enrolment(
                id, config.appVersion(), access.hubUrl(), tls, access.poll(), store, clock, config.enrolmentCodeFile(),
                this::enrolled)
            : null;
    this.delivery =
        new OutboxDelivery(id, store.outbox(), link, Topic.stationEvent(id).toString(), pending);
    // Photos and screenshot uploads go to the same hub, so they trust the same certificate.
    this.photos = PhotoCache.open(config.photoDir(), clock, PHOTO_RETRY, tls);
    this.commands = new StationCommands(id, clock, link::reply, tls);
  }

  /** Opens the station's store and shows what it holds; call {@link #start()} to reach the hub. */
  public static StationRuntime open(StationConfig config, Clock clock) {
    ContentStore store = ContentStore.open(config.storeFile());
    StationRuntime runtime = new StationRuntime(config, clock, store);
    store
        .load(config.stationId())
        .ifPresent(
            stored -> {
              LOG.info(
                  "station {}: showing stored content version {} of {}",
                  config.stationId(),
                  stored.content().version(),
                  stored.storedAt());
              runtime.content.set(Optional.of(stored.content()));
              runtime.wantPhotos(stored.content());
            });
    store.loadAlert(config.stationId()).ifPresent(a -> runtime.alert.set(Optional.of(a)));
    runtime.delivery.refreshPending();
    return runtime;
  }

  /**
   * Starts the link to the hub in the background; a screen that must enrol first asks the hub for
   * an enrolment code instead and connects once it has been entered.
   */
  public void start() {
    delivery.start();
    if (enrolment != null && credentials() == null) {
      enrolment.start(false);
    } else {
      startLink();
    }
    long every = config.heartbeat().toMillis();
    heartbeats.scheduleAtFixedRate(this::heartbeat, every, every, java.util.concurrent.TimeUnit.MILLISECONDS);
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

  /** The credentials for the next connect: given outright, else the ones enrolment stored, else none. */
  private HubLink.@org.jspecify.annotations.Nullable Credentials credentials() {
    HubAccess.Login given = config.access().login();
    if (given != null) {
      return new HubLink.Credentials(given.username(), given.password().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    Optional<String> username = store.memo(Enrolment.MQTT_USERNAME);
    Optional<String> password = store.memo(Enrolment.MQTT_PASSWORD);
    if (username.isPresent() && password.isPresent()) {
      return new HubLink.Credentials(username.get(), password.get().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return null;
  }

  /**
   * Where the screen stands with enrolment: what to show while it waits for an administrator
   * ({@link EnrolmentState#NOT_NEEDED} when it has its credential, or enrols by no hub).
   */
  public LiveValue<EnrolmentState> enrolment() {
    return enrolment == null ? NO_ENROLMENT : enrolment.state();
  }

  private static final LiveValue<EnrolmentState> NO_ENROLMENT = new LiveValue<>(EnrolmentState.NOT_NEEDED);

  /**
   * Reports the state with fresh readings (uptime, CPU temperature, free disk, memory, screen);
   * runs every {@link StationConfig#heartbeat()} while connected. A heartbeat is not an event: it is
   * not kept while offline, the next one says the same and newer.
   */
  public void heartbeat() {
    try {
      reportState();
    } catch (RuntimeException e) {
      LOG.warn("station {}: heartbeat failed: {}", config.stationId(), e.getMessage());
    }
  }

  /** The screen was switched on or off (opening hours, motion): the hub hears of it at once. */
  public void screen(boolean on) {
    Screen next = on ? Screen.ON : Screen.OFF;
    if (next != screen) {
      screen = next;
      reportState();
    }
  }

  /** What the app does for the hub's remote commands; until set, every command is refused. */
  public void commands(CommandHandler handler) {
    commands.handler(handler);
  }

  /**
   * Reads the stored content again and shows it anew (the hub's RELOAD_CONTENT): views redraw from
   * the store, and photos are asked for again.
   */
  public void reload() {
    Optional<StationContent> stored = store.load(config.stationId()).map(s -> s.content());
    stored.ifPresent(this::wantPhotos);
    content.set(Optional.empty());
    content.set(stored);
    LOG.info("station {}: content reloaded from the store (version {})", config.stationId(),
        stored.map(StationContent::version).orElse(0L));
  }

  public Screen screen() {
    return screen;
  }

  public StationConfig config() {
    return config;
  }

  public LiveValue<Optional<StationContent>> content() {
    return content;
  }

  /**
   * The hub's current urgent or emergency notice, kept across restarts; empty when the hub cleared
   * it. The runtime does not drop an alert past its {@code validUntil}: the view, which has the
   * clock and redraws anyway, hides it then (the hub also clears it when it ends).
   */
  public LiveValue<Optional<StationAlert>> alert() {
    return alert;
  }

  /** The deputies' photos; asked for every photo in each snapshot the station shows. */
  public PhotoCache photos() {
    return photos;
  }

  /**
   * Records an event for the hub: committed to the outbox before this returns, then sent in the
   * background whenever the hub is reachable, across outages and restarts.
   *
   * @param type lower-case dotted name such as {@code satisfaction}
   * @throws IllegalArgumentException when the type or body is not a valid event
   */
  public StationEvent record(String type, Map<String, Object> body) {
    if (closed) {
      throw new IllegalStateException("station " + config.stationId() + " is stopped; event " + type + " not recorded");
    }
    StationEvent event = new StationEvent(UUID.randomUUID(), type, now(), body);
    store.outbox().add(event);
    delivery.recorded();
    return event;
  }

  /** Events recorded and not yet acknowledged by the broker. */
  public int pendingEvents() {
    return pending.get();
  }

  /** The same as a value to watch, for diagnostics. */
  public LiveValue<Integer> pending() {
    return pending;
  }

  public LiveValue<LinkStatus> link() {
    return linkStatus;
  }

  /** The reason the last message on a station topic was ignored, for diagnostics. */
  public LiveValue<Optional<String>> lastRejection() {
    return lastRejection;
  }

  public long rejectedMessages() {
    return rejected.get();
  }

  public String session() {
    return session;
  }

  /** Called by the view once the version is on screen; the hub hears of it in the station state. */
  public void displayed(long version) {
    if (version <= displayedVersion) {
      return;
    }
    displayedVersion = version;
    reportState();
  }

  public long displayedVersion() {
    return displayedVersion;
  }

  private void reportState() {
    if (!link.isConnected()) {
      return;
    }
    link.publish(stateMessage(Presence.ONLINE))
        .exceptionally(
            e -> {
              LOG.debug("state report not sent: {}", e.getMessage());
              return null;
            });
  }

  private HubLink.Message stateMessage(Presence presence) {
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

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  void onMessage(String topicName, byte[] payload) {
    onMessage(topicName, payload, null);
  }

  void onMessage(String topicName, byte[] payload, HubLink.@org.jspecify.annotations.Nullable Reply reply) {
    String id = config.stationId();
    Optional<Topic> topic = Topic.tryParse(topicName);
    if (topic.isPresent() && topic.get().channel() == Topic.Channel.COMMAND && !topic.get().stationId().equals(id)) {
      rejected.incrementAndGet();
      commands.foreign(topicName, reply);
      return;
    }
    if (topic.isEmpty() || !topic.get().stationId().equals(id)) {
      reject("station " + id + ": ignored a message on " + topicName + ", not one of this station's topics");
      return;
    }
    switch (topic.get().channel()) {
      case CONTENT -> onContent(topicName, payload);
      case ALERT -> onAlert(topicName, payload);
      case COMMAND -> commands.received(payload, reply);
      default -> reject("station " + id + ": ignored a message on " + topicName + ", a channel it does not read");
    }
  }

  private void onContent(String topicName, byte[] payload) {
    String id = config.stationId();
    Received<StationContent> received;
    try {
      received = Received.content(payload);
    } catch (ProtocolException e) {
      reject("station " + id + ": ignored content on " + topicName + ": " + e.getMessage());
      return;
    }
    StationContent next = received.message();
    if (!next.stationId().equals(id)) {
      reject(
          "station "
              + id
              + ": ignored content on "
              + topicName
              + " addressed to station "
              + next.stationId());
      return;
    }
    if (!store.storeIfNewer(received, now())) {
      LOG.info(
          "station {}: content version {} after {}; ignored",
          id,
          next.version(),
          store.storedVersion(id));
      return;
    }
    LOG.info("station {}: stored content version {}", id, next.version());
    content.set(Optional.of(next));
    wantPhotos(next);
  }

  private void onAlert(String topicName, byte[] payload) {
    String id = config.stationId();
    if (payload.length == 0) {
      store.clearAlert(id);
      if (alert.get().isPresent()) {
        LOG.info("station {}: alert cleared", id);
      }
      alert.set(Optional.empty());
      return;
    }
    Received<StationAlert> received;
    try {
      received = Received.alert(payload);
    } catch (ProtocolException e) {
      reject("station " + id + ": ignored an alert on " + topicName + ": " + e.getMessage());
      return;
    }
    StationAlert next = received.message();
    store.storeAlert(id, received, now());
    if (!alert.get().equals(Optional.of(next))) {
      LOG.info("station {}: alert {} ({}) stored", id, next.noticeId(), next.priority());
    }
    alert.set(Optional.of(next));
  }

  private void wantPhotos(StationContent shown) {
    for (StationContent.Deputy deputy : shown.deputies()) {
      if (deputy.photo() != null) {
        photos.want(shown.links().photoBase(), deputy.photo());
      }
    }
  }

  private void reject(String reason) {
    rejected.incrementAndGet();
    LOG.warn(reason);
    lastRejection.set(Optional.of(reason));
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    heartbeats.shutdownNow();
    if (enrolment != null) {
      enrolment.close();
    }
    commands.close();
    delivery.close();
    photos.close();
    boolean wasOnline = link.isConnected();
    link.close(wasOnline ? stateMessage(Presence.OFFLINE) : null);
    delivery.finishAcknowledgements();
    if (wasOnline) {
      store.remember(OFFLINE_SINCE, now().toString());
    }
    store.close();
    LOG.info("station {}: stopped", config.stationId());
  }

  private final class LinkListener implements HubLink.Listener {
    @Override
    public void credentialsRefused(int reasonCode) {
      if (enrolment != null && config.access().login() == null) {
        // Revoked, or a hub that does not know this screen: show a code to enrol it again, and
        // keep trying the old credential meanwhile (a hub restored from a backup may know it).
        enrolment.start(true);
      } else {
        LOG.error(
            "station {}: the broker refused this station's credentials (reason 0x{}); check them at the hub",
            config.stationId(),
            Integer.toHexString(reasonCode));
      }
    }

    @Override
    public void connected() {
      if (enrolment != null) {
        enrolment.cancel();
      }
      store.forget(OFFLINE_SINCE);
      linkStatus.set(LinkStatus.online(now()));
      reportState();
      delivery.connected();
      // Photos that failed before get another chance once the hub is back.
      content.get().ifPresent(StationRuntime.this::wantPhotos);
    }

    @Override
    public void disconnected(String reason) {
      delivery.disconnected();
      if (closed) {
        return;
      }
      LinkStatus current = linkStatus.get();
      if (current.isOffline()) {
        return;
      }
      OffsetDateTime since =
          current.state() == LinkStatus.State.CONNECTING
              ? store.memo(OFFLINE_SINCE).map(OffsetDateTime::parse).orElse(now())
              : now();
      store.remember(OFFLINE_SINCE, since.toString());
      linkStatus.set(LinkStatus.offline(since));
    }

    @Override
    public void message(String topic, byte[] payload, boolean retained, HubLink.@org.jspecify.annotations.Nullable Reply reply) {
      onMessage(topic, payload, reply);
    }
  }
}
