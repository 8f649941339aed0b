package liaison.hub.ingest;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import liaison.hub.broker.BrokerClient;
import liaison.hub.broker.MalformedSenders;
import liaison.hub.db.Database;
import liaison.hub.db.DatabaseFault;
import liaison.hub.db.Sql;
import liaison.hub.station.StationRepository;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.ProtocolException;
import liaison.signage.protocol.StationState;
import liaison.signage.protocol.Topic;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps what each station last said about itself: online or offline, which content version is on
 * its screen. A state stamped earlier than the stored one does not replace it. Nothing a station
 * sends throws out of the broker's callback: a state that cannot be taken is counted against the
 * station (sampled in the log, {@link MalformedSenders}) and acknowledged; one the database could
 * not store is only logged, as the next heartbeat (30 s) says the same again.
 *
 * <p>The states are taken on a thread of their own ({@code state-ingest}), not on the broker
 * client's: that thread also completes the hub's publishes, and a county's 10,000 stations each
 * reporting the version a round gave them would otherwise hold the round's PUBACKs behind their
 * database work (issue 22: the round took 13–42× a bare publisher's time with the stations
 * reporting). What has queued meanwhile is stored in one transaction, up to {@link #BATCH} states
 * (one commit, not two per state); when that fails, state by state as before. Each state is
 * acknowledged once handled, in the order it came. While the publisher builds a round, the states
 * wait for it ({@link PublishingRound}).
 */
@Context
public class StateIngest {
  private static final Logger LOG = LoggerFactory.getLogger(StateIngest.class);

  /** Where refused states are counted ({@link liaison.hub.problem.BadInput}). */
  static final String SOURCE = "mqtt.state";

  /** The most states stored in one transaction. */
  static final int BATCH = 500;

  /**
   * How long states wait for a round the publisher is building ({@link PublishingRound}); 10,000
   * stations' round is built in 2–4 s on two cores.
   */
  private static final Duration ROUND_FIRST = Duration.ofSeconds(10);

  /** How long closing waits for a batch being stored. */
  private static final Duration STOP_WAIT = Duration.ofSeconds(5);

  /** How often the writer, with nothing queued, looks whether the hub is closing. */
  private static final Duration LOOK_AGAIN = Duration.ofMillis(250);

  private final BrokerClient broker;
  private final StationRepository stations;
  private final Database database;
  private final Clock clock;
  private final MalformedSenders senders;
  private final PublishingRound round;
  private final LinkedBlockingQueue<BrokerClient.Delivery> queue = new LinkedBlockingQueue<>();
  private @Nullable Thread writer;
  private volatile boolean closing;

  public StateIngest(
      BrokerClient broker,
      StationRepository stations,
      Database database,
      Clock clock,
      MalformedSenders senders,
      PublishingRound round) {
    this.round = round;
    this.broker = broker;
    this.stations = stations;
    this.database = database;
    this.clock = clock;
    this.senders = senders;
  }

  @PostConstruct
  void start() {
    writer = Thread.ofPlatform().daemon().name("state-ingest").start(this::write);
    broker.subscribe(Topic.allStations(Topic.Channel.STATE), this::receive);
  }

  /**
   * Lets a batch being stored finish (its states acknowledged) before the hub goes on closing,
   * rather than interrupting the writer inside the database's driver; interrupts it only if it has
   * not stopped within {@link #STOP_WAIT}.
   */
  @PreDestroy
  void stop() {
    closing = true;
    if (writer != null) {
      try {
        writer.join(STOP_WAIT.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      writer.interrupt();
    }
  }

  /** On the broker client's thread: handed over at once. */
  void receive(BrokerClient.Delivery delivery) {
    queue.add(delivery);
  }

  private void write() {
    List<BrokerClient.Delivery> batch = new ArrayList<>(BATCH);
    while (!closing) {
      try {
        BrokerClient.Delivery first = queue.poll(LOOK_AGAIN.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        // The stations' contents first: their reports wait while a round is being built.
        round.awaitNone(ROUND_FIRST);
      } catch (InterruptedException e) {
        return;
      }
      queue.drainTo(batch, BATCH - 1);
      try {
        take(batch);
      } catch (RuntimeException e) {
        LOG.error("taking {} states failed; acknowledged and dropped", batch.size(), e);
      } finally {
        batch.forEach(d -> d.ack().run());
        batch.clear();
      }
    }
  }

  /** A state checked and ready to store. */
  private record Checked(BrokerClient.Delivery delivery, String stationId, StationState state) {}

  /**
   * The batch's states checked (the refused ones counted), then stored in one transaction; should
   * that fail, each in its own, so one state the database refuses costs only itself.
   */
  void take(List<BrokerClient.Delivery> batch) {
    Set<String> known;
    try {
      known =
          stations.places(batch.stream().flatMap(d -> stateTopic(d).stream()).toList()).keySet();
    } catch (RuntimeException e) {
      if (DatabaseFault.of(e) == DatabaseFault.UNAVAILABLE) {
        // One line for the batch, not one per state: up to 500 of them at once.
        unavailable(batch.size(), e);
        return;
      }
      batch.forEach(
          d ->
              handled(
                  d,
                  () -> {
                    throw e;
                  }));
      return;
    }
    List<Checked> checked = new ArrayList<>(batch.size());
    for (BrokerClient.Delivery delivery : batch) {
      handled(delivery, () -> check(delivery, known).ifPresent(checked::add));
    }
    if (checked.isEmpty()) {
      return;
    }
    try {
      database.useTransaction(h -> store(h, checked));
    } catch (RuntimeException e) {
      if (DatabaseFault.of(e) == DatabaseFault.UNAVAILABLE) {
        unavailable(checked.size(), e);
        return;
      }
      for (Checked c : checked) {
        handled(c.delivery(), () -> database.useTransaction(h -> store(h, List.of(c))));
      }
    }
  }

  private static void unavailable(int states, RuntimeException e) {
    LOG.warn(
        "{} states were not stored, the database is unavailable ({}); the next heartbeats bring them again",
        states,
        e.toString());
  }

  /** The stored state of a station. */
  public record StoredState(String stationId, StationState state, OffsetDateTime receivedAt) {}

  /** The station whose state topic the delivery came on, if it is one's. */
  private static Optional<String> stateTopic(BrokerClient.Delivery delivery) {
    return Topic.tryParse(delivery.topic())
        .filter(t -> t.channel() == Topic.Channel.STATE)
        .map(Topic::stationId);
  }

  /**
   * The state a delivery holds, or empty when it is a cleared state or refused (counted); {@code
   * known} the stations of the batch this hub has (one query for the batch).
   */
  private Optional<Checked> check(BrokerClient.Delivery delivery, Set<String> known) {
    if (delivery.payload().length == 0) {
      return Optional.empty(); // a cleared retained state
    }
    Optional<String> topic = stateTopic(delivery);
    if (topic.isEmpty()) {
      senders.refused(
          SOURCE,
          null,
          "wrong-topic",
          "a state on " + delivery.topic() + ", not a station's state topic");
      return Optional.empty();
    }
    String stationId = topic.get();
    if (!known.contains(stationId)) {
      senders.refused(
          SOURCE,
          null,
          "unknown-station",
          "a state on " + delivery.topic() + ": no station " + stationId + " on this hub");
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Checked(
              delivery, stationId, ProtocolCodec.decode(delivery.payload(), StationState.class)));
    } catch (ProtocolException e) {
      senders.refused(SOURCE, stationId, e.reason().word(), e.getMessage());
      return Optional.empty();
    }
  }

  /** Runs {@code work} on a delivery; what the database could not do is logged or counted. */
  private void handled(BrokerClient.Delivery delivery, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      if (DatabaseFault.of(e) == DatabaseFault.UNAVAILABLE) {
        LOG.warn(
            "a state on {} was not stored, the database is unavailable ({}); the next heartbeat brings it again",
            delivery.topic(),
            e.toString());
      } else {
        senders.refused(
            SOURCE,
            stateTopic(delivery).orElse(null),
            "not-storable",
            "a state on " + delivery.topic() + " could not be stored: " + e);
      }
    }
  }

  /**
   * Keeps the newest state per station. A state older than the one held is ignored (a late message
   * from an old session), except the Last Will of the session held: the broker publishes it with
   * the time it was registered at connect, yet it is the newest news about that session.
   *
   * <p>The states in the order they came, each statement once for all of them (a JDBC batch: one
   * round trip to PostgreSQL, not one per state; 10,000 stations' reports after a round were 50,000
   * statements one at a time). The order is kept where it matters: a station's two states in one
   * batch are applied in turn by the upsert, and its receipts are written before the rows they come
   * from are left behind.
   */
  private void store(Handle h, List<Checked> states) {
    String received = Sql.instant(OffsetDateTime.now(clock));
    PreparedBatch upserts = h.prepareBatch(UPSERT);
    for (Checked c : states) {
      StationState s = c.state();
      upserts
          .bind("station", c.stationId())
          .bind("presence", s.presence().name())
          .bind("session", s.session())
          .bind("app", s.appVersion())
          .bind("version", s.contentVersion())
          .bind("screen", s.screen().name())
          .bind("reported", Sql.instant(s.at()))
          .bind("received", received)
          .bind("uptime", s.telemetry() == null ? null : s.telemetry().uptimeSeconds())
          .bind("cpu", s.telemetry() == null ? null : s.telemetry().cpuCelsius())
          .bind("disk", s.telemetry() == null ? null : s.telemetry().diskFreeBytes())
          .bind("memUsed", s.telemetry() == null ? null : s.telemetry().memoryUsedBytes())
          .bind("memMax", s.telemetry() == null ? null : s.telemetry().memoryMaxBytes())
          .bind("mediaUsed", media(s) == null ? null : media(s).usedBytes())
          .bind("mediaLimit", media(s) == null ? null : media(s).limitBytes())
          .bind("mediaReady", media(s) == null ? null : media(s).ready())
          .bind("mediaWaiting", media(s) == null ? null : media(s).waiting())
          .bind("mediaFailed", media(s) == null ? null : media(s).failed())
          .add();
    }
    upserts.execute();
    receipts(
        h,
        states.stream()
            .filter(
                c ->
                    c.state().presence() == StationState.Presence.ONLINE
                        && c.state().contentVersion() > 0)
            .toList());
  }

  private static final String UPSERT =
      """
                    INSERT INTO station_state (station_id, presence, session, app_version, content_version,
                                               screen, reported_at, received_at, uptime_seconds, cpu_celsius,
                                               disk_free_bytes, memory_used_bytes, memory_max_bytes,
                                               media_used_bytes, media_limit_bytes, media_ready,
                                               media_waiting, media_failed)
                    VALUES (:station, :presence, :session, :app, :version, :screen, :reported, :received,
                            :uptime, :cpu, :disk, :memUsed, :memMax,
                            :mediaUsed, :mediaLimit, :mediaReady, :mediaWaiting, :mediaFailed)
                    ON CONFLICT (station_id) DO UPDATE SET
                      presence = excluded.presence, session = excluded.session,
                      app_version = excluded.app_version, content_version = excluded.content_version,
                      screen = excluded.screen, reported_at = excluded.reported_at,
                      received_at = excluded.received_at,
                      uptime_seconds = COALESCE(excluded.uptime_seconds, station_state.uptime_seconds),
                      cpu_celsius = CASE WHEN excluded.uptime_seconds IS NULL THEN station_state.cpu_celsius
                                         ELSE excluded.cpu_celsius END,
                      disk_free_bytes = COALESCE(excluded.disk_free_bytes, station_state.disk_free_bytes),
                      memory_used_bytes = COALESCE(excluded.memory_used_bytes, station_state.memory_used_bytes),
                      memory_max_bytes = COALESCE(excluded.memory_max_bytes, station_state.memory_max_bytes),
                      media_used_bytes = CASE WHEN excluded.uptime_seconds IS NULL THEN station_state.media_used_bytes
                                              ELSE excluded.media_used_bytes END,
                      media_limit_bytes = CASE WHEN excluded.uptime_seconds IS NULL THEN station_state.media_limit_bytes
                                               ELSE excluded.media_limit_bytes END,
                      media_ready = CASE WHEN excluded.uptime_seconds IS NULL THEN station_state.media_ready
                                         ELSE excluded.media_ready END,
                      media_waiting = CASE WHEN excluded.uptime_seconds IS NULL THEN station_state.media_waiting
                                           ELSE excluded.media_waiting END,
                      media_failed = CASE WHEN excluded.uptime_seconds IS NULL THEN station_state.media_failed
                                          ELSE excluded.media_failed END
                    WHERE station_state.reported_at <= excluded.reported_at
                       OR (excluded.presence = 'OFFLINE' AND excluded.session = station_state.session)
                    """;

  /**
   * The first report of a version on screen is the delivery receipt of every notice that version
   * carried (later reports change nothing). In the states' transaction: the receipts written, and
   * each station's rows of that version and the ones before it left behind, so the tables stay the
   * size of the stations and their notices, not of every version ever published (V35).
   */
  private static void receipts(Handle h, List<Checked> shown) {
    if (shown.isEmpty()) {
      return;
    }
    int[] added =
        each(
            h,
            """
            INSERT INTO station_version_shown (station_id, version, shown_at) VALUES (:s, :v, :at)
            ON CONFLICT DO NOTHING
            """,
            shown);
    List<Checked> first = new ArrayList<>(shown.size());
    for (int i = 0; i < added.length; i++) {
      if (added[i] == 1) {
        first.add(shown.get(i));
      }
    }
    if (first.isEmpty()) {
      return;
    }
    each(
        h,
        """
        INSERT INTO notice_receipt (station_id, notice_id, shown_at)
        SELECT station_id, notice_id, :at FROM publication_notice
         WHERE station_id = :s AND version = :v
        ON CONFLICT DO NOTHING
        """,
        first);
    each(h, "DELETE FROM publication_notice WHERE station_id = :s AND version <= :v", first);
    each(h, "DELETE FROM station_version_shown WHERE station_id = :s AND version < :v", first);
  }

  /**
   * One statement run for each state, as a batch, with its station {@code :s}, version {@code :v}
   * and time {@code :at}: the rows each changed.
   */
  private static int[] each(Handle h, String sql, List<Checked> states) {
    PreparedBatch batch = h.prepareBatch(sql);
    boolean usesAt = sql.contains(":at");
    for (Checked c : states) {
      batch.bind("s", c.stationId()).bind("v", c.state().contentVersion());
      if (usesAt) {
        batch.bind("at", Sql.instant(c.state().at()));
      }
      batch.add();
    }
    return batch.execute();
  }

  /** The media cache a heartbeat reported; none from a station before issue 20 or without one. */
  private static StationState.@Nullable MediaCache media(StationState s) {
    return s.telemetry() == null ? null : s.telemetry().media();
  }

  private static StationState.Telemetry telemetry(java.sql.ResultSet rs)
      throws java.sql.SQLException {
    long uptime = rs.getLong("uptime_seconds");
    if (rs.wasNull()) {
      return null;
    }
    double cpu = rs.getDouble("cpu_celsius");
    Double celsius = rs.wasNull() ? null : cpu;
    return new StationState.Telemetry(
        uptime,
        celsius,
        rs.getLong("disk_free_bytes"),
        rs.getLong("memory_used_bytes"),
        rs.getLong("memory_max_bytes"),
        mediaCache(rs));
  }

  private static StationState.@Nullable MediaCache mediaCache(java.sql.ResultSet rs)
      throws java.sql.SQLException {
    long limit = rs.getLong("media_limit_bytes");
    if (rs.wasNull()) {
      return null;
    }
    return new StationState.MediaCache(
        rs.getLong("media_used_bytes"),
        limit,
        rs.getInt("media_ready"),
        rs.getInt("media_waiting"),
        rs.getInt("media_failed"));
  }

  public Optional<StoredState> state(String stationId) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT * FROM station_state WHERE station_id = :s")
                .bind("s", stationId)
                .map(
                    (rs, ctx) ->
                        new StoredState(
                            stationId,
                            new StationState(
                                StationState.Presence.valueOf(rs.getString("presence")),
                                rs.getString("session"),
                                rs.getString("app_version"),
                                rs.getLong("content_version"),
                                StationState.Screen.valueOf(rs.getString("screen")),
                                Sql.instant(rs.getString("reported_at")),
                                telemetry(rs)),
                            Sql.instant(rs.getString("received_at"))))
                .findOne());
  }
}
