package liaison.kiosk.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import liaison.signage.player.StationConfig;
import liaison.signage.player.store.ContentStore;
import liaison.signage.protocol.GoldenFiles;
import liaison.signage.protocol.StationContent;
import liaison.testkit.Benchmarks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cold start to the first frame: a fresh JVM that opens the kiosk on a station store holding the
 * golden content, beside a fresh JVM that opens an empty JavaFX window the same way, rounds
 * alternating. Prints p50 and min of each, the ratio kiosk / bare, and where the kiosk's time goes;
 * asserts nothing about time.
 *
 * <p>Run with {@code ./liaison bench}.
 */
class KioskStartBenchmark {
  private static final int WARMUP_ROUNDS = Benchmarks.count(1, 0);
  private static final int ROUNDS = Benchmarks.count(5, 1);

  /** The pulse waits for the renderer, so "first frame" means drawn, not only handed over. */
  private static final List<String> FRAME_DRAWN = List.of("-Dquantum.multithreaded=false");

  @TempDir Path dir;

  @Test
  void coldStartToFirstFrame() {
    StationContent golden = GoldenFiles.content();
    Path stationDir = dir.resolve("station");
    try (ContentStore store =
        ContentStore.open(StationConfig.of("s-001", "tcp://127.0.0.1:1", stationDir).storeFile())) {
      store.storeIfNewer(golden, OffsetDateTime.now(ZoneId.of("Asia/Shanghai")));
    }
    MachineLoad load = MachineLoad.measure();
    List<Map<String, Long>> bare = new ArrayList<>();
    List<Map<String, Long>> kiosk = new ArrayList<>();
    try (BrokerProcess broker = BrokerProcess.start(dir)) {
      for (int round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
        Map<String, Long> b =
            start(ChildJvm.builder(ScreenProbe.class, dir, FRAME_DRAWN, "bare", "0"));
        Map<String, Long> k =
            start(
                ChildJvm.builder(
                    ScreenProbe.class,
                    dir,
                    FRAME_DRAWN,
                    "kiosk",
                    "0",
                    stationDir.toString(),
                    broker.uri()));
        if (k.get("shownVersion") != golden.version()) {
          throw new IllegalStateException(
              "the kiosk's first frame showed content version "
                  + k.get("shownVersion")
                  + ", expected the stored "
                  + golden.version()
                  + "; the screen did not draw the stored content at start");
        }
        if (round >= WARMUP_ROUNDS) {
          bare.add(b);
          kiosk.add(k);
        }
      }
    }

    StringBuilder report = new StringBuilder();
    report
        .append("cold start to first frame drawn, ")
        .append(ScreenProbe.WIDTH)
        .append('×')
        .append(ScreenProbe.HEIGHT)
        .append(", fresh JVM each, ")
        .append(ROUNDS)
        .append(" rounds alternating after ")
        .append(WARMUP_ROUNDS)
        .append(" warm-up\n");
    report.append(
        String.format(
            "| %-44s | %9s | %9s | %11s | %11s |%n",
            "series", "p50 ms", "min ms", "p50 / bare", "min / bare"));
    report.append(
        row("bare JavaFX window: launch → first frame", span(bare, "launch", "firstFrame"), null));
    report.append(
        row(
            "kiosk: launch → first frame",
            span(kiosk, "launch", "firstFrame"),
            span(bare, "launch", "firstFrame")));
    report.append(
        row("bare JavaFX window: main() → first frame", span(bare, "main", "firstFrame"), null));
    report.append(
        row(
            "kiosk: main() → first frame",
            span(kiosk, "main", "firstFrame"),
            span(bare, "main", "firstFrame")));
    report.append("\nwhere the time goes, p50 ms\n");
    report.append(String.format("| %-52s | %7s | %7s |%n", "step", "bare", "kiosk"));
    report.append(step("launch → main() (JVM start)", bare, kiosk, "launch", "main"));
    report.append(step("main() → Application.start (toolkit up)", bare, kiosk, "main", "start"));
    report.append(
        step(
            "StationRuntime.open (SQLite store, stored snapshot)",
            bare,
            kiosk,
            "start",
            "runtimeOpen"));
    report.append(step("CjkFonts.detect", bare, kiosk, "runtimeOpen", "fonts"));
    report.append(
        step("new KioskScreen (builds and fills the view)", bare, kiosk, "fonts", "screen"));
    report.append(step("new Scene + stage.show()", bare, kiosk, "screen", "shown"));
    report.append(step("Application.start in all", bare, kiosk, "start", "shown"));
    report.append(
        step("show() → first pulse laid out (CSS, layout)", bare, kiosk, "shown", "laidOut"));
    report.append(
        step(
            "laid out → frame drawn (sync, software render)",
            bare,
            kiosk,
            "laidOut",
            "firstFrame"));
    report.append(load.summary()).append('\n');
    Benchmarks.record("kiosk-start", report.toString());
  }

  /** One child JVM's moments, in microseconds of the wall clock, and the version it showed. */
  private static Map<String, Long> start(ProcessBuilder builder) {
    long launched = ScreenProbe.micros(Instant.now());
    Map<String, String> figures = ChildJvm.run(builder, 120);
    Map<String, Long> moments = new java.util.HashMap<>();
    moments.put("launch", launched);
    figures.forEach(
        (key, value) ->
            moments.put(
                key.endsWith("Micros") ? key.substring(0, key.length() - "Micros".length()) : key,
                Long.parseLong(value)));
    ChildJvm.figure(figures, "firstFrameMicros");
    return moments;
  }

  /** The durations from one moment to another, in nanoseconds, or none if a moment is missing. */
  private static long[] span(List<Map<String, Long>> runs, String from, String to) {
    if (runs.stream().anyMatch(m -> !m.containsKey(from) || !m.containsKey(to))) {
      return new long[0];
    }
    return runs.stream().mapToLong(m -> (m.get(to) - m.get(from)) * 1_000).toArray();
  }

  private static String row(String label, long[] nanos, long[] base) {
    double p50 = Benchmarks.quantileMillis(nanos, 0.5);
    double min = Benchmarks.quantileMillis(nanos, 0);
    String p50Ratio = "baseline";
    String minRatio = "baseline";
    if (base != null) {
      p50Ratio = String.format("%.2f", p50 / Benchmarks.quantileMillis(base, 0.5));
      minRatio = String.format("%.2f", min / Benchmarks.quantileMillis(base, 0));
    }
    return String.format(
        "| %-44s | %9.0f | %9.0f | %11s | %11s |%n", label, p50, min, p50Ratio, minRatio);
  }

  private static String step(
      String label,
      List<Map<String, Long>> bare,
      List<Map<String, Long>> kiosk,
      String from,
      String to) {
    return String.format(
        "| %-52s | %7s | %7s |%n", label, p50(span(bare, from, to)), p50(span(kiosk, from, to)));
  }

  private static String p50(long[] nanos) {
    return nanos.length == 0 ? "—" : String.format("%.0f", Benchmarks.quantileMillis(nanos, 0.5));
  }
}
