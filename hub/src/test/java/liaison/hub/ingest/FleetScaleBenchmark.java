package liaison.hub.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import liaison.hub.RunningHub;
import liaison.hub.SimulatedStations;
import liaison.hub.broker.EmbeddedBroker;
import liaison.hub.ingest.StationEventRepository.StoredEvent;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationEvent;
import liaison.signage.protocol.Topic;
import liaison.signage.transport.NoDelaySocketFactory;
import liaison.testkit.Benchmarks;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hub with 1,000 stations connected: its used heap before and after they connect, and the events
 * per second it stores from all of them with the delay from each event's {@code at} to its commit,
 * beside a bare Paho subscriber receiving the same load. The stations run in a child JVM ({@link
 * SimulatedFleet}); the hub and its embedded broker in this one. Prints figures; asserts nothing
 * about time, only that no event is lost.
 */
class FleetScaleBenchmark {
  private static final int STATIONS = Benchmarks.count(1_000, 3);
  private static final int EVENTS_PER_STATION = Benchmarks.count(20, 2);
  private static final int TOTAL = STATIONS * EVENTS_PER_STATION;
  private static final int WARM_UP_PER_STATION = Benchmarks.count(2, 1);

  @TempDir Path dir;

  static String stationId(int s) {
    return String.format("s-f%04d", s);
  }

  @Test
  void thousandStations() throws Exception {
    // 1,000 stations connect from this one machine: far above the broker's storm guard.
    try (RunningHub hub =
        RunningHub.start(
            dir, Map.of("hub.demo", "never", "hub.mqtt.security.connects-per-address", 100_000))) {
      ScaleStations.add(hub, "fleet", "规模", STATIONS, FleetScaleBenchmark::stationId);
      // Every station logs in with a credential of its own, as in the field (one password, each
      // hash salted apart): the broker checks 1,000 of them while the fleet connects.
      String password = liaison.signage.protocol.MqttPasswordHash.newPassword();
      var credentials = hub.bean(liaison.hub.enrolment.StationCredentialRepository.class);
      for (int s = 0; s < STATIONS; s++) {
        credentials.provision(
            stationId(s),
            liaison.signage.protocol.MqttPasswordHash.hash(password),
            "bench",
            java.time.OffsetDateTime.now());
      }
      EventIngest ingest = hub.bean(EventIngest.class);
      Arrivals stored = new Arrivals();
      ingest.onStored(rows -> stored.add(rows, Instant.now()));
      long heapBefore = settledHeap();
      int hubThreadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();

      try (Fleet fleet = Fleet.start(dir, hub.brokerUri(), password)) {
        long connectMillis = fleet.await("connectMillis");
        long childThreads = fleet.await("threads");
        liaison.hub.db.Database jdbi = hub.bean(liaison.hub.db.Database.class);
        Benchmarks.waitUntil(
            () -> onlineStates(jdbi) == STATIONS,
            "a stored ONLINE state for each of " + STATIONS + " stations");
        long heapAfter = settledHeap();
        int hubThreadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();

        // Warm-up: every station's path through the broker, the hub's station cache, the JIT.
        fleet.events(WARM_UP_PER_STATION);
        stored.awaitAtLeast(STATIONS * WARM_UP_PER_STATION, "warm-up events to be stored");

        EmbeddedBroker broker = hub.bean(EmbeddedBroker.class);
        long droppedBefore = broker.droppedMessages();
        long storedBefore = ingest.storedCount();

        stored.reset();
        fleet.events(EVENTS_PER_STATION);
        Phase hubPhase = stored.awaitAtLeast(TOTAL, "the hub to store the events");
        long storedInPhase = ingest.storedCount() - storedBefore;

        Phase barePhase;
        Arrivals received = new Arrivals();
        MqttAsyncClient bare = bareSubscriber(hub, received);
        try {
          fleet.events(EVENTS_PER_STATION);
          barePhase = received.awaitAtLeast(TOTAL, "the bare subscriber to receive the events");
          // The hub stays subscribed and stores this round too: let it finish before closing.
          long all = storedBefore + 2L * TOTAL;
          Benchmarks.waitUntil(
              () -> ingest.storedCount() >= all, "the hub to store the bare phase's events too");
        } finally {
          bare.disconnect().waitForCompletion(5_000);
          bare.close(true);
        }
        long dropped = broker.droppedMessages() - droppedBefore;

        String report =
            Benchmarks.table(
                    String.format(
                        "%,d stations in a child JVM × %d events, QoS 1, on the hub's embedded broker: delay from the event's `at` to",
                        STATIONS, EVENTS_PER_STATION),
                    List.of(
                        new Benchmarks.Series(
                            "bare Paho QoS 1 subscriber: messageArrived", barePhase.delays()),
                        new Benchmarks.Series("hub: committed to SQLite", hubPhase.delays())))
                + String.format(
                    "| %-44s | %10s | %8s | %8s |%n", "receiver", "events/s", "ratio", "received")
                + String.format(
                    "| %-44s | %10.0f | %8s | %8d |%n",
                    "bare Paho QoS 1 subscriber (stores nothing)",
                    barePhase.rate(),
                    "baseline",
                    barePhase.count())
                + String.format(
                    "| %-44s | %10.0f | %8.2f | %8d |%n",
                    "hub: shared subscription → SQLite",
                    hubPhase.rate(),
                    hubPhase.rate() / barePhase.rate(),
                    hubPhase.count())
                + String.format(
                    "events sent %,d per phase; stored by the hub in its phase %,d; broker dropped %d%n",
                    TOTAL, storedInPhase, dropped)
                + String.format(
                    "hub used heap after full GC: %.1f MiB before, %.1f MiB with %,d stations connected and their states stored:"
                        + " +%.1f MiB, %.1f KiB per station%n",
                    heapBefore / 1048576.0,
                    heapAfter / 1048576.0,
                    STATIONS,
                    (heapAfter - heapBefore) / 1048576.0,
                    (heapAfter - heapBefore) / 1024.0 / STATIONS)
                + String.format(
                    "stations connected and announced in %,d ms; live platform threads: hub JVM %d before, %d after;"
                        + " fleet JVM %d (Paho's loops on virtual threads)%n",
                    connectMillis, hubThreadsBefore, hubThreadsAfter, childThreads);
        Benchmarks.record("fleet-scale", report);
        if (hubPhase.count() != TOTAL
            || storedInPhase != TOTAL
            || barePhase.count() != TOTAL
            || dropped != 0) {
          throw new IllegalStateException(
              "events lost: sent "
                  + TOTAL
                  + " per phase; the hub stored "
                  + storedInPhase
                  + " (listener saw "
                  + hubPhase.count()
                  + "), the bare subscriber received "
                  + barePhase.count()
                  + ", the broker dropped "
                  + dropped);
        }
      }
    }
  }

  private static int onlineStates(liaison.hub.db.Database jdbi) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT count(*) FROM station_state WHERE presence = 'ONLINE'")
                .mapTo(Integer.class)
                .one());
  }

  /** Used heap after full collections, repeated until two readings are within 256 KiB. */
  static long settledHeap() throws InterruptedException {
    long previous = Long.MAX_VALUE;
    for (int i = 0; i < 20; i++) {
      System.gc();
      Thread.sleep(200);
      long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      if (Math.abs(used - previous) < 256 * 1024) {
        return used;
      }
      previous = used;
    }
    return previous;
  }

  /**
   * What one receiver got: delays in nanoseconds, and events/s from the first `at` to the last
   * arrival.
   */
  private record Phase(long[] delays, double rate) {
    int count() {
      return delays.length;
    }
  }

  /** Arrivals with their delay from the event's {@code at}, collected from any thread. */
  private static final class Arrivals {
    private final List<Long> delays = new ArrayList<>();
    private long firstSentNanos = Long.MAX_VALUE;
    private long lastArrivalNanos;

    synchronized void add(List<StoredEvent> rows, Instant arrived) {
      for (StoredEvent row : rows) {
        add(row.occurredAt().toInstant(), arrived);
      }
    }

    synchronized void add(Instant sent, Instant arrived) {
      long sentNanos = epochNanos(sent);
      long arrivedNanos = epochNanos(arrived);
      delays.add(arrivedNanos - sentNanos);
      firstSentNanos = Math.min(firstSentNanos, sentNanos);
      lastArrivalNanos = Math.max(lastArrivalNanos, arrivedNanos);
    }

    synchronized void reset() {
      delays.clear();
      firstSentNanos = Long.MAX_VALUE;
      lastArrivalNanos = 0;
    }

    synchronized int count() {
      return delays.size();
    }

    /** Waits until {@code n} have arrived, or 60 s without a new one; then reports what came. */
    Phase awaitAtLeast(int n, String what) throws InterruptedException {
      int seen = count();
      long lastChange = System.nanoTime();
      while (seen < n && System.nanoTime() - lastChange < TimeUnit.SECONDS.toNanos(60)) {
        Thread.sleep(5);
        int now = count();
        if (now != seen) {
          seen = now;
          lastChange = System.nanoTime();
        }
      }
      if (seen == 0) {
        throw new IllegalStateException("gave up waiting for " + what + ": none came within 60 s");
      }
      synchronized (this) {
        return new Phase(
            delays.stream().mapToLong(Long::longValue).toArray(),
            delays.size() / ((lastArrivalNanos - firstSentNanos) / 1e9));
      }
    }

    private static long epochNanos(Instant t) {
      return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
  }

  private static MqttAsyncClient bareSubscriber(RunningHub hub, Arrivals received)
      throws MqttException {
    MqttAsyncClient raw =
        new MqttAsyncClient(hub.brokerUri(), "fleet-bare-subscriber", new MemoryPersistence());
    raw.setCallback(
        SimulatedStations.callback(
            (topic, message) -> {
              Instant now = Instant.now();
              received.add(
                  ProtocolCodec.decode(message.getPayload(), StationEvent.class).at().toInstant(),
                  now);
            },
            () -> {},
            error -> {}));
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setSocketFactory(NoDelaySocketFactory.get());
    options.setUserName(hub.hubUsername());
    options.setPassword(hub.hubPassword().getBytes(StandardCharsets.UTF_8));
    raw.connect(options).waitForCompletion(10_000);
    raw.subscribe(Topic.allStations(Topic.Channel.EVENT), 1).waitForCompletion(10_000);
    return raw;
  }

  /**
   * The child JVM of simulated stations: the same java binary and test class path as this test. Its
   * {@code figure.} lines are queued for {@link #await}; other output is kept for a failure.
   */
  private static final class Fleet implements AutoCloseable {
    private final Process process;
    private final Writer commands;
    private final Map<String, LinkedBlockingQueue<Long>> figures = new ConcurrentHashMap<>();
    private final StringBuffer log = new StringBuffer();

    private Fleet(Process process) {
      this.process = process;
      this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      Thread.ofPlatform().daemon().name("fleet-output").start(this::read);
    }

    static Fleet start(Path dir, String brokerUri, String password) throws IOException {
      ProcessBuilder builder =
          liaison.hub.ChildJvm.builder(
                  List.of(
                      "--sun-misc-unsafe-memory-access=allow",
                      "-Duser.timezone=Asia/Shanghai",
                      "-Dfile.encoding=UTF-8"),
                  SimulatedFleet.class.getName(),
                  List.of(brokerUri, Integer.toString(STATIONS), password))
              .directory(dir.toFile())
              .redirectErrorStream(true);
      return new Fleet(builder.start());
    }

    private void read() {
      try (BufferedReader in =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          int eq = line.indexOf('=');
          if (line.startsWith(SimulatedFleet.FIGURE) && eq > 0) {
            queue(line.substring(SimulatedFleet.FIGURE.length(), eq))
                .add(Long.parseLong(line.substring(eq + 1).trim()));
          } else {
            log.append(line).append('\n');
          }
        }
      } catch (IOException e) {
        // the child ended
      }
    }

    private LinkedBlockingQueue<Long> queue(String key) {
      return figures.computeIfAbsent(key, k -> new LinkedBlockingQueue<>());
    }

    long await(String key) throws InterruptedException {
      Long value = queue(key).poll(300, TimeUnit.SECONDS);
      if (value == null) {
        throw new IllegalStateException(
            "the fleet JVM reported no '"
                + key
                + "' within 300 s (alive: "
                + process.isAlive()
                + "); its output:\n"
                + log);
      }
      return value;
    }

    /**
     * Has every station send {@code perStation} events and waits until the broker acknowledged them
     * all.
     */
    void events(int perStation) throws IOException, InterruptedException {
      commands.write("events " + perStation + "\n");
      commands.flush();
      long sent = await("sent");
      if (sent != (long) perStation * STATIONS) {
        throw new IllegalStateException(
            "the fleet had " + sent + " of " + perStation * STATIONS + " events acknowledged");
      }
    }

    @Override
    public void close() throws IOException, InterruptedException {
      try {
        commands.write("end\n");
        commands.flush();
        commands.close();
      } catch (IOException e) {
        // already gone
      }
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
