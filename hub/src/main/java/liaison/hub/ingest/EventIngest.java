package liaison.hub.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
import liaison.hub.ingest.EventProjection.RefusedEvent;
import liaison.hub.ingest.StationEventRepository.StoredEvent;
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
 * Stores the events stations send from their outboxes. Messages are read through a shared
 * subscription (several hubs split them), written in batches of one transaction each, and
 * acknowledged to the broker only after the commit. A replayed event hits the primary key and
 * changes nothing; a malformed one or one from an unknown station is logged and dropped. An event
 * type with an {@link EventProjection} (a proof of display) is read by it first: a body it refuses
 * is logged and dropped, and what it adds is written in the same transaction as the event.
 */
@Context
public class EventIngest implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventIngest.class);
  static final int MAX_BATCH = 500;

  private final BrokerClient broker;
  private final StationEventRepository events;
  private final StationRepository stations;
  private final Clock clock;
  private final Map<String, EventProjection<?>> projections = new LinkedHashMap<>();
  private final ObjectMapper json = new ObjectMapper();
  private final LinkedBlockingQueue<BrokerClient.Delivery> queue = new LinkedBlockingQueue<>();
  private final Set<String> knownStations = ConcurrentHashMap.newKeySet();
  private final AtomicLong stored = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final List<Consumer<List<StoredEvent>>> storedListeners = new CopyOnWriteArrayList<>();
  private final Thread writer;
  private volatile boolean closed;

  public EventIngest(
      BrokerClient broker,
      StationEventRepository events,
      StationRepository stations,
      Clock clock,
      List<EventProjection<?>> projections) {
    this.broker = broker;
    this.events = events;
    this.stations = stations;
    this.clock = clock;
    for (EventProjection<?> projection : projections) {
      if (this.projections.putIfAbsent(projection.type(), projection) != null) {
        throw new IllegalStateException("two projections read event type " + projection.type());
      }
    }
    this.writer = Thread.ofPlatform().name("event-ingest").daemon().unstarted(this::write);
  }

  @PostConstruct
  void start() {
    writer.start();
    broker.subscribe(Topic.sharedAllStations("hub", Topic.Channel.EVENT), queue::add);
  }

  public long storedCount() {
    return stored.get();
  }

  public long rejectedCount() {
    return rejected.get();
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
    List<BrokerClient.Delivery> batch = new ArrayList<>(MAX_BATCH);
    while (!closed) {
      try {
        BrokerClient.Delivery first = queue.poll(1, TimeUnit.SECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        store(batch);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // The database refused the batch: leave it unacknowledged so the broker delivers it again.
        LOG.error("storing {} events failed; they stay with the broker: {}", batch.size(), e.toString());
        pause();
      } finally {
        batch.clear();
      }
    }
  }

  private void store(List<BrokerClient.Delivery> batch) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<StoredEvent> rows = new ArrayList<>(batch.size());
    Map<EventProjection<?>, List<Object>> projected = new LinkedHashMap<>();
    List<BrokerClient.Delivery> dropped = new ArrayList<>();
    for (BrokerClient.Delivery delivery : batch) {
      Optional<Accepted> accepted = read(delivery, now);
      if (accepted.isPresent()) {
        rows.add(accepted.get().row());
        if (accepted.get().projection() != null) {
          projected.computeIfAbsent(accepted.get().projection(), p -> new ArrayList<>()).add(accepted.get().adds());
        }
      } else {
        dropped.add(delivery);
      }
    }
    int fresh = events.storeAll(rows, h -> projected.forEach((projection, adds) -> storeProjected(h, projection, adds)));
    stored.addAndGet(fresh);
    for (Consumer<List<StoredEvent>> listener : storedListeners) {
      try {
        listener.accept(List.copyOf(rows));
      } catch (RuntimeException e) {
        // The batch is committed: a failing listener must not make the broker deliver it again.
        LOG.warn("a listener of stored events failed on a batch of {}: {}", rows.size(), e.toString());
      }
    }
    for (BrokerClient.Delivery delivery : batch) {
      delivery.ack().run();
    }
    rejected.addAndGet(dropped.size());
  }

  /** An event to store, and what its type's projection read from it. */
  private record Accepted(StoredEvent row, @Nullable EventProjection<?> projection, @Nullable Object adds) {}

  @SuppressWarnings("unchecked")
  private static <T> void storeProjected(Handle h, EventProjection<T> projection, List<Object> adds) {
    // Each element came from this projection's read(), so it is its T.
    projection.store(h, (List<T>) adds);
  }

  private Optional<Accepted> read(BrokerClient.Delivery delivery, OffsetDateTime now) {
    Optional<Topic> topic = Topic.tryParse(delivery.topic());
    if (topic.isEmpty() || topic.get().channel() != Topic.Channel.EVENT) {
      LOG.warn("ignored a message on {}: not a station event topic", delivery.topic());
      return Optional.empty();
    }
    String stationId = topic.get().stationId();
    if (!isKnown(stationId)) {
      LOG.warn("ignored an event on {}: no station {} on this hub", delivery.topic(), stationId);
      return Optional.empty();
    }
    StationEvent event;
    try {
      event = ProtocolCodec.decode(delivery.payload(), StationEvent.class);
    } catch (ProtocolException e) {
      LOG.warn("ignored an event on {}: {}", delivery.topic(), e.getMessage());
      return Optional.empty();
    }
    if (Satisfaction.EVENT_TYPE.equals(event.type()) && Satisfaction.of(event.body().get("rating")).isEmpty()) {
      // Kept as sent (a newer kiosk may know more ratings), but the station summary does not count it.
      LOG.warn(
          "station {} sent satisfaction event {} with rating {}; stored but not counted: expected one of {}",
          stationId, event.id(), event.body().get("rating"), java.util.Arrays.toString(Satisfaction.values()));
    }
    EventProjection<?> projection = projections.get(event.type());
    Object adds = null;
    if (projection != null) {
      try {
        adds = projection.read(stationId, event);
      } catch (RefusedEvent e) {
        LOG.warn("refused {} event {} from station {}: {}; not stored", event.type(), event.id(), stationId, e.getMessage());
        return Optional.empty();
      }
    }
    try {
      return Optional.of(
          new Accepted(
              new StoredEvent(
                  stationId, event.id().toString(), event.type(), event.at(), json.writeValueAsString(event.body()), now),
              projection,
              adds));
    } catch (JsonProcessingException e) {
      LOG.warn("ignored an event on {}: body not writable as JSON: {}", delivery.topic(), e.getMessage());
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

  private void pause() {
    try {
      TimeUnit.SECONDS.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @PreDestroy
  @Override
  public void close() {
    closed = true;
    writer.interrupt();
  }
}
