package liaison.hub.publish;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import liaison.hub.ChildJvm;
import liaison.hub.OnBothStores;
import liaison.hub.RunningHub;
import liaison.hub.TestDatabases;
import liaison.hub.broker.BrokerClient;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.ingest.PublishingRound;
import liaison.hub.notice.NoticeDraft;
import liaison.hub.notice.NoticeService;
import liaison.hub.security.Role;
import liaison.hub.security.Staff;
import liaison.hub.station.PublicTokens;
import liaison.hub.station.Station;
import liaison.hub.station.StationRepository;
import liaison.signage.protocol.MqttPasswordHash;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationKind;
import liaison.signage.protocol.Topic;
import liaison.signage.transport.NoDelaySocketFactory;
import liaison.signage.transport.PublishWindow;
import liaison.testkit.Benchmarks;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * Issue 22's first must-show, measured: a county of 10,000 stations (override with {@code
 * -Dliaison.bench.publish.stations=N}), every one connected as itself and subscribed to its content
 * topic in a child JVM ({@link SimulatedScreens}). Baseline, in the same run: a bare Paho publisher
 * with the hub's account sends the stations' stored snapshots (precomputed) under each station's
 * next version, retained, QoS 1, pipelined within the broker's Receive Maximum by the hub's own
 * {@link PublishWindow}, until every station has received its own. Then the hub: a county-wide
 * notice saved through {@link NoticeService#create} until every station has received a snapshot
 * carrying it. One warm-up round of each first, then {@link #ROUNDS} measured rounds, bare and hub
 * taking turns, on SQLite and on PostgreSQL. Prints each round's times, its ratio and the hub's own
 * log line, and the median of the measured rounds' ratios (the verdict); asserts nothing about
 * time.
 *
 * <p>The screens report each new version they show, as real stations do, and every round waits for
 * the hub to have taken in all of them (the notices they carried turned into delivery receipts)
 * before the next; each round prints how long that took and the receipts and notice rows kept.
 *
 * <p>The baseline's versions are new to the stations so that they do in it what they do in the
 * hub's round: the screens share the two cores with the hub and the broker, and 10,000 reports cost
 * their JVM about 0.8 CPU seconds a round, which a baseline of versions already shown (none
 * reported) left to the hub's side alone. That baseline is still measured before each round and
 * printed beside the verdict ("resend", "hub/resend"). The hub's ingest holds the bare round's
 * reports back while it sends ({@link PublishingRound}), as it holds the hub's while the hub builds
 * its round, and each round waits for them to be stored before the hub's.
 */
@OnBothStores
class PublishRoundBenchmark {
  private static final int STATIONS =
      Benchmarks.count(Integer.getInteger("liaison.bench.publish.stations", 10_000), 5);
  private static final String COUNTY = "c-round";

  /** How often the stations reported shown are counted: "reported after" is to this much. */
  private static final long REPORTED_EVERY_MILLIS = 200;

  /**
   * Measured rounds after the warm-up ({@code -Dliaison.bench.publish.rounds=N}), bare and hub
   * taking turns: the bare publisher's own time moves by half from one quiet run to the next, so
   * the verdict is the median of the rounds' ratios, each hub round against the bare round just
   * before it.
   */
  private static final int ROUNDS =
      Benchmarks.count(Integer.getInteger("liaison.bench.publish.rounds", 3), 1);

  @Parameter TestDatabases.Store store;
  @TempDir Path dir;

  static String stationId(int s) {
    return String.format("s-r%05d", s);
  }

  @Test
  void countyWideNotice() throws Exception {
    try (RunningHub hub =
        RunningHub.start(
            dir,
            store,
            Map.of("hub.demo", "never", "hub.mqtt.security.connects-per-address", 10 * STATIONS))) {
      Benchmarks.waitUntil(() -> hub.bean(BrokerClient.class).isConnected(), "the hub's client");
      String password = MqttPasswordHash.newPassword();
      fill(hub, MqttPasswordHash.hash(password));
      if (store == TestDatabases.Store.POSTGRESQL) {
        hub.bean(Database.class).useHandle(h -> h.execute("ANALYZE"));
      }
      ContentPublisher publisher = hub.bean(ContentPublisher.class);
      PublicationRepository publications = hub.bean(PublicationRepository.class);
      publisher.allChanged();
      waitLong(
          () ->
              count(hub.bean(Database.class), "station_publication") == STATIONS
                  && publisher.idle(),
          "the first " + STATIONS + " publications");
      Staff admin =
          new Staff("u-round", "u-round", "县管理员", Role.COUNTY_ADMIN, COUNTY, null, Set.of());
      NoticeService notices = hub.bean(NoticeService.class);

      try (Screens screens = Screens.start(dir, hub.brokerUri(), password);
          BarePublisher bare = BarePublisher.connect(hub)) {
        long connectMillis = screens.await("connectMillis");
        Database database = hub.bean(Database.class);
        waitLong(
            () -> reported(database) == STATIONS,
            "every station's first version reported shown",
            REPORTED_EVERY_MILLIS);
        PublishingRound held = hub.bean(PublishingRound.class);
        List<Round> resendRounds = new ArrayList<>();
        List<Round> bareRounds = new ArrayList<>();
        List<Round> hubRounds = new ArrayList<>();
        List<String> roundLines = new ArrayList<>();
        List<String> receiptLines = new ArrayList<>();
        for (int round = 0; round <= ROUNDS; round++) {
          // The snapshots the stations hold, sent again: nothing new to them, so none reports.
          List<PublishedPayload> payloads =
              publications.all().stream()
                  .map(p -> new PublishedPayload(p.stationId(), p.payload()))
                  .toList();
          screens.expect("");
          long t0 = nowMicros();
          bare.sendAll(payloads);
          resendRounds.add(new Round(t0, screens.arrivals()));

          // The same snapshots under each station's next version: new to the stations, so each
          // reports it as it does the hub's, and the hub's ingest holds the reports back while the
          // bare publisher sends, as it does while the hub builds a round.
          List<PublishedPayload> newer = nextVersions(database, publications);
          screens.expect("");
          held.begin();
          long tb = nowMicros();
          try {
            bare.sendAll(newer);
            bareRounds.add(new Round(tb, screens.arrivals()));
          } finally {
            held.end();
          }
          waitLong(
              () -> reportedNewest(database) == STATIONS,
              "every station's bare version reported shown",
              REPORTED_EVERY_MILLIS);

          String marker = "round-" + round + "-" + System.nanoTime();
          screens.expect(marker);
          long t1 = nowMicros();
          notices.create(
              admin,
              new NoticeDraft(
                  "全县通知 " + marker, "本月起接待日调整为每周二。", "NORMAL", null, null, "ALL", null, null));
          hubRounds.add(new Round(t1, screens.arrivals()));
          waitLong(publisher::idle, "the publisher to finish its round");
          roundLines.add(publisher.lastRound());
          waitLong(
              () -> reported(database) == STATIONS,
              "every station's new version reported shown",
              REPORTED_EVERY_MILLIS);
          receiptLines.add(
              String.format(
                  "%.2f s | %,d | %,d",
                  (nowMicros() - t1) / 1e6,
                  count(database, "notice_receipt"),
                  count(database, "publication_notice")));
        }
        List<Double> ratios = new ArrayList<>();
        List<Double> resendRatios = new ArrayList<>();
        StringBuilder rounds = new StringBuilder();
        rounds.append(
            String.format(
                "| %-22s | %10s | %10s | %10s | %8s | %9s | %9s | %11s | %s | %s%n",
                "round",
                "resend (s)",
                "bare (s)",
                "hub (s)",
                "hub/bare",
                "p50/base",
                "p99/base",
                "hub/resend",
                "all shown reported after | receipts | notice rows",
                "hub's log line (build, record, queue)"));
        for (int round = 0; round <= ROUNDS; round++) {
          Round r = resendRounds.get(round);
          Round b = bareRounds.get(round);
          Round h = hubRounds.get(round);
          double ratio = h.seconds() / b.seconds();
          if (round > 0) {
            ratios.add(ratio);
            resendRatios.add(h.seconds() / r.seconds());
          }
          rounds.append(
              String.format(
                  "| %-22s | %10.2f | %10.2f | %10.2f | %8.2f | %9.2f | %9.2f | %11.2f | %s | %s%n",
                  round == 0 ? "warm-up" : "measured " + round,
                  r.seconds(),
                  b.seconds(),
                  h.seconds(),
                  ratio,
                  h.quantile(0.50) / b.quantile(0.50),
                  h.quantile(0.99) / b.quantile(0.99),
                  h.seconds() / r.seconds(),
                  receiptLines.get(round),
                  roundLines.get(round)));
        }
        double median = median(ratios);
        Round base = bareRounds.getLast();
        Round hubRound = hubRounds.getLast();
        String report =
            Benchmarks.table(
                    String.format(
                        "%,d stations connected as themselves (child JVM), QoS 1 subscribers, hub"
                            + " on %s; from the start of the round to each station receiving its"
                            + " snapshot",
                        STATIONS, store),
                    List.of(
                        new Benchmarks.Series(
                            "bare publisher: new versions, pipelined", base.delays()),
                        new Benchmarks.Series(
                            "hub: county notice saved → snapshot with it", hubRound.delays())))
                + String.format(
                    "| %-44s | %10s | %12s | %8s |%n",
                    "round, until the last station", "seconds", "stations/s", "ratio")
                + line("bare, versions already shown (last round)", resendRounds.getLast(), null)
                + line("bare publisher (warm-up round)", bareRounds.getFirst(), null)
                + line("bare publisher (last round)", base, null)
                + line("hub (warm-up round)", hubRounds.getFirst(), bareRounds.getFirst())
                + line("hub (last round)", hubRound, base)
                + String.format(
                    "%neach round: the snapshots resent (versions the stations show, none reports),"
                        + " the bare publisher (new versions, every station reports), the hub"
                        + " against the bare round just before it:%n")
                + rounds
                + String.format(
                    "%nverdict: hub / bare, median of %d measured rounds: %.2f× (%s 2×)%n",
                    ratios.size(), median, median <= 2 ? "within" : "NOT within")
                + String.format(
                    "beside it: hub / resend (no station reporting in the baseline), median: %.2f×%n",
                    median(resendRatios))
                + String.format(
                    "stations connected and holding their snapshots in %,d ms%n", connectMillis);
        Benchmarks.record("publish-round-" + store.name().toLowerCase(Locale.ROOT), report);
      }
    }
  }

  private static String line(String label, Round round, Round base) {
    return String.format(
        "| %-44s | %10.2f | %12.0f | %8s |%n",
        label,
        round.seconds(),
        STATIONS / round.seconds(),
        base == null ? "baseline" : String.format("%.2f", round.seconds() / base.seconds()));
  }

  /**
   * Each station's stored snapshot under its next version, taken as the hub's publisher takes it
   * ({@link PublicationRepository#nextVersions}), so that the hub's next round goes on above it;
   * built before the bare round starts, which sends them as they are.
   */
  private static List<PublishedPayload> nextVersions(
      Database database, PublicationRepository publications) {
    List<Publication> stored = publications.all();
    Map<String, Long> next =
        database.inTransaction(
            h ->
                PublicationRepository.nextVersions(
                    h, stored.stream().map(Publication::stationId).toList()));
    OffsetDateTime now = OffsetDateTime.now();
    return stored.stream()
        .map(
            p ->
                new PublishedPayload(
                    p.stationId(),
                    new String(
                        ProtocolCodec.encode(
                            ProtocolCodec.decode(
                                    p.payload().getBytes(StandardCharsets.UTF_8),
                                    StationContent.class)
                                .withVersion(next.get(p.stationId()), now)),
                        StandardCharsets.UTF_8)))
        .toList();
  }

  /** The stations that have reported showing the newest version given out for them. */
  private static int reportedNewest(Database database) {
    return database.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT COUNT(*) FROM station_version v
                      JOIN station_state s ON s.station_id = v.station_id
                                          AND s.content_version = v.last_version
                    """)
                .mapTo(Integer.class)
                .one());
  }

  /** The stations whose published version the hub has heard them report on screen. */
  private static int reported(Database database) {
    return database.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT COUNT(*) FROM station_publication p
                      JOIN station_version_shown v ON v.station_id = p.station_id AND v.version = p.version
                    """)
                .mapTo(Integer.class)
                .one());
  }

  private static long count(Database database, String table) {
    return database.withHandle(
        h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** When a round started and when each station received what it was waiting for (µs). */
  private record Round(long startMicros, long[] arrivals) {
    /** The delay by which this share of the stations had theirs, in seconds. */
    double quantile(double q) {
      long[] sorted = Arrays.stream(arrivals).sorted().toArray();
      int at = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
      return (sorted[Math.max(0, at)] - startMicros) / 1e6;
    }

    long[] delays() {
      return Arrays.stream(arrivals).map(a -> (a - startMicros) * 1_000).toArray();
    }

    double seconds() {
      return (Arrays.stream(arrivals).max().orElseThrow() - startMicros) / 1e6;
    }
  }

  private record PublishedPayload(String stationId, String payload) {}

  private static long nowMicros() {
    Instant t = Instant.now();
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
  }

  /** {@link Benchmarks#waitUntil} allows 30 s; a round of 10,000 at today's speed takes longer. */
  private static void waitLong(java.util.function.BooleanSupplier condition, String what)
      throws InterruptedException {
    waitLong(condition, what, 20);
  }

  /**
   * Waits for {@code condition}, looked at every {@code everyMillis}: the count of stations
   * reported shown joins 10,000 rows, every 20 ms it was a database backend's whole time while the
   * hub took the reports in (1,457 counts of about 10 ms in one PostgreSQL run).
   */
  private static void waitLong(
      java.util.function.BooleanSupplier condition, String what, long everyMillis)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("gave up waiting for " + what + " after 600 s");
      }
      Thread.sleep(everyMillis);
    }
  }

  /** The county, its stations and one credential hash for all of them, in one transaction. */
  private static void fill(RunningHub hub, String passwordHash) {
    StationRepository stations = hub.bean(StationRepository.class);
    String at = Sql.instant(OffsetDateTime.now());
    hub.bean(Database.class)
        .useTransaction(
            h -> {
              stations.insertCounty(h, COUNTY, "规模县");
              stations.insertTownship(h, "t-round", COUNTY, "规模镇");
              for (int s = 0; s < STATIONS; s++) {
                stations.insert(
                    h,
                    new Station(
                        stationId(s),
                        "t-round",
                        "规模站" + s,
                        StationKind.WORKSTATION,
                        "规模路" + s + "号",
                        "周一至周五 9:00—17:00",
                        "规模站" + s,
                        null,
                        null,
                        PublicTokens.next()));
                h.createUpdate(
                        """
                        INSERT INTO station_credential (station_id, password_hash, code, app_version, enrolled_at, enrolled_by)
                        VALUES (:station, :hash, 'PROVISIONED', '', :at, 'bench')
                        """)
                    .bind("station", stationId(s))
                    .bind("hash", passwordHash)
                    .bind("at", at)
                    .execute();
              }
            });
  }

  /** A bare Paho publisher with the hub's account, paced as the hub's client is. */
  private static final class BarePublisher implements AutoCloseable {
    private final MqttAsyncClient client;
    private final PublishWindow window =
        new PublishWindow(
            1000,
            e ->
                e instanceof MqttException m
                    && m.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT);

    private BarePublisher(MqttAsyncClient client) {
      this.client = client;
    }

    static BarePublisher connect(RunningHub hub) throws MqttException {
      MqttAsyncClient client =
          new MqttAsyncClient(hub.brokerUri(), "round-bare-publisher", new MemoryPersistence());
      MqttConnectionOptions options = new MqttConnectionOptions();
      options.setSocketFactory(NoDelaySocketFactory.get());
      options.setUserName(hub.hubUsername());
      options.setPassword(hub.hubPassword().getBytes(StandardCharsets.UTF_8));
      BarePublisher bare = new BarePublisher(client);
      IMqttToken token = client.connect(options);
      token.waitForCompletion(10_000);
      bare.window.open(
          token.getResponseProperties() == null
              ? null
              : token.getResponseProperties().getReceiveMaximum());
      return bare;
    }

    void sendAll(List<PublishedPayload> payloads) {
      List<CompletableFuture<Integer>> sent = new ArrayList<>();
      for (PublishedPayload p : payloads) {
        String topic = Topic.stationContent(p.stationId()).toString();
        MqttMessage message =
            new MqttMessage(p.payload().getBytes(StandardCharsets.UTF_8), 1, true, null);
        sent.add(
            window.publish(
                topic,
                1,
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
                        })));
      }
      CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
    }

    @Override
    public void close() throws MqttException {
      window.close();
      client.disconnect().waitForCompletion(5_000);
      client.close(true);
    }
  }

  /** The child JVM of {@link SimulatedScreens}: the same java and test class path as this test. */
  private static final class Screens implements AutoCloseable {
    private final Process process;
    private final Writer commands;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuffer log = new StringBuffer();

    private Screens(Process process) {
      this.process = process;
      this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      Thread.ofPlatform().daemon().name("screens-output").start(this::read);
    }

    static Screens start(Path dir, String brokerUri, String password) throws IOException {
      ProcessBuilder builder =
          ChildJvm.builder(
                  List.of("--sun-misc-unsafe-memory-access=allow", "-Dfile.encoding=UTF-8"),
                  SimulatedScreens.class.getName(),
                  List.of(brokerUri, Integer.toString(STATIONS), password))
              .directory(dir.toFile())
              .redirectErrorStream(true);
      return new Screens(builder.start());
    }

    private void read() {
      try (BufferedReader in =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          if (line.startsWith(SimulatedScreens.FIGURE)
              || line.startsWith(SimulatedScreens.ARRIVALS)) {
            lines.add(line);
          } else {
            log.append(line).append('\n');
          }
        }
      } catch (IOException e) {
        // the child ended
      }
    }

    private String next(String prefix) throws InterruptedException {
      String line = lines.poll(600, TimeUnit.SECONDS);
      if (line == null || !line.startsWith(prefix)) {
        throw new IllegalStateException(
            "the screens' JVM sent "
                + line
                + " where "
                + prefix
                + " was awaited (alive: "
                + process.isAlive()
                + "); its output:\n"
                + log);
      }
      return line.substring(prefix.length());
    }

    long await(String key) throws InterruptedException {
      return Long.parseLong(next(SimulatedScreens.FIGURE + key + "=").trim());
    }

    /** Asks the screens to note the first message holding {@code marker}; returns once ready. */
    void expect(String marker) throws IOException, InterruptedException {
      commands.write("expect " + marker + "\n");
      commands.flush();
      await("ready");
    }

    long[] arrivals() throws InterruptedException {
      return Arrays.stream(next(SimulatedScreens.ARRIVALS).split(","))
          .mapToLong(Long::parseLong)
          .toArray();
    }

    @Override
    public void close() throws InterruptedException {
      try {
        commands.write("end\n");
        commands.flush();
        commands.close();
      } catch (IOException e) {
        // already gone
      }
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
