package liaison.hub.ingest;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import liaison.hub.SimulatedStations;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationEvent;
import liaison.signage.protocol.StationState;
import liaison.signage.protocol.Topic;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * The stations of {@link SoakBenchmark}, in a JVM of their own, each one Paho client as a station
 * has: connected as itself, subscribed to its content topic at QoS 1, its ONLINE state retained;
 * then, until told to stop, a heartbeat (its state with telemetry and the content version it holds,
 * retained, QoS 1) every {@code heartbeatMillis} and an event (QoS 1) every {@code eventMillis},
 * each station's first at a random moment within the period so that the fleet's load is even.
 *
 * <p>Commands on standard input: {@code expect MARKER} notes, per station, when the first content
 * message holding MARKER arrives and prints {@code reached=<stations>,<last arrival µs>} once every
 * station has it; {@code tally} prints {@code tally=<stations>,<last arrival µs>} at once, however
 * many have it; {@code quiet} stops the heartbeats and events, waits for their acknowledgements and
 * reports how many; {@code end} disconnects. Lines {@code figure.key=value} report the rest.
 */
public final class SoakStations {
  static final String FIGURE = SimulatedStations.FIGURE;
  static final String REACHED = "reached=";
  static final String TALLY = "tally=";

  private final List<MqttAsyncClient> clients = new ArrayList<>();
  private final List<String> stationIds;
  private final long[] versions;
  private final AtomicLong heartbeats = new AtomicLong();
  private final AtomicLong events = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicInteger lost = new AtomicInteger();
  private final AtomicInteger holding = new AtomicInteger();
  private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
  private final List<ScheduledFuture<?>> schedules = new ArrayList<>();
  private final String session = UUID.randomUUID().toString();
  private final long started = System.nanoTime();
  private volatile Expectation expected;

  /** Who has received the snapshot holding {@code marker}, and when the last of them did. */
  private record Expectation(byte[] marker, AtomicLongArray arrivals, AtomicInteger count) {}

  private SoakStations(List<String> stationIds) {
    this.stationIds = stationIds;
    this.versions = new long[stationIds.size()];
  }

  public static void main(String[] args) throws Exception {
    String uri = args[0];
    int count = Integer.parseInt(args[1]);
    String password = args[2];
    long heartbeatMillis = Long.parseLong(args[3]);
    long eventMillis = Long.parseLong(args[4]);
    List<String> ids = new ArrayList<>();
    for (int s = 0; s < count; s++) {
      ids.add(SoakBenchmark.stationId(s));
    }
    ScheduledExecutorService paho = SimulatedStations.pahoThreads(count);
    SoakStations stations = new SoakStations(ids);
    long start = System.nanoTime();
    stations.connect(uri, password, paho);
    report("connectMillis", (System.nanoTime() - start) / 1_000_000);
    ScheduledExecutorService timers = Executors.newScheduledThreadPool(1);
    stations.schedule(timers, heartbeatMillis, eventMillis);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      if (line.startsWith("expect ")) {
        stations.expect(line.substring("expect ".length()).strip());
      } else if (line.equals("tally")) {
        stations.tally();
      } else if (line.equals("quiet")) {
        stations.quiet(timers);
      } else if (line.equals("end")) {
        break;
      }
    }
    SimulatedStations.disconnectAll(stations.clients);
    System.exit(0);
  }

  private static void report(String key, long value) {
    SimulatedStations.report(key, value);
  }

  private static long nowMicros() {
    Instant t = Instant.now();
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
  }

  private void expect(String marker) {
    expected =
        new Expectation(
            marker.getBytes(StandardCharsets.UTF_8),
            new AtomicLongArray(stationIds.size()),
            new AtomicInteger());
    report("ready", 1);
  }

  /** Prints what the current expectation has now and closes it: no "reached" line follows. */
  private synchronized void tally() {
    Expectation e = expected;
    expected = null;
    print(TALLY, e);
  }

  /** Prints "reached" once every station has the snapshot, unless the expectation was tallied. */
  private synchronized void reached(Expectation e) {
    if (expected == e) {
      expected = null;
      print(REACHED, e);
    }
  }

  private synchronized void print(String prefix, Expectation e) {
    long last = 0;
    for (int s = 0; s < e.arrivals().length(); s++) {
      last = Math.max(last, e.arrivals().get(s));
    }
    System.out.println(prefix + e.count().get() + "," + last);
    System.out.flush();
  }

  private void received(int station, byte[] payload) {
    try {
      long version = ProtocolCodec.decode(payload, StationContent.class).version();
      if (versions[station] == 0) {
        holding.incrementAndGet();
      }
      versions[station] = version;
    } catch (RuntimeException e) {
      failed(new IllegalStateException("station " + station + " could not read its snapshot", e));
    }
    Expectation e = expected;
    if (e != null
        && e.arrivals().get(station) == 0
        && contains(payload, e.marker())
        && e.arrivals().compareAndSet(station, 0, nowMicros())
        && e.count().incrementAndGet() == stationIds.size()) {
      reached(e);
    }
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private void failed(Throwable e) {
    failures.incrementAndGet();
    if (firstFailure.compareAndSet(null, e)) {
      e.printStackTrace(System.out);
    }
  }

  private void connect(String uri, String password, ScheduledExecutorService paho)
      throws Exception {
    // Not all at once: a station fleet comes up over minutes, not in one SYN flood.
    Semaphore connecting = new Semaphore(50);
    CountDownLatch announced = new CountDownLatch(stationIds.size());
    for (int s = 0; s < stationIds.size(); s++) {
      String id = stationIds.get(s);
      int station = s;
      MqttAsyncClient client = SimulatedStations.client(uri, id, "soak", paho);
      client.setCallback(
          SimulatedStations.callback(
              (topic, message) -> received(station, message.getPayload()),
              () -> {
                lost.incrementAndGet();
                failed(new IllegalStateException("station " + id + " lost its connection"));
              },
              this::failed));
      clients.add(client);
      connecting.acquire();
      MqttActionListener done =
          new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              connecting.release();
              announced.countDown();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
              connecting.release();
              failed(new IllegalStateException("station " + id + " could not come up", e));
              announced.countDown();
            }
          };
      client.connect(
          SimulatedStations.options(id, password, 60),
          null,
          new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              try {
                client.subscribe(
                    Topic.stationContent(id).toString(),
                    1,
                    null,
                    new MqttActionListener() {
                      @Override
                      public void onSuccess(IMqttToken t) {
                        try {
                          client.publish(
                              Topic.stationState(id).toString(),
                              new MqttMessage(
                                  ProtocolCodec.encode(state(station, null)), 1, true, null),
                              null,
                              done);
                        } catch (MqttException e) {
                          done.onFailure(t, e);
                        }
                      }

                      @Override
                      public void onFailure(IMqttToken t, Throwable e) {
                        done.onFailure(t, e);
                      }
                    });
              } catch (MqttException e) {
                done.onFailure(token, e);
              }
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
              done.onFailure(token, e);
            }
          });
    }
    SimulatedStations.awaitEveryStation(stationIds.size(), announced, firstFailure, holding::get);
  }

  private StationState state(int station, StationState.Telemetry telemetry) {
    return new StationState(
        StationState.Presence.ONLINE,
        session + "-" + station,
        "bench",
        versions[station],
        StationState.Screen.ON,
        OffsetDateTime.now(),
        telemetry);
  }

  private void schedule(ScheduledExecutorService timers, long heartbeatMillis, long eventMillis) {
    for (int s = 0; s < stationIds.size(); s++) {
      int station = s;
      MqttAsyncClient client = clients.get(s);
      String stateTopic = Topic.stationState(stationIds.get(s)).toString();
      String eventTopic = Topic.stationEvent(stationIds.get(s)).toString();
      ThreadLocalRandom random = ThreadLocalRandom.current();
      schedules.add(
          timers.scheduleAtFixedRate(
              () -> {
                StationState.Telemetry readings =
                    new StationState.Telemetry(
                        (System.nanoTime() - started) / 1_000_000_000L,
                        48.5,
                        20L << 30,
                        180L << 20,
                        512L << 20);
                send(client, stateTopic, state(station, readings), true, heartbeats);
              },
              random.nextLong(heartbeatMillis),
              heartbeatMillis,
              TimeUnit.MILLISECONDS));
      schedules.add(
          timers.scheduleAtFixedRate(
              () ->
                  send(
                      client,
                      eventTopic,
                      new StationEvent(
                          UUID.randomUUID(),
                          "footfall",
                          OffsetDateTime.now(),
                          Map.of("station", station, "count", 1)),
                      false,
                      events),
              random.nextLong(eventMillis),
              eventMillis,
              TimeUnit.MILLISECONDS));
    }
  }

  private final AtomicInteger inFlight = new AtomicInteger();

  private void send(
      MqttAsyncClient client,
      String topic,
      liaison.signage.protocol.ProtocolMessage message,
      boolean retained,
      AtomicLong acknowledged) {
    inFlight.incrementAndGet();
    try {
      client.publish(
          topic,
          new MqttMessage(ProtocolCodec.encode(message), 1, retained, null),
          null,
          new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              acknowledged.incrementAndGet();
              inFlight.decrementAndGet();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
              failed(e);
              inFlight.decrementAndGet();
            }
          });
    } catch (MqttException | RuntimeException e) {
      failed(e);
      inFlight.decrementAndGet();
    }
  }

  /** Stops the heartbeats and events, waits for their acknowledgements, reports the counts. */
  private void quiet(ScheduledExecutorService timers) throws InterruptedException {
    schedules.forEach(f -> f.cancel(false));
    timers.shutdown();
    timers.awaitTermination(30, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    report("unacknowledged", inFlight.get());
    report("heartbeats", heartbeats.get());
    report("events", events.get());
    report("failures", failures.get());
    report("lost", lost.get());
  }
}
