package liaison.hub.publish;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
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
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationState;
import liaison.signage.protocol.Topic;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * Many stations' screens in a JVM of their own, driven by {@link PublishRoundBenchmark} through
 * standard input: each connects as its station (its own user name, the broker's ACL lets it read
 * only its own topics), subscribes to its content topic at QoS 1 and waits for its retained
 * snapshot. {@code expect MARKER} then notes, per station, when the first content message holding
 * MARKER (any message when MARKER is empty) arrives, and prints every station's arrival, in
 * microseconds since the epoch, on one line {@code arrivals=a,b,c…} once all have one. {@code end}
 * disconnects them. Lines {@code figure.key=value} report the rest.
 *
 * <p>Each screen reports the version it shows as a real station does ({@code StationPresence}): on
 * its state topic, retained, QoS 1, once per new version (a snapshot it already shows, as the
 * benchmark's resend round sends again, changes nothing), so the hub turns the notices it carried
 * into delivery receipts as it would at a real county's stations.
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
  private final AtomicLongArray shown;
  private final AtomicReference<Throwable> reportFailure = new AtomicReference<>();
  private final String session = "screens-" + ProcessHandle.current().pid();
  private volatile byte[] marker;
  private volatile CountDownLatch all = new CountDownLatch(1);

  private SimulatedScreens(List<String> stationIds) {
    this.stationIds = stationIds;
    this.arrivals = new AtomicLongArray(stationIds.size());
    this.shown = new AtomicLongArray(stationIds.size());
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

  /**
   * Notes when the snapshot arrived, then reports it shown if it is a newer version: the arrival is
   * the moment it came, not after the report's encoding and hand-over (which the benchmark's resend
   * rounds, sending versions already shown again, never cause).
   */
  private void received(int station, MqttAsyncClient client, byte[] payload) {
    arrived(station, payload);
    long version = version(payload);
    long before = shown.get(station);
    if (version > before && shown.compareAndSet(station, before, version)) {
      reportShown(station, client, version);
    }
  }

  private void arrived(int station, byte[] payload) {
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

  private static final byte[] VERSION = "\"version\":".getBytes(StandardCharsets.UTF_8);

  /**
   * The snapshot's version: {@code StationContent}'s second field, read from the first bytes rather
   * than by decoding the whole snapshot (a real station decodes it, but this JVM shares the two
   * cores with the broker and the hub, and the bare publisher's rounds would pay it too).
   */
  private static long version(byte[] payload) {
    if (payload.length == 0) {
      return 0;
    }
    int at = indexOf(payload, VERSION, 200);
    if (at < 0) {
      return ProtocolCodec.decode(payload, StationContent.class).version();
    }
    long version = 0;
    for (int i = at + VERSION.length; i < payload.length && Character.isDigit(payload[i]); i++) {
      version = version * 10 + (payload[i] - '0');
    }
    return version;
  }

  /** The station's state with the version now on screen, as the player sends it. */
  private void reportShown(int station, MqttAsyncClient client, long version) {
    String id = stationIds.get(station);
    StationState state =
        new StationState(
            StationState.Presence.ONLINE,
            session + "-" + station,
            "bench",
            version,
            StationState.Screen.ON,
            OffsetDateTime.now());
    try {
      client.publish(
          Topic.stationState(id).toString(),
          new MqttMessage(ProtocolCodec.encode(state), 1, true, null),
          null,
          new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {}

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
              failedToReport(id, e);
            }
          });
    } catch (MqttException | RuntimeException e) {
      failedToReport(id, e);
    }
  }

  private void failedToReport(String stationId, Throwable e) {
    if (reportFailure.compareAndSet(null, e)) {
      System.out.println("station " + stationId + " could not report its state: " + e);
      System.out.flush();
    }
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    return indexOf(haystack, needle, haystack.length) >= 0;
  }

  /** Where {@code needle} starts within the first {@code within} bytes, or -1. */
  private static int indexOf(byte[] haystack, byte[] needle, int within) {
    outer:
    for (int i = 0; i <= Math.min(within, haystack.length) - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
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
              (topic, message) -> received(station, client, message.getPayload()),
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
