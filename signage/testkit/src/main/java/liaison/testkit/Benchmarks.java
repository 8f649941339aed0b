package liaison.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What every benchmark ({@code *Benchmark}) shares: its counts, its waits, its tables and where its
 * figures go. A benchmark prints figures and writes them under {@code target/benchmarks/}; it never
 * asserts a time.
 *
 * <p>Two modes. {@code ./liaison bench} runs each benchmark in full. {@code ./liaison test} runs
 * each once in a smoke mode (the build sets {@value #SMOKE_PROPERTY}{@code =true}): tiny counts,
 * the same code path, so that a change that breaks a benchmark fails the suite instead of being
 * found months later. A benchmark takes every count and duration from {@link #count} or {@link
 * #choose}, never from the property itself.
 */
public final class Benchmarks {
  /** The system property the build sets for the smoke runs; read here only. */
  public static final String SMOKE_PROPERTY = "liaison.bench.smoke";

  private Benchmarks() {}

  /** Whether this is a smoke run: counts are tiny and the figures mean nothing. */
  public static boolean smoke() {
    return Boolean.getBoolean(SMOKE_PROPERTY);
  }

  /** {@code full} in a benchmark run, {@code smoke} in a smoke run. */
  public static int count(int full, int smoke) {
    return smoke() ? smoke : full;
  }

  /** {@code full} in a benchmark run, {@code smoke} in a smoke run: for what is not a count. */
  public static <T> T choose(T full, T smoke) {
    return smoke() ? smoke : full;
  }

  /** Waits for a condition a benchmark needs before it measures; fails after 30 s naming it. */
  public static void waitUntil(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("gave up waiting for " + what + " after 30 s");
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + what, e);
      }
    }
  }

  /** The q-quantile (0..1) of durations in nanoseconds, in milliseconds. */
  public static double quantileMillis(long[] nanos, double q) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  /** Durations in nanoseconds under a name. */
  public record Series(String label, long[] nanos) {}

  /**
   * A table of p50/p99 per series; the first series is the baseline and each other row carries its
   * ratio to it.
   */
  public static String table(String title, List<Series> series) {
    StringBuilder out = new StringBuilder();
    out.append(title).append('\n');
    out.append(
        String.format(
            "| %-44s | %9s | %9s | %11s | %11s |%n",
            "series", "p50 ms", "p99 ms", "p50 / base", "p99 / base"));
    double baseP50 = 0;
    double baseP99 = 0;
    boolean first = true;
    for (Series e : series) {
      double p50 = quantileMillis(e.nanos(), 0.50);
      double p99 = quantileMillis(e.nanos(), 0.99);
      if (first) {
        baseP50 = p50;
        baseP99 = p99;
      }
      out.append(
          String.format(
              "| %-44s | %9.2f | %9.2f | %11s | %11s |%n",
              e.label(),
              p50,
              p99,
              first ? "baseline" : String.format("%.2f", p50 / baseP50),
              first ? "baseline" : String.format("%.2f", p99 / baseP99)));
      first = false;
    }
    return out.toString();
  }

  /**
   * Prints the figures and keeps them in {@code target/benchmarks/<name>.txt} with the date; a
   * smoke run's go to {@code <name>-smoke.txt}, so that they never take the place of a full run's.
   */
  public static void record(String name, String report) {
    String file = smoke() ? name + "-smoke" : name;
    String stamped =
        "# "
            + file
            + (smoke() ? " · smoke run: tiny counts, these figures mean nothing" : "")
            + " · "
            + OffsetDateTime.now(ZoneId.of("Asia/Shanghai"))
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
            + " · "
            + Runtime.getRuntime().availableProcessors()
            + " cores · Java "
            + Runtime.version()
            + "\n"
            + report;
    System.out.println();
    System.out.println(stamped);
    try {
      Path dir = Files.createDirectories(Path.of("target", "benchmarks"));
      Files.writeString(dir.resolve(file + ".txt"), stamped);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
