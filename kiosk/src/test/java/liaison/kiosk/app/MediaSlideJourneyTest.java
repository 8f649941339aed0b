package liaison.kiosk.app;

import static liaison.signage.player.fx.FxToolkit.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.imageio.ImageIO;
import liaison.hub.db.Database;
import liaison.hub.demo.DemoCounty;
import liaison.signage.player.StationConfig;
import liaison.signage.player.StationRuntime;
import liaison.signage.player.board.SignagePlayback;
import liaison.signage.player.board.SignageScreen;
import liaison.signage.player.fx.CjkFonts;
import liaison.signage.player.fx.FxToolkit;
import liaison.signage.player.fx.Portraits;
import liaison.signage.player.loop.OnScreen;
import liaison.signage.player.loop.OnScreen.MediaTurn;
import liaison.signage.protocol.MediaSlide;
import liaison.testkit.TestBroker;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A manager's poster from upload to screen and back, with every real part between: uploaded to the
 * real hub's library over its JSON API, scheduled on one station, carried in that station's
 * retained snapshot by reference, downloaded by the station's media cache from {@code
 * /media/{sha256}}, played by the signage loop after the boards, and its turn on screen stored by
 * the hub as a proof of display.
 */
@ExtendWith(FxToolkit.class)
class MediaSlideJourneyTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldPutAnUploadedPosterOnTheStationsScreenAndProveItWasShown() throws Exception {
    int mqttPort = TestBroker.freePort();
    int httpPort = TestBroker.freePort();
    String hubUrl = "http://127.0.0.1:" + httpPort;
    // The station's clock runs with the hub's: the slide starts "now" by the hub's clock.
    TestClock clock = new TestClock(Instant.now().plusSeconds(5));
    try (ApplicationContext hub =
        DemoHubs.startWithWeb(dir.resolve("hub"), mqttPort, httpPort, hubUrl)) {
      JsonNode item =
          send(
              hubUrl + "/api/media?fileName=" + "poster.png",
              "image/png",
              HttpRequest.BodyPublishers.ofByteArray(poster()),
              201);
      JsonNode slide =
          send(
              hubUrl + "/api/media-slides",
              "application/json",
              HttpRequest.BodyPublishers.ofString(
                  JSON.writeValueAsString(
                      JSON.createObjectNode()
                          .put("itemId", item.path("id").asText())
                          .put("seconds", 5)
                          .put("target", "STATIONS")
                          .set("stationIds", JSON.createArrayNode().add("s-001")))),
              201);
      String slideId = slide.path("id").asText();

      StationConfig config =
          EnrolledStations.enrolled(
              hub,
              StationConfig.of("s-001", "tcp://127.0.0.1:" + mqttPort, dir.resolve("station")));
      try (StationRuntime station = StationRuntime.open(config, clock)) {
        SignagePlayback playback =
            onFx(
                () ->
                    new SignagePlayback(
                        station,
                        new SignageScreen(clock, CjkFonts.detect(), Portraits.none()),
                        clock));
        onFx(playback::resume);
        station.start();
        MediaSlide scheduled =
            await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> ourSlide(station, slideId), Optional::isPresent)
                .orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> station.media().ready(scheduled));

        // The boards of a cycle, then the poster: a loop of a few minutes at most.
        boolean shown = false;
        for (int second = 0; second < 900 && !shown; second++) {
          clock.advance(Duration.ofSeconds(1));
          onFx(playback::tick);
          OnScreen now = onFx(() -> playback.loop().screen());
          shown = now instanceof MediaTurn turn && turn.slide().id().equals(slideId);
        }
        assertThat(shown).as("the poster's turn came in the loop").isTrue();
        for (int second = 0; second < 6; second++) {
          clock.advance(Duration.ofSeconds(1));
          onFx(playback::tick);
        }
        Database database = hub.getBean(Database.class);
        Optional<Integer> proved =
            await()
                .atMost(Duration.ofSeconds(30))
                .until(
                    () ->
                        database.withHandle(
                            h ->
                                h.createQuery(
                                        "SELECT seconds FROM media_display WHERE slide_id = :s AND station_id = 's-001'")
                                    .bind("s", slideId)
                                    .mapTo(Integer.class)
                                    .findFirst()),
                    Optional::isPresent);
        assertThat(proved).as("the hub stored the poster's five seconds on screen").contains(5);
        onFx(playback::close);
      }
    }
  }

  private static Optional<MediaSlide> ourSlide(StationRuntime station, String slideId) {
    return station.feed().content().get().stream()
        .flatMap(c -> c.mediaOrEmpty().slides().stream())
        .filter(s -> s.id().equals(slideId))
        .findFirst();
  }

  private JsonNode send(String url, String type, HttpRequest.BodyPublisher body, int expectedStatus)
      throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString(("admin:" + DemoCounty.PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", type)
                .POST(body)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(expectedStatus);
    return JSON.readTree(answer.body());
  }

  /** A county's poster, drawn: what a manager would upload. */
  private static byte[] poster() throws Exception {
    BufferedImage image = new BufferedImage(900, 1200, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0xb0, 0x1e, 0x23));
    g.fillRect(0, 0, 900, 1200);
    g.setColor(Color.WHITE);
    g.fillRect(100, 200, 700, 500);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
