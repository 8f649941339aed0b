package liaison.hub.poster;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.station.StationRepository;
import liaison.hub.web.PublicLinks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A station's printable poster: A4 at 300 dpi, both codes scan to the station's links. */
class PosterTest {

  @TempDir static Path dir;
  static RunningHub hub;

  @BeforeAll
  static void start() {
    hub = RunningHub.start(dir);
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  @Test
  void shouldPrintAnA4PosterWhoseCodesOpenTheStationsFormAndBooking() throws Exception {
    StaffClient manager = StaffClient.loggedIn(hub, "chengguan", "demo-2026");

    var answer = manager.download("/admin/stations/s-001/poster.png");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("image/png"));
    Files.createDirectories(Path.of("target", "screens"));
    Files.write(Path.of("target", "screens", "poster-s-001.png"), answer.body());
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(answer.body()));
    assertThat(image.getWidth()).isEqualTo(PosterRenderer.A4_WIDTH);
    assertThat(image.getHeight()).isEqualTo(PosterRenderer.A4_HEIGHT);

    String token =
        hub.bean(StationRepository.class).find("s-001").orElseThrow().station().publicToken();
    PublicLinks links = hub.bean(PublicLinks.class);
    assertThat(PrintedCodes.decode(image.getSubimage(170, 1080, 1180, 1180)))
        .isEqualTo(links.opinion(token));
    assertThat(
            PrintedCodes.decode(
                image.getSubimage(PosterRenderer.A4_WIDTH - 170 - 760, 1080, 760, 760)))
        .isEqualTo(links.booking(token));
  }

  @Test
  void shouldPrintADeputysCardWhoseCodeOpensTheFormAddressedToThem() throws Exception {
    StaffClient manager = StaffClient.loggedIn(hub, "chengguan", "demo-2026");

    var answer = manager.download("/admin/stations/s-001/deputies/d-0001/card.png");

    assertThat(answer.statusCode()).isEqualTo(200);
    Files.createDirectories(Path.of("target", "screens"));
    Files.write(Path.of("target", "screens", "card-s-001-d-0001.png"), answer.body());
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(answer.body()));
    assertThat(image.getWidth()).isEqualTo(PosterRenderer.A6_WIDTH);
    String token = hub.bean(liaison.hub.opinion.DeputyLinks.class).token("s-001", "d-0001");
    assertThat(
            PrintedCodes.decode(
                image.getSubimage(PosterRenderer.A6_WIDTH - 90 - 760, 260, 760, 760)))
        .isEqualTo(hub.bean(PublicLinks.class).opinion(token));
    var page = manager.get("/admin/stations/s-001/deputies");
    assertThat(page.body()).contains("/admin/stations/s-001/deputies/d-0001/card.png");

    assertThat(manager.download("/admin/stations/s-001/deputies/d-9999/card.png").statusCode())
        .isEqualTo(404);
  }

  @Test
  void shouldRefuseAnotherStationsManager() {
    StaffClient other = StaffClient.loggedIn(hub, "baisha", "demo-2026");

    assertThat(other.download("/admin/stations/s-001/poster.png").statusCode()).isEqualTo(403);
  }
}
