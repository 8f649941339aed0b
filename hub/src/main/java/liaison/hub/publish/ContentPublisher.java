package liaison.hub.publish;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import liaison.hub.broker.BrokerClient;
import liaison.hub.config.PublishConfig;
import liaison.hub.db.Leases;
import liaison.hub.ingest.PublishingRound;
import liaison.hub.notice.NoticeRepository;
import liaison.hub.station.StationRepository;
import liaison.hub.station.StationsChanged;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.ProtocolException;
import liaison.signage.protocol.StationAlert;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.Topic;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every station's retained content snapshot up to date on the broker.
 *
 * <p>Features announce their changes ({@link StationsChanged}); that only marks stations as dirty
 * ({@link #stationsChanged}), so an admin request never waits for MQTT; one worker rebuilds the
 * dirty stations from the database, {@value #CHUNK} at a time ({@link SnapshotBuilder#buildAll}),
 * and publishes each with the next version when it differs from the last one, the chunk's new
 * versions recorded in one transaction. A burst of edits coalesces, and because the snapshot is
 * always rebuilt from the database after the last mark, the newest state is never lost. After every
 * (re)connect the stored payloads are published again, so a broker that lost its retained messages
 * gets them back with unchanged versions.
 *
 * <p>A change of notices alone ({@link StationsChanged#noticesOnly}: a notice saved, edited or
 * deleted) reads only the notices of the stations it reaches into the snapshots this hub holds,
 * rather than rebuilding every part of them: a county-wide notice costs a notice's work per
 * station. The full rebuild every refresh, and any other change, still rebuild everything.
 *
 * <p>A snapshot is built once and compared with the last one published (version and time aside);
 * only a different one gets a new version from the database ({@link
 * PublicationRepository#recordVersions}, with the notices it carries) and is encoded, once: those
 * bytes are hashed, published and stored, so the station receives exactly what the hub recorded.
 * The recorded snapshots are handed to the broker in the order they were recorded by a thread of
 * their own ({@link #sends}), while the worker builds the next chunk; the snapshots themselves are
 * stored once the round's last chunk is on its way ({@link #storeSent}): a hub that stops before
 * that leaves the publication before stored, which the next start or hub replaces with a newer
 * version.
 *
 * <p>With several hubs, one publishes: the holder of the lease {@value #LEASE} ({@link Leases}). It
 * checks that it still holds it before each chunk it builds and again before sending what it
 * recorded; a hub that does not publish passes the stations its features changed on to the one that
 * does, through the database ({@link PublicationRepository#request}), which the publisher reads
 * every second. A hub that takes the lease over first publishes every station again: the stored
 * payloads go out once more with their versions, so whatever the hub before it may have left half
 * sent is replaced.
 */
@Context
public class ContentPublisher implements ApplicationEventListener<StationsChanged>, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ContentPublisher.class);

  /** The lease of the one hub that publishes snapshots and alerts. */
  public static final String LEASE = "publisher";

  /** How many dirty stations are built, recorded in one transaction and sent together. */
  static final int CHUNK = 500;

  private final SnapshotBuilder builder;
  private final PublicationRepository publications;
  private final StationRepository stations;
  private final BrokerClient broker;
  private final PublishConfig config;
  private final Clock clock;
  private final Set<String> dirty = new LinkedHashSet<>();

  /**
   * Those of the dirty stations whose notices alone changed ({@link #noticesChanged}): rebuilt by
   * reading their notices into the snapshot this hub holds, when it holds the one published; a
   * station marked by any other change leaves this set. Guarded by {@link #dirty}.
   */
  private final Set<String> noticesOnly = new HashSet<>();

  private final Set<String> onBroker = ConcurrentHashMap.newKeySet();

  /**
   * The stations whose content publish awaits its PUBACK, each with whether it was marked dirty
   * again meanwhile (then it is rebuilt once the PUBACK comes): a station is never in flight twice,
   * so a later version can never be overtaken by an earlier one.
   */
  private final Map<String, Boolean> inFlight = new ConcurrentHashMap<>();

  /** The stations whose alert publish awaits its PUBACK, each with whether it changed again. */
  private final Map<String, Boolean> alertInFlight = new ConcurrentHashMap<>();

  /** Counts the broker connections: a PUBACK from an earlier one does not mark onBroker. */
  private final AtomicLong connection = new AtomicLong();

  /** The alert payload each station's alert topic holds ("" = cleared), as last sent. */
  private final Map<String, String> alertsSent = new ConcurrentHashMap<>();

  /** The last snapshot published per station, as built (or decoded once after a restart). */
  private final Map<String, StationContent> lastPublished = new ConcurrentHashMap<>();

  private final NoticeRepository notices;
  private final Leases leases;
  private final Thread worker;

  /**
   * Snapshots recorded and marked in flight, waiting their turn for the broker's window in the
   * order they were recorded: {@link #sender} hands them over while the worker builds the next
   * chunk, so that a round costs about the larger of building and sending rather than their sum.
   * Holds a chunk at most; the worker waits for room.
   */
  private final BlockingQueue<Runnable> sends = new ArrayBlockingQueue<>(CHUNK);

  private final Thread sender;
  private volatile boolean closed;

  /** Whether the worker holds a batch it has taken from {@link #dirty}; guarded by it. */
  private boolean building;

  private long nextRefresh;

  /** What the worker's last round did and how long each step took, as its log line says. */
  private volatile String lastRound = "";

  /**
   * Said while a round is built, so the stations' reports wait for it ({@link PublishingRound}).
   */
  private final PublishingRound round;

  /**
   * Nanoseconds a round spent in each step of its chunks, summed: reading the last versions (and
   * the stored bytes of those that need them), building the snapshots, encoding and hashing the
   * changed ones, recording them (the encoding aside), and waiting for room in the sender's queue.
   * Only the worker touches it.
   */
  private final long[] steps = new long[Step.values().length];

  /** How many stations of the round had their notices alone read in. Only the worker touches it. */
  private int noticesRead;

  /**
   * The publications the round has recorded and sent, stored once its last chunk is on its way
   * ({@link #storeSent}). Only the worker touches it.
   */
  private final List<Publication> unstored = new ArrayList<>();

  private enum Step {
    CURRENT("versions and stored bytes"),
    BUILD("build"),
    ENCODE("encode and hash"),
    RECORD("record"),
    QUEUE("wait for the sender"),
    STORE("store the snapshots");

    private final String label;

    Step(String label) {
      this.label = label;
    }
  }

  public ContentPublisher(
      SnapshotBuilder builder,
      PublicationRepository publications,
      StationRepository stations,
      BrokerClient broker,
      PublishConfig config,
      NoticeRepository notices,
      Leases leases,
      PublishingRound round,
      Clock clock) {
    this.round = round;
    this.notices = notices;
    this.leases = leases;
    this.builder = builder;
    this.publications = publications;
    this.stations = stations;
    this.broker = broker;
    this.config = config;
    this.clock = clock;
    this.worker = Thread.ofPlatform().name("content-publisher").daemon().unstarted(this::work);
    this.sender = Thread.ofPlatform().name("content-sender").daemon().unstarted(this::sendQueued);
  }

  @PostConstruct
  void start() {
    broker.onConnected(
        () -> {
          connection.incrementAndGet();
          onBroker.clear();
          alertsSent.clear();
          allChanged();
        });
    leases.want(LEASE);
    allChanged();
    sender.start();
    worker.start();
  }

  @Override
  public void onApplicationEvent(StationsChanged event) {
    if (leases.holds(LEASE)) {
      if (event.noticesOnly()) {
        noticesChanged(event.stationIds());
      } else {
        stationsChanged(event.stationIds());
      }
      return;
    }
    try {
      publications.request(event.stationIds(), OffsetDateTime.now(clock));
    } catch (RuntimeException e) {
      // The change itself is committed; the publisher's next full refresh brings it.
      LOG.warn(
          "stations {} changed, but the publishing hub could not be told ({}); they follow at the next refresh",
          event.stationIds(),
          e.toString());
    }
  }

  /** The last round's log line: its stations, new versions, and milliseconds per step. */
  public String lastRound() {
    return lastRound;
  }

  /** Whether this hub publishes the snapshots now (holds {@value #LEASE}). */
  public boolean publishing() {
    return leases.holds(LEASE);
  }

  /** Marks stations for rebuilding; returns at once. */
  public void stationsChanged(Collection<String> stationIds) {
    synchronized (dirty) {
      dirty.addAll(stationIds);
      stationIds.forEach(noticesOnly::remove);
      dirty.notifyAll();
    }
  }

  /**
   * Marks stations whose notices alone changed; returns at once. One already marked for a full
   * rebuild stays so.
   */
  public void noticesChanged(Collection<String> stationIds) {
    synchronized (dirty) {
      for (String stationId : stationIds) {
        if (dirty.add(stationId)) {
          noticesOnly.add(stationId);
        }
      }
      dirty.notifyAll();
    }
  }

  public void allChanged() {
    stationsChanged(stations.allIds());
  }

  /**
   * True when no station waits to be published and no publish awaits the broker's acknowledgement
   * (for tests and the health page).
   */
  public boolean idle() {
    synchronized (dirty) {
      return dirty.isEmpty() && !building && inFlight.isEmpty() && alertInFlight.isEmpty();
    }
  }

  /**
   * Rebuilds, records and queues {@code batch} a chunk at a time; returns the versions recorded.
   */
  private int publishInChunks(List<String> batch, Set<String> partial) {
    int recorded = 0;
    for (int from = 0; from < batch.size(); from += CHUNK) {
      List<String> rest = batch.subList(from, batch.size());
      if (!leases.holds(LEASE)) {
        // Lost the lease: the rest is the next holder's (it publishes every station first).
        stationsChanged(rest);
        break;
      }
      List<String> chunk = new ArrayList<>(CHUNK);
      for (String stationId : rest.subList(0, Math.min(CHUNK, rest.size()))) {
        // A station whose publish awaits its PUBACK is rebuilt once it comes (see handOver), never
        // twice in flight.
        if (inFlight.computeIfPresent(stationId, (id, again) -> Boolean.TRUE) == null) {
          chunk.add(stationId);
        }
      }
      try {
        recorded += publish(chunk, partial);
      } catch (RuntimeException e) {
        LOG.warn(
            "{} stations from {}: content not published ({}); will retry",
            chunk.size(),
            chunk.isEmpty() ? "-" : chunk.getFirst(),
            e.toString());
        stationsChanged(chunk);
        pause();
      }
    }
    return recorded;
  }

  private void work() {
    nextRefresh = System.nanoTime() + config.refresh().toNanos();
    boolean leading = false;
    // The next moment a notice starts or ends, kept across the loop's one-second turns: looked up
    // again after that moment, the same notice no longer lies ahead, and its alert would stay.
    long alertChange = Long.MAX_VALUE;
    while (!closed) {
      boolean leads = leases.holds(LEASE);
      if (leads && !leading) {
        takeOver();
      }
      leading = leads;
      if (!leading) {
        if (!rest()) {
          return;
        }
        continue;
      }
      try {
        List<String> asked = publications.takeRequests();
        if (!asked.isEmpty()) {
          stationsChanged(asked);
        }
      } catch (RuntimeException e) {
        LOG.warn("stations other hubs changed could not be read ({}); will retry", e.toString());
      }
      List<String> batch;
      Set<String> partial;
      alertChange = Math.min(alertChange, nextAlertChange());
      synchronized (dirty) {
        if (!closed
            && (dirty.isEmpty() || !broker.isConnected())
            && System.nanoTime() < nextRefresh
            && System.nanoTime() < alertChange) {
          try {
            // A second at most: the lease and the other hubs' requests are looked at again.
            dirty.wait(1_000);
          } catch (InterruptedException e) {
            return;
          }
          continue;
        }
        if (closed) {
          return;
        }
        if (System.nanoTime() >= nextRefresh || System.nanoTime() >= alertChange) {
          if (System.nanoTime() >= nextRefresh) {
            nextRefresh = System.nanoTime() + config.refresh().toNanos();
          }
          if (System.nanoTime() >= alertChange) {
            alertChange = Long.MAX_VALUE;
          }
          dirty.addAll(stations.allIds());
          noticesOnly.clear();
        }
        if (!broker.isConnected()) {
          continue;
        }
        batch = new ArrayList<>(dirty);
        partial = new HashSet<>(noticesOnly);
        dirty.clear();
        noticesOnly.clear();
        // Taken but not yet sent: not idle while a chunk is being built.
        building = true;
      }
      long started = System.nanoTime();
      Arrays.fill(steps, 0);
      noticesRead = 0;
      int recorded;
      round.begin();
      try {
        recorded = publishInChunks(batch, partial);
        storeSent();
      } finally {
        round.end();
      }
      synchronized (dirty) {
        building = false;
      }
      if (!batch.isEmpty()) {
        StringBuilder round =
            new StringBuilder()
                .append(batch.size())
                .append(" stations rebuilt (")
                .append(noticesRead)
                .append(" by their notices alone), ")
                .append(recorded)
                .append(" new versions recorded and queued for the broker in ")
                .append(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
                .append(" ms (");
        for (Step step : Step.values()) {
          round
              .append(step.ordinal() == 0 ? "" : ", ")
              .append(step.label)
              .append(' ')
              .append(TimeUnit.NANOSECONDS.toMillis(steps[step.ordinal()]))
              .append(" ms");
        }
        lastRound = round.append(')').toString();
        LOG.info("{}", lastRound);
      }
    }
  }

  /**
   * This hub has just become the publisher: what it knew of the broker may be stale (another hub
   * published meanwhile), so every station's stored snapshot and alert go out again.
   */
  private void takeOver() {
    LOG.info("this hub publishes the stations' content from now on (lease {})", LEASE);
    onBroker.clear();
    alertsSent.clear();
    allChanged();
  }

  /** Waits a second while another hub publishes; false when closing. */
  private boolean rest() {
    synchronized (dirty) {
      if (closed) {
        return false;
      }
      try {
        dirty.wait(1_000);
      } catch (InterruptedException e) {
        return false;
      }
      return !closed;
    }
  }

  private void pause() {
    try {
      TimeUnit.MILLISECONDS.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Builds a chunk of stations at once ({@link SnapshotBuilder#buildAll}; those of {@code partial},
   * whose notices alone changed, by reading their notices into the snapshot this hub holds, {@link
   * SnapshotBuilder#withNoticesNow}), sets their alert topics, sends again the unchanged ones the
   * broker may lack, and records the changed ones' new versions in one transaction before sending
   * them; returns how many new versions it recorded.
   */
  private int publish(List<String> chunk, Set<String> partial) {
    if (chunk.isEmpty()) {
      return 0;
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    long t0 = System.nanoTime();
    // The stored bytes only where they are needed: a snapshot this hub does not hold (another hub
    // published it, or this one restarted) or one the broker may lack.
    Map<String, Long> versions = publications.versions(chunk);
    Map<String, Publication> stored =
        publications.current(
            versions.entrySet().stream()
                .filter(v -> !onBroker.contains(v.getKey()) || !holds(v.getKey(), v.getValue()))
                .map(Map.Entry::getKey)
                .toList());
    long t1 = System.nanoTime();
    // A station whose notices alone changed, and whose published snapshot this hub holds: its
    // notices read into that snapshot. Every other one rebuilt in full.
    Map<String, StationContent> held = new LinkedHashMap<>();
    List<String> full = new ArrayList<>(chunk.size());
    for (String stationId : chunk) {
      Long version = versions.get(stationId);
      if (partial.contains(stationId) && version != null && holds(stationId, version)) {
        held.put(stationId, lastPublished.get(stationId));
      } else {
        full.add(stationId);
      }
    }
    Map<String, StationContent> built =
        new LinkedHashMap<>(full.isEmpty() ? Map.of() : builder.buildAll(full, now));
    Map<String, StationContent> withNotices = builder.withNoticesNow(held, now);
    built.putAll(withNotices);
    noticesRead += withNotices.size();
    steps[Step.CURRENT.ordinal()] += t1 - t0;
    steps[Step.BUILD.ordinal()] += System.nanoTime() - t1;
    List<String> changed = new ArrayList<>(built.size());
    for (Map.Entry<String, StationContent> station : built.entrySet()) {
      String stationId = station.getKey();
      publishAlert(stationId, SnapshotBuilder.alert(station.getValue(), now));
      Long version = versions.get(stationId);
      Publication last = stored.get(stationId);
      Optional<StationContent> previous =
          version == null ? Optional.empty() : previous(stationId, version, last);
      if (previous.filter(p -> sameContent(p, station.getValue())).isPresent()) {
        if (!onBroker.contains(stationId)) {
          if (last != null) {
            send(stationId, last.version(), last.payload());
          } else {
            // The broker lost it since the versions were read (a reconnect): next turn.
            stationsChanged(List.of(stationId));
          }
        }
      } else {
        changed.add(stationId);
      }
    }
    // Only a snapshot that differs takes a version, from the database: no other hub, before or
    // after this one, can have given it out. Versions and notices of the whole chunk: one commit;
    // the snapshots themselves are stored once the round's last chunk is on its way (storeSent).
    Map<String, StationContent> stamped = new HashMap<>();
    // The bytes encoded, sent as they are: the stored text is for the database only.
    Map<String, byte[]> encodedBytes = new HashMap<>();
    long encoding = steps[Step.ENCODE.ordinal()];
    long t2 = System.nanoTime();
    List<PublicationRepository.Encoded> recorded =
        publications.recordVersions(
            changed,
            (stationId, version) -> {
              long e0 = System.nanoTime();
              StationContent content = stamped(built.get(stationId), version);
              stamped.put(stationId, content);
              byte[] bytes = ProtocolCodec.encode(content);
              encodedBytes.put(stationId, bytes);
              PublicationRepository.Encoded encoded =
                  new PublicationRepository.Encoded(
                      new Publication(
                          stationId,
                          version,
                          sha256(bytes),
                          new String(bytes, StandardCharsets.UTF_8),
                          now),
                      content.notices().stream().map(StationContent.Notice::id).toList());
              steps[Step.ENCODE.ordinal()] += System.nanoTime() - e0;
              return encoded;
            });
    steps[Step.RECORD.ordinal()] +=
        System.nanoTime() - t2 - (steps[Step.ENCODE.ordinal()] - encoding);
    for (PublicationRepository.Encoded e : recorded) {
      lastPublished.put(e.publication().stationId(), stamped.get(e.publication().stationId()));
      onBroker.remove(e.publication().stationId());
      unstored.add(e.publication());
    }
    if (!recorded.isEmpty() && !leases.holds(LEASE)) {
      // Recorded but not sent: stored now, so the next holder sends these very versions.
      LOG.info("{} new versions recorded; lease lost before they were sent", recorded.size());
      storeSent();
      return recorded.size();
    }
    for (PublicationRepository.Encoded e : recorded) {
      String stationId = e.publication().stationId();
      send(stationId, e.publication().version(), encodedBytes.get(stationId));
    }
    return recorded.size();
  }

  /**
   * Stores the publications the round recorded ({@link PublicationRepository#store}), off the path
   * of its sends: a station receives its snapshot without waiting for the whole of it to be
   * written. Should that fail, the stations are rebuilt: their stored publication is the one
   * before, which a new version replaces.
   */
  private void storeSent() {
    if (unstored.isEmpty()) {
      return;
    }
    long t0 = System.nanoTime();
    List<Publication> round = List.copyOf(unstored);
    unstored.clear();
    try {
      publications.store(round);
    } catch (RuntimeException e) {
      List<String> stationIds = round.stream().map(Publication::stationId).toList();
      LOG.warn(
          "{} published snapshots not stored ({}); those stations are published again",
          stationIds.size(),
          e.toString());
      stationsChanged(stationIds);
    }
    steps[Step.STORE.ordinal()] += System.nanoTime() - t0;
  }

  /** Whether this hub holds the station's published snapshot of this version, as it built it. */
  private boolean holds(String stationId, long version) {
    StationContent known = lastPublished.get(stationId);
    return known != null && known.version() == version;
  }

  /**
   * The station's published snapshot of this version: the one this hub holds, or else decoded from
   * the stored bytes read for it; empty when neither is at hand.
   */
  private Optional<StationContent> previous(
      String stationId, long version, @Nullable Publication stored) {
    if (holds(stationId, version)) {
      return Optional.of(lastPublished.get(stationId));
    }
    return Optional.ofNullable(stored).flatMap(this::published);
  }

  /**
   * The publication's snapshot: as built by this hub, or decoded from its stored bytes once; empty
   * when those bytes no longer decode (an older hub's), so that a new version replaces them.
   */
  private Optional<StationContent> published(Publication p) {
    StationContent known = lastPublished.get(p.stationId());
    if (known != null && known.version() == p.version()) {
      return Optional.of(known);
    }
    try {
      StationContent decoded =
          ProtocolCodec.decode(p.payload().getBytes(StandardCharsets.UTF_8), StationContent.class);
      lastPublished.put(p.stationId(), decoded);
      return Optional.of(decoded);
    } catch (ProtocolException e) {
      LOG.warn(
          "station {}: stored content version {} does not decode ({}); publishing a new one",
          p.stationId(),
          p.version(),
          e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Whether two snapshots show the same: everything but the version and when they were built. One
   * of them is copied with the other's stamp (one copy, not two, for each station of a round).
   */
  static boolean sameContent(StationContent a, StationContent b) {
    return a.withVersion(b.version(), b.generatedAt()).equals(b);
  }

  private static StationContent stamped(StationContent c, long version) {
    return c.version() == version ? c : c.withVersion(version, c.generatedAt());
  }

  /**
   * Puts the station's most pressing urgent notice on its alert topic, or clears the topic, without
   * waiting for the PUBACK. As with content, a station's alert is never in flight twice: one that
   * changes meanwhile is sent once the PUBACK of the one before comes ({@link #handOver}).
   */
  private void publishAlert(String stationId, Optional<StationAlert> alert) {
    byte[] payload = alert.map(ProtocolCodec::encode).orElse(new byte[0]);
    String text = new String(payload, StandardCharsets.UTF_8);
    if (text.equals(alertsSent.get(stationId))) {
      return;
    }
    if (alertInFlight.computeIfPresent(stationId, (id, again) -> Boolean.TRUE) != null) {
      return;
    }
    alertInFlight.put(stationId, Boolean.FALSE);
    handOver(
        alertInFlight,
        stationId,
        Topic.stationAlert(stationId),
        payload,
        text.isEmpty() ? "alert cleared" : "alert set",
        () -> alertsSent.put(stationId, text));
  }

  /** When the next urgent notice starts or ends, in System.nanoTime() terms; far away if none. */
  private long nextAlertChange() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    return notices
        .nextAlertChange(now)
        .map(
            at ->
                System.nanoTime()
                    + Math.max(0, java.time.Duration.between(now, at).toNanos())
                    + 1_000_000_000L)
        .orElse(Long.MAX_VALUE);
  }

  private void send(String stationId, long version, String payload) {
    send(stationId, version, payload.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Queues the snapshot for {@link #sender}, which hands it to the broker without waiting for its
   * PUBACK: the broker's window (its Receive Maximum) bounds how many are in flight, and {@link
   * BrokerClient#publish} waits for a free slot. The station is in flight from now (one marked
   * again while it waits its turn is rebuilt after the PUBACK, as one whose PUBACK is awaited), and
   * counts as on the broker once the PUBACK comes.
   */
  private void send(String stationId, long version, byte[] payload) {
    inFlight.put(stationId, Boolean.FALSE);
    Runnable handOver =
        () ->
            handOver(
                inFlight,
                stationId,
                Topic.stationContent(stationId),
                payload,
                "content version " + version,
                () -> onBroker.add(stationId));
    try {
      long q0 = System.nanoTime();
      sends.put(handOver);
      steps[Step.QUEUE.ordinal()] += System.nanoTime() - q0;
    } catch (InterruptedException e) {
      // Closing: what is not sent is sent again by the next start or the next holder.
      Thread.currentThread().interrupt();
    }
  }

  /** The sender's loop: each queued snapshot handed to the broker in turn, until closed. */
  private void sendQueued() {
    while (!closed) {
      Runnable next;
      try {
        next = sends.take();
      } catch (InterruptedException e) {
        return;
      }
      try {
        next.run();
      } catch (RuntimeException e) {
        LOG.warn("a snapshot could not be handed to the broker ({})", e.toString());
      }
    }
  }

  /**
   * Publishes one retained message of the station's without waiting for its PUBACK, the station
   * (put in {@code flying} by the caller) there until the broker answers: then {@code acknowledged}
   * runs if it acknowledged on the connection the message went out on, and a station marked again
   * meanwhile ({@code flying} holds true) is rebuilt. A publish that fails, or stays unanswered for
   * 15 s (a publish lost with its connection), puts the station back to dirty after half a second,
   * so that a broker that refuses does not make the worker spin.
   */
  private void handOver(
      Map<String, Boolean> flying,
      String stationId,
      Topic topic,
      byte[] payload,
      String what,
      Runnable acknowledged) {
    long on = connection.get();
    CompletableFuture<Void> ack;
    try {
      ack = broker.publish(topic.toString(), payload, 1, true);
    } catch (RuntimeException e) {
      ack = CompletableFuture.failedFuture(e);
    }
    ack.orTimeout(15, TimeUnit.SECONDS)
        .whenComplete(
            (ok, failure) -> {
              if (failure == null && connection.get() == on) {
                acknowledged.run();
              }
              synchronized (dirty) {
                if (Boolean.TRUE.equals(flying.remove(stationId))) {
                  dirty.add(stationId);
                }
                dirty.notifyAll();
              }
              if (failure != null) {
                CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS)
                    .execute(() -> stationsChanged(List.of(stationId)));
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                LOG.warn(
                    "station {}: {} not published ({}); will retry",
                    stationId,
                    what,
                    cause.toString());
              } else {
                LOG.debug("station {}: {} published", stationId, what);
              }
            });
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @PreDestroy
  @Override
  public void close() {
    closed = true;
    synchronized (dirty) {
      dirty.notifyAll();
    }
    worker.interrupt();
    sender.interrupt();
  }
}
