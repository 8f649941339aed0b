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
 * Small helpers for the benchmarks ({@code *Benchmark}, run by {@code ./liaison bench}): they print
 * figures and write them under {@code target/benchmarks/}; they never assert a time.
 */
public final class Benchmarks {
  private Benchmarks() {}

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
    out.append(String.format("| %-44s | %9s | %9s | %11s | %11s |%n", "series", "p50 ms", "p99 ms", "p50 / base", "p99 / base"));
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

  /** Prints the figures and keeps them in {@code target/benchmarks/<name>.txt} with the date. */
  public static void record(String name, String report) {
    String stamped =
        "# "
            + name
            + " · "
            + OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
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
      Files.writeString(dir.resolve(name + ".txt"), stamped);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
