package liaison.hub.publish;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import liaison.hub.SimulatedStations;
import liaison.signage.protocol.Topic;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Many stations' screens in a JVM of their own, driven by {@link PublishRoundBenchmark} through
 * standard input: each connects as its station (its own user name, the broker's ACL lets it read
 * only its own topics), subscribes to its content topic at QoS 1 and waits for its retained
 * snapshot. {@code expect MARKER} then notes, per station, when the first content message holding
 * MARKER (any message when MARKER is empty) arrives, and prints every station's arrival, in
 * microseconds since the epoch, on one line {@code arrivals=a,b,c…} once all have one. {@code end}
 * disconnects them. Lines {@code figure.key=value} report the rest.
 *
 * <p>One Paho client per station, their loops on virtual threads (as {@code SimulatedFleet}'s): the
 * broker's ACL allows a station its own topic only, so one client cannot stand for many.
 */
public final class SimulatedScreens {
  static final String FIGURE = SimulatedStations.FIGURE;
  static final String ARRIVALS = "arrivals=";

  private final List<MqttAsyncClient> clients = new ArrayList<>();
  private final List<String> stationIds;
  private final AtomicLongArray arrivals;
  private final AtomicInteger arrived = new AtomicInteger();
  private final AtomicInteger holding = new AtomicInteger();
  private volatile byte[] marker;
  private volatile CountDownLatch all = new CountDownLatch(1);

  private SimulatedScreens(List<String> stationIds) {
    this.stationIds = stationIds;
    this.arrivals = new AtomicLongArray(stationIds.size());
  }

  public static void main(String[] args) throws Exception {
    String uri = args[0];
    int count = Integer.parseInt(args[1]);
    String password = args[2];
    List<String> ids = new ArrayList<>();
    for (int s = 0; s < count; s++) {
      ids.add(PublishRoundBenchmark.stationId(s));
    }
    ScheduledExecutorService paho = SimulatedStations.pahoThreads(count);
    SimulatedScreens screens = new SimulatedScreens(ids);
    long start = System.nanoTime();
    screens.connect(uri, password, paho);
    report("connectMillis", (System.nanoTime() - start) / 1_000_000);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      if (line.startsWith("expect")) {
        screens.expect(line.substring("expect".length()).strip());
      } else if (line.equals("end")) {
        break;
      }
    }
    screens.disconnect();
    System.exit(0);
  }

  private static void report(String key, long value) {
    SimulatedStations.report(key, value);
  }

  private static long nowMicros() {
    Instant t = Instant.now();
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
  }

  private void expect(String text) throws InterruptedException {
    for (int s = 0; s < arrivals.length(); s++) {
      arrivals.set(s, 0);
    }
    arrived.set(0);
    all = new CountDownLatch(1);
    marker = text.getBytes(StandardCharsets.UTF_8);
    report("ready", 1);
    if (!all.await(300, TimeUnit.SECONDS)) {
      report("missing", stationIds.size() - arrived.get());
      return;
    }
    StringBuilder line = new StringBuilder(ARRIVALS);
    for (int s = 0; s < arrivals.length(); s++) {
      line.append(s == 0 ? "" : ",").append(arrivals.get(s));
    }
    System.out.println(line);
    System.out.flush();
  }

  private void received(int station, byte[] payload) {
    byte[] wanted = marker;
    if (wanted == null) {
      if (payload.length > 0 && arrivals.compareAndSet(station, 0, 1)) {
        holding.incrementAndGet();
      }
      return;
    }
    if (arrivals.get(station) == 0
        && contains(payload, wanted)
        && arrivals.compareAndSet(station, 0, nowMicros())
        && arrived.incrementAndGet() == stationIds.size()) {
      all.countDown();
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

  private void connect(String uri, String password, ScheduledExecutorService paho)
      throws Exception {
    Semaphore connecting = new Semaphore(50);
    CountDownLatch subscribed = new CountDownLatch(stationIds.size());
    AtomicReference<Throwable> failure = new AtomicReference<>();
    for (int s = 0; s < stationIds.size(); s++) {
      String id = stationIds.get(s);
      int station = s;
      MqttConnectionOptions options = SimulatedStations.options(id, password, 60);
      MqttAsyncClient client = SimulatedStations.client(uri, id, "screen", paho);
      client.setCallback(
          SimulatedStations.callback(
              (topic, message) -> received(station, message.getPayload()),
              () ->
                  failure.compareAndSet(
                      null, new IllegalStateException("station " + id + " lost its connection")),
              error -> {}));
      clients.add(client);
      connecting.acquire();
      MqttActionListener done =
          new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              connecting.release();
              subscribed.countDown();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
              connecting.release();
              failure.compareAndSet(
                  null, new IllegalStateException("station " + id + " could not subscribe", e));
              subscribed.countDown();
            }
          };
      client.connect(
          options,
          null,
          new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              try {
                client.subscribe(Topic.stationContent(id).toString(), 1, null, done);
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
    SimulatedStations.awaitEveryStation(stationIds.size(), subscribed, failure, holding::get);
  }

  private void disconnect() {
    SimulatedStations.disconnectAll(clients);
  }
}
