package liaison.signage.player.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * A URL as QR modules. Error correction M: a kiosk's glass may be smudged, and the codes stay small
 * enough for 800×480 screens. Two modules of quiet zone are part of the matrix; the white card
 * around every code (at least 0.6 em) makes up the rest of the four the standard asks for, so each
 * module gets more pixels on a 7-inch panel.
 */
public final class QrCode {
  private final String text;
  private final BitMatrix matrix;

  private QrCode(String text, BitMatrix matrix) {
    this.text = text;
    this.matrix = matrix;
  }

  public static QrCode of(String text) {
    return of(text, 2);
  }

  /**
   * With {@code margin} modules of quiet zone in the matrix: 0 where a code shares a card sized for
   * a shorter one (the kiosk's deputies' sign-in in the booking code's place), the card's white
   * padding its quiet zone, so it keeps 4 px a module on the 7-inch panel.
   */
  public static QrCode of(String text, int margin) {
    try {
      BitMatrix matrix =
          new QRCodeWriter()
              .encode(
                  text,
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.CHARACTER_SET,
                      "UTF-8",
                      EncodeHintType.MARGIN,
                      margin));
      return new QrCode(text, matrix);
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot encode as a QR code: " + text, e);
    }
  }

  public String text() {
    return text;
  }

  /** Modules per side, quiet zone included. */
  public int size() {
    return matrix.getWidth();
  }

  public boolean isDark(int x, int y) {
    return matrix.get(x, y);
  }
}
