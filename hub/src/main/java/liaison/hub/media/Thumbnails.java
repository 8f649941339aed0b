package liaison.hub.media;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * The library's small pictures: a 320 px JPEG per entry (within 320×320), from the image or a
 * document's first page. A video's is drawn (the hub decodes no H.264, and takes on no codec to do
 * so): a play sign with its length and its pixels, so the manager still tells two videos apart by
 * title and length.
 */
final class Thumbnails {
  static final int SIDE = 320;

  private static final Color SCREEN = new Color(0x1F, 0x29, 0x37);

  private Thumbnails() {}

  /** The thumbnail of a picture the library made (an image or a page: a JPEG or a PNG). */
  static Prepared ofPicture(Prepared picture, Path outDir) {
    MediaContent content =
        picture.contentType().equals("image/png") ? MediaContent.PNG : MediaContent.JPEG;
    BufferedImage small = PosterImages.decode(picture.file(), content, SIDE);
    return write(small, outDir);
  }

  /** A video's drawn thumbnail: 16:9, a play sign, its length and its pixels. */
  static Prepared ofVideo(VideoFacts video, Path outDir) {
    int width = SIDE;
    int height = SIDE * 9 / 16;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(SCREEN);
      g.fillRect(0, 0, width, height);
      g.setColor(Color.WHITE);
      g.setStroke(new BasicStroke(4f));
      int cx = width / 2;
      int cy = height / 2 - 14;
      g.drawOval(cx - 34, cy - 34, 68, 68);
      g.fillPolygon(
          new Polygon(new int[] {cx - 11, cx - 11, cx + 19}, new int[] {cy - 18, cy + 18, cy}, 3));
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
      String line =
          MediaItem.clockLength(video.durationMillis())
              + "  ·  "
              + video.width()
              + "×"
              + video.height();
      int textWidth = g.getFontMetrics().stringWidth(line);
      g.drawString(line, (width - textWidth) / 2, height - 22);
    } finally {
      g.dispose();
    }
    return write(image, outDir);
  }

  private static Prepared write(BufferedImage image, Path outDir) {
    Path out = outDir.resolve("thumbnail.jpg");
    PosterImages.write(image, false, out);
    return Prepared.image(out, "image/jpeg", image.getWidth(), image.getHeight());
  }
}
