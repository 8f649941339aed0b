package liaison.signage.player;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import liaison.signage.player.store.ContentStore;
import liaison.signage.protocol.GoldenFiles;
import liaison.signage.protocol.StationContent;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StationPhotosTest {

  @TempDir Path dir;

  @Test
  void shouldFetchThePhotosOfTheStoredContentWhenItOpensWithoutTheBroker() throws Exception {
    byte[] bytes = "a deputy's portrait".getBytes(StandardCharsets.UTF_8);
    String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/photos/" + hash + ".jpg",
        exchange -> {
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/photos/";
      // Nothing listens on this broker port: the photos come over HTTP alone.
      StationConfig config = StationConfig.of("s-001", "tcp://127.0.0.1:1", dir.resolve("station"));
      try (ContentStore store = ContentStore.open(config.storeFile())) {
        store.storeIfNewer(
            withPhoto(GoldenFiles.contentWithVersion(3), base, hash),
            OffsetDateTime.parse("2026-11-23T08:00:00+08:00"));
      }

      try (StationRuntime runtime =
          StationRuntime.open(config, TestClock.at("2026-11-23T08:00:00+08:00"))) {
        await().until(() -> runtime.photos().file(hash).isPresent());
        assertThat(runtime.photos().file(hash).orElseThrow())
            .hasBinaryContent(bytes)
            .hasParent(dir.resolve("station/photos"));
      }
    } finally {
      server.stop(0);
    }
  }

  private static StationContent withPhoto(StationContent c, String base, String hash) {
    StationContent.Deputy d = c.deputies().getFirst();
    StationContent.Deputy withPhoto =
        new StationContent.Deputy(
            d.id(),
            d.name(),
            d.levels(),
            d.constituency(),
            d.occupation(),
            d.workUnit(),
            d.specialties(),
            hash,
            d.phone(),
            d.messageUrl());
    return new StationContent(
        c.stationId(),
        c.version(),
        c.generatedAt(),
        c.station(),
        java.util.List.of(withPhoto),
        c.receptions(),
        c.notices(),
        new StationContent.Links(c.links().opinion(), c.links().booking(), base),
        c.results());
  }
}
