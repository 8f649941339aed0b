package liaison.kiosk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import liaison.signage.player.LinkStatus;
import liaison.signage.player.StationConfig;
import liaison.signage.player.StationRuntime;
import liaison.signage.player.loop.DisplayProof;
import liaison.signage.player.loop.DisplayProofReporter;
import liaison.signage.protocol.Board;
import liaison.testkit.Benchmarks;

/**
 * The main class of a child JVM that reports, as {@code figure.*} lines, what it wrote while a
 * window of time passed: its own {@code /proc/self/io} before and after (what reached the block
 * layer, {@code write_bytes}, and what it handed to {@code write()}, {@code wchar}), and the sizes
 * of the station's SQLite files. JavaFX's toolkit is up in both modes, as on a station.
 *
 * <p>{@code idle <seconds>}: the JVM and the toolkit and nothing else, the baseline. {@code station
 * <seconds> <station dir> <broker uri> <password> <final version> <load…>}: a station runtime
 * enrolled at the hub goes through a day's work compressed into the window: heartbeats, proofs of
 * display, motion, button and kiosk events (the load, {@link Load}), while the benchmark publishes
 * the day's content changes; the window ends once the last of them is stored and every event has
 * been acknowledged by the broker. The window starts when {@code window-started} appears in the
 * station directory, so the benchmark publishes inside it.
 */
public final class StationDay {
  static final String WINDOW_STARTED = "window-started";

  /** Left out of the window: class loading, JIT, the first connect and the hub's first snapshot. */
  static final long SETTLE_MILLIS = Benchmarks.count(3_000, 100);

  private StationDay() {}

  /** A day's station-side work; heartbeats set the pace, the events are spread across them. */
  record Load(
      int heartbeats,
      int proofs,
      int motions,
      int buttons,
      int footfalls,
      int pageViews,
      int ratings) {
    List<String> args() {
      return List.of(
          Integer.toString(heartbeats),
          Integer.toString(proofs),
          Integer.toString(motions),
          Integer.toString(buttons),
          Integer.toString(footfalls),
          Integer.toString(pageViews),
          Integer.toString(ratings));
    }

    static Load parse(String[] args, int from) {
      int[] n = new int[7];
      for (int i = 0; i < n.length; i++) {
        n[i] = Integer.parseInt(args[from + i]);
      }
      return new Load(n[0], n[1], n[2], n[3], n[4], n[5], n[6]);
    }

    int events() {
      return proofs + motions + buttons + footfalls + pageViews + ratings;
    }
  }

  public static void main(String[] args) throws Exception {
    CountDownLatch up = new CountDownLatch(1);
    Platform.startup(up::countDown);
    up.await();
    long windowMillis = Long.parseLong(args[1]) * 1_000L;
    switch (args[0]) {
      case "idle" -> {
        sleep(SETTLE_MILLIS);
        Map<String, Long> before = io();
        long start = System.nanoTime();
        sleep(windowMillis);
        report(before, start, null);
      }
      case "station" -> station(args, windowMillis);
      default -> throw new IllegalArgumentException("expected idle or station, got " + args[0]);
    }
    System.out.flush();
    System.exit(0);
  }

  private static void station(String[] args, long windowMillis) throws IOException {
    Path dir = Path.of(args[2]);
    long finalVersion = Long.parseLong(args[5]);
    Load load = Load.parse(args, 6);
    Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));
    StationConfig config = StationConfig.of("s-001", args[3], dir).withLogin("s-001", args[4]);
    try (StationRuntime runtime = StationRuntime.open(config, clock)) {
      runtime
          .feed()
          .content()
          .watch(c -> c.ifPresent(content -> runtime.presence().displayed(content.version())));
      runtime.start();
      waitFor(
          () -> runtime.presence().link().get().state() == LinkStatus.State.ONLINE,
          "the station to connect");
      waitFor(() -> runtime.feed().content().get().isPresent(), "the hub's snapshot of s-001");
      // The hub refuses a proof of display for a notice it does not know: its own snapshot's.
      List<String> notices =
          runtime.feed().content().get().orElseThrow().notices().stream().map(n -> n.id()).toList();
      if (notices.isEmpty()) {
        throw new IllegalStateException("the hub's snapshot of s-001 carries no notice to show");
      }
      sleep(SETTLE_MILLIS);
      Map<String, Long> before = io();
      long dbBefore = Files.size(config.storeFile());
      long start = System.nanoTime();
      Files.createFile(dir.resolve(WINDOW_STARTED));

      work(runtime, clock, load, notices, windowMillis);

      waitFor(
          () -> runtime.feed().content().get().orElseThrow().version() >= finalVersion,
          "the day's last content change to be stored");
      waitFor(() -> runtime.events().pending() == 0, "every event to be acknowledged");
      Map<String, Long> extra = new HashMap<>();
      extra.put("dbBefore", dbBefore);
      extra.put("events", (long) load.events());
      report(before, start, config.storeFile(), extra);
    }
  }

  /** The day's work: one heartbeat per tick, each kind of event spread evenly over the ticks. */
  private static void work(
      StationRuntime runtime, Clock clock, Load load, List<String> notices, long windowMillis) {
    DisplayProofReporter proofs =
        new DisplayProofReporter(runtime.events()::record, clock.getZone());
    long tickNanos = windowMillis * 1_000_000L / load.heartbeats();
    long start = System.nanoTime();
    for (int tick = 0; tick < load.heartbeats(); tick++) {
      runtime.presence().heartbeat();
      // The screen goes off at closing time and on at opening time: a state report each.
      if (tick == load.heartbeats() * 8 / 24) {
        runtime.presence().screen(true);
      } else if (tick == load.heartbeats() * 20 / 24) {
        runtime.presence().screen(false);
      }
      Instant now = clock.instant();
      for (int i = 0; i < due(load.proofs(), tick, load.heartbeats()); i++) {
        proofs.accept(
            new DisplayProof(
                notices.get(tick % notices.size()),
                now.minusSeconds(15),
                now,
                Board.NOTICES,
                DisplayProof.Kind.LOOP));
      }
      record(runtime, "motion", due(load.motions(), tick, load.heartbeats()), Map.of("at", now));
      record(
          runtime, "button.call", due(load.buttons(), tick, load.heartbeats()), Map.of("at", now));
      record(
          runtime,
          "footfall",
          due(load.footfalls(), tick, load.heartbeats()),
          Map.of("hour", now.toString(), "visitors", 7));
      record(
          runtime,
          "page.view",
          due(load.pageViews(), tick, load.heartbeats()),
          Map.of("page", "deputies", "seconds", 20));
      record(
          runtime,
          "satisfaction",
          due(load.ratings(), tick, load.heartbeats()),
          Map.of("rating", "SATISFIED"));
      long next = start + (tick + 1) * tickNanos;
      long wait = (next - System.nanoTime()) / 1_000_000L;
      if (wait > 0) {
        sleep(wait);
      }
    }
  }

  private static void record(StationRuntime runtime, String type, int times, Map<String, ?> body) {
    Map<String, Object> values = new HashMap<>();
    body.forEach((k, v) -> values.put(k, v instanceof Instant at ? at.toString() : v));
    for (int i = 0; i < times; i++) {
      runtime.events().record(type, values);
    }
  }

  /** How many of {@code total} fall in tick {@code tick} of {@code ticks}, spread evenly. */
  static int due(int total, int tick, int ticks) {
    return (int) ((long) total * (tick + 1) / ticks - (long) total * tick / ticks);
  }

  private static void report(Map<String, Long> before, long start, Path store) throws IOException {
    report(before, start, store, Map.of());
  }

  private static void report(
      Map<String, Long> before, long start, Path store, Map<String, Long> extra)
      throws IOException {
    Map<String, Long> after = io();
    figure("windowNanos", System.nanoTime() - start);
    figure("writeBytes", after.get("write_bytes") - before.get("write_bytes"));
    figure("wchar", after.get("wchar") - before.get("wchar"));
    figure("syscw", after.get("syscw") - before.get("syscw"));
    if (store != null) {
      figure("db", Files.size(store));
      Path wal = store.resolveSibling(store.getFileName() + "-wal");
      figure("wal", Files.exists(wal) ? Files.size(wal) : 0);
    }
    extra.forEach(StationDay::figure);
  }

  private static Map<String, Long> io() {
    try {
      Map<String, Long> values = new HashMap<>();
      for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
        int colon = line.indexOf(':');
        values.put(line.substring(0, colon), Long.parseLong(line.substring(colon + 1).trim()));
      }
      return values;
    } catch (IOException e) {
      throw new UncheckedIOException("this benchmark reads /proc/self/io (Linux only)", e);
    }
  }

  private static void waitFor(BooleanSupplier condition, String what) {
    Benchmarks.waitUntil(condition, what);
  }

  private static void sleep(long millis) {
    ScreenProbe.sleep(millis);
  }

  private static void figure(String key, long value) {
    System.out.println(ChildJvm.FIGURE_PREFIX + key + "=" + value);
  }
}
