package liaison.hub.poster;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.draw.LineSeparator;
import jakarta.inject.Singleton;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import liaison.hub.text.Text;

/**
 * A deputy's duty record (履职档案) as an A4 PDF: the title and the cover block (deputy, levels,
 * stations, year, county), then a part per aspect of the county's duty list with what the hub knows
 * and staff's notes; every page numbered (第 n 页 共 m 页) with the day it was printed. The CJK font is
 * embedded as a subset, as on the forwarding slip ({@code record.*} in the bundles).
 */
@Singleton
public class DutyRecordRenderer {
  private static final float MM = SlipRenderer.MM;
  private static final Color RED = SlipRenderer.RED;
  private static final Color INK = SlipRenderer.INK;
  private static final Color QUIET = new Color(0x55, 0x55, 0x55);

  private final PrintFont font;

  public DutyRecordRenderer(PrintFont font) {
    this.font = font;
  }

  public byte[] render(DutyRecordSheet sheet) {
    BaseFont base = font.get();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 20 * MM, 20 * MM, 18 * MM, 20 * MM);
    PdfWriter writer = PdfWriter.getInstance(document, out);
    writer.setFullCompression();
    writer.setPageEvent(new Footer(base, SlipRenderer.chinese(sheet.printedOn())));
    document.addTitle(title(sheet) + " " + sheet.deputyName());
    document.open();
    cover(document, base, sheet);
    int number = 1;
    for (DutyRecordSheet.Part part : sheet.parts()) {
      part(document, base, number++, part);
    }
    document.close();
    return out.toByteArray();
  }

  private static String title(DutyRecordSheet sheet) {
    return Text.of("record.title", String.valueOf(sheet.year())).zh();
  }

  private void cover(Document d, BaseFont base, DutyRecordSheet sheet) {
    Font body = new Font(base, 12, Font.NORMAL, INK);
    Paragraph county =
        new Paragraph(
            Text.of("record.issuer", sheet.countyName()).zh(),
            new Font(base, 15, Font.NORMAL, RED));
    county.setAlignment(Element.ALIGN_CENTER);
    d.add(county);
    Paragraph title =
        new Paragraph(SlipRenderer.bold(title(sheet), new Font(base, 22, Font.NORMAL, RED)));
    title.setAlignment(Element.ALIGN_CENTER);
    title.setSpacingBefore(4);
    d.add(title);
    Paragraph rule =
        new Paragraph(
            SlipRenderer.in(
                body, new Chunk(new LineSeparator(1.6f, 100, RED, Element.ALIGN_CENTER, 0))));
    rule.setSpacingAfter(6);
    d.add(rule);

    PdfPTable table = new PdfPTable(new float[] {18, 32, 18, 32});
    table.setWidthPercentage(100);
    table.setSpacingAfter(6 * MM);
    table.addCell(SlipRenderer.label(Text.of("record.deputy"), body));
    table.addCell(value(sheet.deputyName(), new Font(base, 14, Font.NORMAL, INK), 1));
    table.addCell(SlipRenderer.label(Text.of("record.year"), body));
    table.addCell(value(Text.of("record.year-value", String.valueOf(sheet.year())).zh(), body, 1));
    table.addCell(SlipRenderer.label(Text.of("record.levels"), body));
    table.addCell(value(sheet.levels(), body, 3));
    table.addCell(SlipRenderer.label(Text.of("record.stations"), body));
    table.addCell(value(sheet.stations(), body, 3));
    table.addCell(SlipRenderer.label(Text.of("record.county"), body));
    table.addCell(value(sheet.countyName(), body, 3));
    d.add(table);
  }

  /** "一、参加会议", what the county counts under it, what the hub knows, and staff's notes. */
  private void part(Document d, BaseFont base, int number, DutyRecordSheet.Part part) {
    Font heading = new Font(base, 13.5f, Font.NORMAL, RED);
    Font body = new Font(base, 11, Font.NORMAL, INK);
    Font small = new Font(base, 9.5f, Font.NORMAL, QUIET);

    // The heading stays with the aspect's first lines: a table kept together, then the rest.
    PdfPTable head = new PdfPTable(1);
    head.setWidthPercentage(100);
    head.setKeepTogether(true);
    head.setSpacingBefore(3 * MM);
    Paragraph title =
        new Paragraph(SlipRenderer.bold(Text.of("record.part", number, part.name()).zh(), heading));
    head.addCell(bare(title));
    if (!part.description().isBlank()) {
      head.addCell(bare(paragraph(part.description(), small)));
    }
    head.addCell(bare(paragraph(part.summary(), body)));
    d.add(head);
    for (String line : part.lines()) {
      Paragraph p = paragraph("· " + line, body);
      p.setIndentationLeft(4 * MM);
      p.setFirstLineIndent(-2.5f * MM);
      d.add(p);
    }
    for (String note : part.notes()) {
      Paragraph p = paragraph(Text.of("record.note", note).zh(), body);
      p.setIndentationLeft(4 * MM);
      p.setSpacingBefore(1 * MM);
      d.add(p);
    }
  }

  private static Paragraph paragraph(String text, Font font) {
    Paragraph p =
        new Paragraph(new Chunk(text, font).setSplitCharacter(ChineseLineBreaks.INSTANCE));
    p.setLeading(font.getSize() * 1.6f);
    return p;
  }

  private static PdfPCell bare(Paragraph p) {
    PdfPCell cell = new PdfPCell();
    cell.addElement(p);
    cell.setBorder(Rectangle.NO_BORDER);
    cell.setPadding(0);
    cell.setPaddingBottom(1 * MM);
    return cell;
  }

  private static PdfPCell value(String text, Font font, int columns) {
    PdfPCell cell = new PdfPCell();
    cell.addElement(paragraph(text.isBlank() ? "—" : text, font));
    cell.setColspan(columns);
    cell.setPadding(2.5f * MM);
    cell.setPaddingTop(1 * MM);
    cell.setBorderWidth(0.6f);
    cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
    return cell;
  }

  /**
   * Under every page: the day printed on the left, 第 n 页 / 共 m 页 on the right (the total written
   * into a template when the document closes, when it is known).
   */
  private static final class Footer extends PdfPageEventHelper {
    private static final float TOTAL_WIDTH = 16 * MM;
    private final BaseFont base;
    private final String printed;
    private PdfTemplate total;

    Footer(BaseFont base, String printedOn) {
      this.base = base;
      this.printed = Text.of("record.printed-on", printedOn).zh();
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
      total = writer.getDirectContent().createTemplate(TOTAL_WIDTH, 4 * MM);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
      PdfContentByte canvas = writer.getDirectContent();
      float y = document.bottom() - 8 * MM;
      float split = document.right() - TOTAL_WIDTH;
      canvas.beginText();
      canvas.setFontAndSize(base, 9);
      canvas.setColorFill(Color.GRAY);
      canvas.showTextAligned(Element.ALIGN_LEFT, printed, document.left(), y, 0);
      canvas.showTextAligned(
          Element.ALIGN_RIGHT,
          Text.of("record.page", String.valueOf(writer.getPageNumber())).zh(),
          split,
          y,
          0);
      canvas.endText();
      canvas.addTemplate(total, split + 1 * MM, y);
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
      total.beginText();
      total.setFontAndSize(base, 9);
      total.setColorFill(Color.GRAY);
      // Closing, the writer already counts the page that would come next.
      total.showText(Text.of("record.pages", String.valueOf(writer.getPageNumber() - 1)).zh());
      total.endText();
    }
  }
}
