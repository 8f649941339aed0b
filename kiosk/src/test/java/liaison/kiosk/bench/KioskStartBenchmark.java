package liaison.kiosk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liaison.signage.player.StationConfig;
import liaison.signage.player.store.ContentStore;
import liaison.signage.protocol.GoldenFiles;
import liaison.signage.protocol.StationContent;
import liaison.testkit.Benchmarks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Cold start to the first frame: fresh JVMs that open the kiosk on a station store holding the
 * golden content, beside a fresh JVM that opens an empty JavaFX window the same way, rounds
 * alternating. The kiosk in the order before issue 22 (store opened in {@code Application.start},
 * link started before the first frame), and as {@code KioskApp} starts now ({@link
 * liaison.kiosk.app.KioskStart}): with sqlite-jdbc unpacking its library, given it unpacked (as the
 * station's launcher does), with a JDK AOT cache a training run made in this benchmark, and as the
 * station runs it: that with the bundle's {@code conf/jvm.options} too (and its own cache). Every
 * child runs on jars, as a station does. Prints p50 and min of each, the ratios to the bare window,
 * and where each one's time goes; asserts nothing about time. Smoke mode: bare and the kiosk with
 * the library given, without a cache, one round.
 *
 * <p>Run with {@code ./liaison bench}.
 */
class KioskStartBenchmark {
  private static final int WARMUP_ROUNDS = Benchmarks.count(1, 0);

  /** {@code -Dliaison.kioskStart.rounds=N}: more rounds on a noisy machine (5 unless given). */
  private static final int ROUNDS =
      Benchmarks.count(Integer.getInteger("liaison.kioskStart.rounds", 5), 1);

  /**
   * {@code -Dliaison.kioskStart.series=old,unpacked,given,cached,station}: the kiosk series to run
   * beside the bare window (all unless given), to measure one change quickly.
   */
  private static final List<String> CHOSEN =
      List.of(
          System.getProperty("liaison.kioskStart.series", "old,unpacked,given,cached,station")
              .split(","));

  /** The pulse waits for the renderer, so "first frame" means drawn, not only handed over. */
  private static final List<String> FRAME_DRAWN = List.of("-Dquantum.multithreaded=false");

  private static final String BARE = "bare JavaFX window";
  private static final String SERIAL = "kiosk before issue 22 (open in start, link before frame)";
  private static final String UNPACKING = "kiosk, SQLite library unpacked at each start";
  private static final String GIVEN = "kiosk, SQLite library given";
  private static final String CACHED = "kiosk, library given + AOT cache, JVM defaults";
  private static final String STATION = "kiosk as the station runs it (+ conf/jvm.options)";

  @TempDir Path dir;
  private String trainingReport = "";

  @Test
  void coldStartToFirstFrame() throws IOException {
    StationContent golden = GoldenFiles.content();
    Path stationDir = dir.resolve("station");
    try (ContentStore store =
        ContentStore.open(StationConfig.of("s-001", "tcp://127.0.0.1:1", stationDir).storeFile())) {
      store.storeIfNewer(golden, OffsetDateTime.now(ZoneId.of("Asia/Shanghai")));
    }
    // Only jars, as in a station's bundle: an AOT cache takes no class folders.
    String classPath = ChildJvm.jarredTestClassPath(dir.resolve("class-path"));
    List<String> unpacking = FRAME_DRAWN;
    List<String> given = new ArrayList<>(FRAME_DRAWN);
    given.addAll(sqliteLibrary(dir.resolve("native")));
    // The station's own JVM options (the bundle's conf/jvm.options) beside the library given.
    List<String> launcher = new ArrayList<>(given);
    launcher.addAll(StationWritesBenchmark.bundleJvmOptions());
    MachineLoad load = MachineLoad.measure();
    Map<String, List<Map<String, Long>>> runs = new LinkedHashMap<>();
    try (BrokerProcess broker = BrokerProcess.start(dir)) {
      Map<String, List<String>> series = new LinkedHashMap<>();
      series.put(BARE, FRAME_DRAWN);
      if (!Benchmarks.smoke()) {
        if (CHOSEN.contains("old")) {
          series.put(SERIAL, unpacking);
        }
        if (CHOSEN.contains("unpacked")) {
          series.put(UNPACKING, unpacking);
        }
      }
      if (Benchmarks.smoke() || CHOSEN.contains("given")) {
        series.put(GIVEN, given);
      }
      if (!Benchmarks.smoke()) {
        StringBuilder training = new StringBuilder();
        if (CHOSEN.contains("cached")) {
          series.put(
              CACHED,
              trained(given, dir.resolve("kiosk.aot"), classPath, stationDir, broker, training));
        }
        if (CHOSEN.contains("station")) {
          series.put(
              STATION,
              trained(
                  launcher, dir.resolve("station.aot"), classPath, stationDir, broker, training));
        }
        // -Dliaison.kioskStart.options="-XX:… -D…|-XX:…": one more series for each set of options
        // (sets apart by '|'), the station's with these too, to try JVM options for the launcher.
        int n = 0;
        for (String options : System.getProperty("liaison.kioskStart.options", "").split("\\|")) {
          if (!options.isBlank()) {
            List<String> more = new ArrayList<>(launcher);
            more.addAll(List.of(options.strip().split("\\s+")));
            series.put(
                "station + " + options.strip(),
                trained(
                    more,
                    dir.resolve("options-" + n++ + ".aot"),
                    classPath,
                    stationDir,
                    broker,
                    training));
          }
        }
        trainingReport = training.toString();
      } else {
        trainingReport = "no AOT cache in smoke mode\n";
      }
      series.keySet().forEach(name -> runs.put(name, new ArrayList<>()));
      for (int round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
        for (Map.Entry<String, List<String>> s : series.entrySet()) {
          List<String> args =
              switch (s.getKey()) {
                case BARE -> List.of("bare", "0");
                case SERIAL -> List.of("kiosk-serial", "0", stationDir.toString(), broker.uri());
                default -> List.of("kiosk", "0", stationDir.toString(), broker.uri());
              };
          Map<String, Long> run =
              start(
                  ChildJvm.builder(
                      classPath,
                      ScreenProbe.class,
                      dir,
                      s.getValue(),
                      args.toArray(String[]::new)));
          if (!s.getKey().equals(BARE) && run.get("shownVersion") != golden.version()) {
            throw new IllegalStateException(
                "the kiosk's first frame showed content version "
                    + run.get("shownVersion")
                    + ", expected the stored "
                    + golden.version()
                    + "; the screen did not draw the stored content at start");
          }
          if (round >= WARMUP_ROUNDS) {
            runs.get(s.getKey()).add(run);
          }
        }
      }
    }
    List<Map<String, Long>> bare = runs.get(BARE);

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
            "| %-72s | %9s | %9s | %11s | %11s |%n",
            "series", "p50 ms", "min ms", "p50 / bare", "min / bare"));
    for (String from : List.of("launch", "main")) {
      String what = from.equals("launch") ? "launch" : "main()";
      long[] base = span(bare, from, "firstFrame");
      report.append(row(BARE + ": " + what + " → first frame", base, null));
      for (String name : runs.keySet()) {
        if (!name.equals(BARE)) {
          report.append(
              row(
                  name + ": " + what + " → first frame",
                  span(runs.get(name), from, "firstFrame"),
                  base));
        }
      }
    }
    report.append(trainingReport);
    report.append(
        "a station runs the last series: with its conf/jvm.options and the cache once its first"
            + " start of a version has trained one (without the cache before)\n");
    report.append("\nwhere the time goes, p50 ms; columns in the order of the series above\n");
    String[][] steps = {
      {"launch → main() (JVM start)", "launch", "main"},
      {"main() → Application.start (toolkit up)", "main", "start"},
      {"CjkFonts.detect (now: + faces opened, before the wait)", "fontsFrom", "fonts"},
      {"waiting for StationRuntime.open (now: begun in main())", "openWaitFrom", "runtimeOpen"},
      {"new KioskScreen (builds and fills the view)", "screenFrom", "screen"},
      {"new Scene + stage.show() (CSS, layout)", "screen", "shown"},
      {"Application.start in all", "start", "shown"},
      {"show() → first pulse laid out (CSS, layout)", "shown", "laidOut"},
      {"laid out → frame drawn (sync, software render)", "laidOut", "firstFrame"},
    };
    stepRows(report, runs, steps);
    // The wall clock on a loaded machine counts the other builds' turns too; CPU time far less.
    report.append(
        "\nCPU time, p50 ms: the FX thread's in each step, and the whole process's (every thread:"
            + " the store's, the renderer's, GC, JIT) from the JVM's start to the first frame\n");
    String[][] cpuSteps = {
      {"CjkFonts.detect, the families listed (FX thread)", "fontsFromFxCpu", "fontsDetectedFxCpu"},
      {"the first view's faces opened (FX thread)", "fontsDetectedFxCpu", "fontsFxCpu"},
      {"new KioskScreen (FX thread)", "screenFromFxCpu", "screenFxCpu"},
      {"new Scene + stage.show() (FX thread)", "screenFxCpu", "shownFxCpu"},
      {"Application.start in all (FX thread)", "startFxCpu", "shownFxCpu"},
      {"show() → frame drawn (FX thread)", "shownFxCpu", "firstFrameFxCpu"},
      {"laid out → frame drawn (renderer's thread)", "laidOutRenderCpu", "firstFrameRenderCpu"},
    };
    stepRows(report, runs, cpuSteps);
    report.append(String.format("| %-56s |", "process, JVM start → first frame (all threads)"));
    for (List<Map<String, Long>> series : runs.values()) {
      report.append(
          String.format(
              " %7s |",
              p50(series.stream().mapToLong(m -> m.get("processCpu") * 1_000).toArray())));
    }
    report.append('\n');
    report.append(load.summary()).append('\n');
    Benchmarks.record("kiosk-start", report.toString());
  }

  /**
   * Makes an AOT cache for the kiosk started with {@code options} by one training run, as the
   * station's launcher does once per version (a start that ends after its first frame, with {@code
   * -Dliaison.aotTraining=true}; the JVM writes the cache as it exits), and returns those options
   * with the cache. What it took and the cache's size go into {@code report}.
   */
  private static List<String> trained(
      List<String> options,
      Path cache,
      String classPath,
      Path stationDir,
      BrokerProcess broker,
      StringBuilder report) {
    List<String> training = new ArrayList<>(options);
    training.add("-XX:AOTCacheOutput=" + cache);
    training.add("-Dliaison.aotTraining=true");
    long t0 = System.nanoTime();
    ChildJvm.run(
        ChildJvm.builder(
            classPath,
            ScreenProbe.class,
            stationDir.getParent(),
            training,
            "kiosk",
            "0",
            stationDir.toString(),
            broker.uri()),
        300);
    long millis = (System.nanoTime() - t0) / 1_000_000;
    try {
      report.append(
          String.format(
              "AOT cache %s: one training run %,d ms (start, first frame, cache written at exit),"
                  + " %,d bytes%n",
              cache.getFileName(), millis, Files.size(cache)));
    } catch (IOException e) {
      throw new IllegalStateException("the training run wrote no AOT cache at " + cache, e);
    }
    List<String> cached = new ArrayList<>(options);
    cached.add("-XX:AOTCache=" + cache);
    return cached;
  }

  /**
   * The options that give sqlite-jdbc its native library already unpacked, as the station's
   * launcher does from the bundle's {@code native/} folder.
   */
  private static List<String> sqliteLibrary(Path folder) throws IOException {
    String resource =
        LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
    Files.createDirectories(folder);
    try (InputStream in = ContentStore.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("sqlite-jdbc has no native library at " + resource);
      }
      Files.copy(in, folder.resolve(LibraryLoaderUtil.getNativeLibName()));
    }
    return List.of(
        "-Dorg.sqlite.lib.path=" + folder,
        "-Dorg.sqlite.lib.name=" + LibraryLoaderUtil.getNativeLibName());
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
        "| %-72s | %9.0f | %9.0f | %11s | %11s |%n", label, p50, min, p50Ratio, minRatio);
  }

  /**
   * One row per step: its label, then each series' p50 from the step's first moment to its last.
   */
  private static void stepRows(
      StringBuilder report, Map<String, List<Map<String, Long>>> runs, String[][] steps) {
    for (String[] step : steps) {
      report.append(String.format("| %-56s |", step[0]));
      for (List<Map<String, Long>> series : runs.values()) {
        report.append(String.format(" %7s |", p50(span(series, step[1], step[2]))));
      }
      report.append('\n');
    }
  }

  private static String p50(long[] nanos) {
    return nanos.length == 0 ? "—" : String.format("%.0f", Benchmarks.quantileMillis(nanos, 0.5));
  }
}
