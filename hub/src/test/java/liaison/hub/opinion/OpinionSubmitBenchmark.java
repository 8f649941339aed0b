package liaison.hub.opinion;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import liaison.hub.OnBothStores;
import liaison.hub.RunningHub;
import liaison.hub.TestDatabases;
import liaison.hub.db.Ids;
import liaison.hub.db.Sql;
import liaison.hub.station.StationRepository;
import liaison.testkit.Benchmarks;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * Residents' opinions per second through the whole HTTP path — a multipart POST to {@code
 * /o/<token>} as a phone sends it (no photos), the rate limiter, the checks, the case, its timeline
 * line and the 303 to the tracking page — from 4 concurrent clients, on each store (SQLite: the
 * hub's default, WAL and full sync). Beside it, in the same run: the same submissions handed to
 * {@code OpinionSubmissions.submit} on one thread, and the same rows (the case and its 'submit'
 * line, one transaction each) inserted with bare JDBC into the hub's own schema: on SQLite a file
 * of its own with the same settings, on PostgreSQL the database the hub migrated. Prints figures;
 * asserts nothing about time.
 */
@OnBothStores
class OpinionSubmitBenchmark {
  private static final int CLIENTS = Benchmarks.count(4, 2);
  private static final int COUNT = Benchmarks.count(2_000, 4);
  // Long enough for the JIT to have compiled the HTTP path before it is measured: with 200, its
  // compiler threads took 38 % of the JVM's CPU during the HTTP series (JFR, 2026-12-06).
  private static final int WARM_UP = Benchmarks.count(1_500, 2);
  private static final String TEXT = "小区门口路灯坏了三个月😡，晚上很黑，老人孩子出门不安全，请尽快修复。第 ";

  @Parameter TestDatabases.Store store;
  @TempDir Path dir;

  @Test
  void submissionsPerSecond() throws Exception {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    Run[] hubRuns = throughHttp(dir.resolve("hub"));
    Run hub = hubRuns[0];
    Run service = hubRuns[1];
    Run bare = hubRuns[2];
    double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

    String latency =
        Benchmarks.table(
            "Latency per submission on "
                + store
                + " ("
                + COUNT
                + " after "
                + WARM_UP
                + " for warm-up)",
            List.of(
                new Benchmarks.Series("bare JDBC, case + event row, 1 tx, 1 thread", bare.nanos()),
                new Benchmarks.Series("OpinionSubmissions.submit, 1 thread", service.nanos()),
                new Benchmarks.Series(
                    "HTTP multipart POST → 303, " + CLIENTS + " clients", hub.nanos())));
    String rates =
        String.format(
                "| %-44s | %11s | %9s | %10s | %16s |%n",
                "series", "per second", "ratio", "/ service", "JVM CPU µs each")
            + row("bare JDBC inserts, 1 thread", bare, "baseline", "")
            + row(
                "OpinionSubmissions.submit, 1 thread",
                service,
                String.format("%.3f", service.perSecond() / bare.perSecond()),
                "baseline")
            + row(
                "HTTP submissions, " + CLIENTS + " clients",
                hub,
                String.format("%.3f", hub.perSecond() / bare.perSecond()),
                String.format("%.3f", hub.perSecond() / service.perSecond()));
    Benchmarks.record(
        "opinion-submit-" + store.name().toLowerCase(Locale.ROOT),
        latency
            + "\n"
            + rates
            + String.format("%nload average before %.2f, after %.2f%n", load, loadAfter));
  }

  private static String row(String series, Run run, String ratio, String toService) {
    return String.format(
        "| %-44s | %11.0f | %9s | %10s | %16.0f |%n",
        series, run.perSecond(), ratio, toService, run.cpuMicros());
  }

  /** Durations of each request or insert, and the rate over the whole measured phase. */
  /**
   * Durations of each request or insert, the rate over the whole measured phase, and this JVM's CPU
   * time per submission over that phase (the HTTP clients' included; not PostgreSQL's server): a
   * figure the other builds on the machine change far less than the rates.
   */
  private record Run(long[] nanos, double perSecond, double cpuMicros) {}

  /** This JVM's CPU time so far, in nanoseconds. */
  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * The HTTP run, then the same submissions handed to the service directly (no HTTP, no multipart),
   * then the bare inserts.
   */
  private Run[] throughHttp(Path data) throws Exception {
    Map<String, Object> limits =
        Map.of("hub.opinions.per-ip", 1_000_000, "hub.opinions.per-token", 1_000_000);
    try (RunningHub hub = RunningHub.start(data, store, limits)) {
      String token =
          hub.bean(StationRepository.class).find("s-001").orElseThrow().station().publicToken();
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
      HttpRequest.Builder base = HttpRequest.newBuilder(hub.url("/o/" + token));
      phase(http, base, WARM_UP, 0);
      long start = System.nanoTime();
      long cpuStart = cpu();
      long[] nanos = phase(http, base, COUNT, WARM_UP);
      double seconds = (System.nanoTime() - start) / 1e9;
      double httpCpu = (cpu() - cpuStart) / 1e3 / COUNT;
      int stored =
          hub.bean(liaison.hub.db.Database.class)
              .withHandle(
                  h ->
                      h.createQuery("SELECT COUNT(*) FROM opinion_case")
                          .mapTo(Integer.class)
                          .one());
      if (stored < WARM_UP + COUNT) {
        throw new IllegalStateException(
            "expected at least " + (WARM_UP + COUNT) + " cases stored, found " + stored);
      }
      Run overHttp = new Run(nanos, COUNT / seconds, httpCpu);

      OpinionSubmissions submissions = hub.bean(OpinionSubmissions.class);
      OpinionSubmissions.Address address = new OpinionSubmissions.Address("s-001", null);
      long[] direct = new long[COUNT];
      long startDirect = System.nanoTime();
      long cpuDirect = cpu();
      for (int i = 0; i < COUNT; i++) {
        OpinionDraft draft =
            new OpinionDraft(
                "TRANSPORT",
                TEXT + i + " 条",
                List.of(new byte[0], new byte[0], new byte[0]),
                "",
                "",
                false,
                false,
                false);
        long t0 = System.nanoTime();
        submissions.submit(address, draft);
        direct[i] = System.nanoTime() - t0;
      }
      Run service =
          new Run(
              direct,
              COUNT / ((System.nanoTime() - startDirect) / 1e9),
              (cpu() - cpuDirect) / 1e3 / COUNT);
      Run bare;
      if (store == TestDatabases.Store.SQLITE) {
        bare = bareInserts(data.resolveSibling("bare"));
      } else {
        // The database the hub migrated, its own station: the same server, schema and settings.
        try (Connection db = TestDatabases.postgresOf(data).connect()) {
          bare = bareInserts(db, "s-001");
        }
      }
      return new Run[] {overHttp, service, bare};
    }
  }

  /** {@code count} submissions shared by the clients; each must answer 303, or the run stops. */
  private static long[] phase(HttpClient http, HttpRequest.Builder base, int count, int offset)
      throws Exception {
    long[] nanos = new long[count];
    AtomicInteger next = new AtomicInteger();
    try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        running.add(
            clients.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    String boundary = "----bench" + i;
                    byte[] body = multipart(boundary, TEXT + (offset + i) + " 条");
                    HttpRequest request =
                        base.copy()
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build();
                    long t0 = System.nanoTime();
                    HttpResponse<String> answer =
                        http.send(request, HttpResponse.BodyHandlers.ofString());
                    nanos[i] = System.nanoTime() - t0;
                    if (answer.statusCode() != 303) {
                      throw new IllegalStateException(
                          "submission "
                              + i
                              + " answered "
                              + answer.statusCode()
                              + ", expected 303: "
                              + answer.body());
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    }
    return nanos;
  }

  private static byte[] multipart(String boundary, String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String[] field :
        new String[][] {{"category", "TRANSPORT"}, {"text", text}, {"name", ""}, {"phone", ""}}) {
      out.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + field[0]
                  + "\"\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      out.writeBytes(field[1].getBytes(StandardCharsets.UTF_8));
      out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    // Three empty file fields, as a browser sends the form when no photo was chosen.
    for (int p = 1; p <= 3; p++) {
      out.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"photo"
                  + p
                  + "\"; filename=\"\"\r\n"
                  + "Content-Type: application/octet-stream\r\n\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /**
   * The same rows into the hub's schema in a SQLite file of its own (Flyway, the same migrations),
   * with the hub's connection settings.
   */
  private static Run bareInserts(Path data) throws Exception {
    java.nio.file.Files.createDirectories(data);
    String url =
        "jdbc:sqlite:"
            + data.resolve("bare.db")
            + "?journal_mode=WAL&synchronous=FULL&foreign_keys=true&busy_timeout=10000";
    Flyway.configure().dataSource(url, "", "").locations("classpath:db/migration").load().migrate();
    try (Connection db = DriverManager.getConnection(url)) {
      String now = Sql.instant(OffsetDateTime.now());
      try (Statement s = db.createStatement()) {
        s.execute("INSERT INTO county (id, name) VALUES ('c-b', '测试县')");
        s.execute("INSERT INTO township (id, county_id, name) VALUES ('t-b', 'c-b', '测试镇')");
        s.execute(
            "INSERT INTO station (id, township_id, name, kind, public_token, created_at, updated_at) VALUES ('s-b', 't-b', '测试站', 'HOME', 'tok-b', '"
                + now
                + "', '"
                + now
                + "')");
      }
      return bareInserts(db, "s-b");
    }
  }

  /** The case and its 'submit' line for {@code station}, one transaction each, on one thread. */
  private static Run bareInserts(Connection db, String station) throws Exception {
    db.setAutoCommit(false);
    try (PreparedStatement kase =
            db.prepareStatement(
                "INSERT INTO opinion_case (id, tracking_code, station_id, deputy_id, category, text, status, summary, submitted_at, updated_at,"
                    + " suggestion, contact_to_department, rating_comment) VALUES (?, ?, ?, NULL, 'TRANSPORT', ?, 'SUBMITTED', '', ?, ?, FALSE, FALSE, '')");
        PreparedStatement event =
            db.prepareStatement(
                "INSERT INTO case_event (id, case_id, at, actor, action, from_status, to_status, note) VALUES (?, ?, ?, 'resident', 'submit', NULL, NULL, '')")) {
      insert(db, kase, event, station, WARM_UP, 0);
      long start = System.nanoTime();
      long cpuStart = cpu();
      long[] nanos = insert(db, kase, event, station, COUNT, WARM_UP);
      return new Run(
          nanos, COUNT / ((System.nanoTime() - start) / 1e9), (cpu() - cpuStart) / 1e3 / COUNT);
    }
  }

  private static long[] insert(
      Connection db,
      PreparedStatement kase,
      PreparedStatement event,
      String station,
      int count,
      int offset)
      throws Exception {
    long[] nanos = new long[count];
    for (int i = 0; i < count; i++) {
      long t0 = System.nanoTime();
      String id = Ids.next("case");
      String at = Sql.instant(OffsetDateTime.now());
      kase.setString(1, id);
      kase.setString(2, TrackingCodes.next());
      kase.setString(3, station);
      kase.setString(4, TEXT + (offset + i) + " 条");
      kase.setString(5, at);
      kase.setString(6, at);
      kase.executeUpdate();
      event.setString(1, Ids.next("ev"));
      event.setString(2, id);
      event.setString(3, at);
      event.executeUpdate();
      db.commit();
      nanos[i] = System.nanoTime() - t0;
    }
    return nanos;
  }
}
