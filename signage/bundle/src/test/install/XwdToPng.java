import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * {@code java XwdToPng.java IN.xwd OUT.png}: the X display's picture as {@code xwd -root} writes it
 * (a TrueColor screen, 24 or 32 bits a pixel, the only kind Xvfb makes at depth 24) as a PNG, so
 * the installer's test needs no image tools on the host.
 */
public final class XwdToPng {
  private XwdToPng() {}

  public static void main(String[] args) throws IOException {
    byte[] file = Files.readAllBytes(Path.of(args[0]));
    ByteBuffer header = ByteBuffer.wrap(file).order(ByteOrder.BIG_ENDIAN);
    int headerSize = header.getInt(0);
    int width = header.getInt(4 * 4);
    int height = header.getInt(5 * 4);
    int byteOrder = header.getInt(7 * 4);
    int bitsPerPixel = header.getInt(11 * 4);
    int bytesPerLine = header.getInt(12 * 4);
    int redMask = header.getInt(14 * 4);
    int greenMask = header.getInt(15 * 4);
    int blueMask = header.getInt(16 * 4);
    int colours = header.getInt(19 * 4);
    if (bitsPerPixel != 32 && bitsPerPixel != 24) {
      throw new IOException(args[0] + ": " + bitsPerPixel + " bits a pixel; only 24 and 32 are read");
    }
    int pixels = headerSize + colours * 12;
    ByteBuffer data =
        ByteBuffer.wrap(file)
            .order(byteOrder == 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int bytesPerPixel = bitsPerPixel / 8;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int at = pixels + y * bytesPerLine + x * bytesPerPixel;
        int value =
            bytesPerPixel == 4
                ? data.getInt(at)
                : (file[at] & 0xff) | (file[at + 1] & 0xff) << 8 | (file[at + 2] & 0xff) << 16;
        image.setRGB(
            x, y, channel(value, redMask) << 16 | channel(value, greenMask) << 8 | channel(value, blueMask));
      }
    }
    if (!ImageIO.write(image, "png", Path.of(args[1]).toFile())) {
      throw new IOException("no PNG writer");
    }
  }

  private static int channel(int value, int mask) {
    return ((value & mask) >>> Integer.numberOfTrailingZeros(mask)) & 0xff;
  }
}
