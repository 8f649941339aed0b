package liaison.kiosk.app;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import liaison.hub.broker.BrokerClient;
import liaison.hub.broker.HubAccount;
import liaison.signage.player.StationConfig;
import liaison.signage.player.StationRuntime;
import liaison.signage.protocol.GoldenFiles;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.Topic;
import liaison.signage.transport.NoDelaySocketFactory;
import liaison.signage.transport.PublishWindow;
import liaison.testkit.Benchmarks;
import liaison.testkit.TestBroker;
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
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Time from the hub's publish of a snapshot to the station having stored it (SQLite, FULL sync),
 * beside the raw round trip of the same payload between two bare Paho clients on the same broker,
 * in the same run. Prints p50/p99 and their ratio; asserts nothing about time.
 *
 * <p>Run with {@code ./liaison bench}.
 */
class PublishToStoreBenchmark {
  private static final int WARMUP = Benchmarks.count(100, 1);
  private static final int UPDATES = Benchmarks.count(1_000, 3);

  /** Under {@code liaison/}, where the hub's account may publish; no station reads it. */
  private static final String RAW_TOPIC = "liaison/bench/raw";

  @TempDir Path dir;

  @Test
  void publishToStored() throws Exception {
    int mqttPort = TestBroker.freePort();
    long[] raw;
    long[] station;
    byte[] sample = ProtocolCodec.encode(GoldenFiles.contentWithVersion(1));
    try (ApplicationContext hub = DemoHubs.start(dir.resolve("hub"), mqttPort)) {
      BrokerClient broker = hub.getBean(BrokerClient.class);
      String uri = "tcp://127.0.0.1:" + mqttPort;
      Benchmarks.waitUntil(broker::isConnected, "the hub's client to connect");
      raw = rawRoundTrips(uri, sample, hub.getBean(HubAccount.class));
      station = hubToStation(hub, broker, uri);
    }
    long[] notice = noticeToStation();

    String report =
        Benchmarks.table(
            "publish → stored, "
                + UPDATES
                + " snapshots of "
                + sample.length
                + " bytes, QoS 1 retained;"
                + " then "
                + NOTICE_EDITS
                + " notice edits saved over HTTP",
            List.of(
                new Benchmarks.Series("bare Paho pair, publish → messageArrived", raw),
                new Benchmarks.Series("hub publish → station stored (SQLite)", station),
                new Benchmarks.Series("notice saved in the admin API → station stored", notice)));
    Benchmarks.record("publish-to-store", report);
  }

  private static final int NOTICE_EDITS = Benchmarks.count(200, 3);
  private static final int NOTICE_WARMUP = Benchmarks.count(20, 1);

  /**
   * A staff member changes a notice through the API (session cookie and CSRF header, as the admin
   * page's script-free form does through its own route); the time runs until the station has stored
   * the snapshot with the new title. Idle system: one edit at a time.
   */
  private long[] noticeToStation() throws Exception {
    int mqttPort = TestBroker.freePort();
    try (ApplicationContext hub = DemoHubs.start(dir.resolve("hub-demo"), mqttPort)) {
      io.micronaut.runtime.server.EmbeddedServer server =
          hub.getBean(io.micronaut.runtime.server.EmbeddedServer.class);
      server.start();
      int port = server.getPort();
      java.net.http.HttpClient http =
          java.net.http.HttpClient.newBuilder()
              .cookieHandler(new java.net.CookieManager())
              .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
              .build();
      String base = "http://127.0.0.1:" + port;
      http.send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(
                  java.net.http.HttpRequest.BodyPublishers.ofString(
                      "username=chengguan&password=" + liaison.hub.demo.DemoCounty.PASSWORD))
              .build(),
          java.net.http.HttpResponse.BodyHandlers.discarding());
      String page =
          http.send(
                  java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/admin"))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString())
              .body();
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("_csrf=([A-Za-z0-9_-]+)").matcher(page);
      if (!m.find()) {
        throw new IllegalStateException("not logged in");
      }
      String csrf = m.group(1);

      BlockingQueue<String> storedTitles = new java.util.concurrent.LinkedBlockingQueue<>();
      StationConfig config =
          EnrolledStations.enrolled(
              hub,
              StationConfig.of(
                  "s-001", "tcp://127.0.0.1:" + mqttPort, dir.resolve("station-demo")));
      try (StationRuntime runtime =
          StationRuntime.open(config, Clock.system(ZoneId.of("Asia/Shanghai")))) {
        runtime
            .feed()
            .content()
            .watch(
                c ->
                    c.ifPresent(
                        content -> content.notices().forEach(n -> storedTitles.offer(n.title()))));
        runtime.start();
        Benchmarks.waitUntil(
            () ->
                runtime.presence().displayedVersion() > 0
                    || runtime.feed().content().get().isPresent(),
            "the station's first snapshot");
        String until =
            java.time.OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        String id = null;
        long[] nanos = new long[NOTICE_EDITS];
        for (int i = 0; i < NOTICE_EDITS + NOTICE_WARMUP; i++) {
          String title = "基准公告 " + i;
          String body =
              "{\"title\":\""
                  + title
                  + "\",\"body\":\"基准测试\",\"priority\":\"NORMAL\",\"validUntil\":\""
                  + until
                  + "\",\"target\":\"STATIONS\",\"stationIds\":[\"s-001\"]}";
          storedTitles.clear();
          long start = System.nanoTime();
          var request =
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create(base + "/api/notices" + (id == null ? "" : "/" + id)))
                  .header("Content-Type", "application/json")
                  .header("X-CSRF-Token", csrf)
                  .method(
                      id == null ? "POST" : "PUT",
                      java.net.http.HttpRequest.BodyPublishers.ofString(body))
                  .build();
          var answer = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
          if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                "notice save answered " + answer.statusCode() + ": " + answer.body());
          }
          if (id == null) {
            java.util.regex.Matcher idm =
                java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"").matcher(answer.body());
            idm.find();
            id = idm.group(1);
          }
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
          while (true) {
            String seen =
                storedTitles.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (seen == null) {
              throw new IllegalStateException(
                  "edit " + i + " did not reach the station within 15 s");
            }
            if (seen.equals(title)) {
              break;
            }
          }
          if (i >= NOTICE_WARMUP) {
            nanos[i - NOTICE_WARMUP] = System.nanoTime() - start;
          }
        }
        return nanos;
      }
    }
  }

  /**
   * The hub's own client publishes each version; the station's runtime reports it stored. The
   * station logs in with a credential of its own (the broker admits no one without), and the
   * versions start above the demo hub's own snapshot, which the station holds before the first.
   */
  private long[] hubToStation(ApplicationContext hub, BrokerClient broker, String uri)
      throws Exception {
    StationConfig config =
        EnrolledStations.enrolled(hub, StationConfig.of("s-001", uri, dir.resolve("station")));
    BlockingQueue<Long> storedAt = new ArrayBlockingQueue<>(16);
    try (StationRuntime runtime =
        StationRuntime.open(config, Clock.system(ZoneId.of("Asia/Shanghai")))) {
      runtime
          .feed()
          .content()
          .watch(
              c ->
                  c.map(StationContent::version).ifPresent(v -> storedAt.offer(System.nanoTime())));
      runtime.start();
      Benchmarks.waitUntil(
          () ->
              runtime.presence().link().get().state()
                  == liaison.signage.player.LinkStatus.State.ONLINE,
          "the station to connect");
      Benchmarks.waitUntil(
          () -> runtime.feed().content().get().isPresent(), "the hub's own snapshot of s-001");
      long first = runtime.feed().content().get().orElseThrow().version();
      storedAt.clear();
      String topic = Topic.stationContent("s-001").toString();
      long[] nanos = new long[UPDATES];
      for (int i = 0; i < WARMUP + UPDATES; i++) {
        byte[] payload = ProtocolCodec.encode(GoldenFiles.contentWithVersion(first + i + 1));
        long start = System.nanoTime();
        broker.publish(topic, payload, 1, true).get(10, TimeUnit.SECONDS);
        Long stored = storedAt.poll(10, TimeUnit.SECONDS);
        if (stored == null) {
          throw new IllegalStateException(
              "version " + (first + i + 1) + " was not stored within 10 s");
        }
        if (i >= WARMUP) {
          nanos[i - WARMUP] = stored - start;
        }
      }
      return nanos;
    }
  }

  /**
   * Two bare Paho clients, the same payload and QoS: the floor the broker and client set. They log
   * in with the hub's account, the one that may use a topic outside the stations' own.
   */
  private static long[] rawRoundTrips(String uri, byte[] payload, HubAccount account)
      throws Exception {
    BlockingQueue<Long> arrivedAt = new ArrayBlockingQueue<>(16);
    MqttAsyncClient subscriber = new MqttAsyncClient(uri, "bench-raw-sub", new MemoryPersistence());
    MqttAsyncClient publisher = new MqttAsyncClient(uri, "bench-raw-pub", new MemoryPersistence());
    try {
      subscriber.setCallback(
          new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
              arrivedAt.offer(System.nanoTime());
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
          });
      MqttConnectionOptions options = new MqttConnectionOptions();
      options.setSocketFactory(NoDelaySocketFactory.get());
      options.setUserName(account.username());
      options.setPassword(account.password());
      subscriber.connect(options).waitForCompletion(10_000);
      IMqttToken connected = publisher.connect(options);
      connected.waitForCompletion(10_000);
      // Paced as the hub's client is: even one awaited publish at a time meets Paho's 32202 now and
      // then, since Paho frees its slot only after it has reported the acknowledgement.
      PublishWindow pacing =
          new PublishWindow(
              PublishWindow.UNSTATED_RECEIVE_MAXIMUM,
              e ->
                  e instanceof MqttException m
                      && m.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT);
      pacing.open(
          connected.getResponseProperties() == null
              ? null
              : connected.getResponseProperties().getReceiveMaximum());
      subscriber.subscribe(RAW_TOPIC, 1).waitForCompletion(10_000);
      long[] nanos = new long[UPDATES];
      for (int i = 0; i < WARMUP + UPDATES; i++) {
        long start = System.nanoTime();
        pacing
            .publish(
                RAW_TOPIC,
                1,
                answer ->
                    publisher.publish(
                        RAW_TOPIC,
                        new MqttMessage(payload, 1, true, null),
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
            .get(10, TimeUnit.SECONDS);
        Long arrived = arrivedAt.poll(10, TimeUnit.SECONDS);
        if (arrived == null) {
          throw new IllegalStateException("raw message " + i + " did not arrive within 10 s");
        }
        if (i >= WARMUP) {
          nanos[i - WARMUP] = arrived - start;
        }
      }
      return nanos;
    } finally {
      for (MqttAsyncClient c : Arrays.asList(publisher, subscriber)) {
        if (c.isConnected()) {
          c.disconnect().waitForCompletion(5_000);
        }
        c.close(true);
      }
    }
  }
}
