package liaison.hub;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import liaison.signage.protocol.StationIdentity;
import liaison.signage.transport.NoDelaySocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.TimerPingSender;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * What the benchmarks' child JVMs of many simulated stations share ({@code SimulatedFleet}, {@code
 * SimulatedScreens}): one Paho client per station as the broker demands (its own user name and a
 * client id tied to it), on shared virtual threads, and the figures they print to the parent.
 */
public final class SimulatedStations {
  /** The start of a line a child prints for its parent: {@code figure.<key>=<value>}. */
  public static final String FIGURE = "figure.";

  private SimulatedStations() {}

  /** Paho's threads for {@code stations} clients: each parks three loops for its whole life. */
  public static ScheduledExecutorService pahoThreads(int stations) {
    return Executors.newScheduledThreadPool(
        stations * 4, Thread.ofVirtual().name("paho-", 0).factory());
  }

  /** A client that connects as {@code stationId}, its client id ending in {@code suffix}. */
  public static MqttAsyncClient client(
      String uri, String stationId, String suffix, ScheduledExecutorService paho)
      throws MqttException {
    return new MqttAsyncClient(
        uri,
        StationIdentity.clientId(stationId, suffix),
        new MemoryPersistence(),
        new TimerPingSender(paho),
        paho);
  }

  /** The station's own credential, without Nagle's delay (QoS 1 stalls otherwise). */
  public static MqttConnectionOptions options(String stationId, String password, int keepAlive) {
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setSocketFactory(NoDelaySocketFactory.get());
    options.setKeepAliveInterval(keepAlive);
    options.setUserName(stationId);
    options.setPassword(password.getBytes(StandardCharsets.UTF_8));
    return options;
  }

  /**
   * A station's callback: each message to {@code arrived}, a lost connection to {@code lost}, an
   * error to {@code failed}; the rest ignored.
   */
  public static MqttCallback callback(
      BiConsumer<String, MqttMessage> arrived, Runnable lost, Consumer<MqttException> failed) {
    return new MqttCallback() {
      @Override
      public void messageArrived(String topic, MqttMessage message) {
        arrived.accept(topic, message);
      }

      @Override
      public void disconnected(MqttDisconnectResponse response) {
        lost.run();
      }

      @Override
      public void mqttErrorOccurred(MqttException exception) {
        failed.accept(exception);
      }

      @Override
      public void deliveryComplete(IMqttToken token) {}

      @Override
      public void connectComplete(boolean reconnect, String serverURI) {}

      @Override
      public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    };
  }

  /**
   * Waits until every station has come up ({@code up} counted down once for each, failed or not)
   * and then holds its retained snapshot ({@code holding} reaching {@code stations}), 300 s at most
   * for each; throws the first station's failure.
   */
  public static void awaitEveryStation(
      int stations, CountDownLatch up, AtomicReference<Throwable> failure, IntSupplier holding)
      throws InterruptedException {
    if (!up.await(300, TimeUnit.SECONDS)) {
      throw new IllegalStateException(up.getCount() + " stations had not come up after 300 s");
    }
    if (failure.get() != null) {
      throw new IllegalStateException("not every station came up", failure.get());
    }
    // Every station holds its retained snapshot before anything is measured.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    while (holding.getAsInt() < stations) {
      // A station that lost its connection after subscribing never gets its snapshot: said so.
      if (failure.get() != null) {
        throw new IllegalStateException(
            (stations - holding.getAsInt()) + " stations without a snapshot yet", failure.get());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            (stations - holding.getAsInt()) + " stations had no retained snapshot after 300 s");
      }
      Thread.sleep(10);
    }
  }

  /** Prints one figure for the parent. */
  public static void report(String key, long value) {
    System.out.println(FIGURE + key + "=" + value);
    System.out.flush();
  }

  /** Disconnects every client, waiting up to 5 s each; the child exits anyway. */
  public static void disconnectAll(List<MqttAsyncClient> clients) {
    for (MqttAsyncClient client : clients) {
      try {
        client.disconnect().waitForCompletion(5_000);
      } catch (MqttException | RuntimeException e) {
        // leaving anyway: the broker sees the socket close
      }
    }
  }
}
