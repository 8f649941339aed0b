package liaison.hub.report;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import liaison.hub.broker.BrokerClient;
import liaison.signage.protocol.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts each station's live tallies on their retained topics once a change has committed ({@link
 * TallyChanged}), from a thread of its own: a voter's answer never waits for MQTT. Each kind of
 * tally is a {@link TallySource} with its own topic: the report to voters' ({@link
 * Topic#stationTally}) and the livelihood projects' vote ({@link Topic#stationProjectTally}); a
 * change at a station has every source read its latest, and a source whose key did not move
 * publishes nothing. Started with the hub ({@code @Context}), to publish again what a restart may
 * have lost.
 *
 * <p>Bursts coalesce: a station whose tally changed is marked; the worker reads the station's tally
 * from the database just before it publishes, so one publish carries every ballot counted
 * meanwhile, and 500 ballots a minute do not make 500 publishes in a row. What it publishes is
 * always the database's latest {@code seq}: after a publish it reads again, and publishes again if
 * the number moved (another hub may have counted a ballot and published an older number after it),
 * so the retained message ends at the latest count whichever hub wrote last; stations keep the
 * highest {@code seq} they saw in any case ({@link VoteTally}). On start, and whenever the broker
 * connection comes back, every open or not yet cleared tally is published again, so a restart (or a
 * broker that lost its retained messages) loses nothing.
 */
@Context
public class TallyPublisher implements ApplicationEventListener<TallyChanged>, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TallyPublisher.class);

  private final List<TallySource> sources;
  private final BrokerClient broker;
  private final Set<String> pending = new LinkedHashSet<>();

  /** What each tally topic was last given by this hub: its source's key, "" for cleared. */
  private final Map<String, String> sent = new ConcurrentHashMap<>();

  private final Thread worker;
  private volatile boolean closed;

  public TallyPublisher(List<TallySource> sources, BrokerClient broker) {
    this.sources = List.copyOf(sources);
    this.broker = broker;
    this.worker = Thread.ofPlatform().name("tally-publisher").daemon().unstarted(this::work);
  }

  @PostConstruct
  void start() {
    broker.onConnected(
        () -> {
          sent.clear();
          changed(stationsWithTallies());
        });
    changed(stationsWithTallies());
    worker.start();
  }

  private Set<String> stationsWithTallies() {
    Set<String> stations = new LinkedHashSet<>();
    sources.forEach(s -> stations.addAll(s.stationsWithTallies()));
    return stations;
  }

  @Override
  public void onApplicationEvent(TallyChanged event) {
    changed(event.stationIds());
  }

  /** The tallies of these stations changed (committed): publish them soon. */
  private void changed(Collection<String> stationIds) {
    if (stationIds.isEmpty()) {
      return;
    }
    synchronized (pending) {
      pending.addAll(stationIds);
      pending.notifyAll();
    }
  }

  private void changed(String stationId) {
    changed(Set.of(stationId));
  }

  private void work() {
    while (!closed) {
      String station;
      synchronized (pending) {
        while (pending.isEmpty() && !closed) {
          try {
            pending.wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (closed) {
          return;
        }
        Iterator<String> first = pending.iterator();
        station = first.next();
        first.remove();
      }
      try {
        publishLatest(station);
      } catch (RuntimeException e) {
        LOG.warn("station {}: tally not published, trying again: {}", station, e.getMessage());
        changed(station);
        pause();
      }
    }
  }

  /** Publishes each of the station's tallies until what it published is still the latest. */
  private void publishLatest(String stationId) {
    for (TallySource source : sources) {
      publishLatest(source, stationId);
    }
  }

  private void publishLatest(TallySource source, String stationId) {
    String topic = source.topic(stationId).toString();
    while (!closed) {
      Optional<TallySource.Latest> latest = source.latest(stationId);
      String key = latest.map(TallySource.Latest::key).orElse("");
      if (key.equals(sent.get(topic))) {
        return;
      }
      byte[] payload = latest.map(TallySource.Latest::payload).orElse(new byte[0]);
      try {
        broker.publish(topic, payload, 1, true).get(15, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (Exception e) {
        throw new IllegalStateException("tally publish failed: " + e.getMessage(), e);
      }
      sent.put(topic, key);
      LOG.debug("{}: tally {}", topic, key.isEmpty() ? "cleared" : key);
    }
  }

  private void pause() {
    synchronized (pending) {
      try {
        pending.wait(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @PreDestroy
  @Override
  public void close() {
    closed = true;
    synchronized (pending) {
      pending.notifyAll();
    }
  }
}
