package liaison.kiosk.bench;

import static liaison.signage.player.fx.FxToolkit.onFx;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.stage.Stage;
import liaison.signage.player.board.SignageScreen;
import liaison.signage.player.fx.CjkFonts;
import liaison.signage.player.fx.FxThread;
import liaison.signage.player.fx.FxToolkit;
import liaison.signage.player.fx.Portraits;
import liaison.signage.player.loop.SignageLoop;
import liaison.signage.player.media.MediaFiles;
import liaison.signage.protocol.Board;
import liaison.signage.protocol.GoldenFiles;
import liaison.signage.protocol.MediaSlide;
import liaison.signage.protocol.MediaSlide.MediaFile;
import liaison.signage.protocol.Playlist;
import liaison.signage.protocol.Playlist.Entry;
import liaison.signage.protocol.StationContent;
import liaison.testkit.Benchmarks;
import liaison.testkit.MediaSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The station's memory while a video slide loops (issue 20): the signage screen in a shown 1280×800
 * window, its loop ticking every second on the system clock as the signage app's does, plays a
 * 3-second board and then the H.264 sample (2 s) as three media slides, over and over: the screen's
 * player for the file stopped when its slide leaves and played again at its next turn ({@code
 * MediaBoard.Players}), as a station's would. Used heap after full collections and the process's
 * resident memory (VmRSS, which holds the decoder's native buffers) are sampled every minute;
 * beside them, in the same JVM just before, the same screen looping the board alone (the baseline).
 * Flat means the last quarter's mean within a few percent of the first quarter's. Prints the
 * series; asserts nothing.
 *
 * <p>An hour of video in full mode ({@code -Dliaison.bench.video.minutes} to shorten it), a few
 * seconds in smoke mode. Run with {@code ./liaison bench}.
 */
class SignageVideoMemoryBenchmark {
  private static final int VIDEO_MINUTES = Integer.getInteger("liaison.bench.video.minutes", 60);
  private static final Duration SAMPLE_EVERY =
      Benchmarks.choose(Duration.ofMinutes(1), Duration.ofSeconds(1));
  private static final Duration VIDEO_FOR =
      Benchmarks.choose(Duration.ofMinutes(VIDEO_MINUTES), Duration.ofSeconds(6));
  private static final Duration BASELINE_FOR =
      Benchmarks.choose(Duration.ofMinutes(Math.max(2, VIDEO_MINUTES / 6)), Duration.ofSeconds(3));

  @TempDir Path dir;

  /** One reading: when, used heap after full collections, resident memory; in MiB. */
  record Sample(Duration at, double heapMib, double rssMib, int turns) {}

  @Test
  void memoryWhileAVideoSlideLoops() throws Exception {
    FxToolkit.start();
    Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));
    Path video = MediaSamples.H264_VIDEO_ONLY.copyTo(dir, "video.mp4");
    MediaFile file = fileOf(video);
    MediaFiles cache = f -> f.equals(file) ? Optional.of(video) : Optional.empty();
    StationContent boardsOnly = withPlaylist(GoldenFiles.content());
    List<MediaSlide> slides = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      slides.add(
          new MediaSlide(
              "bench-" + i,
              "宣传片 " + i,
              "VIDEO",
              30,
              OffsetDateTime.now(clock).minusDays(1),
              null,
              List.of(),
              List.of(file)));
    }
    StationContent withVideo = boardsOnly.withMedia(new StationContent.Media(slides, 0));

    MachineLoad load = MachineLoad.measure();
    AtomicInteger turns = new AtomicInteger();
    SignageScreen screen =
        onFx(() -> new SignageScreen(clock, CjkFonts.detect(), Portraits.none()));
    SignageLoop loop = new SignageLoop(Playlist.DEFAULT, clock);
    loop.media(cache);
    loop.onMediaProof(p -> turns.incrementAndGet());
    screen.media(cache, sha256 -> loop.mediaFailed(sha256, clock.instant()));
    Stage window =
        onFx(
            () -> {
              Stage s = new Stage();
              s.setScene(new Scene(screen.root(), 1280, 800));
              s.show();
              return s;
            });
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("bench-signage-clock").factory());
    List<Sample> baseline;
    List<Sample> playing;
    try {
      StationContent[] shown = {boardsOnly};
      loop.onChange(next -> screen.show(next, Optional.of(shown[0])));
      onFx(() -> loop.content(Optional.of(boardsOnly), clock.instant()));
      timer.scheduleAtFixedRate(
          () ->
              FxThread.run(
                  () -> {
                    loop.tick(clock.instant());
                    screen.tick();
                  }),
          1,
          1,
          TimeUnit.SECONDS);
      baseline = sample(BASELINE_FOR, turns);
      onFx(
          () -> {
            shown[0] = withVideo;
            loop.content(Optional.of(withVideo), clock.instant());
          });
      playing = sample(VIDEO_FOR, turns);
    } finally {
      timer.shutdownNow();
      onFx(
          () -> {
            screen.stopMedia();
            window.close();
          });
    }

    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            "memory of the signage screen (1280×800, headless, software rendering): %s of a board"
                + " loop (baseline), then %s of a 3 s board and the 2 s H.264 sample as three media"
                + " slides, sampled every %s%n",
            human(BASELINE_FOR), human(VIDEO_FOR), human(SAMPLE_EVERY)));
    report.append(
        String.format(
            "| %-9s | %-7s | %13s | %10s | %12s |%n",
            "series", "at", "used heap MiB", "RSS MiB", "video turns"));
    table(report, "baseline", baseline);
    table(report, "video", playing);
    report.append(flatness("heap", baseline, playing, Sample::heapMib));
    report.append(flatness("RSS", baseline, playing, Sample::rssMib));
    report.append(
        String.format(
            "%d video turns in %s on %d MediaPlayer(s) (kept between turns), MALLOC_ARENA_MAX=%s%n",
            playing.getLast().turns() - baseline.getLast().turns(),
            human(VIDEO_FOR),
            onFx(screen::videoPlayersMade),
            System.getenv().getOrDefault("MALLOC_ARENA_MAX", "unset")));
    report.append(load.summary()).append('\n');
    Benchmarks.record("signage-video-memory", report.toString());
  }

  /** Reads the memory every SAMPLE_EVERY for {@code span}, the first reading at once. */
  private static List<Sample> sample(Duration span, AtomicInteger turns)
      throws InterruptedException {
    List<Sample> out = new ArrayList<>();
    long start = System.nanoTime();
    for (Duration at = Duration.ZERO; at.compareTo(span) <= 0; at = at.plus(SAMPLE_EVERY)) {
      long wait = start + at.toNanos() - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait); // the sampling interval itself, not a wait for a state
      }
      out.add(new Sample(at, heapAfterGc() / 1048576.0, rssKib() / 1024.0, turns.get()));
    }
    return out;
  }

  private static void table(StringBuilder report, String series, List<Sample> samples) {
    for (Sample s : samples) {
      report.append(
          String.format(
              "| %-9s | %-7s | %13.2f | %10.1f | %12d |%n",
              series, human(s.at()), s.heapMib(), s.rssMib(), s.turns()));
    }
  }

  /** The last quarter's mean against the first quarter's, for the video; and against baseline. */
  private static String flatness(
      String what,
      List<Sample> baseline,
      List<Sample> playing,
      java.util.function.ToDoubleFunction<Sample> of) {
    // The reading at 0 s was taken before the first video: the quarters are of the rest.
    List<Sample> played = playing.subList(1, playing.size());
    int quarter = Math.max(1, played.size() / 4);
    double first = played.subList(0, quarter).stream().mapToDouble(of).average().orElse(0);
    double last =
        played.subList(played.size() - quarter, played.size()).stream()
            .mapToDouble(of)
            .average()
            .orElse(0);
    double base = baseline.stream().mapToDouble(of).average().orElse(0);
    return String.format(
        "%s: baseline mean %.1f MiB; video first quarter %.1f, last quarter %.1f MiB (%+.1f %%);"
            + " video / baseline %.2f%n",
        what, base, first, last, 100 * (last - first) / first, last / base);
  }

  /** Used heap after full collections, once the FX thread has run what was queued. */
  private static long heapAfterGc() {
    onFx(() -> {});
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** The process's resident memory (Linux's VmRSS), KiB. */
  private static long rssKib() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream()
          .filter(l -> l.startsWith("VmRSS:"))
          .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
          .findFirst()
          .orElse(0L);
    } catch (IOException e) {
      return 0;
    }
  }

  private static String human(Duration d) {
    return d.toMinutes() > 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
  }

  /** A 3-second today board, the shortest a playlist allows: the video turns come often. */
  private static StationContent withPlaylist(StationContent c) {
    return new StationContent(
        c.stationId(),
        c.version(),
        c.generatedAt(),
        c.station(),
        c.deputies(),
        c.receptions(),
        c.notices(),
        c.links(),
        c.results(),
        Playlist.of(Entry.of(Board.TODAY, Playlist.MIN_SECONDS)));
  }

  private static MediaFile fileOf(Path video) throws Exception {
    String sha256 =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(video)));
    return new MediaFile(sha256, Files.size(video), "video/mp4", 320, 180, 2000);
  }
}
