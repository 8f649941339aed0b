package liaison.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import liaison.signage.transport.NoDelaySocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** A plain MQTT client for tests: plays the hub's publisher or watches what stations send. */
public final class TestClient implements AutoCloseable {

  /**
   * A message as received; {@code correlationData} is empty and {@code responseTopic} null when the
   * sender set none (an MQTT 5 request carries both).
   */
  public record Received(
      String topic,
      byte[] payload,
      boolean retained,
      byte[] correlationData,
      String responseTopic) {
    public Received(String topic, byte[] payload, boolean retained) {
      this(topic, payload, retained, new byte[0], null);
    }

    public Received(String topic, byte[] payload, boolean retained, byte[] correlationData) {
      this(topic, payload, retained, correlationData, null);
    }
  }

  private final MqttAsyncClient client;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  private TestClient(MqttAsyncClient client) {
    this.client = client;
  }

  public static TestClient connect(String uri, String clientId) {
    return connect(uri, clientId, null, null, null);
  }

  /** Connects with a user name and password (a broker that checks them, such as the hub's). */
  public static TestClient connect(String uri, String clientId, String username, String password) {
    return connect(uri, clientId, username, password, null);
  }

  /**
   * Connects with credentials (both may be null: anonymous) over the given socket factory (null:
   * plain TCP without Nagle; for {@code ssl://} an {@code SSLSocketFactory} that trusts the
   * broker).
   *
   * @throws IllegalStateException when the broker refuses, with its reason code in the message
   */
  public static TestClient connect(
      String uri,
      String clientId,
      String username,
      String password,
      javax.net.SocketFactory sockets) {
    try {
      MqttAsyncClient client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
      TestClient test = new TestClient(client);
      client.setCallback(test.new Callback());
      client
          .connect(
              options(
                  username,
                  password == null
                      ? null
                      : password.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                  sockets))
          .waitForCompletion(10_000);
      return test;
    } catch (MqttException e) {
      throw new IllegalStateException(
          "test client could not connect to "
              + uri
              + " (reason code 0x"
              + Integer.toHexString(e.getReasonCode())
              + ")",
          e);
    }
  }

  /**
   * Tries to connect and says how the broker answered: 0 when it let the client in (it is then
   * disconnected again), else the CONNACK's reason code (0x86 bad user name or password, 0x87 not
   * authorized, 0x9F connection rate exceeded), Paho's own code when no CONNACK came, or -1 when
   * the connection failed beneath MQTT (refused socket, TLS handshake).
   */
  public static int tryConnect(
      String uri,
      String clientId,
      String username,
      byte[] password,
      javax.net.SocketFactory sockets) {
    MqttAsyncClient client;
    try {
      client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
    } catch (MqttException e) {
      throw new IllegalArgumentException(e);
    }
    try {
      client.connect(options(username, password, sockets)).waitForCompletion(10_000);
      client.disconnect().waitForCompletion(5_000);
      return 0;
    } catch (MqttException e) {
      // Paho reports a failure beneath MQTT (TLS, socket) as reason 0, which reads as success.
      return e.getReasonCode() == 0 ? -1 : e.getReasonCode();
    } finally {
      try {
        client.close(true);
      } catch (MqttException e) {
        // nothing to keep
      }
    }
  }

  private static MqttConnectionOptions options(
      String username, byte[] password, javax.net.SocketFactory sockets) {
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    options.setConnectionTimeout(10);
    options.setSocketFactory(sockets == null ? NoDelaySocketFactory.get() : sockets);
    if (username != null) {
      options.setUserName(username);
    }
    if (password != null) {
      options.setPassword(password);
    }
    return options;
  }

  /**
   * Publishes at QoS 1 and returns the PUBACK's reason code (0x87: not authorized), refusals
   * included.
   */
  public int publishReason(String topic, byte[] payload, boolean retained) {
    try {
      IMqttToken token = client.publish(topic, new MqttMessage(payload, 1, retained, null));
      token.waitForCompletion(10_000);
      int[] codes = token.getReasonCodes();
      return codes == null || codes.length == 0 ? 0 : codes[0];
    } catch (MqttException e) {
      return e.getReasonCode();
    }
  }

  /** Subscribes at QoS 1 and returns the SUBACK's reason code (0x87: not authorized). */
  public int subscribeReason(String filter) {
    try {
      IMqttToken token =
          client.subscribe(new org.eclipse.paho.mqttv5.common.MqttSubscription(filter, 1));
      token.waitForCompletion(10_000);
      int[] codes = token.getReasonCodes();
      return codes == null || codes.length == 0 ? 0 : codes[0];
    } catch (MqttException e) {
      return e.getReasonCode();
    }
  }

  public boolean isConnected() {
    return client.isConnected();
  }

  /**
   * Publishes at QoS 1 and waits for the broker's acknowledgement. Paho frees its in-flight slot
   * only after it reports the acknowledgement, on another thread, so the next publish can still be
   * refused with "Too many publishes in progress" (32202) for a moment: it is tried again then.
   */
  public void publish(String topic, byte[] payload, boolean retained) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      try {
        client
            .publish(topic, new MqttMessage(payload, 1, retained, null))
            .waitForCompletion(10_000);
        return;
      } catch (MqttException e) {
        if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT
            || System.nanoTime() > deadline) {
          throw new IllegalStateException("publish to " + topic + " failed", e);
        }
        Thread.onSpinWait();
      }
    }
  }

  /**
   * Publishes an MQTT 5 request at QoS 1, not retained: the answer is wanted on {@code
   * responseTopic} with {@code correlationData}.
   */
  public void request(String topic, byte[] payload, String responseTopic, byte[] correlationData) {
    MqttProperties properties = new MqttProperties();
    properties.setResponseTopic(responseTopic);
    properties.setCorrelationData(correlationData);
    try {
      client
          .publish(topic, new MqttMessage(payload, 1, false, properties))
          .waitForCompletion(10_000);
    } catch (MqttException e) {
      throw new IllegalStateException("request to " + topic + " failed", e);
    }
  }

  public void subscribe(String filter) {
    try {
      client.subscribe(filter, 1).waitForCompletion(10_000);
    } catch (MqttException e) {
      throw new IllegalStateException("subscribe to " + filter + " failed", e);
    }
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  /**
   * The message received as number {@code index} (from 0), waiting until it arrives: for a scripted
   * party that answers each message in turn.
   */
  public Received awaitMessage(int index) throws InterruptedException {
    synchronized (received) {
      while (received.size() <= index) {
        received.wait();
      }
      return received.get(index);
    }
  }

  public List<Received> receivedOn(String topic) {
    return received.stream().filter(r -> r.topic().equals(topic)).toList();
  }

  @Override
  public void close() {
    try {
      if (client.isConnected()) {
        // In the caller's thread, bounded: Paho's asynchronous disconnect quiesces in a thread of
        // its own, and a close while that thread still runs made it throw (a NullPointerException
        // in ClientState.quiesce) into whatever test was awaiting a condition then (Awaitility
        // reports other threads' uncaught exceptions): two CI runs failed on it.
        client.disconnectForcibly(500, 1_000, true);
      }
      client.close(true);
    } catch (MqttException e) {
      // closing a test client: nothing to keep
    }
  }

  private final class Callback implements MqttCallback {
    @Override
    public void disconnected(MqttDisconnectResponse response) {}

    @Override
    public void mqttErrorOccurred(MqttException exception) {}

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      byte[] correlation =
          message.getProperties() == null || message.getProperties().getCorrelationData() == null
              ? new byte[0]
              : message.getProperties().getCorrelationData();
      String responseTopic =
          message.getProperties() == null ? null : message.getProperties().getResponseTopic();
      synchronized (received) {
        received.add(
            new Received(
                topic, message.getPayload(), message.isRetained(), correlation, responseTopic));
        received.notifyAll();
      }
    }

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }
}
