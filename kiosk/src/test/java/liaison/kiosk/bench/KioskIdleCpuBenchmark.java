package liaison.kiosk.bench;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import liaison.signage.player.StationConfig;
import liaison.signage.player.store.ContentStore;
import liaison.signage.protocol.GoldenFiles;
import liaison.testkit.Benchmarks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CPU a kiosk uses while nobody touches it: the kiosk on Home with the golden content, connected to
 * a broker, left alone for 20 s in a JVM of its own, beside a bare JavaFX window idle as long. The
 * whole process's CPU time (every thread, GC included) is read inside each JVM after 3 s to settle.
 * Prints the share of one core and the ratio; asserts nothing.
 *
 * <p>Run with {@code ./liaison bench}.
 */
class KioskIdleCpuBenchmark {
  /**
   * {@code -Dliaison.kioskIdle.seconds=N} for a longer look: past 60 s untouched ({@code
   * Navigator.IDLE}) the kiosk plays its idle loop, so 120 s measures Home and the loop's boards.
   */
  private static final int IDLE_SECONDS =
      Benchmarks.count(Integer.getInteger("liaison.kioskIdle.seconds", 20), 1);

  /**
   * {@code -Dliaison.kioskIdle.options="-XX:…"}: JVM options for the kiosk's JVM (none unless
   * given), to see what an option of the station's launcher costs while idle.
   */
  private static final List<String> KIOSK_OPTIONS =
      System.getProperty("liaison.kioskIdle.options", "").isBlank()
          ? List.of()
          : List.of(System.getProperty("liaison.kioskIdle.options").strip().split("\\s+"));

  @TempDir Path dir;

  @Test
  void cpuWhileIdleOnHome() {
    Path stationDir = dir.resolve("station");
    try (ContentStore store =
        ContentStore.open(StationConfig.of("s-001", "tcp://127.0.0.1:1", stationDir).storeFile())) {
      store.storeIfNewer(GoldenFiles.content(), OffsetDateTime.now(ZoneId.of("Asia/Shanghai")));
    }
    MachineLoad load = MachineLoad.measure();
    Map<String, String> bare;
    Map<String, String> kiosk;
    try (BrokerProcess broker = BrokerProcess.start(dir)) {
      String seconds = Integer.toString(IDLE_SECONDS);
      bare =
          ChildJvm.run(
              ChildJvm.builder(ScreenProbe.class, dir, List.of(), "bare", seconds),
              IDLE_SECONDS + 90);
      kiosk =
          ChildJvm.run(
              ChildJvm.builder(
                  ScreenProbe.class,
                  dir,
                  KIOSK_OPTIONS,
                  "kiosk",
                  seconds,
                  stationDir.toString(),
                  broker.uri()),
              IDLE_SECONDS + 90);
    }
    if (ChildJvm.figure(kiosk, "shownVersion") != GoldenFiles.content().version()) {
      throw new IllegalStateException(
          "the idle kiosk showed content version "
              + kiosk.get("shownVersion")
              + ", not the stored golden content");
    }

    double barePercent = percentOfOneCore(bare);
    double kioskPercent = percentOfOneCore(kiosk);
    String report =
        "CPU while idle, "
            + IDLE_SECONDS
            + " s after "
            + ScreenProbe.SETTLE_MILLIS / 1000
            + " s to settle, one JVM each, "
            + ScreenProbe.WIDTH
            + "×"
            + ScreenProbe.HEIGHT
            + "\n"
            + String.format(
                "| %-44s | %14s | %12s | %9s | %8s |%n",
                "series", "% of one core", "CPU ms / s", "pulses/s", "ratio")
            + row("bare JavaFX window, empty scene", bare, barePercent, "baseline")
            + row(
                "kiosk on Home, golden content, online"
                    + (KIOSK_OPTIONS.isEmpty() ? "" : " " + String.join(" ", KIOSK_OPTIONS)),
                kiosk,
                kioskPercent,
                String.format("%.1f", kioskPercent / barePercent))
            + load.summary()
            + "\n";
    Benchmarks.record("kiosk-idle-cpu", report);
  }

  private static double percentOfOneCore(Map<String, String> figures) {
    return 100.0
        * ChildJvm.figure(figures, "idleCpuNanos")
        / ChildJvm.figure(figures, "idleWallNanos");
  }

  private static String row(
      String label, Map<String, String> figures, double percent, String ratio) {
    double wallSeconds = ChildJvm.figure(figures, "idleWallNanos") / 1e9;
    return String.format(
        "| %-44s | %14.2f | %12.1f | %9.1f | %8s |%n",
        label, percent, percent * 10, ChildJvm.figure(figures, "idlePulses") / wallSeconds, ratio);
  }
}
