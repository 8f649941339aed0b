package liaison.signage.player.link;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import liaison.signage.transport.NoDelaySocketFactory;
import liaison.signage.transport.PublishWindow;
import liaison.signage.transport.ReconnectPolicy;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's MQTT connection to the hub's broker, kept up by this class rather than by Paho.
 *
 * <p>Paho's automatic reconnect does nothing when the first connect fails (a station that boots
 * before the network or the hub would never connect), so every connection attempt, the first
 * included, goes through one loop here with an explicit {@link ReconnectPolicy}. After each connect
 * the subscriptions are made again with a clean start: retained content is delivered on every
 * subscribe, so the station converges to the latest snapshot after any outage.
 */
public final class HubLink implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HubLink.class);
  private static final long CLOSE_WAIT_MILLIS = 2_000;

  /** The most publishes kept in flight, whatever larger Receive Maximum a broker announces. */
  private static final int MAX_WINDOW = 10;

  /** PUBACK reason code: accepted, but nobody subscribes to the topic, so nobody gets it. */
  public static final int NO_MATCHING_SUBSCRIBERS = 0x10;

  /** CONNACK reason codes for credentials the broker does not accept. */
  static final int BAD_CREDENTIALS = 0x86;

  static final int NOT_AUTHORIZED = 0x87;

  private final Settings settings;
  private final Listener listener;

  /**
   * Paho's client, made by {@link #start()}: making it loads Paho's classes and reads its signed
   * jar's resource bundles, a tenth of a second of a kiosk's start that its first frame does not
   * need (issue 22). Null until then.
   */
  private volatile @Nullable MqttAsyncClient client;

  private final ScheduledExecutorService loop;
  private volatile boolean closed;
  private volatile boolean started;

  /** Paces publishes to the broker's Receive Maximum (at most {@link #MAX_WINDOW}). */
  private final PublishWindow window =
      new PublishWindow(
          MAX_WINDOW,
          e ->
              e instanceof MqttException m
                  && m.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT);

  /** The next attempt after a failure, while it waits (loop thread only). */
  private volatile @Nullable ScheduledFuture<?> pending;

  private int attempt;

  /** Numbers each connection attempt (loop thread only). */
  private long tries;

  /**
   * The attempt whose connection is up or being made; 0 once it failed. Paho can report one loss
   * twice (the connect listener and the callback both), and each report must not start its own
   * chain of reconnects: only the first report for the live attempt counts.
   */
  private long live;

  /** An outgoing message: a will, a state report or an event. */
  public record Message(String topic, byte[] payload, int qos, boolean retained) {
    public Message {
      Objects.requireNonNull(topic, "topic");
      Objects.requireNonNull(payload, "payload");
      if (qos < 0 || qos > 2) {
        throw new IllegalArgumentException("qos must be 0, 1 or 2, was " + qos);
      }
    }
  }

  /**
   * Where the answer to a request goes (MQTT 5 request/response): the request's response topic, and
   * its correlation data to send back unchanged.
   */
  public record Reply(String topic, byte[] correlationData) {
    public Reply {
      Objects.requireNonNull(topic, "topic");
      correlationData = correlationData == null ? new byte[0] : correlationData.clone();
    }
  }

  /** The user name and password sent with CONNECT. */
  public record Credentials(String username, byte[] password) {
    public Credentials {
      Objects.requireNonNull(username, "username");
      password = password.clone();
    }

    @Override
    public String toString() {
      return "Credentials[" + username + ", password hidden]";
    }
  }

  /**
   * @param brokerUri for example {@code tcp://127.0.0.1:1883} or {@code ssl://hub.example:8883}
   * @param subscriptions topic filters subscribed at QoS 1 after every connect
   * @param will the Last Will, asked for before each connect so it carries current values
   * @param willDelay how long the broker waits before publishing the will of a station that does
   *     not come back; the session outlives a dropped connection by as long
   * @param credentials asked for before each connect (enrolment may have brought new ones); null
   *     connects without
   * @param tls for {@code ssl://}: sockets trusting the hub's certificate; null: the JVM's trust
   */
  public record Settings(
      String brokerUri,
      String clientId,
      List<String> subscriptions,
      Duration keepAlive,
      Duration connectTimeout,
      ReconnectPolicy reconnect,
      Supplier<@Nullable Message> will,
      Duration willDelay,
      Supplier<@Nullable Credentials> credentials,
      javax.net.ssl.@Nullable SSLSocketFactory tls) {
    public Settings {
      Objects.requireNonNull(brokerUri, "brokerUri");
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(credentials, "credentials");
      subscriptions = List.copyOf(subscriptions);
    }
  }

  /** What the link reports. Called on Paho's or the link's own thread: hand off anything slow. */
  public interface Listener {
    /** Connected and subscribed. */
    void connected();

    /** The connection was lost or could not be made; another attempt follows. */
    void disconnected(String reason);

    /**
     * The broker refused the credentials (CONNACK 0x86 bad user name or password, 0x87 not
     * authorized): the station's credential is unknown or was revoked. Another attempt still
     * follows (a hub restored from an old backup may know it again).
     */
    default void credentialsRefused(int reasonCode) {}

    /**
     * A message on one of the subscriptions. Returning acknowledges it (QoS 1), so store what must
     * not be lost before returning.
     *
     * @param reply where an answer goes, when the sender asked for one (a response topic)
     */
    void message(String topic, byte[] payload, boolean retained, @Nullable Reply reply);
  }

  public HubLink(Settings settings, Listener listener) {
    this.settings = settings;
    this.listener = listener;
    this.loop =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("hub-link-" + settings.clientId()).daemon().unstarted(r));
  }

  /** Starts connecting in the background; returns at once. */
  public void start() {
    if (started) {
      throw new IllegalStateException("link already started");
    }
    MqttAsyncClient made;
    try {
      made =
          new MqttAsyncClient(settings.brokerUri(), settings.clientId(), new MemoryPersistence());
    } catch (MqttException e) {
      throw new IllegalArgumentException(
          "cannot use broker address '" + settings.brokerUri() + "': " + e.getMessage(), e);
    }
    made.setCallback(new Callback());
    client = made;
    started = true;
    loop.execute(this::attemptConnect);
  }

  /** The client {@link #start()} made: for what runs once the link has started. */
  private MqttAsyncClient made() {
    MqttAsyncClient c = client;
    if (c == null) {
      throw new IllegalStateException("the link to " + settings.brokerUri() + " was not started");
    }
    return c;
  }

  public boolean isConnected() {
    MqttAsyncClient c = client;
    return c != null && c.isConnected();
  }

  /**
   * Publishes if connected; the future fails at once when not connected. It completes when the
   * broker has taken the message (on PUBACK for QoS 1) with the acknowledgement's reason code: 0,
   * or {@link #NO_MATCHING_SUBSCRIBERS} when nobody subscribes to the topic. A refusal (0x80 or
   * more) fails it.
   *
   * <p>Paced by {@link PublishWindow}: at most the broker's Receive Maximum of publishes are in
   * flight, and the caller waits here for a free slot (at most 10 s).
   */
  public CompletableFuture<Integer> publish(Message message) {
    return send(
        message, new MqttMessage(message.payload(), message.qos(), message.retained(), null));
  }

  /**
   * Answers a request on its response topic (QoS 1, not retained) with its correlation data, paced
   * like every publish.
   */
  public CompletableFuture<Integer> reply(Reply to, byte[] payload) {
    MqttProperties properties = new MqttProperties();
    if (to.correlationData().length > 0) {
      properties.setCorrelationData(to.correlationData());
    }
    Message message = new Message(to.topic(), payload, 1, false);
    return send(message, new MqttMessage(payload, 1, false, properties));
  }

  private CompletableFuture<Integer> send(Message message, MqttMessage mqtt) {
    if (closed || !isConnected()) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("not connected to " + settings.brokerUri()));
    }
    MqttAsyncClient paho = made();
    return window.publish(
        message.topic(),
        message.qos(),
        answer ->
            paho.publish(
                message.topic(),
                mqtt,
                null,
                new MqttActionListener() {
                  @Override
                  public void onSuccess(IMqttToken token) {
                    answer.complete(PublishWindow.worst(token.getReasonCodes()));
                  }

                  @Override
                  public void onFailure(IMqttToken token, Throwable e) {
                    answer.completeExceptionally(e);
                  }
                }));
  }

  private void attemptConnect() {
    if (closed) {
      return;
    }
    long me;
    synchronized (this) {
      me = ++tries;
      live = me;
    }
    MqttConnectionOptions options = new MqttConnectionOptions();
    long delay = settings.willDelay().toSeconds();
    // Always a clean start: resuming a session makes Paho resend in-flight publishes with the old
    // connection's topic aliases, which HiveMQ refuses (reason 148); the outbox resends them
    // anyway.
    // So a reconnect ends the old session and the broker sends its (delayed) will at once, just
    // before the new ONLINE state: the hub rides out such a blip (FleetOverview.GRACE).
    options.setCleanStart(true);
    options.setSessionExpiryInterval(delay == 0 ? 0L : delay + 5);
    options.setAutomaticReconnect(false);
    options.setKeepAliveInterval((int) settings.keepAlive().toSeconds());
    options.setConnectionTimeout((int) Math.max(1, settings.connectTimeout().toSeconds()));
    if (NoDelaySocketFactory.serves(settings.brokerUri())) {
      // QoS 1 acknowledgements leave at once instead of waiting on a delayed TCP ACK.
      options.setSocketFactory(NoDelaySocketFactory.get());
    } else if (settings.tls() != null && settings.brokerUri().startsWith("ssl://")) {
      options.setSocketFactory(NoDelaySocketFactory.tls(settings.tls()));
    }
    Credentials credentials = settings.credentials().get();
    if (credentials != null) {
      options.setUserName(credentials.username());
      options.setPassword(credentials.password());
    }
    Message will = settings.will().get();
    if (will != null) {
      options.setWill(
          will.topic(), new MqttMessage(will.payload(), will.qos(), will.retained(), null));
      if (delay > 0) {
        MqttProperties willProperties = new MqttProperties();
        willProperties.setWillDelayInterval(delay);
        options.setWillMessageProperties(willProperties);
      }
    }
    MqttAsyncClient paho = made();
    try {
      paho.connect(
          options,
          null,
          new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              // A fresh window per connection: slots of publishes lost with the old one come back.
              window.open(
                  token.getResponseProperties() == null
                      ? null
                      : token.getResponseProperties().getReceiveMaximum());
              loop.execute(() -> subscribe(me));
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
              int code = e instanceof MqttException m ? m.getReasonCode() : 0;
              if (code == BAD_CREDENTIALS || code == NOT_AUTHORIZED) {
                try {
                  listener.credentialsRefused(code);
                } catch (RuntimeException failure) {
                  LOG.error("the link listener failed on refused credentials", failure);
                }
              }
              connectionFailed(
                  me,
                  "connect to "
                      + settings.brokerUri()
                      + " failed: "
                      + describe(e)
                      + (code == BAD_CREDENTIALS || code == NOT_AUTHORIZED
                          ? " (credentials refused)"
                          : ""));
            }
          });
    } catch (MqttException e) {
      connectionFailed(me, "connect to " + settings.brokerUri() + " failed: " + describe(e));
    }
  }

  /**
   * Tries to connect now rather than after the back-off (new credentials just arrived); nothing
   * when connected, or before {@link #start()}.
   */
  public void retryNow() {
    if (!started || closed) {
      return;
    }
    try {
      loop.execute(
          () -> {
            ScheduledFuture<?> waiting = pending;
            if (!isConnected() && waiting != null && waiting.cancel(false)) {
              pending = null;
              attemptConnect();
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closing
    }
  }

  private void subscribe(long me) {
    if (closed || !isLive(me)) {
      return;
    }
    if (settings.subscriptions().isEmpty()) {
      onSubscribed(me);
      return;
    }
    MqttSubscription[] subscriptions =
        settings.subscriptions().stream()
            .map(filter -> new MqttSubscription(filter, 1))
            .toArray(MqttSubscription[]::new);
    MqttAsyncClient paho = made();
    try {
      paho.subscribe(
          subscriptions,
          null,
          new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              int[] codes = token.getReasonCodes();
              for (int i = 0; codes != null && i < codes.length; i++) {
                if (codes[i] >= 0x80) {
                  LOG.error(
                      "the broker refused subscription {} with reason code 0x{}; disconnecting",
                      settings
                          .subscriptions()
                          .get(Math.min(i, settings.subscriptions().size() - 1)),
                      Integer.toHexString(codes[i]));
                  dropAndRetry(me, "subscription refused");
                  return;
                }
              }
              onSubscribed(me);
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
              dropAndRetry(me, "subscribe failed: " + describe(e));
            }
          },
          new MqttProperties());
    } catch (MqttException e) {
      dropAndRetry(me, "subscribe failed: " + describe(e));
    }
  }

  private synchronized boolean isLive(long which) {
    return which != 0 && which == live;
  }

  private void onSubscribed(long me) {
    if (!isLive(me)) {
      return;
    }
    attempt = 0;
    LOG.info("connected to {} as {}", settings.brokerUri(), settings.clientId());
    try {
      listener.connected();
    } catch (RuntimeException e) {
      LOG.error("the link listener failed on connect", e);
    }
  }

  private void dropAndRetry(long which, String reason) {
    try {
      made().disconnectForcibly(0, CLOSE_WAIT_MILLIS, false);
    } catch (MqttException e) {
      LOG.debug("forced disconnect: {}", e.getMessage());
    }
    connectionFailed(which, reason);
  }

  private void connectionFailed(long which, String reason) {
    if (closed) {
      return;
    }
    synchronized (this) {
      if (which == 0 || which != live) {
        LOG.debug("{} (already handled)", reason);
        return;
      }
      live = 0;
    }
    attempt++;
    Duration delay = settings.reconnect().delay(attempt, ThreadLocalRandom.current());
    if (attempt == 1 || attempt % 10 == 0) {
      LOG.warn("{}; attempt {} follows in {} ms", reason, attempt + 1, delay.toMillis());
    } else {
      LOG.debug("{}; attempt {} follows in {} ms", reason, attempt + 1, delay.toMillis());
    }
    try {
      listener.disconnected(reason);
    } catch (RuntimeException e) {
      LOG.error("the link listener failed on disconnect", e);
    }
    try {
      pending = loop.schedule(this::attemptConnect, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closing
    }
  }

  private static String describe(Throwable e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    String message = cause.getMessage();
    return message == null ? cause.getClass().getSimpleName() : message;
  }

  /**
   * Says goodbye if connected ({@code farewell}, e.g. an offline state, so the will is not needed),
   * disconnects and stops reconnecting. Waits at most a few seconds.
   */
  public void close(@Nullable Message farewell) {
    if (closed) {
      return;
    }
    if (farewell != null && isConnected()) {
      try {
        publish(farewell).get(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        LOG.warn("could not say goodbye to the hub: {}", describe(e));
      }
    }
    closed = true;
    window.close();
    loop.shutdownNow();
    MqttAsyncClient c = client;
    if (c == null) {
      // Never started: no client to close.
      return;
    }
    try {
      if (c.isConnected()) {
        // In this thread, bounded: Paho's asynchronous disconnect quiesces in a thread of its own,
        // which the close below would race (a NullPointerException in ClientState.quiesce).
        c.disconnectForcibly(CLOSE_WAIT_MILLIS, CLOSE_WAIT_MILLIS, true);
      }
    } catch (MqttException e) {
      LOG.debug("disconnect: {}", e.getMessage());
    }
    try {
      c.close(true);
    } catch (MqttException e) {
      LOG.debug("close: {}", e.getMessage());
    }
    try {
      loop.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    close(null);
  }

  private final class Callback implements MqttCallback {
    @Override
    public void disconnected(MqttDisconnectResponse response) {
      if (closed) {
        return;
      }
      String reason =
          response.getException() != null
              ? describe(response.getException())
              : "the broker disconnected (reason code " + response.getReturnCode() + ")";
      long which;
      synchronized (HubLink.this) {
        which = live;
      }
      loop.execute(
          () ->
              connectionFailed(
                  which, "connection to " + settings.brokerUri() + " lost: " + reason));
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
      LOG.warn("MQTT error: {}", describe(exception));
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      try {
        MqttProperties properties = message.getProperties();
        Reply reply =
            properties == null
                    || properties.getResponseTopic() == null
                    || properties.getResponseTopic().isBlank()
                ? null
                : new Reply(properties.getResponseTopic(), properties.getCorrelationData());
        listener.message(topic, message.getPayload(), message.isRetained(), reply);
      } catch (RuntimeException e) {
        // A listener failure must not kill Paho's callback thread (it would drop the connection).
        LOG.error("handling a message on {} failed", topic, e);
      }
    }

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }
}
