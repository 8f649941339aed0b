package liaison.hub.poster;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
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
    int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
    // TRY_HARDER: each run prints a new random token, and now and then its pattern escaped the
    // reader's quick look at the crop (NotFoundException), though a phone read it.
    return new QRCodeReader()
        .decode(
            new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels))),
            Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
        .getText();
  }
}
