package liaison.hub.opinion;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import liaison.hub.CountedStatements;
import liaison.hub.OnBothStores;
import liaison.hub.RunningHub;
import liaison.hub.StationsProcess;
import liaison.hub.TestDatabases;
import liaison.hub.db.Ids;
import liaison.hub.db.Sql;
import liaison.hub.station.StationRepository;
import liaison.testkit.Benchmarks;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * Residents' opinions per second through the whole HTTP path — a POST to {@code /o/<token>} as a
 * phone sends the form without photos (with the page's script a plain form body, the verdict's
 * series; without script multipart, a second series), the rate limiter, the checks, the case, its
 * timeline line and the 303 to the tracking page — from 4 concurrent clients in a JVM of their own
 * ({@link OpinionLoad}: plain HTTP/1.1 keep-alive sockets, requests prepared beforehand), on each
 * store (SQLite: the hub's default, WAL and full sync). Beside it, in the same run: the same
 * submissions handed to {@code OpinionSubmissions.submit} on one thread, and the same rows (the
 * case and its 'submit' line, one transaction each) inserted with bare JDBC into the hub's own
 * schema: on SQLite a file of its own with the same settings, on PostgreSQL the database the hub
 * migrated. Each series' CPU per submission is printed for the hub's JVM and, for HTTP, the
 * clients' JVM apart. Prints figures; asserts nothing about time.
 */
@OnBothStores
class OpinionSubmitBenchmark {
  private static final int CLIENTS = Benchmarks.count(4, 2);
  private static final int COUNT = Benchmarks.count(2_000, 4);
  // Long enough for the JIT to have compiled the HTTP path before it is measured: with 200, its
  // compiler threads took 38 % of the JVM's CPU during the HTTP series, with 1,500 still about 30 %
  // under load (JFR, 2026-12-06); with 3,000 on a quiet machine the compilers still ran 2.4-5.2 s
  // during the 3-5 s plain series, with 12,000 0.1-0.8 s. The JIT's time during each HTTP series is
  // printed; -Dliaison.bench.opinion.warmUp=N for another warm-up.
  private static final int WARM_UP =
      Benchmarks.count(Integer.getInteger("liaison.bench.opinion.warmUp", 12_000), 2);
  // Multipart's own warm-up, before the plain one's.
  private static final int MULTIPART_WARM_UP = Benchmarks.count(500, 2);
  private static final String TEXT = OpinionLoad.TEXT;

  @Parameter TestDatabases.Store store;
  @TempDir Path dir;

  @Test
  void submissionsPerSecond() throws Exception {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    Run[] hubRuns = throughHttp(dir.resolve("hub"));
    Run plain = hubRuns[0];
    Run multipart = hubRuns[1];
    Run service = hubRuns[2];
    Run bare = hubRuns[3];
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
                    "HTTP plain form POST → 303, " + CLIENTS + " clients", plain.nanos()),
                new Benchmarks.Series(
                    "HTTP multipart POST → 303, " + CLIENTS + " clients", multipart.nanos())));
    String rates =
        String.format(
                "| %-44s | %11s | %9s | %10s | %16s | %16s |%n",
                "series", "per second", "ratio", "/ service", "hub CPU µs each", "clients' CPU µs")
            + row("bare JDBC inserts, 1 thread", bare, "baseline", "")
            + row(
                "OpinionSubmissions.submit, 1 thread",
                service,
                String.format("%.3f", service.perSecond() / bare.perSecond()),
                "baseline")
            + row(
                "HTTP plain form, " + CLIENTS + " clients (verdict)",
                plain,
                String.format("%.3f", plain.perSecond() / bare.perSecond()),
                String.format("%.3f", plain.perSecond() / service.perSecond()))
            + row(
                "HTTP multipart, " + CLIENTS + " clients",
                multipart,
                String.format("%.3f", multipart.perSecond() / bare.perSecond()),
                String.format("%.3f", multipart.perSecond() / service.perSecond()));
    String database =
        String.format(
                "| %-44s | %10s | %12s | %14s | %14s |%n",
                "series, per submission",
                "statements",
                "transactions",
                "DB backends µs",
                "all server µs")
            + databaseRow("bare JDBC inserts, 1 thread", bare)
            + databaseRow("OpinionSubmissions.submit, 1 thread", service)
            + databaseRow("HTTP plain form, " + CLIENTS + " clients (verdict)", plain)
            + databaseRow("HTTP multipart, " + CLIENTS + " clients", multipart);
    Benchmarks.record(
        "opinion-submit-" + store.name().toLowerCase(Locale.ROOT),
        latency
            + "\n"
            + rates
            + "\nWhat the database did per submission (statements counted as the hub sends them;"
            + " on PostgreSQL each is a round trip, and each transaction's commit one more, but"
            + " for the form's limits' transaction, one statement that carries its own commit;"
            + " the server's CPU from /proc, 'all server' every PostgreSQL process of the machine):"
            + "\n"
            + database
            + "\nThe HTTP clients: "
            + CLIENTS
            + " threads in a JVM of their own (OpinionLoad), each one HTTP/1.1 keep-alive socket,"
            + " the requests' bytes prepared before the phase, of each answer only the status and"
            + " headers read. 'hub CPU' is the hub's JVM alone (it runs the service series too);"
            + " PostgreSQL's server processes are in neither column (see the table above).\n"
            + String.format(
                "The hub's JIT compilers (in 'hub CPU') during the plain series: %.0f ms, during the"
                    + " multipart one: %.0f ms.%n",
                plain.jitMillis(), multipart.jitMillis())
            + String.format(
                "The limits' windows (never reached): %s.%n",
                System.getProperty("liaison.bench.opinion.limitWindow", "250ms"))
            + String.format("%nload average before %.2f, after %.2f%n", load, loadAfter));
  }

  private static String databaseRow(String series, Run run) {
    DatabaseWork.Per d = run.database();
    return String.format(
        "| %-44s | %10.2f | %12s | %14s | %14s |%n",
        series,
        d.statements(),
        orBlank(d.transactions(), "%.2f"),
        orBlank(d.backendsMicros(), "%.0f"),
        orBlank(d.serverMicros(), "%.0f"));
  }

  private static String orBlank(double value, String format) {
    return Double.isNaN(value) ? "" : String.format(format, value);
  }

  private static String row(String series, Run run, String ratio, String toService) {
    return String.format(
        "| %-44s | %11.0f | %9s | %10s | %16.0f | %16s |%n",
        series,
        run.perSecond(),
        ratio,
        toService,
        run.cpuMicros(),
        Double.isNaN(run.clientCpuMicros()) ? "" : String.format("%.0f", run.clientCpuMicros()));
  }

  /**
   * Durations of each request or insert, the rate over the whole measured phase, and the CPU time
   * per submission over that phase of the hub's JVM (not PostgreSQL's server) and, for HTTP, of the
   * clients' JVM (NaN for the others): figures the other builds on the machine change far less than
   * the rates.
   */
  private record Run(
      long[] nanos,
      double perSecond,
      double cpuMicros,
      double clientCpuMicros,
      double jitMillis,
      DatabaseWork.Per database) {
    Run(long[] nanos, double perSecond, double cpuMicros, DatabaseWork.Per database) {
      this(nanos, perSecond, cpuMicros, Double.NaN, Double.NaN, database);
    }
  }

  /** The time this JVM's JIT compilers have spent so far, in milliseconds. */
  private static long jit() {
    return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
  }

  /** This JVM's CPU time so far, in nanoseconds. */
  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * The HTTP runs (plain, then multipart), then the same submissions handed to the service directly
   * (no HTTP, no form decoding), then the bare inserts.
   */
  private Run[] throughHttp(Path data) throws Exception {
    // Limits no submission reaches, counted as always; their windows a quarter of a second, so
    // that each key holds its last moment's tries (some 250 at 1,000 a second), about as many as
    // the hub's own limits ever count (120 an hour: a count stops at its limit), not every try of
    // the run. With -Dliaison.bench.opinion.limitWindow=1s (the runs before 2026-12-06 evening)
    // each key holds 500-1,000, four to eight times what service counts: on PostgreSQL the
    // limits' count then becomes the largest cost of a submission, a cost no real county pays.
    String window = System.getProperty("liaison.bench.opinion.limitWindow", "250ms");
    Map<String, Object> limits =
        Map.of(
            "hub.opinions.per-ip",
            1_000_000,
            "hub.opinions.per-ip-window",
            window,
            "hub.opinions.per-token",
            1_000_000,
            "hub.opinions.per-token-window",
            window);
    try (RunningHub hub = RunningHub.start(data, store, limits);
        DatabaseWork work =
            new DatabaseWork(
                hub.bean(liaison.hub.db.Database.class),
                store == TestDatabases.Store.POSTGRESQL
                    ? TestDatabases.postgresOf(data).connect()
                    : null)) {
      String token =
          hub.bean(StationRepository.class).find("s-001").orElseThrow().station().publicToken();
      URI url = hub.url("/o/" + token);
      Run plain;
      Run multipart;
      try (StationsProcess clients =
          StationsProcess.start(
              dir,
              OpinionLoad.class,
              List.of(
                  url.getHost(),
                  Integer.toString(url.getPort()),
                  url.getRawPath(),
                  Integer.toString(CLIENTS)),
              List.of(OpinionLoad.ANSWER))) {
        // Both kinds warmed up before either is measured, multipart first: the code both share is
        // then compiled for both before the verdict's series (warmed up last, with multipart after
        // it, the plain series paid for the JIT recompiling that code: 3.7 s of a 5 s series).
        phase(clients, "multipart", MULTIPART_WARM_UP, 0, null);
        phase(clients, "plain", WARM_UP, MULTIPART_WARM_UP, null);
        int offset = WARM_UP + MULTIPART_WARM_UP;
        plain = phase(clients, "plain", COUNT, offset, work);
        multipart = phase(clients, "multipart", COUNT, offset + COUNT, work);
      }
      int expected = WARM_UP + COUNT + MULTIPART_WARM_UP + COUNT;
      int stored =
          hub.bean(liaison.hub.db.Database.class)
              .withHandle(
                  h ->
                      h.createQuery("SELECT COUNT(*) FROM opinion_case")
                          .mapTo(Integer.class)
                          .one());
      if (stored < expected) {
        throw new IllegalStateException(
            "expected at least " + expected + " cases stored, found " + stored);
      }

      OpinionSubmissions submissions = hub.bean(OpinionSubmissions.class);
      OpinionSubmissions.Address address = new OpinionSubmissions.Address("s-001", null);
      long[] direct = new long[COUNT];
      DatabaseWork.Mark directMark = work.mark();
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
      double directSeconds = (System.nanoTime() - startDirect) / 1e9;
      double directCpu = (cpu() - cpuDirect) / 1e3 / COUNT;
      Run service =
          new Run(direct, COUNT / directSeconds, directCpu, work.since(directMark, COUNT));
      Run bare;
      if (store == TestDatabases.Store.SQLITE) {
        bare = bareInserts(data.resolveSibling("bare"));
      } else {
        // The database the hub migrated, its own station: the same server, schema and settings.
        try (Connection db = TestDatabases.postgresOf(data).connect()) {
          bare = bareInserts(db, "s-001", 1);
        }
      }
      return new Run[] {plain, multipart, service, bare};
    }
  }

  /**
   * {@code count} submissions of {@code kind} sent by the clients' JVM, each of which must answer
   * 303; the hub's CPU counted from the moment the clients are told to go to their last answer.
   */
  private static Run phase(
      StationsProcess clients, String kind, int count, int offset, @Nullable DatabaseWork work)
      throws Exception {
    clients.send("run " + kind + " " + count + " " + offset);
    clients.next(OpinionLoad.ANSWER + "ready", Duration.ofMinutes(2));
    DatabaseWork.Mark mark = work == null ? null : work.mark();
    long cpuStart = cpu();
    long jitStart = jit();
    clients.send("go");
    String[] done = clients.next(OpinionLoad.ANSWER + "done ", Duration.ofMinutes(10)).split(" ");
    long hubCpu = cpu() - cpuStart;
    long jit = jit() - jitStart;
    double seconds = Double.parseDouble(done[0]);
    long clientsCpu = Long.parseLong(done[1]);
    long[] nanos = Arrays.stream(done[2].split(",")).mapToLong(Long::parseLong).toArray();
    return new Run(
        nanos,
        count / seconds,
        hubCpu / 1e3 / count,
        clientsCpu / 1e3 / count,
        jit,
        mark == null ? DatabaseWork.Per.NONE : work.since(mark, count));
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
      return bareInserts(db, "s-b", Double.NaN);
    }
  }

  /**
   * The case and its 'submit' line for {@code station}, one transaction each, on one thread; {@code
   * transactions} as the table shows it (1 on PostgreSQL, NaN where a commit is no round trip).
   */
  private static Run bareInserts(Connection db, String station, double transactions)
      throws Exception {
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
      // Two statements and a commit each, by construction; the server's CPU not measured here.
      return new Run(
          nanos,
          COUNT / ((System.nanoTime() - start) / 1e9),
          (cpu() - cpuStart) / 1e3 / COUNT,
          new DatabaseWork.Per(2, transactions, Double.NaN, Double.NaN));
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

  /**
   * What the database did over a series, per submission: the statements the hub sent (each a round
   * trip to PostgreSQL's server), on PostgreSQL the transactions committed in the hub's database
   * (each one more round trip, its commit) and the CPU of the server's processes: those serving
   * this database's connections and all of them (its WAL writer and the rest included; other
   * databases' too, so on a quiet machine only). NaN where it does not apply or cannot be read.
   */
  static final class DatabaseWork implements AutoCloseable {
    /** What was done per submission; NaN where not known. */
    record Per(double statements, double transactions, double backendsMicros, double serverMicros) {
      static final Per NONE = new Per(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** The counters at one moment. */
    record Mark(long statements, long transactions, Map<Long, Long> backends, long server) {}

    // Linux's USER_HZ, the unit of /proc/<pid>/stat's CPU times, on every architecture we run.
    private static final double MICROS_PER_TICK = 10_000;
    private final CountedStatements statements;
    private final @Nullable Connection postgres;

    DatabaseWork(liaison.hub.db.Database database, @Nullable Connection postgres) {
      this.statements = CountedStatements.all(database);
      this.postgres = postgres;
    }

    /**
     * The counters now. PostgreSQL's servers publish a transaction count at most a second after it,
     * so on PostgreSQL this waits that second, after reading the CPU times (not in a smoke run,
     * whose figures mean nothing).
     */
    Mark mark() throws Exception {
      long counted = statements.count();
      if (postgres == null) {
        return new Mark(counted, 0, Map.of(), 0);
      }
      Map<Long, Long> backends = new java.util.HashMap<>();
      try (Statement s = postgres.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT pid FROM pg_stat_activity"
                      + " WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
        while (rs.next()) {
          long pid = rs.getLong(1);
          backends.put(pid, ticks(pid));
        }
      }
      long server = 0;
      try (var procs = java.nio.file.Files.list(Path.of("/proc"))) {
        for (Path p : (Iterable<Path>) procs::iterator) {
          String name = p.getFileName().toString();
          if (name.chars().allMatch(Character::isDigit)
              && java.nio.file.Files.isReadable(p.resolve("stat"))) {
            String stat = readOrEmpty(p.resolve("stat"));
            if (stat.contains("(postgres)")) {
              server += ticks(Long.parseLong(name));
            }
          }
        }
      } catch (java.io.IOException e) {
        server = -1;
      }
      Thread.sleep(Benchmarks.choose(1_100, 0));
      long transactions;
      try (Statement s = postgres.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
        rs.next();
        transactions = rs.getLong(1);
      }
      return new Mark(counted, transactions, backends, server);
    }

    /** What was done since {@code start}, per each of {@code count} submissions. */
    Per since(Mark start, int count) throws Exception {
      Mark end = mark();
      double statementsEach = (end.statements() - start.statements()) / (double) count;
      if (postgres == null) {
        return new Per(statementsEach, Double.NaN, Double.NaN, Double.NaN);
      }
      long backends = 0;
      for (Map.Entry<Long, Long> b : end.backends().entrySet()) {
        backends += b.getValue() - start.backends().getOrDefault(b.getKey(), 0L);
      }
      return new Per(
          statementsEach,
          (end.transactions() - start.transactions()) / (double) count,
          backends * MICROS_PER_TICK / count,
          start.server() < 0 || end.server() < 0
              ? Double.NaN
              : (end.server() - start.server()) * MICROS_PER_TICK / count);
    }

    /** A process's user and system CPU time so far, in ticks; 0 when it is gone. */
    private static long ticks(long pid) {
      String stat = readOrEmpty(Path.of("/proc", Long.toString(pid), "stat"));
      int close = stat.lastIndexOf(')');
      if (close < 0) {
        return 0;
      }
      String[] fields = stat.substring(close + 2).split(" ");
      // After the name: state is field 3, utime 14 and stime 15.
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static String readOrEmpty(Path file) {
      try {
        return java.nio.file.Files.readString(file);
      } catch (java.io.IOException e) {
        return "";
      }
    }

    @Override
    public void close() throws SQLException {
      statements.close();
      if (postgres != null) {
        postgres.close();
      }
    }
  }
}
