package liaison.hub.ingest;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import liaison.hub.OnBothStores;
import liaison.hub.RunningHub;
import liaison.hub.StationsProcess;
import liaison.hub.TestDatabases;
import liaison.hub.db.Database;
import liaison.hub.enrolment.StationCredentialRepository;
import liaison.hub.notice.NoticeDraft;
import liaison.hub.notice.NoticeService;
import liaison.hub.opinion.Resident;
import liaison.hub.publish.ContentPublisher;
import liaison.hub.publish.PublicationRepository;
import liaison.hub.security.Role;
import liaison.hub.security.Staff;
import liaison.hub.station.StationRepository;
import liaison.signage.protocol.MqttPasswordHash;
import liaison.testkit.Benchmarks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.slf4j.LoggerFactory;

/**
 * Issue 22's soak: a hub serving 1,000 stations for 30 minutes ({@code
 * -Dliaison.bench.soak.minutes=N}), every station connected as itself in a child JVM ({@link
 * SoakStations}), subscribed to its content topic, sending a heartbeat every 30 s and an event
 * every 2 minutes; a county-wide notice saved through {@link NoticeService} every minute, each
 * followed until every station holds a snapshot carrying it; a resident's opinion over HTTP every 5
 * s. At the start (after a warm-up round), every 5 minutes and at the end it prints the hub JVM's
 * used heap after full collections, its live platform threads, its open file descriptors, the
 * database's size and the rows of the tables that grow; then the differences and a verdict. Fails
 * when a notice misses a station, an event is lost, an opinion is refused, a station loses its
 * connection or the hub logs an ERROR; the verdict on growth is printed, not asserted.
 */
@OnBothStores
class SoakBenchmark {
  private static final int STATIONS = Benchmarks.count(1_000, 3);
  private static final Duration RUN =
      Benchmarks.choose(
          Duration.ofMinutes(Integer.getInteger("liaison.bench.soak.minutes", 30)),
          Duration.ofSeconds(3));
  private static final Duration NOTICE_EVERY =
      Benchmarks.choose(Duration.ofMinutes(1), Duration.ofSeconds(1));
  private static final Duration HEARTBEAT_EVERY =
      Benchmarks.choose(Duration.ofSeconds(30), Duration.ofMillis(500));
  private static final Duration EVENT_EVERY =
      Benchmarks.choose(Duration.ofMinutes(2), Duration.ofMillis(700));
  private static final Duration OPINION_EVERY =
      Benchmarks.choose(Duration.ofSeconds(5), Duration.ofMillis(500));
  private static final Duration SAMPLE_EVERY =
      Benchmarks.choose(Duration.ofMinutes(5), Duration.ofHours(1));

  /** The tables a working county's hub adds rows to, counted in each sample. */
  private static final List<String> GROWING =
      List.of(
          "station_event",
          "station_version_shown",
          "notice",
          "notice_station",
          "station_version",
          "publication_notice",
          "publish_request",
          "opinion_case",
          "case_event",
          "throttle_hit",
          "audit_entry");

  /** Growth of the used heap after full collections still called flat: 8 MiB or 10 %. */
  private static final long HEAP_SLACK = 8L << 20;

  /** Growth of live threads and open descriptors still called flat: pools start lazily. */
  private static final int THREAD_SLACK = 3;

  private static final int FD_SLACK = 5;

  /** How long a notice stays valid: the snapshots grow until the first ones expire. */
  private static final Duration NOTICE_LIFE = Duration.ofMinutes(11);

  /** From when the verdict judges: the first sample after a notice's life. */
  private static final Duration STEADY_AFTER = NOTICE_LIFE.plusMinutes(1);

  private static final String COUNTY = "c-soak";

  @Parameter TestDatabases.Store store;
  @TempDir Path dir;

  static String stationId(int s) {
    return String.format("s-k%04d", s);
  }

  @Test
  void stationsForHalfAnHour() throws Exception {
    LogWatch log = LogWatch.attach();
    try (RunningHub hub =
        RunningHub.start(
            dir,
            store,
            Map.of(
                "hub.demo",
                "never",
                "hub.mqtt.security.connects-per-address",
                10 * STATIONS,
                // Every resident here comes from loopback: the per-address limit, sized for one
                // station's Wi-Fi, would refuse the 121st opinion of the hour. Per QR link stays.
                "hub.opinions.per-ip",
                1_000_000))) {
      ScaleStations.add(hub, "soak", "久测", STATIONS, SoakBenchmark::stationId);
      String password = MqttPasswordHash.newPassword();
      String hash = MqttPasswordHash.hash(password);
      StationCredentialRepository credentials = hub.bean(StationCredentialRepository.class);
      for (int s = 0; s < STATIONS; s++) {
        credentials.provision(stationId(s), hash, "bench", java.time.OffsetDateTime.now());
      }
      ContentPublisher publisher = hub.bean(ContentPublisher.class);
      PublicationRepository publications = hub.bean(PublicationRepository.class);
      publisher.allChanged();
      waitFor(
          () -> publications.all().size() == STATIONS && publisher.idle(),
          Duration.ofMinutes(10),
          "the first " + STATIONS + " publications");
      List<String> tokens = new ArrayList<>();
      StationRepository stations = hub.bean(StationRepository.class);
      for (int s = 0; s < STATIONS; s++) {
        tokens.add(stations.find(stationId(s)).orElseThrow().station().publicToken());
      }
      Staff admin =
          new Staff("u-soak", "u-soak", "县管理员", Role.COUNTY_ADMIN, COUNTY, null, Set.of());
      NoticeService notices = hub.bean(NoticeService.class);
      Database db = hub.bean(Database.class);
      double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

      try (Fleet fleet = Fleet.start(dir, hub.brokerUri(), password)) {
        long connectMillis = fleet.await("connectMillis");
        List<Round> rounds = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        // Warm-up: a notice round and an opinion, then the first sample.
        Round warmUp = round(fleet, notices, admin, "warm-up");
        Opinions opinions = new Opinions(hub, tokens);
        long start = System.nanoTime();
        samples.add(sample("start", 0, db));
        opinions.start();
        long end = start + RUN.toNanos();
        long nextSample = start + SAMPLE_EVERY.toNanos();
        for (int i = 0; System.nanoTime() < end; i++) {
          long due = start + i * NOTICE_EVERY.toNanos();
          sleepUntil(due);
          rounds.add(round(fleet, notices, admin, "n" + i));
          if (System.nanoTime() >= nextSample && System.nanoTime() < end) {
            samples.add(sample(minutes(start) + " min", minutes(start), db));
            nextSample += SAMPLE_EVERY.toNanos();
          }
        }
        opinions.stop();
        Map<String, Long> sent = fleet.quiet();
        long events = sent.get("events");
        waitFor(
            () -> rows(db, "station_event") >= events,
            Duration.ofMinutes(2),
            "the hub to store the " + events + " events the stations had acknowledged");
        waitFor(publisher::idle, Duration.ofMinutes(2), "the publisher to finish");
        samples.add(sample("end, " + minutes(start) + " min", minutes(start), db));
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        String report =
            load(connectMillis, loadBefore, loadAfter)
                + rounds(warmUp, rounds)
                + opinions.describe()
                + String.format(
                    "stations' heartbeats acknowledged %,d, events %,d (stored by the hub %,d),"
                        + " failures %d, connections lost %d%n",
                    sent.get("heartbeats"),
                    events,
                    rows(db, "station_event"),
                    sent.get("failures"),
                    sent.get("lost"))
                + samples(samples)
                + log.describe();
        Benchmarks.record("soak-" + store.name().toLowerCase(Locale.ROOT), report);

        List<String> faults = new ArrayList<>();
        rounds.stream()
            .filter(r -> r.reached() != STATIONS)
            .forEach(
                r ->
                    faults.add(
                        "notice " + r.marker() + " reached " + r.reached() + " of " + STATIONS));
        if (rows(db, "station_event") != events) {
          faults.add(
              "the stations had "
                  + events
                  + " events acknowledged, the hub stored "
                  + rows(db, "station_event"));
        }
        if (sent.get("failures") != 0 || sent.get("unacknowledged") != 0) {
          faults.add(
              "the stations met failures: " + sent + "; their output:\n" + fleet.child().log());
        }
        if (opinions.refused.get() != 0) {
          faults.add(opinions.refused + " opinions refused: " + opinions.sample);
        }
        if (log.errors.get() != 0) {
          faults.add("the hub logged " + log.errors + " ERROR lines: " + log.errorSamples);
        }
        if (!faults.isEmpty()) {
          throw new AssertionError(String.join("\n", faults));
        }
      }
    } finally {
      log.detach();
    }
  }

  private static long minutes(long startNanos) {
    return Math.round((System.nanoTime() - startNanos) / 60e9);
  }

  private static void sleepUntil(long nanos) throws InterruptedException {
    long left = nanos - System.nanoTime();
    if (left > 0) {
      TimeUnit.NANOSECONDS.sleep(left);
    }
  }

  private static void waitFor(
      java.util.function.BooleanSupplier condition, Duration limit, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("gave up waiting for " + what + " after " + limit);
      }
      Thread.sleep(20);
    }
  }

  /** One notice: how many stations received a snapshot carrying it, and when the last one did. */
  private record Round(String marker, int reached, double seconds) {}

  /**
   * Saves a county-wide notice, valid for {@link #NOTICE_LIFE} (so that a station shows about ten
   * at a time, as a busy county's), and waits until every station holds a snapshot carrying it, or
   * for the notice period at most (at least 20 s).
   */
  private static Round round(Fleet fleet, NoticeService notices, Staff admin, String name)
      throws IOException, InterruptedException {
    String marker = "soak-" + name + "-" + System.nanoTime();
    fleet.expect(marker);
    LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Shanghai"));
    DateTimeFormatter minute = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    String until = now.plus(NOTICE_LIFE).truncatedTo(ChronoUnit.MINUTES).format(minute);
    long t0 = nowMicros();
    notices.create(
        admin,
        new NoticeDraft(
            "全县通知 " + name, "本月起接待日调整为每周二。" + marker, "NORMAL", null, until, "ALL", null, null));
    long[] tally = fleet.reached(Duration.ofSeconds(Math.max(20, NOTICE_EVERY.toSeconds() - 10)));
    return new Round(marker, (int) tally[0], tally[0] == 0 ? 0 : (tally[1] - t0) / 1e6);
  }

  private static long nowMicros() {
    Instant t = Instant.now();
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
  }

  private static String rounds(Round warmUp, List<Round> rounds) {
    double[] seconds = rounds.stream().mapToDouble(Round::seconds).sorted().toArray();
    int complete = (int) rounds.stream().filter(r -> r.reached() == STATIONS).count();
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "%d county-wide notices, one every %d s: %d reached all %,d stations; until the last"
                + " station held it: warm-up %.2f s, then median %.2f s, slowest %.2f s, first %.2f s,"
                + " last %.2f s%n",
            rounds.size(),
            NOTICE_EVERY.toSeconds(),
            complete,
            STATIONS,
            warmUp.seconds(),
            seconds.length == 0 ? 0 : seconds[seconds.length / 2],
            seconds.length == 0 ? 0 : seconds[seconds.length - 1],
            rounds.isEmpty() ? 0 : rounds.getFirst().seconds(),
            rounds.isEmpty() ? 0 : rounds.getLast().seconds()));
    out.append("each round, seconds until the last station:");
    rounds.forEach(r -> out.append(String.format(" %.1f", r.seconds())));
    return out.append('\n').toString();
  }

  private String load(long connectMillis, double before, double after) {
    return String.format(
        "%,d stations (child JVM, one Paho client each, connected as themselves) on the hub's"
            + " embedded broker, store %s, for %,d s: a heartbeat per station every %d s"
            + " (%.1f/s), an event every %d s (%.1f/s), a county-wide notice every %d s, an opinion"
            + " over HTTP every %.1f s; stations up in %,d ms; load average %.2f before, %.2f"
            + " after (2 cores shared with other builds)%n",
        STATIONS,
        store,
        RUN.toSeconds(),
        HEARTBEAT_EVERY.toSeconds(),
        STATIONS / (HEARTBEAT_EVERY.toMillis() / 1000.0),
        EVENT_EVERY.toSeconds(),
        STATIONS / (EVENT_EVERY.toMillis() / 1000.0),
        NOTICE_EVERY.toSeconds(),
        OPINION_EVERY.toMillis() / 1000.0,
        connectMillis,
        before,
        after);
  }

  /**
   * What the hub's process holds at one moment; {@code threadKinds}: live threads by name with the
   * digits left out ({@code blocking-executor-thread-#}), to tell which pool grew.
   */
  private record Sample(
      String label,
      long minutes,
      long heap,
      int threads,
      long fds,
      long dbBytes,
      Map<String, Long> rows,
      Map<String, Long> threadKinds) {}

  private Sample sample(String label, long minutes, Database db) throws InterruptedException {
    long heap = FleetScaleBenchmark.settledHeap();
    int threads = ManagementFactory.getThreadMXBean().getThreadCount();
    long fds;
    try (Stream<Path> open = Files.list(Path.of("/proc/self/fd"))) {
      fds = open.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Long> rows = new LinkedHashMap<>();
    GROWING.forEach(t -> rows.put(t, rows(db, t)));
    Map<String, Long> kinds =
        Thread.getAllStackTraces().keySet().stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    t -> t.getName().replaceAll("[0-9]+", "#"),
                    java.util.TreeMap::new,
                    java.util.stream.Collectors.counting()));
    Sample s = new Sample(label, minutes, heap, threads, fds, databaseBytes(db), rows, kinds);
    System.out.println("soak sample " + line(s));
    return s;
  }

  private long databaseBytes(Database db) {
    if (store == TestDatabases.Store.POSTGRESQL) {
      return db.withHandle(
          h ->
              h.createQuery("SELECT pg_database_size(current_database())").mapTo(Long.class).one());
    }
    long bytes = 0;
    for (String file : List.of("hub.db", "hub.db-wal")) {
      Path p = dir.resolve(file);
      try {
        bytes += Files.exists(p) ? Files.size(p) : 0;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return bytes;
  }

  private static long rows(Database db, String table) {
    return db.withHandle(
        h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
  }

  private static String line(Sample s) {
    return String.format(
        "| %-16s | %9.1f | %7d | %8d | %9.1f | %s |",
        s.label(),
        s.heap() / 1048576.0,
        s.threads(),
        s.fds(),
        s.dbBytes() / 1048576.0,
        s.rows().values().stream().map(String::valueOf).reduce((a, b) -> a + " / " + b).orElse(""));
  }

  private static String samples(List<Sample> samples) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "| %-16s | %9s | %7s | %8s | %9s | rows: %s |%n",
            "sample", "heap MiB", "threads", "open fds", "db MiB", String.join(" / ", GROWING)));
    samples.forEach(s -> out.append(line(s)).append('\n'));
    Sample first = samples.getFirst();
    Sample last = samples.getLast();
    long heapGrowth = last.heap() - first.heap();
    long heapPeak = samples.stream().mapToLong(Sample::heap).max().orElseThrow();
    int threadGrowth = last.threads() - first.threads();
    long fdGrowth = last.fds() - first.fds();
    long rowGrowth =
        last.rows().values().stream().mapToLong(Long::longValue).sum()
            - first.rows().values().stream().mapToLong(Long::longValue).sum();
    long dbGrowth = last.dbBytes() - first.dbBytes();
    // Judged from the first sample after a notice's life: until then each round adds a notice
    // to every station's snapshot (kept by the broker and the publisher) and the bounded pools
    // take their threads as the work first asks for them.
    Sample from =
        samples.stream()
            .filter(x -> x.minutes() >= STEADY_AFTER.toMinutes())
            .findFirst()
            .filter(x -> x != last)
            .orElse(first);
    long heapAllowed = Math.max(HEAP_SLACK, from.heap() / 10);
    boolean flat =
        last.heap() - from.heap() <= heapAllowed
            && last.threads() - from.threads() <= THREAD_SLACK
            && last.fds() - from.fds() <= FD_SLACK;
    out.append(
        String.format(
            "verdict: %s from the sample '%s' to the end: heap %+.1f MiB, threads %+d, open fds %+d"
                + " (flat: heap after full GC within %.0f MiB — 8 MiB or 10 %%, whichever is more —"
                + " threads within %d, open fds within %d; judged from the first sample %d minutes"
                + " in, once every station's snapshot holds as many notices as it will, or from the"
                + " start in a shorter run; the database grows with the rows the county's work adds,"
                + " so it is judged per row, not flat)%n",
            flat ? "FLAT" : "GROWING",
            from.label(),
            (last.heap() - from.heap()) / 1048576.0,
            last.threads() - from.threads(),
            last.fds() - from.fds(),
            heapAllowed / 1048576.0,
            THREAD_SLACK,
            FD_SLACK,
            STEADY_AFTER.toMinutes()));
    return out.toString();
  }

  /**
   * Residents' opinions over HTTP, one every {@link #OPINION_EVERY}, to the stations' QR links in
   * turn, from one phone whose HTTP client is made (and used once) before the first sample, so that
   * its threads and sockets count from the start.
   */
  private static final class Opinions {
    private final Resident phone;
    private final List<String> tokens;
    private final AtomicInteger submitted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final List<Long> nanos = java.util.Collections.synchronizedList(new ArrayList<>());
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
    private volatile String sample = "";

    Opinions(RunningHub hub, List<String> tokens) {
      this.tokens = tokens;
      this.phone = new Resident(hub, "10.0.7.1");
      timer.prestartAllCoreThreads();
      submitOne();
    }

    void submitOne() {
      int n = submitted.getAndIncrement();
      long t0 = System.nanoTime();
      HttpResponse<String> answer =
          phone.submit(
              tokens.get(n % tokens.size()),
              List.of(
                  Resident.Field.text("category", "TRANSPORT"),
                  Resident.Field.text("text", "小区门口路灯坏了，晚上很黑，请尽快修复。第 " + n + " 条"),
                  Resident.Field.text("name", ""),
                  Resident.Field.text("phone", "")));
      nanos.add(System.nanoTime() - t0);
      if (answer.statusCode() != 303) {
        refused.incrementAndGet();
        sample = answer.statusCode() + " " + answer.body();
      }
    }

    void start() {
      timer.scheduleAtFixedRate(
          () -> {
            try {
              submitOne();
            } catch (RuntimeException e) {
              refused.incrementAndGet();
              sample = e.toString();
            }
          },
          OPINION_EVERY.toMillis(),
          OPINION_EVERY.toMillis(),
          TimeUnit.MILLISECONDS);
    }

    void stop() throws InterruptedException {
      timer.shutdown();
      timer.awaitTermination(30, TimeUnit.SECONDS);
    }

    String describe() {
      long[] all = nanos.stream().mapToLong(Long::longValue).toArray();
      return String.format(
          "opinions over HTTP: %d submitted, %d refused; p50 %.1f ms, p99 %.1f ms%n",
          submitted.get(),
          refused.get(),
          Benchmarks.quantileMillis(all, 0.5),
          Benchmarks.quantileMillis(all, 0.99));
    }
  }

  /**
   * Every WARN and ERROR the hub logs (the test's JVM is the hub's), counted, the first few kept: a
   * 30-minute run must not keep every line.
   */
  private static final class LogWatch extends AppenderBase<ILoggingEvent> {
    private static final int KEEP = 10;
    final AtomicInteger errors = new AtomicInteger();
    final AtomicInteger warnings = new AtomicInteger();
    final List<String> errorSamples = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<String> warningSamples = java.util.Collections.synchronizedList(new ArrayList<>());

    static LogWatch attach() {
      LogWatch watch = new LogWatch();
      watch.setName("soak-watch");
      watch.start();
      root().addAppender(watch);
      return watch;
    }

    private static Logger root() {
      return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    void detach() {
      root().detachAppender(this);
      stop();
    }

    @Override
    protected void append(ILoggingEvent e) {
      if (e.getLevel().isGreaterOrEqual(Level.ERROR)) {
        keep(errors, errorSamples, e);
      } else if (e.getLevel().isGreaterOrEqual(Level.WARN)) {
        keep(warnings, warningSamples, e);
      }
    }

    private static void keep(AtomicInteger count, List<String> samples, ILoggingEvent e) {
      if (count.incrementAndGet() <= KEEP) {
        samples.add(
            e.getLoggerName()
                + ": "
                + e.getFormattedMessage()
                + (e.getThrowableProxy() == null
                    ? ""
                    : " (" + e.getThrowableProxy().getMessage() + ")"));
      }
    }

    String describe() {
      StringBuilder out = new StringBuilder();
      out.append(String.format("hub log: %d ERROR, %d WARN lines%n", errors.get(), warnings.get()));
      errorSamples.forEach(s -> out.append("  ERROR ").append(s).append('\n'));
      warningSamples.forEach(s -> out.append("  WARN ").append(s).append('\n'));
      return out.toString();
    }
  }

  /** The child JVM of {@link SoakStations}. */
  private record Fleet(StationsProcess child) implements AutoCloseable {
    static Fleet start(Path dir, String brokerUri, String password) throws IOException {
      return new Fleet(
          StationsProcess.start(
              dir,
              SoakStations.class,
              List.of(
                  brokerUri,
                  Integer.toString(STATIONS),
                  password,
                  Long.toString(HEARTBEAT_EVERY.toMillis()),
                  Long.toString(EVENT_EVERY.toMillis())),
              List.of(SoakStations.REACHED, SoakStations.TALLY)));
    }

    long await(String key) throws InterruptedException {
      return child.await(key);
    }

    void expect(String marker) throws IOException, InterruptedException {
      child.send("expect " + marker);
      child.await("ready");
    }

    /**
     * {stations, last arrival µs}: when every station has the expected snapshot, or what the
     * stations hold after {@code limit}.
     */
    long[] reached(Duration limit) throws IOException, InterruptedException {
      String line = child.poll(limit);
      if (line == null) {
        child.send("tally");
        // A late "reached" may come before the tally's answer.
        do {
          line = child.poll(Duration.ofMinutes(1));
        } while (line != null && line.startsWith(SoakStations.REACHED));
      }
      if (line == null
          || !(line.startsWith(SoakStations.REACHED) || line.startsWith(SoakStations.TALLY))) {
        throw child.failure(line + " for a notice");
      }
      String[] parts = line.substring(line.indexOf('=') + 1).split(",");
      return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
    }

    /** Stops the stations' heartbeats and events; what they had acknowledged. */
    Map<String, Long> quiet() throws IOException, InterruptedException {
      child.send("quiet");
      Map<String, Long> figures = new LinkedHashMap<>();
      for (String key : List.of("unacknowledged", "heartbeats", "events", "failures", "lost")) {
        figures.put(key, child.await(key));
      }
      return figures;
    }

    @Override
    public void close() throws InterruptedException {
      child.close();
    }
  }
}
