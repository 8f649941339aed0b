package liaison.hub.ingest;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import liaison.hub.SimulatedStations;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationEvent;
import liaison.signage.protocol.StationState;
import liaison.signage.protocol.Topic;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * Many simulated stations in a JVM of their own (so their objects do not count in the hub's heap),
 * driven by {@link FleetScaleBenchmark} through standard input: on start every station connects and
 * publishes a retained ONLINE state; {@code events N} makes each send N events, QoS 1; {@code end}
 * disconnects them. Lines {@code figure.key=value} on standard output report back.
 *
 * <p>One Paho client per station, but all of them share one scheduler whose workers are virtual
 * threads: Paho runs each client's receiver, sender and callback loops (and its pings) on the
 * executor it is given, so 1,000 stations cost 3,000+ virtual threads rather than platform ones.
 */
public final class SimulatedFleet {
  static final String FIGURE = SimulatedStations.FIGURE;

  private final List<MqttAsyncClient> clients = new ArrayList<>();
  private final List<String> stationIds;
  private final int[] windows;

  private SimulatedFleet(List<String> stationIds) {
    this.stationIds = stationIds;
    this.windows = new int[stationIds.size()];
  }

  public static void main(String[] args) throws Exception {
    String uri = args[0];
    int count = Integer.parseInt(args[1]);
    String password = args[2];
    List<String> ids = new ArrayList<>();
    for (int s = 0; s < count; s++) {
      ids.add(FleetScaleBenchmark.stationId(s));
    }
    ScheduledExecutorService paho = SimulatedStations.pahoThreads(count);
    SimulatedFleet fleet = new SimulatedFleet(ids);
    long start = System.nanoTime();
    fleet.connectAndAnnounce(uri, password, paho);
    report("connected", fleet.clients.size());
    report("connectMillis", (System.nanoTime() - start) / 1_000_000);
    report("threads", java.lang.management.ManagementFactory.getThreadMXBean().getThreadCount());
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      if (line.startsWith("events ")) {
        int perStation = Integer.parseInt(line.substring("events ".length()).trim());
        report("sent", fleet.sendEvents(perStation));
      } else if (line.equals("end")) {
        break;
      }
    }
    fleet.disconnect();
    System.exit(0);
  }

  private static void report(String key, long value) {
    SimulatedStations.report(key, value);
  }

  private void connectAndAnnounce(String uri, String password, ScheduledExecutorService paho)
      throws Exception {
    // Not all at once: a station fleet comes up over minutes, not in one SYN flood.
    Semaphore connecting = new Semaphore(50);
    CountDownLatch announced = new CountDownLatch(stationIds.size());
    AtomicReference<Throwable> failure = new AtomicReference<>();
    for (int s = 0; s < stationIds.size(); s++) {
      String id = stationIds.get(s);
      MqttConnectionOptions options = SimulatedStations.options(id, password, 30);
      MqttAsyncClient client = SimulatedStations.client(uri, id, "fleet", paho);
      clients.add(client);
      int station = s;
      connecting.acquire();
      client.connect(
          options,
          null,
          new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              connecting.release();
              Integer max =
                  token.getResponseProperties() == null
                      ? null
                      : token.getResponseProperties().getReceiveMaximum();
              windows[station] = max == null ? 10 : Math.min(max, 65_535);
              StationState online =
                  new StationState(
                      StationState.Presence.ONLINE,
                      UUID.randomUUID().toString(),
                      "bench",
                      0,
                      StationState.Screen.ON,
                      OffsetDateTime.now());
              try {
                client.publish(
                    Topic.stationState(id).toString(),
                    new MqttMessage(ProtocolCodec.encode(online), 1, true, null),
                    null,
                    new MqttActionListener() {
                      @Override
                      public void onSuccess(IMqttToken t) {
                        announced.countDown();
                      }

                      @Override
                      public void onFailure(IMqttToken t, Throwable e) {
                        failure.compareAndSet(null, e);
                        announced.countDown();
                      }
                    });
              } catch (MqttException e) {
                failure.compareAndSet(null, e);
                announced.countDown();
              }
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
              connecting.release();
              failure.compareAndSet(
                  null,
                  new IllegalStateException("station " + id + " could not connect to " + uri, e));
              announced.countDown();
            }
          });
    }
    if (!announced.await(180, TimeUnit.SECONDS)) {
      throw new IllegalStateException(
          announced.getCount() + " stations had not announced themselves after 180 s");
    }
    if (failure.get() != null) {
      throw new IllegalStateException(
          "not every station connected and announced itself", failure.get());
    }
  }

  /**
   * Every station sends {@code perStation} events, paced by the broker's receive maximum; returns
   * how many were acknowledged.
   */
  private long sendEvents(int perStation) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(clients.size());
    AtomicInteger acknowledged = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    for (int s = 0; s < clients.size(); s++) {
      MqttAsyncClient client = clients.get(s);
      String topic = Topic.stationEvent(stationIds.get(s)).toString();
      int station = s;
      int window = windows[s];
      Thread.ofVirtual()
          .start(
              () -> {
                Semaphore inFlight = new Semaphore(window);
                MqttActionListener release =
                    new MqttActionListener() {
                      @Override
                      public void onSuccess(IMqttToken token) {
                        acknowledged.incrementAndGet();
                        inFlight.release();
                      }

                      @Override
                      public void onFailure(IMqttToken token, Throwable e) {
                        failure.compareAndSet(null, e);
                        inFlight.release();
                      }
                    };
                try {
                  for (int i = 0; i < perStation; i++) {
                    inFlight.acquire();
                    byte[] payload =
                        ProtocolCodec.encode(
                            new StationEvent(
                                UUID.randomUUID(),
                                "footfall",
                                OffsetDateTime.now(),
                                Map.of("station", station, "count", i)));
                    while (true) {
                      try {
                        client.publish(
                            topic, new MqttMessage(payload, 1, false, null), null, release);
                        break;
                      } catch (MqttException e) {
                        // Paho frees its in-flight slot a moment after reporting the ack.
                        if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                          throw e;
                        }
                        Thread.onSpinWait();
                      }
                    }
                  }
                  inFlight.acquire(window);
                } catch (InterruptedException | MqttException e) {
                  failure.compareAndSet(null, e);
                } finally {
                  done.countDown();
                }
              });
    }
    if (!done.await(300, TimeUnit.SECONDS)) {
      throw new IllegalStateException(
          done.getCount() + " stations had not finished sending after 300 s");
    }
    if (failure.get() != null) {
      throw new IllegalStateException("a station failed to send its events", failure.get());
    }
    return acknowledged.get();
  }

  private void disconnect() {
    SimulatedStations.disconnectAll(clients);
  }
}
