package liaison.hub.poster;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import java.awt.Color;
import java.util.Map;

/**
 * A link as a QR code's modules, the same for every printable (posters, cards, slips) and page:
 * level M, so a code survives a crease or a smudge on paper, and the quiet zone of four modules
 * readers need.
 */
public final class QrCodes {
  private QrCodes() {}

  /**
   * The code for a PDF, drawn as vectors (whole modules, crisp at any printer's resolution), {@code
   * side} points square, quiet zone included.
   */
  static Image pdf(PdfContentByte canvas, String url, float side) {
    BitMatrix matrix = matrix(url);
    int modules = matrix.getWidth();
    float module = side / modules;
    PdfTemplate code = canvas.createTemplate(side, side);
    code.setColorFill(Color.BLACK);
    for (int y = 0; y < modules; y++) {
      for (int x = 0; x < modules; x++) {
        if (matrix.get(x, y)) {
          // PDF's y grows upwards; the matrix's downwards.
          code.rectangle(x * module, side - (y + 1) * module, module, module);
        }
      }
    }
    code.fill();
    try {
      return Image.getInstance(code);
    } catch (com.lowagie.text.BadElementException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The code as an SVG element for a web page, one unit per module and white behind it (a dark page
   * would eat the quiet zone): the page sizes it, crisp at any size, on a phone or a projector. The
   * address is not written into the markup, only its modules.
   */
  public static String svg(String url) {
    BitMatrix matrix = matrix(url);
    int modules = matrix.getWidth();
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < modules; y++) {
      for (int x = 0; x < modules; x++) {
        if (matrix.get(x, y)) {
          path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
        + modules
        + " "
        + modules
        + "\" shape-rendering=\"crispEdges\" aria-hidden=\"true\">"
        + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
        + "<path fill=\"#000\" d=\""
        + path
        + "\"/></svg>";
  }

  static BitMatrix matrix(String url) {
    try {
      return new QRCodeWriter()
          .encode(
              url,
              BarcodeFormat.QR_CODE,
              0,
              0,
              Map.of(
                  EncodeHintType.ERROR_CORRECTION,
                  ErrorCorrectionLevel.M,
                  EncodeHintType.CHARACTER_SET,
                  "UTF-8",
                  EncodeHintType.MARGIN,
                  4));
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot encode " + url + " as a QR code", e);
    }
  }
}
