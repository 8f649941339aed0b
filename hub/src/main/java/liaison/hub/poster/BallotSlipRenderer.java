package liaison.hub.poster;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.inject.Singleton;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import liaison.hub.text.Text;

/**
 * Ballot slips (述职评议票) as an A4 PDF, {@link BallotSlips#perPage()} to a page in two columns, cut
 * apart along the dashed lines: the deputy and the report, the station and the day, the slip's QR
 * code and its code in large letters, and how to vote. Chinese only, as the forwarding slip ({@code
 * ballot-slip.*} in the bundles), in the same embedded font.
 */
@Singleton
public class BallotSlipRenderer {
  private static final float MM = 72f / 25.4f;
  private static final float MARGIN = 10 * MM;
  private static final Color RED = new Color(0xB5, 0x12, 0x1B);
  private static final Color INK = new Color(0x1A, 0x1A, 0x1A);

  private final PrintFont font;

  /** Printed with the same CJK font as every other form the hub prints. */
  public BallotSlipRenderer(PrintFont font) {
    this.font = font;
  }

  public byte[] render(BallotSlips sheet) {
    BaseFont base = font.get();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN);
    PdfWriter writer = PdfWriter.getInstance(document, out);
    writer.setFullCompression();
    document.addTitle(Text.of(sheet.words() + ".title").zh() + " " + sheet.title());
    document.open();
    int rows = sheet.perPage() / 2;
    float height = (PageSize.A4.getHeight() - 2 * MARGIN) / rows - 0.5f;
    PdfContentByte canvas = writer.getDirectContent();
    int onPage = 0;
    PdfPTable page = grid();
    for (int i = 0; i < sheet.codes().size(); i++) {
      String holder = sheet.holders().isEmpty() ? sheet.deputyName() : sheet.holders().get(i);
      page.addCell(slip(canvas, base, sheet, sheet.codes().get(i), holder, height));
      onPage++;
      if (onPage == sheet.perPage()) {
        document.add(page);
        document.newPage();
        page = grid();
        onPage = 0;
      }
    }
    if (onPage > 0) {
      page.completeRow();
      document.add(page);
    }
    document.close();
    return out.toByteArray();
  }

  private static PdfPTable grid() {
    PdfPTable table = new PdfPTable(2);
    table.setWidthPercentage(100);
    table.getDefaultCell().setBorder(Rectangle.NO_BORDER);
    return table;
  }

  private static PdfPCell slip(
      PdfContentByte canvas,
      BaseFont base,
      BallotSlips sheet,
      String code,
      String holder,
      float height) {
    Font small = new Font(base, 9, Font.NORMAL, INK);
    Font body = new Font(base, 10.5f, Font.NORMAL, INK);
    float qrSide = Math.min(32 * MM, height - 18 * MM);
    String url = sheet.voteUrl() + "?c=" + URLEncoder.encode(code, StandardCharsets.UTF_8);

    PdfPTable inside = new PdfPTable(new float[] {qrSide + 4 * MM, 60 * MM});
    inside.setWidthPercentage(100);
    PdfPCell qr = new PdfPCell();
    qr.setBorder(Rectangle.NO_BORDER);
    qr.setPadding(0);
    Image image = QrCodes.pdf(canvas, url, qrSide);
    // In the slip's font: a chunk left in the library's default would embed a second font.
    Chunk picture = new Chunk(image, 0, 0, true);
    picture.setFont(small);
    Paragraph drawn = new Paragraph(picture);
    qr.addElement(drawn);
    inside.addCell(qr);

    PdfPCell words = new PdfPCell();
    words.setBorder(Rectangle.NO_BORDER);
    words.setPaddingLeft(2 * MM);
    words.setVerticalAlignment(Element.ALIGN_MIDDLE);
    words.addElement(new Paragraph(Text.of(sheet.words() + ".code").zh(), small));
    Paragraph printed = new Paragraph(code, new Font(base, 20, Font.NORMAL, INK));
    printed.setLeading(24);
    words.addElement(printed);
    Paragraph how = new Paragraph(Text.of(sheet.words() + ".how", sheet.voteUrl()).zh(), small);
    how.setLeading(12);
    words.addElement(how);
    inside.addCell(words);

    PdfPCell cell = new PdfPCell();
    cell.setFixedHeight(height);
    cell.setPadding(3 * MM);
    cell.setBorderWidth(0.5f);
    cell.setBorderColor(Color.GRAY);
    Paragraph title =
        new Paragraph(Text.of(sheet.words() + ".title").zh(), new Font(base, 13, Font.NORMAL, RED));
    cell.addElement(title);
    Paragraph who =
        new Paragraph(Text.of(sheet.words() + ".who", holder, sheet.title()).zh(), body);
    who.setLeading(14);
    cell.addElement(who);
    Paragraph where =
        new Paragraph(
            Text.of(
                    sheet.words() + ".where",
                    sheet.stationName(),
                    SlipRenderer.chinese(sheet.day()),
                    sheet.times())
                .zh(),
            small);
    where.setLeading(12);
    where.setSpacingAfter(1.5f * MM);
    cell.addElement(where);
    cell.addElement(inside);
    return cell;
  }
}
