package liaison.hub.report;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import liaison.hub.broker.BrokerClient;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.Topic;
import liaison.signage.protocol.VoteTally;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts each station's live tally on its retained tally topic ({@link Topic#stationTally}) once a
 * change has committed ({@link TallyChanged}), from a thread of its own: a voter's answer never
 * waits for MQTT. Started with the hub ({@code @Context}), to publish again what a restart may have
 * lost.
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

  private final ReportRepository reports;
  private final BrokerClient broker;
  private final Clock clock;
  private final Set<String> pending = new LinkedHashSet<>();

  /** What each station's topic was last given by this hub: "reportId#seq", "" for cleared. */
  private final Map<String, String> sent = new ConcurrentHashMap<>();

  private final Thread worker;
  private volatile boolean closed;

  public TallyPublisher(ReportRepository reports, BrokerClient broker, Clock clock) {
    this.reports = reports;
    this.broker = broker;
    this.clock = clock;
    this.worker = Thread.ofPlatform().name("tally-publisher").daemon().unstarted(this::work);
  }

  @PostConstruct
  void start() {
    broker.onConnected(
        () -> {
          sent.clear();
          changed(reports.stationsWithTallies());
        });
    changed(reports.stationsWithTallies());
    worker.start();
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

  /** Publishes the station's tally until what it published is still the latest. */
  private void publishLatest(String stationId) {
    while (!closed) {
      Optional<ReportRepository.Tally> tally = reports.tallyAt(stationId);
      String key = tally.map(t -> t.reportId() + "#" + t.seq()).orElse("");
      if (key.equals(sent.get(stationId))) {
        return;
      }
      byte[] payload =
          tally
              .map(
                  t ->
                      ProtocolCodec.encode(
                          new VoteTally(
                              t.reportId(),
                              t.seq(),
                              t.status() == ReportStatus.OPEN
                                  ? VoteTally.State.OPEN
                                  : VoteTally.State.CLOSED,
                              t.satisfied(),
                              t.basicallySatisfied(),
                              t.dissatisfied(),
                              // A closed vote's result is dated by its close, not by this
                              // publish: a republish after a restart announces nothing anew.
                              t.closedAt() == null ? OffsetDateTime.now(clock) : t.closedAt())))
              .orElse(new byte[0]);
      try {
        broker
            .publish(Topic.stationTally(stationId).toString(), payload, 1, true)
            .get(15, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (Exception e) {
        throw new IllegalStateException("tally publish failed: " + e.getMessage(), e);
      }
      sent.put(stationId, key);
      LOG.debug("station {}: tally {}", stationId, key.isEmpty() ? "cleared" : key);
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
