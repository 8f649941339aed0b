package liaison.kiosk.bench;

import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import liaison.hub.broker.BrokerClient;
import liaison.kiosk.app.DemoHubs;
import liaison.kiosk.app.EnrolledStations;
import liaison.signage.player.StationConfig;
import liaison.signage.protocol.GoldenFiles;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.Topic;
import liaison.testkit.Benchmarks;
import liaison.testkit.TestBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a station writes to its SD card in a day: a station runtime in a JVM of its own, enrolled at
 * a real hub (its embedded broker refuses anyone without a credential), goes through a busy day's
 * work compressed into two minutes (the hub publishes the day's content changes, the station sends
 * its heartbeats, proofs of display and motion, button and kiosk events, all acknowledged), beside
 * the same JVM idle with JavaFX's toolkit up, with and without the bundle's {@code
 * conf/jvm.options}. Each JVM reads its own {@code /proc/self/io}.
 *
 * <p>The figures per day: the JVM's own writes are time-bound (its idle rate × 86,400 s); the
 * store's are work-bound (the day's work, less the idle rate over the window). Prints both, and the
 * SQLite files' sizes; asserts nothing.
 *
 * <p>Run with {@code ./liaison bench}.
 */
class StationWritesBenchmark {
  private static final int IDLE_SECONDS = Benchmarks.count(60, 1);
  private static final int DAY_SECONDS = Benchmarks.count(120, 1);

  /** A busy day: a 30 s heartbeat, a 15 s notice loop for 12 opening hours, a steady hall. */
  private static final StationDay.Load DAY =
      Benchmarks.choose(
          new StationDay.Load(2_880, 2_880, 300, 60, 12, 300, 40),
          new StationDay.Load(4, 3, 1, 1, 1, 1, 1));

  /** A content change about every 30 minutes. */
  private static final int CONTENT_CHANGES = Benchmarks.count(48, 2);

  /** Above the demo hub's own snapshot of s-001, so each published one is stored. */
  private static final long FIRST_VERSION = 1_000_000;

  private static final Path JVM_OPTIONS =
      Path.of("..", "signage", "bundle", "src", "main", "bundle", "conf", "jvm.options");

  @TempDir Path dir;

  @Test
  void bytesWrittenInADay() throws Exception {
    MachineLoad load = MachineLoad.measure();
    List<String> bundleOptions = bundleJvmOptions();
    Map<String, String> idleDefault = idle(List.of(), "idle-default");
    Map<String, String> idleBundle = idle(bundleOptions, "idle-bundle");
    Map<String, String> station = stationDay(bundleOptions);

    double perDay = 86_400.0;
    double defaultRate = rate(idleDefault, "writeBytes");
    double bundleRate = rate(idleBundle, "writeBytes");
    double window = ChildJvm.figure(station, "windowNanos") / 1e9;
    double storeBytes = ChildJvm.figure(station, "writeBytes") - bundleRate * window;
    double storeChars = ChildJvm.figure(station, "wchar") - rate(idleBundle, "wchar") * window;
    String row = "| %-52s | %14s | %14s |%n";
    String report =
        "Bytes a station writes per day ("
            + (int) window
            + " s window for a day of "
            + DAY
            + " and "
            + CONTENT_CHANGES
            + " content changes; idle baselines of "
            + IDLE_SECONDS
            + " s; jvm.options "
            + bundleOptions
            + ")\n"
            + String.format(row, "source", "write_bytes/day", "wchar/day")
            + String.format(
                row,
                "JVM + JavaFX idle, default flags (baseline)",
                mb(defaultRate * perDay),
                mb(rate(idleDefault, "wchar") * perDay))
            + String.format(
                row,
                "JVM + JavaFX idle, the bundle's jvm.options",
                mb(bundleRate * perDay),
                mb(rate(idleBundle, "wchar") * perDay))
            + String.format(
                row, "the station's work (store), a day", mb(storeBytes), mb(storeChars))
            + String.format(
                row,
                "station total, a day (bundle's options)",
                mb(bundleRate * perDay + storeBytes),
                mb(rate(idleBundle, "wchar") * perDay + storeChars))
            + String.format(
                "store: %,d events; per event %.0f bytes to the block layer, %d write() calls in"
                    + " the window; station.db %,d → %,d bytes, WAL %,d bytes at the end%n",
                ChildJvm.figure(station, "events"),
                storeBytes / Math.max(1, ChildJvm.figure(station, "events")),
                ChildJvm.figure(station, "syscw"),
                ChildJvm.figure(station, "dbBefore"),
                ChildJvm.figure(station, "db"),
                ChildJvm.figure(station, "wal"))
            + load.summary()
            + "\n";
    Benchmarks.record("station-writes", report);
  }

  private Map<String, String> idle(List<String> options, String name) throws IOException {
    Path work = Files.createDirectories(dir.resolve(name));
    return ChildJvm.run(
        ChildJvm.builder(StationDay.class, work, options, "idle", Integer.toString(IDLE_SECONDS)),
        IDLE_SECONDS + 90);
  }

  /** The hub in this JVM, the station in its own; the hub publishes the day's content changes. */
  private Map<String, String> stationDay(List<String> options) throws Exception {
    int mqttPort = TestBroker.freePort();
    try (ApplicationContext hub = DemoHubs.start(dir.resolve("hub"), mqttPort)) {
      BrokerClient broker = hub.getBean(BrokerClient.class);
      Benchmarks.waitUntil(broker::isConnected, "the hub's client to connect");
      Path stationDir = dir.resolve("station");
      String uri = "tcp://127.0.0.1:" + mqttPort;
      StationConfig config =
          EnrolledStations.enrolled(hub, StationConfig.of("s-001", uri, stationDir));
      List<String> args = new ArrayList<>();
      args.addAll(
          List.of(
              "station",
              Integer.toString(DAY_SECONDS),
              stationDir.toString(),
              uri,
              config.access().login().password(),
              Long.toString(FIRST_VERSION + CONTENT_CHANGES)));
      args.addAll(DAY.args());
      ProcessBuilder builder =
          ChildJvm.builder(
              StationDay.class,
              Files.createDirectories(dir.resolve("station-work")),
              options,
              args.toArray(String[]::new));
      CompletableFuture<Map<String, String>> run =
          CompletableFuture.supplyAsync(() -> ChildJvm.run(builder, DAY_SECONDS + 180));
      Benchmarks.waitUntil(
          () -> Files.exists(stationDir.resolve(StationDay.WINDOW_STARTED)) || run.isDone(),
          "the station's window to start");
      String topic = Topic.stationContent("s-001").toString();
      long every = DAY_SECONDS * 1_000L / CONTENT_CHANGES;
      for (int i = 1; i <= CONTENT_CHANGES && !run.isDone(); i++) {
        Thread.sleep(every / 2);
        broker
            .publish(
                topic,
                ProtocolCodec.encode(GoldenFiles.contentWithVersion(FIRST_VERSION + i)),
                1,
                true)
            .get(10, TimeUnit.SECONDS);
        Thread.sleep(every - every / 2);
      }
      return run.get(DAY_SECONDS + 200, TimeUnit.SECONDS);
    }
  }

  /**
   * The options the launcher passes, one a line, {@code #} comments: as the launcher reads them.
   */
  static List<String> bundleJvmOptions() throws IOException {
    return Files.readAllLines(JVM_OPTIONS).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }

  private static double rate(Map<String, String> figures, String key) {
    return ChildJvm.figure(figures, key) / (ChildJvm.figure(figures, "windowNanos") / 1e9);
  }

  private static String mb(double bytes) {
    return String.format("%.2f MB", bytes / 1e6);
  }
}
