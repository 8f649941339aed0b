package liaison.kiosk.bench;

import io.micronaut.context.ApplicationContext;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import liaison.hub.db.Database;
import liaison.hub.media.MediaFileRepository;
import liaison.hub.media.MediaStore;
import liaison.kiosk.app.DemoHubs;
import liaison.signage.player.download.ResumableDownload;
import liaison.signage.player.media.MediaCache;
import liaison.signage.player.media.MediaFixtures;
import liaison.signage.protocol.MediaSlide.MediaFile;
import liaison.testkit.Benchmarks;
import liaison.testkit.TestBroker;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A media slide's video as a station gets it: a 50 MB file in a real hub's media store, served at
 * {@code /media/{sha256}} on loopback, downloaded by the station's {@link MediaCache} (HTTP into a
 * {@code .part} with its SHA-256 computed on the way, fsync, rename) beside {@code curl} of the
 * same URL to a file on the same disk, the baseline, measured in the same run, rounds taken in
 * turn. Beside them, what the cache's time is made of: its HTTP download alone (the same code,
 * {@code ResumableDownload}) and the fsync of the file, and the SHA-256 of the file read back for
 * scale (what checking it after the download would add). Asserts nothing.
 *
 * <p>Run with {@code ./liaison bench}.
 */
class MediaDownloadBenchmark {
  private static final int MEGABYTES = Benchmarks.count(50, 1);
  private static final int ROUNDS = Benchmarks.count(7, 1);

  @TempDir Path dir;

  @Test
  void stationCacheBesideCurl() throws Exception {
    MachineLoad load = MachineLoad.measure();
    int httpPort = TestBroker.freePort();
    Clock clock = Clock.system(TestClock.SHANGHAI);
    List<Long> curl = new ArrayList<>();
    List<Long> cache = new ArrayList<>();
    List<Long> fetch = new ArrayList<>();
    List<Long> sync = new ArrayList<>();
    List<Long> hash = new ArrayList<>();
    String base = "http://127.0.0.1:" + httpPort;
    try (ApplicationContext hub =
            DemoHubs.startWithWeb(dir.resolve("hub"), TestBroker.freePort(), httpPort, base);
        HttpClient http = ResumableDownload.client(null)) {
      MediaFile file = storeVideo(hub, clock);
      String url = base + file.path();
      for (int round = 0; round < ROUNDS; round++) {
        curl.add(curl(url, dir.resolve("curl-" + round)));
        Path part = dir.resolve("fetch-" + round + ".part");
        long started = System.nanoTime();
        ResumableDownload.fetch(http, URI.create(url), part, file.size(), null);
        fetch.add(System.nanoTime() - started);
        started = System.nanoTime();
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
          channel.force(true);
        }
        sync.add(System.nanoTime() - started);
        Path cached = cacheDownload(file, base, dir.resolve("cache-" + round), clock, cache);
        long start = System.nanoTime();
        ResumableDownload.sha256(cached);
        hash.add(System.nanoTime() - start);
      }
    }
    String report =
        Benchmarks.table(
                "a "
                    + MEGABYTES
                    + " MB media file from the hub's /media/{sha256} on loopback, "
                    + ROUNDS
                    + " rounds, each to a new folder on the same disk",
                List.of(
                    new Benchmarks.Series("curl -o file (baseline)", nanos(curl)),
                    new Benchmarks.Series("station MediaCache, want → ready", nanos(cache)),
                    new Benchmarks.Series(
                        "  its HTTP into a .part, hashed on the way", nanos(fetch)),
                    new Benchmarks.Series("  its fsync of the file before the rename", nanos(sync)),
                    new Benchmarks.Series("SHA-256 of the file read back, for scale", nanos(hash))))
            + String.format(
                "throughput p50: curl %.0f MB/s, station cache %.0f MB/s%n",
                MEGABYTES / (Benchmarks.quantileMillis(nanos(curl), 0.5) / 1e3),
                MEGABYTES / (Benchmarks.quantileMillis(nanos(cache), 0.5) / 1e3))
            + load.summary()
            + "\n";
    Benchmarks.record("media-download", report);
  }

  /** Random bytes (no codec would shrink them), streamed into the hub's store and recorded. */
  private MediaFile storeVideo(ApplicationContext hub, Clock clock) throws Exception {
    Path source = dir.resolve("video.mp4");
    Random random = new Random(20);
    byte[] block = new byte[1024 * 1024];
    try (OutputStream out = Files.newOutputStream(source)) {
      for (int i = 0; i < MEGABYTES; i++) {
        random.nextBytes(block);
        out.write(block);
      }
    }
    String sha;
    try (InputStream in = Files.newInputStream(source)) {
      sha = hub.getBean(MediaStore.class).put(in);
    }
    MediaFile file = new MediaFile(sha, Files.size(source), "video/mp4", 1920, 1080, 60_000);
    hub.getBean(Database.class)
        .useHandle(h -> MediaFileRepository.insert(h, file, OffsetDateTime.now(clock)));
    return file;
  }

  private static long curl(String url, Path out) throws Exception {
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder("curl", "-sf", "-o", out.toString(), url)
            .redirectErrorStream(true)
            .start();
    process.getInputStream().transferTo(OutputStream.nullOutputStream());
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("curl of " + url + " failed");
    }
    return System.nanoTime() - start;
  }

  /** A fresh cache told of one slide, timed from the snapshot to the file being ready. */
  private static Path cacheDownload(
      MediaFile file, String hub, Path folder, Clock clock, List<Long> times) throws Exception {
    try (MediaCache cache =
        MediaCache.open(folder, clock, 1024L * 1024 * 1024, Duration.ofSeconds(30), null)) {
      CountDownLatch arrived = new CountDownLatch(1);
      // The watch is told the current count at once (0): the file has arrived when it is above.
      try (AutoCloseable watch =
          cache
              .arrivals()
              .watch(
                  n -> {
                    if (n > 0) {
                      arrived.countDown();
                    }
                  })) {
        long start = System.nanoTime();
        cache.want(
            MediaFixtures.content(
                1,
                hub + "/photos/",
                MediaFixtures.slide(
                    "bench", "VIDEO", OffsetDateTime.now(clock).minusHours(1), file)));
        if (!arrived.await(120, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the station's cache did not get " + file.sha256());
        }
        times.add(System.nanoTime() - start);
      }
      return cache.ready(file).orElseThrow();
    }
  }

  private static long[] nanos(List<Long> times) {
    return times.stream().mapToLong(Long::longValue).toArray();
  }
}
