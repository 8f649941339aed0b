package liaison.signage.player;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import liaison.signage.player.media.MediaFixtures;
import liaison.signage.player.store.ContentStore;
import liaison.signage.protocol.MediaSlide;
import liaison.signage.protocol.MediaSlide.MediaFile;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationState;
import liaison.signage.protocol.Topic;
import liaison.signage.transport.ReconnectPolicy;
import liaison.testkit.MediaSamples;
import liaison.testkit.TestBroker;
import liaison.testkit.TestClient;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The station runtime's media cache: fed the snapshot it shows, asked by the screen through {@link
 * StationRuntime#media()}, and reported in every heartbeat.
 */
class StationMediaTest {
  private static final String STATE = Topic.stationState("s-001").toString();

  @TempDir Path dir;
  private final TestClock clock = TestClock.at("2026-12-05T09:00:00+08:00");

  @Test
  void shouldDownloadTheStoredSnapshotsSlideAndReportItsCacheInTheHeartbeat() throws Exception {
    byte[] video = MediaSamples.H264_VIDEO_ONLY.bytes();
    MediaFile file = new MediaFile(sha256(video), video.length, "video/mp4", 320, 180, 2_000);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        file.path(),
        exchange -> {
          exchange.sendResponseHeaders(200, video.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(video);
          }
        });
    server.start();
    MediaSlide slide =
        MediaFixtures.slide(
            "m-1", "VIDEO", OffsetDateTime.parse("2026-12-05T08:00:00+08:00"), file);
    try (TestBroker broker = TestBroker.start(dir.resolve("broker"));
        TestClient hub = TestClient.connect(broker.uri(), "test-hub")) {
      hub.subscribe(STATE);
      StationConfig config =
          StationConfig.of("s-001", broker.uri(), dir.resolve("station"))
              .withReconnect(
                  new ReconnectPolicy(Duration.ofMillis(100), Duration.ofMillis(400), 0.1))
              .withHeartbeat(Duration.ofSeconds(1))
              .withMediaCacheMb(512);
      try (ContentStore store = ContentStore.open(config.storeFile())) {
        store.storeIfNewer(
            MediaFixtures.content(
                3, "http://127.0.0.1:" + server.getAddress().getPort() + "/photos/", slide),
            OffsetDateTime.parse("2026-12-05T09:00:00+08:00"));
      }
      try (StationRuntime runtime = StationRuntime.open(config, clock)) {
        await().until(() -> runtime.media().ready(slide));
        assertThat(runtime.media().ready(file).orElseThrow())
            .hasBinaryContent(video)
            .hasParent(dir.resolve("station/media"));

        runtime.start();
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    states(hub).stream()
                        .anyMatch(s -> s.telemetry() != null && s.telemetry().media() != null));
        StationState.MediaCache reported =
            states(hub).stream()
                .filter(s -> s.telemetry() != null && s.telemetry().media() != null)
                .toList()
                .getLast()
                .telemetry()
                .media();
        assertThat(reported)
            .isEqualTo(new StationState.MediaCache(video.length, 512L * 1024 * 1024, 1, 0, 0));
      }
    } finally {
      server.stop(0);
    }
  }

  private static List<StationState> states(TestClient hub) {
    return hub.receivedOn(STATE).stream()
        .filter(r -> r.payload().length > 0)
        .map(r -> ProtocolCodec.decode(r.payload(), StationState.class))
        .toList();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
