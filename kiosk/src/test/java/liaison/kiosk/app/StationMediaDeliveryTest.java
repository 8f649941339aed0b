package liaison.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import liaison.hub.broker.BrokerClient;
import liaison.hub.db.Database;
import liaison.hub.media.MediaFileRepository;
import liaison.hub.media.MediaStore;
import liaison.signage.player.StationConfig;
import liaison.signage.player.StationRuntime;
import liaison.signage.player.media.MediaFixtures;
import liaison.signage.protocol.MediaSlide;
import liaison.signage.protocol.MediaSlide.MediaFile;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.Topic;
import liaison.testkit.CuttingProxy;
import liaison.testkit.MediaSamples;
import liaison.testkit.TestBroker;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A media slide's video from the real hub's library to the station's cache, over a line that fails
 * half-way: the hub keeps the file by hash ({@code MediaStore}, {@code media_file}) and serves it
 * at {@code /media/{sha256}}; the station, told of the slide in its snapshot, downloads it through
 * a relay that cuts the first answer, resumes with Range on the next try, checks the hash, and only
 * then calls the slide ready.
 */
class StationMediaDeliveryTest {
  private static final Duration RETRY = Duration.ofSeconds(30);

  @TempDir Path dir;
  private final TestClock clock = TestClock.at("2026-12-05T09:00:00+08:00");

  @Test
  void shouldResumeAVideoCutHalfWayFromTheHubAndCallItReadyOnlyOnceChecked() throws Exception {
    int mqttPort = TestBroker.freePort();
    int httpPort = TestBroker.freePort();
    byte[] video = MediaSamples.H264_VIDEO_ONLY.bytes();
    try (CuttingProxy line = CuttingProxy.to(httpPort);
        // The hub's snapshots send the station through the relay.
        ApplicationContext hub =
            DemoHubs.startWithWeb(dir.resolve("hub"), mqttPort, httpPort, line.url())) {
      String sha = hub.getBean(MediaStore.class).put(video);
      MediaFile file = new MediaFile(sha, video.length, "video/mp4", 320, 180, 2_000);
      hub.getBean(Database.class)
          .useHandle(h -> MediaFileRepository.insert(h, file, OffsetDateTime.now(clock)));

      StationConfig config =
          EnrolledStations.enrolled(
              hub,
              StationConfig.of("s-001", "tcp://127.0.0.1:" + mqttPort, dir.resolve("station")));
      try (StationRuntime station = StationRuntime.open(config, clock)) {
        station.start();
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> station.feed().content().get().isPresent());
        StationContent hubs = station.feed().content().get().orElseThrow();
        assertThat(hubs.links().photoBase()).startsWith(line.url());

        MediaSlide slide =
            MediaFixtures.slide(
                "m-1", "VIDEO", OffsetDateTime.parse("2026-12-05T08:00:00+08:00"), file);
        line.cutNextAfter(video.length / 2);
        // Far above the hub's own versions, so no republish of its own replaces it meanwhile.
        StationContent withSlide =
            hubs.withMedia(new StationContent.Media(List.of(slide), 0))
                .withVersion(hubs.version() + 1_000_000, OffsetDateTime.now(clock));
        hub.getBean(BrokerClient.class)
            .publish(
                Topic.stationContent("s-001").toString(), ProtocolCodec.encode(withSlide), 1, true)
            .get(10, TimeUnit.SECONDS);

        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> line.cuts() == 1 && station.mediaCache().telemetry().failed() == 1);
        assertThat(station.media().ready(slide)).as("half a video is never ready").isFalse();

        clock.advance(RETRY);
        station.mediaCache().tick();
        await().atMost(Duration.ofSeconds(30)).until(() -> station.media().ready(slide));

        assertThat(station.media().ready(file).orElseThrow())
            .hasBinaryContent(video)
            .hasParent(dir.resolve("station/media"));
        assertThat(line.bytesToClient())
            .as("the second answer began where the first was cut: the video came once")
            .isBetween((long) video.length, video.length + 4_096L);
        assertThat(station.mediaCache().telemetry().ready()).isEqualTo(1);
      }
    }
  }
}
