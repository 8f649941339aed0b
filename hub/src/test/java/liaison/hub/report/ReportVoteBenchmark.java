package liaison.hub.report;

import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.db.Sql;
import liaison.hub.demo.DemoCounty;
import liaison.signage.player.StationConfig;
import liaison.signage.player.StationRuntime;
import liaison.testkit.Benchmarks;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hall's vote at one station: {@value #PER_MINUTE} ballots within one minute through the whole
 * HTTP path (a phone's form POST to {@code /r/{id}}: the per-address limit, the checks, the one
 * transaction that uses the code, stores the ballot and counts it), on the hub's SQLite default,
 * with a real station runtime connected. Measured: ballots stored per second, and the delay from a
 * ballot's answer to the station's {@code feed().tally()} showing it (the publish after the commit,
 * coalesced, over the broker). Then the same ballots as fast as one phone after another can send
 * them. Beside it, in the same run: the same rows (the code used, the form noted, the ballot, the
 * count) written with bare JDBC into the hub's schema, one transaction a ballot. Prints figures;
 * asserts nothing about time.
 */
class ReportVoteBenchmark {
  static final int PER_MINUTE = 500;
  private static final int PACED = Benchmarks.count(PER_MINUTE, 6);
  private static final int BURST = Benchmarks.count(500, 6);
  private static final int WARM_UP = Benchmarks.count(50, 2);
  private static final long INTERVAL_NANOS =
      Benchmarks.smoke() ? 0 : TimeUnit.MINUTES.toNanos(1) / PER_MINUTE;
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @TempDir Path dir;

  @Test
  void ballotsPerSecondAndTheirDelayToTheStation() throws Exception {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    Hall hall = throughHttp(dir.resolve("hub"), dir.resolve("s-001"));
    Bare bare = bareInserts(dir.resolve("bare"), PACED + BURST);
    double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

    String latency =
        Benchmarks.table(
            "Per ballot (" + PACED + " paced over a minute, " + BURST + " back to back)",
            List.of(
                new Benchmarks.Series("bare JDBC: code, form, ballot, count; 1 tx", bare.nanos()),
                new Benchmarks.Series("HTTP POST /r/{id} → 200, paced", hall.paced()),
                new Benchmarks.Series("answer → station's feed().tally(), paced", hall.delays()),
                new Benchmarks.Series("HTTP POST /r/{id} → 200, back to back", hall.burst())));
    String rates =
        String.format(
            "| %-44s | %11s | %9s |%n| %-44s | %11.0f | %9s |%n| %-44s | %11.1f | %9.3f |%n"
                + "| %-44s | %11.1f | %9.3f |%n",
            "series",
            "per second",
            "ratio",
            "bare JDBC ballots, 1 thread",
            bare.perSecond(),
            "baseline",
            "HTTP ballots stored, paced (" + PER_MINUTE + "/min)",
            hall.pacedPerSecond(),
            hall.pacedPerSecond() / bare.perSecond(),
            "HTTP ballots stored, back to back",
            hall.burstPerSecond(),
            hall.burstPerSecond() / bare.perSecond());
    Benchmarks.record(
        "report-vote",
        latency
            + "\n"
            + rates
            + String.format(
                "%ntally publishes the station received: %d for %d ballots%n"
                    + "load average before %.2f, after %.2f%n",
                hall.tallies(), WARM_UP + PACED + BURST, load, loadAfter));
  }

  private record Hall(
      long[] paced,
      double pacedPerSecond,
      long[] delays,
      long[] burst,
      double burstPerSecond,
      int tallies) {}

  private record Bare(long[] nanos, double perSecond) {}

  private Hall throughHttp(Path data, Path stationData) throws Exception {
    Map<String, Object> limits =
        Map.of("hub.report.ballots-per-address", 1_000_000, "hub.report.max-slips", 2000);
    try (RunningHub hub = RunningHub.start(data, limits);
        StationRuntime station =
            StationRuntime.open(
                StationConfig.of("s-001", hub.brokerUri(), stationData)
                    .withLogin("s-001", hub.stationPassword("s-001")),
                Clock.system(SHANGHAI))) {
      station.start();
      StaffClient admin = StaffClient.basic(hub, "chengguan", DemoCounty.PASSWORD);
      String id = ReportsOverHttp.scheduleTomorrow(admin, "d-0001", "s-001");
      admin.api("POST", "/api/reports/" + id + "/open", null);
      int total = WARM_UP + PACED + BURST;
      List<String> codes = ReportsOverHttp.slips(admin, id, total);
      if (codes.size() != total) {
        throw new IllegalStateException("read " + codes.size() + " codes off " + total + " slips");
      }
      // When the station first showed each count, from its own feed.
      ConcurrentMap<Integer, Long> shownAt = new ConcurrentHashMap<>();
      AtomicInteger received = new AtomicInteger();
      try (AutoCloseable watching =
          station
              .feed()
              .tally()
              .watch(
                  t ->
                      t.ifPresent(
                          tally -> {
                            received.incrementAndGet();
                            shownAt.putIfAbsent(tally.ballots(), System.nanoTime());
                          }))) {
        Benchmarks.waitUntil(
            () -> station.feed().tally().get().isPresent(), "the open vote on the station");
        HttpClient http =
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        // The page a phone opens first: the form's token is what the benchmark's phones send.
        ReportsOverHttp.formToken(hub.get("/r/" + id).body());
        for (int i = 0; i < WARM_UP; i++) {
          send(http, hub, id, codes.get(i), i);
        }
        long[] paced = new long[PACED];
        long[] answeredAt = new long[PACED];
        long start = System.nanoTime();
        for (int i = 0; i < PACED; i++) {
          long due = start + i * INTERVAL_NANOS;
          LockSupport.parkNanos(due - System.nanoTime());
          long t0 = System.nanoTime();
          send(http, hub, id, codes.get(WARM_UP + i), WARM_UP + i);
          answeredAt[i] = System.nanoTime();
          paced[i] = answeredAt[i] - t0;
        }
        double pacedSeconds = (System.nanoTime() - start) / 1e9;
        int last = WARM_UP + PACED;
        Benchmarks.waitUntil(() -> shownAt.containsKey(last), "the paced ballots on the station");
        long[] delays = new long[PACED];
        for (int i = 0; i < PACED; i++) {
          int count = WARM_UP + i + 1;
          // The first tally showing this ballot: its own count, or a later one it was coalesced in.
          long seen =
              shownAt.entrySet().stream()
                  .filter(e -> e.getKey() >= count)
                  .mapToLong(Map.Entry::getValue)
                  .min()
                  .orElseThrow();
          delays[i] = Math.max(0, seen - answeredAt[i]);
        }
        long[] burst = new long[BURST];
        long burstStart = System.nanoTime();
        for (int i = 0; i < BURST; i++) {
          long t0 = System.nanoTime();
          send(http, hub, id, codes.get(last + i), last + i);
          burst[i] = System.nanoTime() - t0;
        }
        double burstSeconds = (System.nanoTime() - burstStart) / 1e9;
        Benchmarks.waitUntil(() -> shownAt.containsKey(total), "every ballot on the station");
        int stored = hub.bean(ReportRepository.class).find(id).orElseThrow().ballots();
        if (stored != total || hub.bean(ReportRepository.class).ballotsStored(id) != total) {
          throw new IllegalStateException("expected " + total + " ballots, counted " + stored);
        }
        return new Hall(
            paced, PACED / pacedSeconds, delays, burst, BURST / burstSeconds, received.get());
      }
    }
  }

  /**
   * One phone's ballot form, with a token of its own as the page gives each phone; it must be
   * counted.
   */
  private static void send(HttpClient http, RunningHub hub, String id, String code, int i)
      throws Exception {
    String form = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
    HttpResponse<String> answer = post(http, hub, id, code, form);
    if (answer.statusCode() != 200 || !answer.body().contains("已提交，感谢您的评议")) {
      throw new IllegalStateException(
          "ballot " + i + " answered " + answer.statusCode() + ": " + answer.body());
    }
  }

  private static HttpResponse<String> post(
      HttpClient http, RunningHub hub, String id, String code, String form) throws Exception {
    String choice = code.hashCode() % 3 == 0 ? "BASICALLY_SATISFIED" : "SATISFIED";
    String body =
        "form="
            + form
            + "&code="
            + URLEncoder.encode(code, StandardCharsets.UTF_8)
            + "&choice="
            + choice
            + "&comment=";
    return http.send(
        HttpRequest.newBuilder(hub.url("/r/" + id))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The same rows, bare: the hub's schema and connection settings, one transaction a ballot. */
  private static Bare bareInserts(Path data, int count) throws Exception {
    Files.createDirectories(data);
    String url =
        "jdbc:sqlite:"
            + data.resolve("bare.db")
            + "?journal_mode=WAL&synchronous=FULL&foreign_keys=true&busy_timeout=10000";
    Flyway.configure().dataSource(url, "", "").locations("classpath:db/migration").load().migrate();
    try (Connection db = DriverManager.getConnection(url)) {
      String now = Sql.instant(OffsetDateTime.now(SHANGHAI));
      try (Statement s = db.createStatement()) {
        s.execute("INSERT INTO county (id, name) VALUES ('c-b', '测试县')");
        s.execute("INSERT INTO township (id, county_id, name) VALUES ('t-b', 'c-b', '测试镇')");
        s.execute(
            "INSERT INTO station (id, township_id, name, kind, public_token, created_at, updated_at)"
                + " VALUES ('s-b', 't-b', '测试站', 'WORKSTATION', 'tok-b', '"
                + now
                + "', '"
                + now
                + "')");
        s.execute(
            "INSERT INTO deputy (id, name, county_id, created_at, updated_at) VALUES ('d-b', '代表', 'c-b', '"
                + now
                + "', '"
                + now
                + "')");
        s.execute(
            "INSERT INTO voter_report (id, deputy_id, station_id, starts_at, ends_at, status, created_by, created_at)"
                + " VALUES ('vr-b', 'd-b', 's-b', '"
                + now
                + "', '"
                + now
                + "', 'OPEN', 'u', '"
                + now
                + "')");
      }
      List<String> hashes = new ArrayList<>();
      try (PreparedStatement code =
          db.prepareStatement(
              "INSERT INTO report_ballot_code (report_id, code_hash) VALUES ('vr-b', ?)")) {
        for (int i = 0; i < WARM_UP + count; i++) {
          String hash = BallotCodes.hash("vr-b", "CODE" + i);
          hashes.add(hash);
          code.setString(1, hash);
          code.executeUpdate();
        }
      }
      db.setAutoCommit(false);
      try (PreparedStatement tally =
              db.prepareStatement(
                  "UPDATE voter_report SET satisfied = satisfied + 1, tally_seq = tally_seq + 1 WHERE id = 'vr-b' AND status = 'OPEN'");
          PreparedStatement form =
              db.prepareStatement(
                  "INSERT INTO report_ballot_form (report_id, form) VALUES ('vr-b', ?) ON CONFLICT DO NOTHING");
          PreparedStatement use =
              db.prepareStatement(
                  "UPDATE report_ballot_code SET used = TRUE WHERE report_id = 'vr-b' AND code_hash = ? AND used = FALSE");
          PreparedStatement ballot =
              db.prepareStatement(
                  "INSERT INTO report_ballot (id, report_id, choice, comment, cast_at) VALUES (?, 'vr-b', 'SATISFIED', '', ?)")) {
        long[] nanos = new long[count];
        long start = 0;
        for (int i = 0; i < WARM_UP + count; i++) {
          if (i == WARM_UP) {
            start = System.nanoTime();
          }
          long t0 = System.nanoTime();
          tally.executeUpdate();
          form.setString(1, "form" + i);
          form.executeUpdate();
          use.setString(1, hashes.get(i));
          use.executeUpdate();
          ballot.setString(1, UUID.randomUUID().toString());
          ballot.setString(2, now);
          ballot.executeUpdate();
          db.commit();
          if (i >= WARM_UP) {
            nanos[i - WARM_UP] = System.nanoTime() - t0;
          }
        }
        return new Bare(nanos, count / ((System.nanoTime() - start) / 1e9));
      }
    }
  }
}
