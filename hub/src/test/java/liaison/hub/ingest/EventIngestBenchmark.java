package liaison.hub.ingest;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import javax.net.SocketFactory;
import liaison.hub.OnBothStores;
import liaison.hub.RunningHub;
import liaison.hub.TestDatabases;
import liaison.hub.broker.BrokerClient;
import liaison.hub.broker.EmbeddedBroker;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationEvent;
import liaison.signage.protocol.Topic;
import liaison.signage.transport.NoDelaySocketFactory;
import liaison.testkit.Benchmarks;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * QoS 1 events per second from 50 simulated stations: what a bare Paho subscriber receives (with
 * and without TCP_NODELAY, the stall described in docs/ARCHITECTURE.md) beside what the hub stores
 * in its database, in the same run on the hub's embedded broker: SQLite, then PostgreSQL. Prints
 * figures; asserts nothing about time.
 */
@OnBothStores
class EventIngestBenchmark {
  private static final int STATIONS = Benchmarks.count(50, 3);
  private static final int EVENTS_PER_STATION = Benchmarks.count(200, 3);
  private static final int TOTAL = STATIONS * EVENTS_PER_STATION;
  // Twice a phase: with 20 a station (1,000 in all) the hub's phase, measured first, ran while the
  // JIT still compiled the stations', the broker's and the hub's paths (issue 22, BENCHMARKS.md).
  private static final int WARM_UP_PER_STATION = Benchmarks.count(400, 1);

  @Parameter TestDatabases.Store store;
  @TempDir Path dir;

  @Test
  void eventsPerSecond() throws Exception {
    // 50 stations connect at once from this machine: above the broker's storm guard.
    try (RunningHub hub =
        RunningHub.start(
            dir,
            store,
            Map.of("hub.demo", "never", "hub.mqtt.security.connects-per-address", 100_000))) {
      ScaleStations.add(hub, "bench", "基准", STATIONS, EventIngestBenchmark::stationId);
      EventIngest ingest = hub.bean(EventIngest.class);
      AtomicInteger batches = new AtomicInteger();
      // The largest commit: HiveMQ CE alone would never let one exceed 50 (issue 22).
      AtomicInteger largest = new AtomicInteger();
      ingest.onStored(
          rows -> {
            batches.incrementAndGet();
            largest.accumulateAndGet(rows.size(), Math::max);
          });
      Benchmarks.waitUntil(() -> hub.bean(BrokerClient.class).isConnected(), "the hub's client");
      List<MqttAsyncClient> stations = connectStations(hub);
      try {
        // Warm-up: every station, the hub's storage path, the JIT.
        long stored = ingest.storedCount();
        send(stations, WARM_UP_PER_STATION);
        long warm = stored + (long) STATIONS * WARM_UP_PER_STATION;
        Benchmarks.waitUntil(() -> ingest.storedCount() >= warm, "warm-up events to be stored");

        EmbeddedBroker broker = hub.bean(EmbeddedBroker.class);
        Map<Receiver, Phase> phases = new java.util.EnumMap<>(Receiver.class);
        long sent = warm;
        AtomicInteger hubLargest = new AtomicInteger();
        for (Receiver receiver :
            List.of(Receiver.HUB, Receiver.RAW_NO_DELAY, Receiver.RAW_SHARED, Receiver.RAW_NAGLE)) {
          // The hub stays subscribed during the raw phases: let it catch up first, so that each
          // phase starts from a quiet broker.
          long caughtUp = sent;
          Benchmarks.waitUntil(
              () -> ingest.storedCount() >= caughtUp, "the hub to store what was sent before");
          long droppedBefore = broker.droppedMessages();
          int batchesBefore = batches.get();
          largest.set(0);
          String loadBefore = loadAverage();
          long from = System.currentTimeMillis();
          Phase phase = measure(receiver, stations, hub, ingest);
          phases.put(
              receiver,
              phase
                  .withDropped(broker.droppedMessages() - droppedBefore)
                  .withContext(
                      batches.get() - batchesBefore,
                      loadBefore + " → " + loadAverage(),
                      from,
                      System.currentTimeMillis()));
          if (receiver == Receiver.HUB) {
            hubLargest.set(largest.get());
          }
          sent += TOTAL;
        }
        double base = phases.get(Receiver.RAW_NO_DELAY).rate();
        StringBuilder report = new StringBuilder();
        report.append(
            String.format(
                "%d stations × %d events, QoS 1, %d-byte payloads, on the hub's embedded broker,"
                    + " the hub on %s, %d cores%n"
                    + "| %-66s | %10s | %9s | %9s | %8s | %-12s | %s |%n",
                STATIONS,
                EVENTS_PER_STATION,
                payload(0, 0).length,
                store,
                Runtime.getRuntime().availableProcessors(),
                "receiver",
                "events/s",
                "ratio",
                "received",
                "dropped",
                "load 1 min",
                "phase (epoch ms, for a profile)"));
        for (Receiver receiver :
            List.of(Receiver.RAW_NO_DELAY, Receiver.RAW_SHARED, Receiver.RAW_NAGLE, Receiver.HUB)) {
          Phase p = phases.get(receiver);
          report.append(
              String.format(
                  "| %-66s | %10.0f | %9s | %9d | %8d | %-12s | %d–%d |%n",
                  receiver.label,
                  p.rate(),
                  receiver == Receiver.RAW_NO_DELAY
                      ? "baseline"
                      : String.format("%.2f", p.rate() / base),
                  p.received(),
                  p.dropped(),
                  p.load(),
                  p.from(),
                  p.to()));
        }
        Phase hubPhase = phases.get(Receiver.HUB);
        // During the raw phases the hub stores too; only its own phase's batches are counted.
        report.append(
            String.format(
                "hub's phase: %d commits, %.1f events a commit on average, the largest %d%n",
                hubPhase.commits(),
                hubPhase.commits() == 0 ? 0.0 : (double) TOTAL / hubPhase.commits(),
                hubLargest.get()));
        Benchmarks.record(
            store == TestDatabases.Store.SQLITE ? "event-ingest" : "event-ingest-postgresql",
            report.toString());
        for (Receiver receiver : Receiver.values()) {
          Phase p = phases.get(receiver);
          if (p.received() < TOTAL || p.dropped() > 0) {
            throw new IllegalStateException(
                receiver.label
                    + ": received "
                    + p.received()
                    + " of "
                    + TOTAL
                    + ", broker dropped "
                    + p.dropped());
          }
        }
      } finally {
        for (MqttAsyncClient c : stations) {
          c.disconnect().waitForCompletion(5_000);
          c.close(true);
        }
      }
    }
  }

  private enum Receiver {
    RAW_NO_DELAY("bare Paho QoS 1 subscriber, TCP_NODELAY (receives only)"),
    RAW_SHARED("bare Paho QoS 1 shared subscriber, TCP_NODELAY (acks on arrival)"),
    RAW_NAGLE("bare Paho QoS 1 subscriber, default socket"),
    HUB("hub: its subscription → its database, ack after commit");

    final String label;

    Receiver(String label) {
      this.label = label;
    }
  }

  /** What one receiver got: events per second up to the last arrival. */
  private record Phase(
      double rate, long received, long dropped, int commits, String load, long from, long to) {
    Phase(double rate, long received) {
      this(rate, received, 0, 0, "", 0, 0);
    }

    Phase withDropped(long count) {
      return new Phase(rate, received, count, commits, load, from, to);
    }

    Phase withContext(int commits, String load, long from, long to) {
      return new Phase(rate, received, dropped, commits, load, from, to);
    }
  }

  /** The machine's load average over the last minute, as /proc/loadavg says; "?" elsewhere. */
  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException | RuntimeException e) {
      return "?";
    }
  }

  private Phase measure(
      Receiver receiver, List<MqttAsyncClient> stations, RunningHub hub, EventIngest ingest)
      throws Exception {
    if (receiver == Receiver.HUB) {
      long before = ingest.storedCount();
      return rate(stations, () -> ingest.storedCount() - before);
    }
    AtomicInteger received = new AtomicInteger();
    MqttAsyncClient raw =
        new MqttAsyncClient(
            hub.brokerUri(), "bench-raw-" + receiver.name(), new MemoryPersistence());
    raw.setCallback(new Counting(received, receiver == Receiver.RAW_SHARED ? raw : null));
    raw.setManualAcks(receiver == Receiver.RAW_SHARED);
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setSocketFactory(
        receiver == Receiver.RAW_NAGLE ? SocketFactory.getDefault() : NoDelaySocketFactory.get());
    // A bare subscriber in the hub's place, with the hub's account (only it may read events).
    options.setUserName(hub.hubUsername());
    options.setPassword(hub.hubPassword().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    raw.connect(options).waitForCompletion(10_000);
    raw.subscribe(
            receiver == Receiver.RAW_SHARED
                ? Topic.sharedAllStations("bench", Topic.Channel.EVENT)
                : Topic.allStations(Topic.Channel.EVENT),
            1)
        .waitForCompletion(10_000);
    try {
      // The hub keeps storing too; the raw subscriber's own count is what is measured here.
      return rate(stations, received::get);
    } finally {
      raw.disconnect().waitForCompletion(5_000);
      raw.close(true);
    }
  }

  /**
   * Sends TOTAL events and times until the counter has seen them all; gives up 60 s after the last
   * change, and then reports what came, up to its last arrival.
   */
  private Phase rate(List<MqttAsyncClient> stations, LongSupplier counted) throws Exception {
    long start = System.nanoTime();
    send(stations, EVENTS_PER_STATION);
    long seen = counted.getAsLong();
    long lastChange = System.nanoTime();
    while (seen < TOTAL && System.nanoTime() - lastChange < TimeUnit.SECONDS.toNanos(60)) {
      Thread.sleep(2);
      long now = counted.getAsLong();
      if (now != seen) {
        seen = now;
        lastChange = System.nanoTime();
      }
    }
    return new Phase(seen / ((lastChange - start) / 1e9), seen);
  }

  private static void send(List<MqttAsyncClient> stations, int perStation) throws Exception {
    CountDownLatch done = new CountDownLatch(stations.size());
    List<Thread> threads = new ArrayList<>();
    for (int s = 0; s < stations.size(); s++) {
      MqttAsyncClient client = stations.get(s);
      String topic = Topic.stationEvent(stationId(s)).toString();
      int station = s;
      threads.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    // Paced to the broker's receive maximum, as a station's outbox does.
                    Semaphore window = new Semaphore(10);
                    try {
                      for (int i = 0; i < perStation; i++) {
                        window.acquire();
                        MqttMessage message = new MqttMessage(payload(station, i), 1, false, null);
                        while (true) {
                          try {
                            client.publish(topic, message, null, release(window));
                            break;
                          } catch (MqttException e) {
                            // Paho frees its in-flight slot a moment after reporting the ack.
                            if (e.getReasonCode()
                                != org.eclipse.paho.mqttv5.client.MqttClientException
                                    .REASON_CODE_MAX_INFLIGHT) {
                              throw e;
                            }
                            Thread.onSpinWait();
                          }
                        }
                      }
                      window.acquire(10);
                    } catch (InterruptedException | MqttException e) {
                      throw new IllegalStateException(e);
                    } finally {
                      done.countDown();
                    }
                  }));
    }
    if (!done.await(120, TimeUnit.SECONDS)) {
      throw new IllegalStateException("stations did not finish publishing within 120 s");
    }
  }

  private static MqttActionListener release(Semaphore window) {
    return new MqttActionListener() {
      @Override
      public void onSuccess(IMqttToken token) {
        window.release();
      }

      @Override
      public void onFailure(IMqttToken token, Throwable e) {
        window.release();
      }
    };
  }

  private static byte[] payload(int station, int i) {
    return ProtocolCodec.encode(
        new StationEvent(
            UUID.randomUUID(),
            "footfall",
            OffsetDateTime.now(),
            Map.of("station", station, "count", i)));
  }

  private static String stationId(int s) {
    return String.format("s-b%03d", s);
  }

  /** Each station with its own credential and client id, as the broker demands. */
  private static List<MqttAsyncClient> connectStations(RunningHub hub) throws MqttException {
    List<MqttAsyncClient> clients = new ArrayList<>();
    for (int s = 0; s < STATIONS; s++) {
      MqttConnectionOptions options = new MqttConnectionOptions();
      options.setSocketFactory(NoDelaySocketFactory.get());
      options.setUserName(stationId(s));
      options.setPassword(
          hub.stationPassword(stationId(s)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      MqttAsyncClient client =
          new MqttAsyncClient(
              hub.brokerUri(),
              liaison.signage.protocol.StationIdentity.clientId(stationId(s), "bench"),
              new MemoryPersistence());
      client.connect(options).waitForCompletion(10_000);
      clients.add(client);
    }
    return clients;
  }

  private record Counting(AtomicInteger received, @Nullable MqttAsyncClient acking)
      implements MqttCallback {
    @Override
    public void messageArrived(String topic, MqttMessage message) throws MqttException {
      received.incrementAndGet();
      if (acking != null) {
        acking.messageArrivedComplete(message.getId(), message.getQos());
      }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {}

    @Override
    public void mqttErrorOccurred(MqttException exception) {}

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }
}
