package liaison.hub.db;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import liaison.hub.config.LeaseConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that gives a job its lease: with several hubs on one database, a job named X runs
 * on the hub holding X's lease ({@code job_lease}). The holder renews it every third of {@code
 * hub.leases.ttl}; once it has expired, another hub takes it. A hub stops a job's work when its own
 * view of the lease says it may have lapsed ({@link #holds}: a third of the TTL before the others
 * may take it), so two hubs never do the same job at once, even when the database was out of reach
 * for a while.
 *
 * <p>Taking a lease is one conditional statement, never a read and then a write: an UPDATE that
 * succeeds only when this hub already holds the lease (or its previous self under the same name,
 * restarted) or it has expired, else an INSERT that does nothing when the row exists. Whether a
 * lease has expired is decided inside that statement, by comparing the stored expiry with the hub's
 * clock, the same way on SQLite and PostgreSQL. On SQLite (one hub) the same path runs and simply
 * always wins.
 *
 * <p>Scheduled jobs carry {@link Leased}; the snapshot publisher asks {@link #holds} before each
 * batch; a hub's presence on the broker is the lease {@code hub:<client id>}.
 */
@Context
public class Leases implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Leases.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A lease as stored: who holds it, since when, until when. */
  public record Lease(String name, String holder, Instant acquiredAt, Instant expiresAt) {
    public boolean expired(Instant now) {
      return !expiresAt.isAfter(now);
    }
  }

  private final Database database;
  private final Clock clock;
  private final Duration ttl;
  private final String holder;

  /** What every holder name of this hub starts with, whichever process it was. */
  private final String instancePrefix;

  private final Set<String> wanted = ConcurrentHashMap.newKeySet();

  /** The expiry this hub last wrote for each lease it holds (epoch millis). */
  private final Map<String, Long> heldUntil = new ConcurrentHashMap<>();

  /** Keeps a renewal from bringing back a lease being given up or forgotten. */
  private final Object changes = new Object();

  private final ScheduledExecutorService renewer;
  private volatile boolean failing;
  private volatile boolean closed;

  public Leases(
      Database database,
      Clock clock,
      LeaseConfig config,
      @Value("${hub.mqtt.broker.client-id:liaison-hub}") String instance) {
    this.database = database;
    this.clock = clock;
    this.ttl = config.ttl();
    // Per process, for the log and /health; a hub restarted under the same name (its MQTT client
    // id, which the broker already keeps unique) takes its previous self's leases at once, so a
    // single hub restarted after a crash does not wait for them to expire.
    this.instancePrefix = instance + "/";
    this.holder =
        instancePrefix
            + ProcessHandle.current().pid()
            + "@"
            + hostName()
            + "/"
            + HexFormat.of().formatHex(randomBytes());
    this.renewer =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("leases").daemon().unstarted(r));
    long period = Math.max(100, ttl.toMillis() / 3);
    renewer.scheduleWithFixedDelay(this::renewAll, period, period, TimeUnit.MILLISECONDS);
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[3];
    RANDOM.nextBytes(b);
    return b;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  /** This hub's name in the lease table. */
  public String holder() {
    return holder;
  }

  public Duration ttl() {
    return ttl;
  }

  /**
   * Asks for the lease from now on: taken now if free, and kept (or taken over once it expires) by
   * the renewals that follow.
   */
  public void want(String name) {
    wanted.add(name);
    try {
      hold(name);
    } catch (RuntimeException e) {
      LOG.warn("lease {}: not taken yet ({}); trying again shortly", name, e.toString());
    }
  }

  /**
   * Whether this hub may do the job now: it holds the lease and, by its own clock, at least a third
   * of the TTL is left before another hub could take it.
   */
  public boolean holds(String name) {
    Long until = heldUntil.get(name);
    return until != null && clock.millis() < until - ttl.toMillis() / 3;
  }

  /** For a job about to run: holds the lease already, or takes (or renews) it now. */
  public boolean runsHere(String name) {
    wanted.add(name);
    if (holds(name)) {
      return true;
    }
    try {
      return hold(name);
    } catch (RuntimeException e) {
      LOG.warn("lease {}: could not be checked ({}); the job waits", name, e.toString());
      return false;
    }
  }

  /** Takes or renews the lease now, in one conditional statement; whether this hub holds it. */
  public boolean hold(String name) {
    long now = clock.millis();
    long until = now + ttl.toMillis();
    boolean held =
        database.withHandle(
            h -> {
              int renewed =
                  h.createUpdate(
                          """
                          UPDATE job_lease
                          SET holder = :me, expires_at = :until,
                              acquired_at = CASE WHEN holder = :me THEN acquired_at ELSE :now END
                          WHERE name = :name
                            AND (holder = :me OR expires_at <= :now
                                 OR substr(holder, 1, :length) = :instance)
                          """)
                      .bind("me", holder)
                      .bind("length", instancePrefix.length())
                      .bind("instance", instancePrefix)
                      .bind("until", until)
                      .bind("now", now)
                      .bind("name", name)
                      .execute();
              if (renewed == 1) {
                return true;
              }
              return h.createUpdate(
                          """
                          INSERT INTO job_lease (name, holder, acquired_at, expires_at)
                          VALUES (:name, :me, :now, :until)
                          ON CONFLICT (name) DO NOTHING
                          """)
                      .bind("name", name)
                      .bind("me", holder)
                      .bind("now", now)
                      .bind("until", until)
                      .execute()
                  == 1;
            });
    Long before = held ? heldUntil.put(name, until) : heldUntil.remove(name);
    if (held && before == null) {
      LOG.info("lease {}: held by this hub ({}) from now", name, holder);
    } else if (!held && before != null) {
      LOG.warn("lease {}: lost to another hub; this hub stops that job", name);
    }
    return held;
  }

  /**
   * Gives the lease up (it expires now), so another hub takes it at its next renewal instead of
   * after the TTL.
   */
  public void release(String name) {
    synchronized (changes) {
      wanted.remove(name);
      heldUntil.remove(name);
      database.useHandle(
          h ->
              h.createUpdate(
                      "UPDATE job_lease SET expires_at = :now WHERE name = :name AND holder = :me")
                  .bind("now", clock.millis())
                  .bind("name", name)
                  .bind("me", holder)
                  .execute());
    }
  }

  /** The leases this hub holds now, with when each expires unless renewed (for /health). */
  public Map<String, Instant> held() {
    Map<String, Instant> held = new TreeMap<>();
    heldUntil.forEach(
        (name, until) -> {
          if (holds(name)) {
            held.put(name, Instant.ofEpochMilli(until));
          }
        });
    return held;
  }

  /** Every lease as stored, held by this hub or another, expired or not. */
  public List<Lease> all() {
    return database.withHandle(
        h ->
            h.createQuery("SELECT * FROM job_lease ORDER BY name")
                .map(
                    (rs, ctx) ->
                        new Lease(
                            rs.getString("name"),
                            rs.getString("holder"),
                            Instant.ofEpochMilli(rs.getLong("acquired_at")),
                            Instant.ofEpochMilli(rs.getLong("expires_at"))))
                .list());
  }

  public Optional<Lease> find(String name) {
    return all().stream().filter(l -> l.name().equals(name)).findFirst();
  }

  /**
   * Deletes a lease this hub holds and nobody will need again (a hub that left for good, whose
   * presence lease this hub took to clear up after it).
   */
  public boolean forget(String name) {
    synchronized (changes) {
      wanted.remove(name);
      heldUntil.remove(name);
      return database.withHandle(
              h ->
                  h.createUpdate("DELETE FROM job_lease WHERE name = :name AND holder = :me")
                      .bind("name", name)
                      .bind("me", holder)
                      .execute())
          == 1;
    }
  }

  private void renewAll() {
    if (closed) {
      return;
    }
    try {
      for (String name : wanted) {
        synchronized (changes) {
          if (wanted.contains(name)) {
            hold(name);
          }
        }
      }
      if (failing) {
        failing = false;
        LOG.info("leases renewed again");
      }
    } catch (RuntimeException e) {
      if (!failing) {
        failing = true;
        LOG.warn(
            "leases could not be renewed ({}); this hub's jobs stop within {} s unless the database answers again",
            e.toString(),
            Math.max(1, ttl.toSeconds() * 2 / 3));
      }
    }
  }

  /** On a clean stop the leases expire at once, so another hub takes the jobs without waiting. */
  @PreDestroy
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    renewer.shutdownNow();
    try {
      renewer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (String name : List.copyOf(heldUntil.keySet())) {
      try {
        release(name);
      } catch (RuntimeException e) {
        LOG.debug("lease {} not released: {}", name, e.toString());
      }
    }
  }
}
