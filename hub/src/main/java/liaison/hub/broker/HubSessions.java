package liaison.hub.broker;

import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PostConstruct;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import liaison.hub.db.Leased;
import liaison.hub.db.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hubs' sessions on a shared broker. Each hub holds the lease {@code hub:<its client id>} while
 * it runs, which tells the others it is there. A hub that stops holding it (killed, its machine
 * gone, or stopped and not started again) leaves a session behind on the broker, and Mosquitto goes
 * on giving that session its turn of the stations' events through the shared subscription, to wait
 * there for a hub that may never come back. So one hub (the lease {@value #JOB}) looks every TTL
 * for such sessions, takes the departed hub's presence lease (so no other hub does the same at
 * once), empties its session into this hub's ingest and ends it ({@link
 * BrokerClient#drainSession}), then forgets the lease. A hub that comes back first simply resumes
 * its own session.
 */
@Context
public class HubSessions {
  private static final Logger LOG = LoggerFactory.getLogger(HubSessions.class);

  /** The job's lease. */
  public static final String JOB = "broker-sessions";

  private static final String PRESENCE = "hub:";

  private final BrokerClient broker;
  private final Leases leases;
  private final Clock clock;

  public HubSessions(BrokerClient broker, Leases leases, Clock clock) {
    this.broker = broker;
    this.leases = leases;
    this.clock = clock;
  }

  /** The lease that says a hub with this client id is running. */
  public static String presence(String clientId) {
    return PRESENCE + clientId;
  }

  @PostConstruct
  void start() {
    leases.want(presence(broker.instance()));
  }

  @Scheduled(fixedDelay = "${hub.leases.ttl:15s}", initialDelay = "${hub.leases.ttl:15s}")
  @Leased(JOB)
  void drainOnSchedule() {
    drainDeparted();
  }

  /** Empties and ends the session of every hub whose presence lease has expired; how many. */
  public int drainDeparted() {
    if (!broker.isConnected()) {
      return 0;
    }
    Instant now = clock.instant();
    int drained = 0;
    for (Leases.Lease lease : leases.all()) {
      String name = lease.name();
      if (!name.startsWith(PRESENCE) || !lease.expired(now)) {
        continue;
      }
      String clientId = name.substring(PRESENCE.length());
      if (clientId.equals(broker.instance()) || !leases.runsHere(name)) {
        continue;
      }
      LOG.info(
          "hub {} ({}) has not been seen since {}; emptying the session it left on the broker",
          clientId,
          lease.holder(),
          lease.expiresAt());
      boolean done;
      try {
        done = broker.drainSession(clientId, patience());
      } catch (RuntimeException e) {
        LOG.warn("the session of hub {} could not be emptied: {}", clientId, e.toString());
        done = false;
      }
      if (done) {
        leases.forget(name);
        drained++;
      } else {
        leases.release(name);
      }
    }
    return drained;
  }

  /** Time to empty one session: long enough for a queue of events, short of blocking the job. */
  private Duration patience() {
    Duration ttl = leases.ttl();
    return ttl.compareTo(Duration.ofSeconds(30)) > 0 ? ttl : Duration.ofSeconds(30);
  }
}
