package liaison.kiosk.bench;

import static liaison.signage.player.fx.FxToolkit.onFx;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.Scene;
import javafx.stage.Stage;
import liaison.kiosk.app.KioskScreen;
import liaison.signage.player.LinkStatus;
import liaison.signage.player.StationConfig;
import liaison.signage.player.StationRuntime;
import liaison.signage.player.fx.CjkFonts;
import liaison.signage.player.fx.FxToolkit;
import liaison.signage.protocol.GoldenFiles;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.Topic;
import liaison.testkit.Benchmarks;
import liaison.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heap a kiosk keeps while content changes: a kiosk screen in a shown 1024×600 window on a
 * station runtime takes 1,000 snapshots with increasing versions (and a station name that changes,
 * so the screen really redraws), published retained at QoS 1 through a real broker, one at a time
 * until the screen reports each one displayed. Used heap after full collections is read after 100,
 * 250, 500 and 1,000 updates. Prints the series and the growth; asserts nothing.
 *
 * <p>The broker runs in a JVM of its own, so its heap is not counted; the publishing client (the
 * hub's stand-in) is in this JVM. Run with {@code ./liaison bench}.
 */
class KioskHeapBenchmark {
  private static final int UPDATES = Benchmarks.count(1_000, 3);
  private static final List<Integer> CHECKPOINTS =
      Benchmarks.choose(List.of(100, 250, 500, 1_000), List.of(1, 3));
  private static final long STABLE_BYTES = 256 * 1024;

  @TempDir Path dir;

  @Test
  void heapAfterContentUpdates() throws Exception {
    FxToolkit.start();
    quietStationLog();
    Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));
    String topic = Topic.stationContent("s-001").toString();
    Map<Integer, Long> heap = new LinkedHashMap<>();
    MachineLoad load = MachineLoad.measure();
    long started = System.nanoTime();
    try (BrokerProcess broker = BrokerProcess.start(dir);
        TestClient hub = TestClient.connect(broker.uri(), "bench-hub");
        StationRuntime runtime =
            StationRuntime.open(
                StationConfig.of("s-001", broker.uri(), dir.resolve("station")), clock)) {
      KioskScreen screen = onFx(() -> new KioskScreen(runtime, clock, CjkFonts.detect()));
      Stage window =
          onFx(
              () -> {
                Stage s = new Stage();
                s.setScene(new Scene(screen.root(), ScreenProbe.WIDTH, ScreenProbe.HEIGHT));
                s.show();
                return s;
              });
      runtime.start();
      Benchmarks.waitUntil(
          () -> runtime.presence().link().get().state() == LinkStatus.State.ONLINE,
          "the station to connect");
      try {
        for (int version = 1; version <= UPDATES; version++) {
          hub.publish(topic, ProtocolCodec.encode(update(version)), true);
          long expected = version;
          Benchmarks.waitUntil(
              () -> runtime.presence().displayedVersion() == expected,
              "the screen to display version " + version);
          if (CHECKPOINTS.contains(version)) {
            heap.put(version, settledHeapAfterGc());
          }
        }
      } finally {
        onFx(window::close);
        if (((Object) screen) instanceof AutoCloseable closeable) {
          closeable.close();
        }
      }
    }
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;

    long first = heap.get(CHECKPOINTS.getFirst());
    long last = heap.get(CHECKPOINTS.getLast());
    StringBuilder report = new StringBuilder();
    report
        .append("used heap after full GC while a shown kiosk screen takes ")
        .append(String.format("%,d", UPDATES))
        .append(" content updates (")
        .append(seconds)
        .append(" s; GC: ")
        .append(collectors())
        .append(")\n");
    report.append(
        String.format("| %-10s | %14s | %16s |%n", "updates", "used heap MiB", "change from 100"));
    heap.forEach(
        (updates, bytes) ->
            report.append(
                String.format(
                    "| %-10s | %14.2f | %+13.0f KiB |%n",
                    String.format("%,d", updates), bytes / 1048576.0, (bytes - first) / 1024.0)));
    report.append(
        String.format(
            "growth from %d to %,d updates: %+.0f KiB (%+.1f %%), %+.0f bytes per update%n",
            CHECKPOINTS.getFirst(),
            CHECKPOINTS.getLast(),
            (last - first) / 1024.0,
            100.0 * (last - first) / first,
            (double) (last - first) / (CHECKPOINTS.getLast() - CHECKPOINTS.getFirst())));
    report.append(load.summary()).append('\n');
    Benchmarks.record("kiosk-heap", report.toString());
  }

  /** The golden snapshot with another version and a station name that carries it. */
  private static StationContent update(long version) {
    StationContent c = GoldenFiles.contentWithVersion(version);
    StationContent.Station s = c.station();
    StationContent.Station renamed =
        new StationContent.Station(
            s.id(),
            s.name() + " " + version,
            s.kind(),
            s.township(),
            s.county(),
            s.address(),
            s.openingHours(),
            s.signPlate(),
            s.zone());
    return new StationContent(
        c.stationId(),
        version,
        c.generatedAt(),
        renamed,
        c.deputies(),
        c.receptions(),
        c.notices(),
        c.links(),
        c.results());
  }

  /**
   * Used heap once full collections stop changing it (two readings within 256 KiB), after the FX
   * thread has run everything queued before.
   */
  private static long settledHeapAfterGc() throws InterruptedException {
    onFx(() -> {});
    long previous = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      System.gc();
      Thread.sleep(200);
      long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      if (Math.abs(used - previous) < STABLE_BYTES) {
        return Math.min(used, previous);
      }
      previous = used;
    }
    return previous;
  }

  private static String collectors() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(GarbageCollectorMXBean::getName)
        .collect(Collectors.joining(", "));
  }

  /** One log line per stored version would bury the figures; warnings still show. */
  private static void quietStationLog() {
    if (org.slf4j.LoggerFactory.getLogger("liaison.signage.player")
        instanceof ch.qos.logback.classic.Logger logger) {
      logger.setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }
}
