package liaison.hub.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import liaison.hub.RunningHub;
import liaison.hub.demo.DemoCounty;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.Topic;
import liaison.testkit.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** A deputy's photo: uploaded, checked, shrunk, published by hash, served with long caching. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhotoTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private RunningHub hub;

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir);
  }

  @AfterAll
  void stop() {
    hub.close();
  }

  private HttpResponse<String> upload(String user, String deputy, byte[] body, String type)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(hub.url("/api/deputies/" + deputy + "/photo"))
            .header("Content-Type", type)
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            (user + ":" + DemoCounty.PASSWORD).getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldShrinkAPhotoPublishItsHashAndServeItForAYear() throws Exception {
    try (TestClient watcher = hub.observer("photo-watcher")) {
      watcher.subscribe(Topic.stationContent("s-001").toString());
      HttpResponse<String> uploaded = upload("chengguan", "d-0001", png(1200, 1600), "image/png");

      assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
      String hash = json.readTree(uploaded.body()).path("photo").asText();
      assertThat(hash).matches("[0-9a-f]{64}");

      HttpResponse<byte[]> served =
          http.send(
              HttpRequest.newBuilder(hub.url("/photos/" + hash + ".jpg")).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(served.statusCode()).isEqualTo(200);
      assertThat(served.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("image/jpeg");
      assertThat(served.headers().firstValue("Cache-Control").orElseThrow())
          .contains("max-age=31536000", "immutable");
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(served.body()));
      assertThat(image.getWidth()).isEqualTo(600);
      assertThat(image.getHeight()).isEqualTo(800);

      HttpResponse<byte[]> again =
          http.send(
              HttpRequest.newBuilder(hub.url("/photos/" + hash + ".jpg"))
                  .header("If-None-Match", "\"" + hash + "\"")
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(again.statusCode()).isEqualTo(304);

      await()
          .until(
              () ->
                  watcher.receivedOn(Topic.stationContent("s-001").toString()).stream()
                      .map(r -> ProtocolCodec.decode(r.payload(), StationContent.class))
                      .anyMatch(c -> hash.equals(c.deputy("d-0001").orElseThrow().photo())));
    }
  }

  @Test
  @Tag("security")
  void shouldRefuseWhatIsNotAPhotoABombAndAnotherStationsDeputy() throws Exception {
    HttpResponse<String> text =
        upload(
            "admin",
            "d-0002",
            "<html>not a photo</html>".getBytes(StandardCharsets.UTF_8),
            "image/jpeg");
    HttpResponse<String> damaged =
        upload(
            "admin",
            "d-0002",
            new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 1, 2, 3},
            "image/jpeg");
    HttpResponse<String> bomb =
        upload("admin", "d-0002", pngHeaderOnly(20_000, 20_000), "image/png");
    HttpResponse<String> notHers = upload("baisha", "d-0002", png(100, 100), "image/png");
    // The media library's WebP decoder is on the class path; photos (the residents' form's too,
    // through the same PhotoStore) keep to JPEG and PNG all the same, whatever the type claimed.
    HttpResponse<String> webp =
        upload("admin", "d-0002", liaison.testkit.MediaSamples.WEBP_POSTER.bytes(), "image/jpeg");

    assertThat(List.of(text, damaged, bomb, webp)).allMatch(r -> r.statusCode() == 422);
    assertThat(json.readTree(webp.body()).path("errors").get(0).path("message").asText())
        .isEqualTo("只接受 JPEG 或 PNG 照片");
    assertThat(json.readTree(text.body()).path("errors").get(0).path("message").asText())
        .isEqualTo("只接受 JPEG 或 PNG 照片");
    assertThat(json.readTree(damaged.body()).path("errors").get(0).path("message").asText())
        .contains("已损坏");
    assertThat(json.readTree(bomb.body()).path("errors").get(0).path("message").asText())
        .contains("像素太多");
    assertThat(notHers.statusCode()).isEqualTo(403);
    assertThat(
            http.send(
                    HttpRequest.newBuilder(hub.url("/photos/../../hub.db")).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode())
        .isIn(400, 404);
  }

  @Test
  void shouldTakeAPhotoFromTheDeputysPageInTheAdmin() throws Exception {
    liaison.hub.StaffClient admin =
        liaison.hub.StaffClient.loggedIn(hub, "admin", DemoCounty.PASSWORD);

    HttpResponse<String> uploaded =
        admin.upload(
            "/admin/deputies/d-0005/photo", admin.csrf(), "photo", "张德明.png", png(300, 400));
    HttpResponse<String> notAPhoto =
        admin.upload(
            "/admin/deputies/d-0005/photo",
            admin.csrf(),
            "photo",
            "x.png",
            "not a photo".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> forged =
        admin.upload(
            "/admin/deputies/d-0005/photo", "not-the-token", "photo", "y.png", png(10, 10));

    assertThat(uploaded.statusCode()).isEqualTo(303);
    String page = admin.get("/admin/deputies/d-0005/edit?done=photo").body();
    assertThat(page).contains("照片已更新", "<img src=\"/photos/");
    assertThat(notAPhoto.statusCode()).isEqualTo(422);
    assertThat(notAPhoto.body()).contains("只接受 JPEG 或 PNG 照片");
    assertThat(forged.statusCode()).isEqualTo(403);
  }

  private static byte[] png(int width, int height) throws Exception {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(200, 30, 40));
    g.fillOval(width / 4, height / 4, width / 2, height / 2);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** A PNG that claims huge dimensions in its header and carries no pixels. */
  private static byte[] pngHeaderOnly(int width, int height) {
    ByteBuffer ihdr =
        ByteBuffer.allocate(13)
            .putInt(width)
            .putInt(height)
            .put((byte) 8)
            .put((byte) 6)
            .put((byte) 0)
            .put((byte) 0)
            .put((byte) 0);
    byte[] type = "IHDR".getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(type);
    crc.update(ihdr.array());
    return ByteBuffer.allocate(8 + 4 + 4 + 13 + 4)
        .put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})
        .putInt(13)
        .put(type)
        .put(ihdr.array())
        .putInt((int) crc.getValue())
        .array();
  }
}
