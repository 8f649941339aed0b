package liaison.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import liaison.hub.db.Database;
import liaison.hub.demo.DemoMedia;
import liaison.hub.media.MediaStore;
import liaison.signage.player.StationConfig;
import liaison.signage.player.StationRuntime;
import liaison.signage.protocol.MediaSlide;
import liaison.signage.protocol.MediaSlide.MediaFile;
import liaison.signage.protocol.StationContent;
import liaison.testkit.CuttingProxy;
import liaison.testkit.TestBroker;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A media slide's file from the real hub's library to the station's cache, over a line that fails
 * half-way (the demo county's poster, scheduled on every screen): the hub keeps the file by hash
 * ({@code MediaStore}, {@code media_file}) and serves it at {@code /media/{sha256}}; the station,
 * told of the slide in its snapshot, downloads it through a relay that cuts the first answer,
 * resumes with Range on the next try, checks the hash, and only then calls the slide ready.
 */
class StationMediaDeliveryTest {
  private static final Duration RETRY = Duration.ofSeconds(30);

  @TempDir Path dir;
  // The hub's demo county is made for the day it starts (its poster's slide begins today): the
  // station's clock starts at the same moment, not on a fixed day the demo has moved past.
  private final TestClock clock = new TestClock(java.time.Instant.now());

  @Test
  void shouldResumeTheCountysPosterCutHalfWayFromTheHubAndCallItReadyOnlyOnceChecked()
      throws Exception {
    int mqttPort = TestBroker.freePort();
    int httpPort = TestBroker.freePort();
    try (CuttingProxy line = CuttingProxy.to(httpPort);
        // The hub's snapshots send the station through the relay.
        ApplicationContext hub =
            DemoHubs.startWithWeb(dir.resolve("hub"), mqttPort, httpPort, line.url())) {
      // The demo county has its poster on every screen (a media slide of the county's library):
      // the station's first download through the line is the poster's file, cut half-way.
      byte[] poster =
          Files.readAllBytes(
              hub.getBean(MediaStore.class)
                  .find(
                      hub.getBean(Database.class)
                          .withHandle(
                              h ->
                                  h.createQuery(
                                          "SELECT sha256 FROM media_item_file WHERE item_id = :i")
                                      .bind("i", DemoMedia.POSTER_ITEM)
                                      .mapTo(String.class)
                                      .one()))
                  .orElseThrow());
      long cutAt = poster.length / 2;
      line.cutNextAfter(cutAt);

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
            hubs.mediaOrEmpty().slides().stream()
                .filter(s -> s.id().equals(DemoMedia.POSTER_SLIDE))
                .findFirst()
                .orElseThrow();
        MediaFile file = slide.files().getFirst();

        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> line.cuts() == 1 && station.mediaCache().telemetry().failed() == 1);
        assertThat(station.media().ready(slide)).as("half a poster is never ready").isFalse();

        clock.advance(RETRY);
        station.mediaCache().tick();
        await().atMost(Duration.ofSeconds(30)).until(() -> station.media().ready(slide));

        assertThat(station.media().ready(file).orElseThrow())
            .hasBinaryContent(poster)
            .hasParent(dir.resolve("station/media"));
        // Less than a download from the start would take: the second answer began where the part
        // ended (what the HTTP client had buffered but not handed over at the cut may come again).
        assertThat(line.bytesToClient())
            .as("the second answer began where the first was cut, not from the start")
            .isGreaterThanOrEqualTo(poster.length)
            .isLessThan(poster.length + cutAt);
        assertThat(station.mediaCache().telemetry().ready()).isEqualTo(1);
      }
    }
  }
}
