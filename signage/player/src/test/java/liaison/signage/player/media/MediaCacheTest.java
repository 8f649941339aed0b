package liaison.signage.player.media;

import static liaison.signage.player.media.MediaFixtures.content;
import static liaison.signage.player.media.MediaFixtures.slide;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import liaison.signage.protocol.MediaSlide;
import liaison.signage.protocol.MediaSlide.MediaFile;
import liaison.signage.protocol.StationState;
import liaison.testkit.CuttingProxy;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The station's media cache against a real HTTP server (and a TCP relay that cuts the line): what
 * it downloads when, how it resumes, what it refuses, and what it removes to stay within its bound.
 */
class MediaCacheTest {
  private static final Duration RETRY = Duration.ofMinutes(1);
  private static final long NO_RESERVE = 0;

  @TempDir Path dir;
  private final TestClock clock = TestClock.at("2026-12-05T09:00:00+08:00");
  private final OffsetDateTime anHourAgo = OffsetDateTime.parse("2026-12-05T08:00:00+08:00");
  private MediaServer server;
  private MediaCache cache;

  @BeforeEach
  void start() throws Exception {
    server = new MediaServer();
  }

  @AfterEach
  void stop() {
    if (cache != null) {
      cache.close();
    }
    server.close();
  }

  private MediaCache open(long limitBytes) {
    cache = MediaCache.open(dir.resolve("media"), clock, limitBytes, NO_RESERVE, RETRY);
    return cache;
  }

  @Test
  void shouldResumeADownloadCutHalfWayAndKeepOnlyTheCheckedFile() throws Exception {
    byte[] video = MediaServer.randomBytes(2_000_000, 1);
    MediaFile file = server.serve(video);
    try (CuttingProxy proxy = CuttingProxy.to(server.port())) {
      proxy.cutNextAfter(800_000);
      open(100_000_000)
          .want(content(1, proxy.url() + "/photos/", slide("v1", "VIDEO", anHourAgo, file)));

      await().until(() -> cache.telemetry().failed() == 1);
      Path part = dir.resolve("media/" + file.sha256() + ".part");
      assertThat(proxy.cuts()).isEqualTo(1);
      assertThat(Files.size(part)).as("what arrived before the cut is kept").isPositive();
      assertThat(cache.ready(file)).as("never half a file").isEmpty();
      assertThat(dir.resolve("media/" + file.sha256())).doesNotExist();
      long kept = Files.size(part);

      clock.advance(RETRY);
      cache.tick();
      await().until(() -> cache.ready(file).isPresent());

      assertThat(server.requests())
          .containsExactly(file.sha256() + " -", file.sha256() + " bytes=" + kept + "-");
      assertThat(cache.ready(file).orElseThrow()).hasBinaryContent(video);
      assertThat(part).doesNotExist();
      // Less than a download from the start would take: the second answer began at the part's end.
      // (Not exactly once: what the HTTP client had buffered but not handed over when the line was
      // cut is fetched again, some kilobytes.)
      assertThat(proxy.bytesToClient())
          .as("the second answer resumed where the part ended, not from the start")
          .isGreaterThanOrEqualTo(video.length)
          .isLessThan(video.length + 800_000L);
      assertThat(cache.telemetry())
          .isEqualTo(new StationState.MediaCache(video.length, 100_000_000, 1, 0, 0));
    }
  }

  @Test
  void shouldNeverCallReadyAFileWhoseBytesAreNotItsHashAndTryAgainLater() {
    byte[] poster = MediaServer.randomBytes(50_000, 2);
    MediaFile file = server.serve(poster);
    byte[] other = poster.clone();
    other[1_000] ^= 1;
    server.lie(file, other);
    open(100_000_000).want(content(1, server.photoBase(), slide("p", "IMAGE", anHourAgo, file)));

    await().until(() -> cache.telemetry().failed() == 1);
    assertThat(cache.ready(file)).isEmpty();
    assertThat(dir.resolve("media/" + file.sha256())).doesNotExist();
    assertThat(dir.resolve("media/" + file.sha256() + ".part"))
        .as("wrong bytes are not kept to resume from")
        .doesNotExist();

    clock.advance(RETRY.minusSeconds(1));
    cache.tick();
    assertThat(server.requestsFor(file)).as("not before its backoff").isEqualTo(1);

    clock.advance(Duration.ofSeconds(1));
    cache.tick();
    await().until(() -> cache.failures(file) == 2);
    assertThat(cache.ready(file)).isEmpty();
    assertThat(cache.telemetry().failed()).isEqualTo(1);

    server.tellTheTruth(file);
    clock.advance(RETRY);
    cache.tick();
    assertThat(server.requestsFor(file)).as("the backoff doubled").isEqualTo(2);
    clock.advance(RETRY);
    cache.tick();
    await().until(() -> cache.ready(file).isPresent());
    assertThat(server.requestsFor(file)).isEqualTo(3);
    assertThat(cache.telemetry().failed()).isZero();
  }

  @Test
  void shouldStartOverWhenTheServerIgnoresTheRangeAndClearWhatIsNotTheCaches() throws Exception {
    byte[] video = MediaServer.randomBytes(300_000, 3);
    MediaFile file = server.serve(video);
    server.ignoreRange(file);
    Path media = Files.createDirectories(dir.resolve("media"));
    Files.write(media.resolve(file.sha256() + ".part"), Arrays.copyOf(new byte[] {7}, 1_000));
    Files.writeString(media.resolve("upload-123.tmp"), "left by something else");
    Files.createDirectories(media.resolve("stray"));

    open(100_000_000);
    assertThat(media.resolve("upload-123.tmp")).doesNotExist();
    assertThat(media.resolve("stray")).doesNotExist();
    assertThat(media.resolve(file.sha256() + ".part")).as("kept to resume").exists();

    cache.want(content(1, server.photoBase(), slide("v", "VIDEO", anHourAgo, file)));
    await().until(() -> cache.ready(file).isPresent());
    assertThat(server.requests()).containsExactly(file.sha256() + " bytes=1000-");
    assertThat(cache.ready(file).orElseThrow()).hasBinaryContent(video);
  }

  @Test
  void shouldStartCleanFromAPartLongerThanItsFileOrWithOtherBytes() throws Exception {
    byte[] poster = MediaServer.randomBytes(40_000, 9);
    MediaFile longer = server.serve(poster);
    byte[] video = MediaServer.randomBytes(40_000, 19);
    MediaFile otherBytes = server.serve(video);
    Path media = Files.createDirectories(dir.resolve("media"));
    Files.write(media.resolve(longer.sha256() + ".part"), new byte[40_010]);
    Files.write(media.resolve(otherBytes.sha256() + ".part"), new byte[40_000]);

    open(100_000_000)
        .want(
            content(
                1,
                server.photoBase(),
                slide("p", "IMAGE", anHourAgo, longer),
                slide("v", "VIDEO", anHourAgo, otherBytes)));
    await().until(() -> cache.ready(longer).isPresent() && cache.failures(otherBytes) == 1);
    assertThat(server.requests()).containsExactly(longer.sha256() + " -");
    assertThat(cache.ready(longer).orElseThrow()).hasBinaryContent(poster);
    assertThat(media.resolve(otherBytes.sha256() + ".part"))
        .as("a complete part whose hash is wrong is dropped, not resumed again")
        .doesNotExist();

    clock.advance(RETRY);
    cache.tick();
    await().until(() -> cache.ready(otherBytes).isPresent());
    assertThat(cache.ready(otherBytes).orElseThrow()).hasBinaryContent(video);
  }

  @Test
  void shouldFetchSlidesInForceOrStartingWithinADayOfKindsItKnows() {
    MediaFile now = server.serve(MediaServer.randomBytes(10_000, 4));
    MediaFile tomorrowMorning = server.serve(MediaServer.randomBytes(10_000, 5));
    MediaFile nextWeek = server.serve(MediaServer.randomBytes(10_000, 6));
    MediaFile hologram = server.serve(MediaServer.randomBytes(10_000, 7));
    MediaFile over = server.serve(MediaServer.randomBytes(10_000, 8));
    MediaSlide ended =
        new MediaSlide(
            "over",
            "",
            "IMAGE",
            10,
            anHourAgo.minusDays(2),
            anHourAgo,
            java.util.List.of(),
            java.util.List.of(over));
    open(100_000_000)
        .want(
            content(
                1,
                server.photoBase(),
                slide("now", "IMAGE", anHourAgo, now),
                slide("tomorrow", "IMAGE", anHourAgo.plusHours(20), tomorrowMorning),
                slide("next-week", "IMAGE", anHourAgo.plusDays(7), nextWeek),
                slide("hologram", "HOLOGRAM", anHourAgo, hologram),
                ended));

    await().until(() -> cache.ready(now).isPresent() && cache.ready(tomorrowMorning).isPresent());
    assertThat(cache.telemetry())
        .isEqualTo(new StationState.MediaCache(20_000, 100_000_000, 2, 0, 0));

    clock.advance(Duration.ofDays(6).plusHours(1));
    cache.tick();
    await().until(() -> cache.ready(nextWeek).isPresent());
    assertThat(server.requestsFor(hologram)).as("a kind this station cannot play").isZero();
    assertThat(server.requestsFor(over)).isZero();
  }

  @Test
  void shouldRemoveTheLeastRecentlyPlayedUnscheduledFilesAndNeverAScheduledOne() {
    MediaFile a = server.serve(MediaServer.randomBytes(100_000, 10));
    MediaFile b = server.serve(MediaServer.randomBytes(100_000, 11));
    MediaFile c = server.serve(MediaServer.randomBytes(100_000, 12));
    MediaFile d = server.serve(MediaServer.randomBytes(200_000, 13));
    String hub = server.photoBase();
    open(250_000).want(content(1, hub, slide("a", "IMAGE", anHourAgo, a)));
    await().until(() -> cache.ready(a).isPresent());
    clock.advance(Duration.ofMinutes(1));
    cache.want(content(2, hub, slide("b", "IMAGE", anHourAgo, b)));
    await().until(() -> cache.ready(b).isPresent());
    clock.advance(Duration.ofMinutes(1));
    assertThat(cache.ready(a)).as("no longer scheduled, but kept while there is room").isPresent();

    // a was played after b arrived: b is the least recently played.
    cache.want(content(3, hub, slide("c", "IMAGE", anHourAgo, c)));
    await().until(() -> cache.ready(c).isPresent());
    assertThat(cache.ready(b)).isEmpty();
    assertThat(dir.resolve("media/" + b.sha256())).doesNotExist();
    assertThat(cache.ready(a)).isPresent();

    // c is scheduled and d does not fit beside it even with a gone: d waits, nothing is removed.
    cache.want(
        content(4, hub, slide("c", "IMAGE", anHourAgo, c), slide("d", "VIDEO", anHourAgo, d)));
    cache.tick();
    assertThat(server.requestsFor(d)).isZero();
    assertThat(cache.ready(a)).isPresent();
    assertThat(cache.ready(c)).isPresent();
    assertThat(cache.telemetry()).isEqualTo(new StationState.MediaCache(200_000, 250_000, 1, 1, 0));
  }

  @Test
  void shouldNotCallASlideReadyUntilEachOfItsFilesIs() {
    MediaFile page1 = server.serve(MediaServer.randomBytes(20_000, 20));
    MediaFile page2 = MediaServer.reference(MediaServer.randomBytes(20_000, 21)); // not on the hub
    MediaSlide document = slide("doc", "DOCUMENT", anHourAgo, page1, page2);
    open(100_000_000).want(content(1, server.photoBase(), document));

    await().until(() -> cache.telemetry().failed() == 1 && cache.ready(page1).isPresent());
    assertThat(cache.ready(document)).isFalse();
    assertThat(cache.telemetry())
        .isEqualTo(new StationState.MediaCache(20_000, 100_000_000, 1, 1, 1));
  }

  @Test
  void shouldDownloadNothingWithoutAHubAndNeverThrow() {
    MediaFile file = server.serve(MediaServer.randomBytes(1_000, 30));
    open(100_000_000).want(content(1, "not a url at all", slide("x", "IMAGE", anHourAgo, file)));
    cache.tick();
    assertThat(cache.ready(file)).isEmpty();
    assertThat(server.requests()).isEmpty();
    assertThat(cache.telemetry().waiting()).isEqualTo(1);
  }
}
