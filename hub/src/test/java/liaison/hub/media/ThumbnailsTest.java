package liaison.hub.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's thumbnails: a video's drawn one (the hub decodes no H.264) and a tall poster's,
 * each a JPEG within 320×320, kept under target/screens to be looked at.
 */
class ThumbnailsTest {
  static final Path SCREENS = Path.of("target", "screens");

  @Test
  void shouldDrawAVideosThumbnailWithItsLengthAndPixels(@TempDir Path dir) throws IOException {
    Prepared thumbnail =
        Thumbnails.ofVideo(new VideoFacts("avc1", "mp4a", 1920, 1080, 95_400, 25), dir);

    BufferedImage image = ImageIO.read(thumbnail.file().toFile());
    assertThat(thumbnail.contentType()).isEqualTo("image/jpeg");
    assertThat(image.getWidth()).isEqualTo(320);
    assertThat(image.getHeight()).isEqualTo(180);
    assertThat(MediaItem.clockLength(95_400)).isEqualTo("1:35");
    assertThat(MediaItem.clockLength(3_723_000)).isEqualTo("1:02:03");
    keep(thumbnail, "media-thumbnail-video");
  }

  @Test
  void shouldFitATallPosterWithin320Pixels(@TempDir Path dir) throws IOException {
    Path poster = dir.resolve("poster.png");
    Files.write(poster, MediaLibraryTest.poster(1200, 1600));

    Prepared thumbnail = Thumbnails.ofPicture(Prepared.image(poster, "image/png", 1200, 1600), dir);

    assertThat(thumbnail.width()).isEqualTo(240);
    assertThat(thumbnail.height()).isEqualTo(320);
    keep(thumbnail, "media-thumbnail-poster");
  }

  /** A PNG copy under target/screens, to look at. */
  private static void keep(Prepared thumbnail, String name) throws IOException {
    Files.createDirectories(SCREENS);
    ImageIO.write(
        ImageIO.read(thumbnail.file().toFile()), "png", SCREENS.resolve(name + ".png").toFile());
  }
}
