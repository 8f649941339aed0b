package liaison.hub.poster;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

/**
 * Reads the QR code printed on a poster, a card or a slip back from its image, as a phone would.
 */
public final class PrintedCodes {
  private PrintedCodes() {}

  public static String decode(BufferedImage image)
      throws NotFoundException, ChecksumException, FormatException {
    int w = image.getWidth();
    int h = image.getHeight();
    LuminanceSource source = new RGBLuminanceSource(w, h, image.getRGB(0, 0, w, h, null, 0, w));
    // A phone looks again from another frame when a read fails; here, with the other binarizer,
    // and at half the size. Each run prints a new random token, and now and then one pattern
    // failed one reader's look (NotFound, Checksum or Format exception) though the others read it.
    List<BinaryBitmap> looks =
        List.of(
            new BinaryBitmap(new HybridBinarizer(source)),
            new BinaryBitmap(new GlobalHistogramBinarizer(source)),
            new BinaryBitmap(new HybridBinarizer(halved(image))));
    ReaderException last = null;
    for (BinaryBitmap look : looks) {
      try {
        return new QRCodeReader()
            .decode(look, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
            .getText();
      } catch (ReaderException e) {
        last = e;
      }
    }
    switch (last) {
      case NotFoundException e -> throw e;
      case ChecksumException e -> throw e;
      case FormatException e -> throw e;
      default -> throw new IllegalStateException(last);
    }
  }

  private static LuminanceSource halved(BufferedImage image) {
    int w = Math.max(1, image.getWidth() / 2);
    int h = Math.max(1, image.getHeight() / 2);
    BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = small.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(image, 0, 0, w, h, null);
    g.dispose();
    return new RGBLuminanceSource(w, h, small.getRGB(0, 0, w, h, null, 0, w));
  }
}
