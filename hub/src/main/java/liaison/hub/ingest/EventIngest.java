package liaison.hub.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import liaison.hub.broker.BrokerClient;
import liaison.hub.broker.EmbeddedBroker;
import liaison.hub.broker.MalformedSenders;
import liaison.hub.db.DatabaseFault;
import liaison.hub.ingest.EventProjection.RefusedEvent;
import liaison.hub.ingest.StationEventRepository.StoredEvent;
import liaison.hub.problem.BadInput;
import liaison.hub.satisfaction.Satisfaction;
import liaison.hub.station.StationRepository;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.ProtocolException;
import liaison.signage.protocol.StationEvent;
import liaison.signage.protocol.Topic;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the events stations send from their outboxes. Messages are read through the hub's
 * subscription, written in batches of one transaction each, and acknowledged to the broker only
 * after the commit, on a thread of their own, so that the writer takes the next batch meanwhile. On
 * an external broker it is a shared subscription, so that several hubs split the messages; on the
 * hub's own embedded broker, which no other hub uses, a plain one: HiveMQ CE removes an
 * acknowledged message from a shared subscription's queue by walking the whole queue, so during a
 * burst the shared subscription cost more than half of the ingest's rate (docs/BENCHMARKS.md). A
 * session an earlier version left with the shared subscription is moved over once nothing waits:
 * the shared one is removed after the hub has received nothing from either for a second while
 * connected, so what the broker still queued for it has been stored. A replayed event hits the
 * primary key and changes nothing. An event type with an {@link EventProjection} (a proof of
 * display) is read by it first, and what it adds is written in the same transaction as the event.
 *
 * <p>Each message is judged on its own: whatever is wrong with one (not an event, an unknown
 * station, a body its projection refuses, or anything that throws while reading it) is counted
 * against its station ({@link MalformedSenders}: sampled in the log, a flood disconnected),
 * acknowledged and dropped, and the others are stored. When the database refuses a batch because of
 * what one row holds, the batch is stored row by row and only the refused rows are dropped (and
 * counted). When the database itself is unavailable (busy, disk full, connection lost) the batch is
 * kept, unacknowledged, and tried again with back-off: its messages hold the broker's in-flight
 * window meanwhile, so the broker queues the rest instead of the hub losing them. How long the
 * oldest event has waited is what {@link IngestHealth} reports.
 */
@Context
public class EventIngest implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventIngest.class);
  static final int MAX_BATCH = 500;

  /** Where refused events are counted ({@link BadInput}). */
  static final String SOURCE = "mqtt.event";

  /**
   * The first wait before a batch the unavailable database did not take is tried again; it doubles.
   */
  static final Duration FIRST_RETRY = Duration.ofMillis(250);

  /** The longest wait between two tries of a batch. */
  static final Duration LAST_RETRY = Duration.ofSeconds(5);

  /** The shared subscription the hub makes on an external broker, and made on every broker once. */
  static final String SHARED = Topic.sharedAllStations("hub", Topic.Channel.EVENT);

  /** The plain subscription the hub makes on its own embedded broker. */
  static final String PLAIN = Topic.allStations(Topic.Channel.EVENT);

  /**
   * How long the hub must have been connected before it takes a quiet second for the end of what
   * the broker queued on the shared subscription an earlier version made.
   */
  static final Duration SETTLED = Duration.ofSeconds(2);

  private final BrokerClient broker;
  private final StationEventRepository events;
  private final StationRepository stations;
  private final MalformedSenders senders;
  private final BadInput badInput;
  private final Clock clock;
  private final Map<String, EventProjection<?>> projections = new LinkedHashMap<>();
  private final ObjectMapper json = new ObjectMapper();
  private final LinkedBlockingQueue<Arrival> queue = new LinkedBlockingQueue<>();
  private final Set<String> knownStations = ConcurrentHashMap.newKeySet();
  private final AtomicLong stored = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final List<Consumer<List<StoredEvent>>> storedListeners = new CopyOnWriteArrayList<>();
  private final Thread writer;

  /**
   * Messages whose fate is settled (committed, or refused), for {@link #acknowledger} to
   * acknowledge: Paho acknowledges one message per call, under its own locks, and the writer does
   * not wait for that before it takes the next batch.
   */
  private final LinkedBlockingQueue<List<BrokerClient.Delivery>> settled =
      new LinkedBlockingQueue<>();

  private final Thread acknowledger;

  /** The filter the hub subscribes to: {@link #PLAIN} on its own broker, else {@link #SHARED}. */
  private final String filter;

  /** When the hub last connected to the broker ({@link System#nanoTime}). */
  private volatile long connectedAt;

  /** Whether the shared subscription an earlier version made is still to be removed. */
  private volatile boolean leaveShared;

  /** When the oldest message of the batch being written arrived; null between batches. */
  private volatile @Nullable Instant batchSince;

  private volatile int batchWaiting;
  private volatile boolean closed;

  public EventIngest(
      BrokerClient broker,
      StationEventRepository events,
      StationRepository stations,
      MalformedSenders senders,
      BadInput badInput,
      Clock clock,
      List<EventProjection<?>> projections,
      Optional<EmbeddedBroker> ownBroker) {
    this.broker = broker;
    this.events = events;
    this.stations = stations;
    this.senders = senders;
    this.badInput = badInput;
    this.clock = clock;
    this.filter = ownBroker.isPresent() ? PLAIN : SHARED;
    for (EventProjection<?> projection : projections) {
      if (this.projections.putIfAbsent(projection.type(), projection) != null) {
        throw new IllegalStateException("two projections read event type " + projection.type());
      }
    }
    this.writer = Thread.ofPlatform().name("event-ingest").daemon().unstarted(this::write);
    this.acknowledger =
        Thread.ofPlatform().name("event-ack").daemon().unstarted(this::acknowledgeSettled);
  }

  /**
   * A message as it came off the broker, when, and what its payload decoded to: decoded on the
   * broker client's thread as it arrives, so that the writer, which is what limits the rate, only
   * judges and stores. What decoding threw is kept and judged by the writer as before.
   */
  private record Arrival(BrokerClient.Delivery delivery, Instant at, Decoded decoded) {}

  /** A payload decoded to an event, or what decoding it threw. */
  private record Decoded(@Nullable StationEvent decoded, @Nullable RuntimeException failure) {
    static Decoded of(byte[] payload) {
      try {
        return new Decoded(ProtocolCodec.decode(payload, StationEvent.class), null);
      } catch (RuntimeException e) {
        return new Decoded(null, e);
      }
    }

    /** The event; throws what decoding threw. */
    StationEvent event() {
      if (failure != null) {
        throw failure;
      }
      return java.util.Objects.requireNonNull(decoded);
    }
  }

  /**
   * The messages being written. It outlives a failed try: what was judged stays judged (a bad
   * message is counted once), what waits for the database stays unacknowledged.
   */
  private static final class Batch {
    final List<Arrival> arrivals;
    final List<Accepted> accepted = new ArrayList<>();
    int judged;

    Batch(List<Arrival> arrivals) {
      this.arrivals = arrivals;
    }
  }

  /** An event to store, the message it came in, and what its type's projection read from it. */
  private record Accepted(
      BrokerClient.Delivery delivery,
      StoredEvent row,
      @Nullable EventProjection<?> projection,
      @Nullable Object adds) {}

  @PostConstruct
  void start() {
    writer.start();
    acknowledger.start();
    broker.onConnected(
        () -> {
          connectedAt = System.nanoTime();
          // Each time: whoever held the session meanwhile may have left it there. Only the hub's
          // own broker (the plain filter) keeps a session that may hold the shared subscription.
          leaveShared = filter.equals(PLAIN);
        });
    broker.subscribe(
        filter,
        delivery ->
            queue.add(new Arrival(delivery, clock.instant(), Decoded.of(delivery.payload()))));
  }

  /** The topic filter the hub reads events through. */
  public String filter() {
    return filter;
  }

  /** Whether the shared subscription is still to be removed from the hub's own broker session. */
  boolean leavingShared() {
    return leaveShared;
  }

  /**
   * Removes the shared subscription an earlier version left in the hub's session on its own broker,
   * once the hub has been connected a while and has just received nothing for a second: the broker
   * sends what it queued to a connected subscriber at once, so nothing queued on it is left. Until
   * then events come twice, by both subscriptions, and are stored once.
   */
  private void leaveSharedWhenQuiet() {
    if (!leaveShared
        || !broker.isConnected()
        || System.nanoTime() - connectedAt < SETTLED.toNanos()) {
      return;
    }
    try {
      // HiveMQ answers success whether or not the session had it.
      broker.unsubscribe(SHARED);
      LOG.debug("events are read through {}; {} of earlier versions is left", PLAIN, SHARED);
      leaveShared = false;
    } catch (IllegalStateException e) {
      LOG.debug("the shared subscription is left for now: {}", e.getMessage());
    }
  }

  public long storedCount() {
    return stored.get();
  }

  /**
   * Messages refused since start: not events, unknown stations, bodies refused, rows the database
   * refused.
   */
  public long rejectedCount() {
    return rejected.get();
  }

  /** Messages received and not yet stored or refused. */
  public int waiting() {
    return queue.size() + batchWaiting;
  }

  /** How long the oldest message not yet stored or refused has waited; empty when none waits. */
  public Optional<Duration> oldestWait() {
    Instant oldest = batchSince;
    if (oldest == null) {
      Arrival head = queue.peek();
      oldest = head == null ? null : head.at();
    }
    if (oldest == null) {
      return Optional.empty();
    }
    Duration waited = Duration.between(oldest, clock.instant());
    return Optional.of(waited.isNegative() ? Duration.ZERO : waited);
  }

  /**
   * Calls {@code listener} on the writer thread right after each batch is committed, with the
   * batch's rows (replays the database skipped included), before they are acknowledged to the
   * broker. Meant for measuring what reached the database and when; keep it short, it holds up the
   * next batch.
   */
  public void onStored(Consumer<List<StoredEvent>> listener) {
    storedListeners.add(listener);
  }

  private void write() {
    Batch batch = null;
    int attempt = 0;
    while (!closed) {
      try {
        if (batch == null) {
          Arrival first = queue.poll(1, TimeUnit.SECONDS);
          if (first == null) {
            leaveSharedWhenQuiet();
            continue;
          }
          List<Arrival> taken = new ArrayList<>(MAX_BATCH);
          taken.add(first);
          queue.drainTo(taken, MAX_BATCH - 1);
          batch = new Batch(taken);
          batchSince = first.at();
          batchWaiting = taken.size();
        }
        store(batch);
        batch = null;
        batchSince = null;
        batchWaiting = 0;
        attempt = 0;
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // The database cannot take the batch now (what it refused for a row's sake was dropped row
        // by row in store). Keep it, unacknowledged, and try again: dropping it from memory would
        // leave its messages in the broker's in-flight window for good, and no more would come.
        attempt++;
        Duration wait = retryWait(attempt);
        if (attempt == 1 || attempt % 10 == 0) {
          LOG.error(
              "storing {} events failed ({} {}); kept, try {} again in {} ms",
              batch == null ? 0 : batch.arrivals.size() - batch.judged + batch.accepted.size(),
              DatabaseFault.of(e),
              e.toString(),
              attempt + 1,
              wait.toMillis());
        }
        try {
          TimeUnit.MILLISECONDS.sleep(wait.toMillis());
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
  }

  static Duration retryWait(int attempt) {
    Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempt - 1, 16));
    return wait.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait;
  }

  /**
   * Judges the messages not judged yet, then stores what was accepted: in one transaction, or row
   * by row when the database refused the transaction for a row's sake.
   *
   * @throws RuntimeException only when the database is unavailable; the batch keeps what is left
   */
  private void store(Batch batch) {
    List<BrokerClient.Delivery> refused = new ArrayList<>();
    try {
      judge(batch, OffsetDateTime.now(clock), refused);
    } finally {
      // Counted and not stored: acknowledged without waiting for the others' commit.
      settle(refused);
    }
    if (!batch.accepted.isEmpty()) {
      commit(batch);
    }
  }

  /**
   * Judges the messages not judged yet: the accepted join the batch, the refused {@code refused}.
   */
  private void judge(Batch batch, OffsetDateTime now, List<BrokerClient.Delivery> refused) {
    while (batch.judged < batch.arrivals.size()) {
      Arrival arrival = batch.arrivals.get(batch.judged);
      BrokerClient.Delivery delivery = arrival.delivery();
      Optional<Accepted> accepted;
      try {
        accepted = read(arrival, now);
      } catch (RuntimeException e) {
        if (DatabaseFault.of(e) == DatabaseFault.UNAVAILABLE) {
          throw e; // looking up the station needs the database: judge this one again later
        }
        refuse(
            stationOf(delivery),
            "unreadable",
            "an event on " + delivery.topic() + " could not be read: " + e);
        accepted = Optional.empty();
      }
      batch.judged++;
      if (accepted.isPresent()) {
        batch.accepted.add(accepted.get());
      } else {
        refused.add(delivery);
      }
    }
  }

  /** Stores what was accepted, then hands it to the acknowledger. */
  private void commit(Batch batch) {
    List<StoredEvent> rows = batch.accepted.stream().map(Accepted::row).toList();
    Map<EventProjection<?>, List<Object>> projected = new LinkedHashMap<>();
    for (Accepted a : batch.accepted) {
      if (a.projection() != null) {
        projected.computeIfAbsent(a.projection(), p -> new ArrayList<>()).add(a.adds());
      }
    }
    int fresh;
    try {
      fresh =
          events.storeAll(
              rows,
              h -> projected.forEach((projection, adds) -> storeProjected(h, projection, adds)));
    } catch (RuntimeException e) {
      if (DatabaseFault.of(e) == DatabaseFault.UNAVAILABLE) {
        throw e;
      }
      LOG.warn(
          "the database refused a batch of {} events ({}); storing them one by one",
          rows.size(),
          e.toString());
      storeOneByOne(batch);
      return;
    }
    stored.addAndGet(fresh);
    tell(rows);
    settle(batch.accepted.stream().map(Accepted::delivery).toList());
    batch.accepted.clear();
  }

  /** Each accepted event in a transaction of its own: only what the database refuses is dropped. */
  private void storeOneByOne(Batch batch) {
    List<StoredEvent> done = new ArrayList<>();
    try {
      for (Iterator<Accepted> next = batch.accepted.iterator(); next.hasNext(); ) {
        Accepted a = next.next();
        try {
          stored.addAndGet(
              events.storeAll(
                  List.of(a.row()),
                  h -> {
                    if (a.projection() != null) {
                      storeProjected(h, a.projection(), List.of(a.adds()));
                    }
                  }));
          done.add(a.row());
        } catch (RuntimeException e) {
          if (DatabaseFault.of(e) == DatabaseFault.UNAVAILABLE) {
            throw e; // this one and the rest stay in the batch
          }
          refuse(
              a.row().stationId(),
              "not-storable",
              a.row().type() + " event " + a.row().eventId() + " refused by the database: " + e);
        }
        next.remove();
        settle(List.of(a.delivery()));
      }
    } finally {
      tell(done);
    }
  }

  private void tell(List<StoredEvent> rows) {
    if (rows.isEmpty()) {
      return;
    }
    for (Consumer<List<StoredEvent>> listener : storedListeners) {
      try {
        listener.accept(List.copyOf(rows));
      } catch (RuntimeException e) {
        // The rows are committed: a failing listener must not make the broker deliver them again.
        LOG.warn(
            "a listener of stored events failed on a batch of {}: {}", rows.size(), e.toString());
      }
    }
  }

  /** Hands messages that are committed, or refused and counted, to the acknowledger. */
  private void settle(List<BrokerClient.Delivery> deliveries) {
    if (!deliveries.isEmpty()) {
      settled.add(deliveries);
    }
  }

  private void acknowledgeSettled() {
    while (!closed) {
      try {
        for (BrokerClient.Delivery delivery : settled.take()) {
          acknowledge(delivery);
        }
      } catch (InterruptedException e) {
        return; // closing: what was not acknowledged comes again and is stored once
      }
    }
  }

  private static void acknowledge(BrokerClient.Delivery delivery) {
    try {
      delivery.ack().run();
    } catch (RuntimeException e) {
      // The broker will deliver it again; a replay changes nothing.
      LOG.debug("acknowledging a message on {} failed: {}", delivery.topic(), e.toString());
    }
  }

  private void refuse(@Nullable String stationId, String reason, String detail) {
    rejected.incrementAndGet();
    senders.refused(SOURCE, stationId, reason, detail);
  }

  private static @Nullable String stationOf(BrokerClient.Delivery delivery) {
    return Topic.tryParse(delivery.topic()).map(Topic::stationId).orElse(null);
  }

  @SuppressWarnings("unchecked")
  private static <T> void storeProjected(
      Handle h, EventProjection<T> projection, List<Object> adds) {
    // Each element came from this projection's read(), so it is its T.
    projection.store(h, (List<T>) adds);
  }

  /** The event to store, or empty when the message was refused (and counted as such). */
  private Optional<Accepted> read(Arrival arrival, OffsetDateTime now) {
    BrokerClient.Delivery delivery = arrival.delivery();
    Optional<Topic> topic =
        Topic.tryParse(delivery.topic()).filter(t -> t.channel() == Topic.Channel.EVENT);
    if (topic.isEmpty()) {
      refuse(
          null,
          "wrong-topic",
          "a message on " + delivery.topic() + ", not a station's event topic");
      return Optional.empty();
    }
    String stationId = topic.get().stationId();
    if (!isKnown(stationId)) {
      refuse(
          null,
          "unknown-station",
          "an event on " + delivery.topic() + ": no station " + stationId + " on this hub");
      return Optional.empty();
    }
    StationEvent event;
    try {
      event = arrival.decoded().event();
    } catch (ProtocolException e) {
      refuse(stationId, e.reason().word(), e.getMessage());
      return Optional.empty();
    }
    if (Satisfaction.EVENT_TYPE.equals(event.type())
        && Satisfaction.of(event.body().get("rating")).isEmpty()) {
      // Kept as sent (a newer kiosk may know more ratings), but the station summary does not count
      // it.
      badInput.record(
          SOURCE,
          "unknown-rating",
          "station "
              + stationId
              + " sent satisfaction event "
              + event.id()
              + " with rating "
              + event.body().get("rating")
              + "; stored but not counted: expected one of "
              + java.util.Arrays.toString(Satisfaction.values()));
    }
    EventProjection<?> projection = projections.get(event.type());
    Object adds = null;
    if (projection != null) {
      try {
        adds = projection.read(stationId, event);
      } catch (RefusedEvent e) {
        refuse(
            stationId,
            "body-refused",
            event.type() + " event " + event.id() + ": " + e.getMessage() + "; not stored");
        return Optional.empty();
      }
    }
    try {
      return Optional.of(
          new Accepted(
              delivery,
              new StoredEvent(
                  stationId,
                  event.id().toString(),
                  event.type(),
                  event.at(),
                  json.writeValueAsString(event.body()),
                  now),
              projection,
              adds));
    } catch (JsonProcessingException e) {
      refuse(
          stationId,
          "body-not-writable",
          "event " + event.id() + ": body not writable as JSON: " + e.getOriginalMessage());
      return Optional.empty();
    }
  }

  private boolean isKnown(String stationId) {
    if (knownStations.contains(stationId)) {
      return true;
    }
    if (stations.find(stationId).isPresent()) {
      knownStations.add(stationId);
      return true;
    }
    return false;
  }

  @PreDestroy
  @Override
  public void close() {
    closed = true;
    writer.interrupt();
    acknowledger.interrupt();
  }
}
