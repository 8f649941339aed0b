package liaison.hub.broker;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import liaison.hub.config.MqttConfig;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's own MQTT client: publishes the stations' content and reads their states and events.
 *
 * <p>It keeps a persistent session (clean start off, session kept a day) and acknowledges a QoS 1
 * message only when its handler says it is stored ({@link Delivery#ack()}), so an event the broker
 * accepted from a station is not lost if the hub stops before storing it. Like the stations, it
 * runs its own reconnect loop: Paho's automatic reconnect never starts when the first connect fails
 * ({@link ReconnectPolicy}, as the stations). Publishes are paced to the broker's receive maximum
 * by {@link PublishWindow}, as the stations' are; a publish the broker refuses (reason 0x80 or
 * more) fails.
 */
@Context
public class BrokerClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BrokerClient.class);
  private static final long SESSION_EXPIRY_SECONDS = 24 * 3600;

  /** The most publishes in flight, whatever larger Receive Maximum a broker announces. */
  private static final int LARGEST_WINDOW = 1000;

  private static final ReconnectPolicy RECONNECT = ReconnectPolicy.DEFAULT;

  /**
   * A received message; call {@link #ack()} once it is safely handled (stored or rejected).
   *
   * @param correlationData the MQTT 5 correlation data, empty when none was sent
   */
  public record Delivery(
      String topic, byte[] payload, boolean retained, Runnable ack, byte[] correlationData) {
    public Delivery(String topic, byte[] payload, boolean retained, Runnable ack) {
      this(topic, payload, retained, ack, new byte[0]);
    }
  }

  /** Handles deliveries on one subscription; runs on the client's thread, so hand off quickly. */
  public interface Handler {
    void handle(Delivery delivery);
  }

  private record Subscription(String filter, Handler handler) {}

  private final MqttConfig config;
  private final BrokerSettings settings;
  private final HubAccount account;
  private final MqttAsyncClient client;
  private final ScheduledExecutorService loop;
  private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
  private final List<Runnable> connectListeners = new CopyOnWriteArrayList<>();

  /** Paces publishes to the broker's Receive Maximum; shared with the stations' link. */
  private final PublishWindow window =
      new PublishWindow(
          LARGEST_WINDOW,
          e ->
              e instanceof MqttException m
                  && m.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT);

  private volatile boolean closed;

  /**
   * What a publish's acknowledgement passes through before its caller hears of it: by default
   * nothing.
   */
  private volatile Function<String, CompletionStage<Void>> acknowledgements =
      topic -> CompletableFuture.completedFuture(null);

  private int attempt;

  public BrokerClient(
      MqttConfig config,
      BrokerSettings settings,
      HubAccount account,
      Optional<EmbeddedBroker> broker) {
    // The embedded broker, when there is one, is injected so that it starts first.
    this.config = config;
    this.settings = settings;
    this.account = account;
    try {
      this.client =
          new MqttAsyncClient(config.clientUri(), settings.clientId(), new MemoryPersistence());
    } catch (MqttException e) {
      throw new IllegalArgumentException(
          "cannot use broker address " + config.clientUri() + ": " + e.getMessage(), e);
    }
    client.setManualAcks(true);
    client.setCallback(new Callback());
    loop =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("hub-mqtt").daemon().unstarted(r));
  }

  @PostConstruct
  void start() {
    loop.execute(this::connect);
  }

  public String uri() {
    return config.clientUri();
  }

  public boolean isConnected() {
    return client.isConnected();
  }

  /** Subscribes now if connected, and again after every reconnect. */
  public void subscribe(String filter, Handler handler) {
    Subscription subscription = new Subscription(filter, handler);
    subscriptions.add(subscription);
    if (client.isConnected()) {
      loop.execute(() -> subscribeAll(List.of(subscription)));
    }
  }

  /**
   * Removes a subscription of this hub's broker session that the hub no longer makes (one an
   * earlier version made: the session keeps it across restarts). Waits up to 10 s.
   *
   * @throws IllegalStateException when not connected or the broker did not answer
   */
  public void unsubscribe(String filter) {
    if (closed || !client.isConnected()) {
      throw new IllegalStateException("not connected to the broker at " + config.clientUri());
    }
    try {
      client.unsubscribe(filter).waitForCompletion(10_000);
    } catch (MqttException e) {
      throw new IllegalStateException("unsubscribing " + filter + " failed: " + describe(e), e);
    }
  }

  /** Called after every (re)connect, once the subscriptions are in place. */
  public void onConnected(Runnable listener) {
    connectListeners.add(listener);
  }

  /**
   * Publishes, waiting for a free slot in the broker's receive window; fails at once when not
   * connected.
   */
  public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
    return send(topic, new MqttMessage(payload, qos, retained, null));
  }

  /**
   * Publishes an MQTT 5 request (QoS 1, not retained): the answer is asked for on {@code
   * responseTopic}, carrying {@code correlationData} back.
   */
  public CompletableFuture<Void> request(
      String topic, byte[] payload, String responseTopic, byte[] correlationData) {
    MqttProperties properties = new MqttProperties();
    properties.setResponseTopic(responseTopic);
    properties.setCorrelationData(correlationData);
    return send(topic, new MqttMessage(payload, 1, false, properties));
  }

  /**
   * For tests: each publish's caller hears of its acknowledgement only once the stage {@code gate}
   * gives for its topic completes (the broker's PUBACK itself comes as ever, and frees its slot in
   * the window). A test holds one station's acknowledgements back with it to see what the hub does
   * while a publish awaits its PUBACK; a gate that answers at once restores the default.
   */
  public void holdAcknowledgements(Function<String, CompletionStage<Void>> gate) {
    acknowledgements = gate;
  }

  /** This hub's client id: names its own response topic. */
  public String instance() {
    return settings.clientId();
  }

  private CompletableFuture<Void> send(String topic, MqttMessage message) {
    if (closed || !client.isConnected()) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("not connected to the broker at " + config.clientUri()));
    }
    return window
        .publish(
            topic,
            message.getQos(),
            answer ->
                client.publish(
                    topic,
                    message,
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
                    }))
        .thenCompose(code -> acknowledgements.apply(topic));
  }

  private void connect() {
    if (closed) {
      return;
    }
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(false);
    options.setSessionExpiryInterval(SESSION_EXPIRY_SECONDS);
    options.setAutomaticReconnect(false);
    options.setKeepAliveInterval(30);
    options.setConnectionTimeout(10);
    options.setUserName(account.username());
    options.setPassword(account.password());
    // Up to a whole batch of events in flight: the writer commits them at once, then acknowledges.
    options.setReceiveMaximum(settings.clientReceiveMaximum());
    if (NoDelaySocketFactory.serves(config.clientUri())) {
      // Without it a QoS 1 subscriber stalls at 50–250 messages/s: see NoDelaySocketFactory.
      options.setSocketFactory(NoDelaySocketFactory.get());
    }
    try {
      client.connect(
          options,
          null,
          new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              // A fresh window per connection: slots of publishes lost with the old one come back.
              int size =
                  window.open(
                      token.getResponseProperties() == null
                          ? null
                          : token.getResponseProperties().getReceiveMaximum());
              loop.execute(() -> connected(size));
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
              retry("connect to " + config.clientUri() + " failed: " + describe(e));
            }
          });
    } catch (MqttException e) {
      retry("connect to " + config.clientUri() + " failed: " + describe(e));
    }
  }

  private void connected(int windowSize) {
    attempt = 0;
    LOG.info(
        "hub connected to the broker at {} (publish window {})", config.clientUri(), windowSize);
    subscribeAll(subscriptions);
    for (Runnable listener : connectListeners) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        LOG.error("a connect listener failed", e);
      }
    }
  }

  private void subscribeAll(List<Subscription> which) {
    if (which.isEmpty()) {
      return;
    }
    MqttSubscription[] subs =
        which.stream()
            .map(s -> new MqttSubscription(s.filter(), 1))
            .toArray(MqttSubscription[]::new);
    try {
      IMqttToken token = client.subscribe(subs, null, null, new MqttProperties());
      token.waitForCompletion(10_000);
      int[] codes = token.getReasonCodes();
      for (int i = 0; codes != null && i < codes.length && i < which.size(); i++) {
        if (codes[i] >= 0x80) {
          LOG.error(
              "the broker refused the subscription {} (reason 0x{})",
              which.get(i).filter(),
              Integer.toHexString(codes[i]));
        }
      }
    } catch (MqttException e) {
      LOG.error("subscribing failed: {}", describe(e));
    }
  }

  private void retry(String reason) {
    if (closed) {
      return;
    }
    attempt++;
    // The stations' policy, jitter included: several hubs (or a hub and its tools) restarted with
    // the broker do not knock at the same instant.
    long delay = RECONNECT.delay(attempt, ThreadLocalRandom.current()).toMillis();
    if (attempt == 1 || attempt % 10 == 0) {
      LOG.warn("{}; retrying in {} ms", reason, delay);
    }
    try {
      loop.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // closing
    }
  }

  private static String describe(Throwable e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  private void ack(MqttMessage message) {
    if (message.getQos() == 0 || closed) {
      return;
    }
    try {
      client.messageArrivedComplete(message.getId(), message.getQos());
    } catch (MqttException e) {
      LOG.debug("ack of message {} failed: {}", message.getId(), describe(e));
    }
  }

  /**
   * Empties the broker session another hub left behind and ends it, so that what the broker kept
   * for that hub (its share of the stations' events, which Mosquitto goes on queueing for a member
   * of a shared subscription that has gone away) is stored by this one. Connects once under the
   * other hub's client id, which resumes its session; stops new messages reaching that session
   * (unsubscribes what a hub subscribes); hands every message the session held to this hub's own
   * handlers; sends itself a marker, which arrives after everything queued before it; and once all
   * of them are acknowledged (stored), ends the session (session expiry 0 on DISCONNECT).
   *
   * <p>A hub that comes back under that client id meanwhile takes its session over, and this
   * attempt ends with false; so does one that runs out of {@code patience}. Either way nothing is
   * lost: what was not acknowledged stays in the session, and events are stored once whichever hub
   * stores them.
   *
   * @return true when the session held nothing or was emptied and ended
   */
  public boolean drainSession(String clientId, java.time.Duration patience) {
    if (clientId.equals(instance())) {
      throw new IllegalArgumentException("a hub does not drain its own session");
    }
    long deadline = System.nanoTime() + patience.toNanos();
    String marker = "liaison/v1/hub/drain/" + clientId;
    java.util.concurrent.atomic.AtomicInteger handed =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger acked =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.CountDownLatch markerSeen = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.atomic.AtomicBoolean lost =
        new java.util.concurrent.atomic.AtomicBoolean();
    MqttAsyncClient drain;
    try {
      drain = new MqttAsyncClient(config.clientUri(), clientId, new MemoryPersistence());
    } catch (MqttException e) {
      throw new IllegalStateException(e);
    }
    drain.setManualAcks(true);
    drain.setCallback(
        new MqttCallback() {
          @Override
          public void disconnected(MqttDisconnectResponse response) {
            lost.set(true);
          }

          @Override
          public void mqttErrorOccurred(MqttException exception) {}

          @Override
          public void messageArrived(String topic, MqttMessage message) {
            Runnable ack =
                () -> {
                  try {
                    drain.messageArrivedComplete(message.getId(), message.getQos());
                  } catch (MqttException e) {
                    LOG.debug("ack while draining {}: {}", clientId, describe(e));
                  }
                  acked.incrementAndGet();
                };
            handed.incrementAndGet();
            if (topic.equals(marker)) {
              ack.run();
              markerSeen.countDown();
              return;
            }
            dispatch(
                new Delivery(
                    topic, message.getPayload(), message.isRetained(), ack, correlation(message)));
          }

          @Override
          public void deliveryComplete(IMqttToken token) {}

          @Override
          public void connectComplete(boolean reconnect, String serverUri) {}

          @Override
          public void authPacketArrived(int reasonCode, MqttProperties properties) {}
        });
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(false);
    // Kept as it was until it is empty: a drain cut short loses nothing.
    options.setSessionExpiryInterval(SESSION_EXPIRY_SECONDS);
    options.setAutomaticReconnect(false);
    options.setKeepAliveInterval(30);
    options.setConnectionTimeout(10);
    options.setUserName(account.username());
    options.setPassword(account.password());
    options.setReceiveMaximum(settings.clientReceiveMaximum());
    if (NoDelaySocketFactory.serves(config.clientUri())) {
      options.setSocketFactory(NoDelaySocketFactory.get());
    }
    boolean ended = false;
    try {
      IMqttToken connected = drain.connect(options);
      connected.waitForCompletion(millisLeft(deadline));
      boolean present = connected.getSessionPresent();
      if (present) {
        drain.subscribe(new MqttSubscription(marker, 1)).waitForCompletion(millisLeft(deadline));
        List<String> filters = new java.util.ArrayList<>();
        for (Subscription s : subscriptions) {
          filters.add(s.filter());
        }
        filters.add(liaison.signage.protocol.Topic.responsesFor(clientId));
        drain.unsubscribe(filters.toArray(String[]::new)).waitForCompletion(millisLeft(deadline));
        drain
            .publish(marker, new MqttMessage(new byte[0], 1, false, null))
            .waitForCompletion(millisLeft(deadline));
        while (!markerSeen.await(20, TimeUnit.MILLISECONDS) || acked.get() < handed.get()) {
          if (lost.get() || System.nanoTime() > deadline) {
            LOG.warn(
                "the session of hub {} was not emptied ({} of {} messages stored{}); trying again later",
                clientId,
                acked.get(),
                handed.get(),
                lost.get() ? ", the connection was taken over" : "");
            return false;
          }
        }
      }
      MqttProperties end = new MqttProperties();
      end.setSessionExpiryInterval(0L);
      drain.disconnect(2_000, null, null, 0, end).waitForCompletion(millisLeft(deadline));
      ended = true;
      if (present) {
        LOG.info(
            "the broker session hub {} left behind is emptied ({} messages stored by this hub) and ended",
            clientId,
            handed.get() - 1);
      }
      return true;
    } catch (MqttException e) {
      LOG.warn("the session of hub {} could not be emptied: {}", clientId, describe(e));
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      try {
        if (!ended && drain.isConnected()) {
          drain.disconnectForcibly(1_000, 1_000, true);
        }
        drain.close(true);
      } catch (MqttException e) {
        LOG.debug("closing the drain of {}: {}", clientId, describe(e));
      } catch (NullPointerException e) {
        // Paho 1.2.5: a close while the ending DISCONNECT above still quiesces in Paho's own thread
        // (its wait timed out) races it; the client is closed either way.
        LOG.debug("closing the drain of {}: Paho raced its own disconnect", clientId);
      }
    }
  }

  private static long millisLeft(long deadline) {
    return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
  }

  private static byte[] correlation(MqttMessage message) {
    return message.getProperties() == null || message.getProperties().getCorrelationData() == null
        ? new byte[0]
        : message.getProperties().getCorrelationData();
  }

  /** Hands a message to the handler of the first subscription it matches, or drops it acked. */
  private void dispatch(Delivery delivery) {
    for (Subscription s : subscriptions) {
      if (TopicFilter.matches(s.filter(), delivery.topic())) {
        try {
          s.handler().handle(delivery);
        } catch (RuntimeException e) {
          LOG.error(
              "handling a message on {} failed; acknowledged and dropped", delivery.topic(), e);
          delivery.ack().run();
        }
        return;
      }
    }
    LOG.warn("a message on {} matched no subscription; dropped", delivery.topic());
    delivery.ack().run();
  }

  @PreDestroy
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    window.close();
    loop.shutdownNow();
    try {
      if (client.isConnected()) {
        // In this thread, bounded: Paho's asynchronous disconnect quiesces in a thread of its own,
        // which a close while it still runs makes throw (ClientState.quiesce after close).
        client.disconnectForcibly(2_000, 2_000, true);
      }
      client.close(true);
    } catch (MqttException e) {
      LOG.debug("closing the hub's MQTT client: {}", describe(e));
    }
  }

  private final class Callback implements MqttCallback {
    @Override
    public void disconnected(MqttDisconnectResponse response) {
      String reason =
          response.getException() != null
              ? describe(response.getException())
              : "reason " + response.getReturnCode();
      try {
        loop.execute(() -> retry("connection to the broker lost: " + reason));
      } catch (RejectedExecutionException e) {
        // closing
      }
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
      LOG.warn("MQTT error: {}", describe(exception));
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      dispatch(
          new Delivery(
              topic,
              message.getPayload(),
              message.isRetained(),
              () -> ack(message),
              correlation(message)));
    }

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }
}
