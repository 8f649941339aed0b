package liaison.hub.db;

import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import liaison.hub.RunningHub;
import liaison.hub.opinion.OpinionDraft;
import liaison.hub.opinion.OpinionSubmissions;
import liaison.hub.opinion.Resident;
import liaison.hub.station.StationRepository;
import liaison.testkit.Benchmarks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sixteen writers at once on the hub's SQLite default: residents' opinions over HTTP (multipart
 * POST → 303), beside the same submissions handed to {@code OpinionSubmissions.submit} from sixteen
 * threads in the same run. While the HTTP writers run, a seventeenth client asks {@code /health}
 * every 20 ms: before writers took turns on platform threads, two of them waiting on SQLite's lock
 * pinned both carriers and /health took 11 s. Prints requests per second, p50/p99/max latency, the
 * count of 5xx answers and /health's latency; asserts nothing about time.
 */
class ConcurrentWritesBenchmark {
  private static final int WRITERS = Benchmarks.count(16, 4);
  private static final int COUNT = Benchmarks.count(3_200, 8);
  private static final int WARM_UP = Benchmarks.count(320, 4);

  @TempDir Path dir;

  @Test
  void sixteenConcurrentWriters() throws Exception {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    Map<String, Object> limits =
        Map.of("hub.opinions.per-ip", 1_000_000, "hub.opinions.per-token", 1_000_000);
    try (RunningHub hub = RunningHub.start(dir, limits)) {
      String token =
          hub.bean(StationRepository.class).find("s-001").orElseThrow().station().publicToken();
      Resident phone = new Resident(hub, "10.0.0.9");
      OpinionSubmissions submissions = hub.bean(OpinionSubmissions.class);
      OpinionSubmissions.Address address = new OpinionSubmissions.Address("s-001", null);

      run(WARM_UP, i -> status(phone.submit(token, fields(i))));
      run(WARM_UP, i -> direct(submissions, address, i));

      Run service = run(COUNT, i -> direct(submissions, address, i));
      HealthProbe probe = new HealthProbe(hub);
      Run http;
      try {
        http = run(COUNT, i -> status(phone.submit(token, fields(i))));
      } finally {
        probe.stop();
      }
      double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

      String report =
          String.format(
                  "| %-46s | %10s | %8s | %8s | %8s | %5s | %8s |%n",
                  "series (" + WRITERS + " writers, " + COUNT + " each run)",
                  "per second",
                  "p50 ms",
                  "p99 ms",
                  "max ms",
                  "5xx",
                  "ratio")
              + service.row("OpinionSubmissions.submit, direct", service)
              + http.row("HTTP multipart POST → 303", service)
              + String.format(
                  "%n/health while the HTTP writers ran (every 20 ms, %d asks): p50 %.2f ms, p99 %.2f ms, max %.2f ms, non-200 answers %d%n",
                  probe.nanos().length,
                  Benchmarks.quantileMillis(probe.nanos(), 0.50),
                  Benchmarks.quantileMillis(probe.nanos(), 0.99),
                  Benchmarks.quantileMillis(probe.nanos(), 1.0),
                  probe.failures())
              + String.format("load average before %.2f, after %.2f%n", load, loadAfter);
      Benchmarks.record("concurrent-writes", report);
    }
  }

  private interface Write {
    /** One write; returns its HTTP status (201 for a direct call that returned). */
    int run(int i) throws Exception;
  }

  /** Durations of each write, the rate over the run, and how many answered 5xx. */
  private record Run(long[] nanos, double perSecond, int serverErrors) {
    String row(String label, Run baseline) {
      return String.format(
          "| %-46s | %10.0f | %8.2f | %8.2f | %8.2f | %5d | %8s |%n",
          label,
          perSecond,
          Benchmarks.quantileMillis(nanos, 0.50),
          Benchmarks.quantileMillis(nanos, 0.99),
          Benchmarks.quantileMillis(nanos, 1.0),
          serverErrors,
          this == baseline ? "baseline" : String.format("%.2f", perSecond / baseline.perSecond));
    }
  }

  private static Run run(int count, Write write) throws Exception {
    long[] nanos = new long[count];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger serverErrors = new AtomicInteger();
    long start = System.nanoTime();
    try (ExecutorService writers = Executors.newFixedThreadPool(WRITERS)) {
      List<Future<?>> running = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        running.add(
            writers.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    int status = write.run(i);
                    nanos[i] = System.nanoTime() - t0;
                    if (status >= 500) {
                      serverErrors.incrementAndGet();
                    } else if (status != 303 && status != 201) {
                      throw new IllegalStateException("write " + i + " answered " + status);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    }
    return new Run(nanos, count / ((System.nanoTime() - start) / 1e9), serverErrors.get());
  }

  private static int status(HttpResponse<String> answer) {
    return answer.statusCode();
  }

  private static int direct(
      OpinionSubmissions submissions, OpinionSubmissions.Address address, int i) {
    submissions.submit(
        address, new OpinionDraft("TRANSPORT", text(i), List.of(), "", "", false, false, false));
    return 201;
  }

  private static String text(int i) {
    return "小区门口路灯坏了三个月，晚上很黑，老人孩子出门不安全，请尽快修复。第 " + i + " 条";
  }

  private static List<Resident.Field> fields(int i) {
    return List.of(
        Resident.Field.text("category", "TRANSPORT"),
        Resident.Field.text("text", text(i)),
        Resident.Field.text("name", ""),
        Resident.Field.text("phone", ""));
  }

  /** Asks /health every 20 ms on its own thread until stopped; keeps each answer's time. */
  private static final class HealthProbe {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Long> nanos = new ArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final Thread thread;

    HealthProbe(RunningHub hub) {
      thread =
          Thread.ofPlatform()
              .name("health-probe")
              .start(
                  () -> {
                    while (running.get()) {
                      long t0 = System.nanoTime();
                      int status = hub.get("/health").statusCode();
                      synchronized (nanos) {
                        nanos.add(System.nanoTime() - t0);
                      }
                      if (status != 200) {
                        failures.incrementAndGet();
                      }
                      java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
                    }
                  });
    }

    void stop() throws InterruptedException {
      running.set(false);
      thread.join();
    }

    long[] nanos() {
      synchronized (nanos) {
        return nanos.stream().mapToLong(Long::longValue).toArray();
      }
    }

    int failures() {
      return failures.get();
    }
  }
}
