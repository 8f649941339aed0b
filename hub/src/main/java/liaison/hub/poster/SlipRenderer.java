package liaison.hub.poster;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.draw.LineSeparator;
import jakarta.inject.Singleton;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import liaison.hub.config.SlipConfig;
import liaison.hub.text.Text;

/**
 * Forwarding slips (交办单) as an A4 PDF, one slip (a page, or two for a long complaint) after
 * another: the issuing body and the title, the case number, where and when it came in, the problem
 * in the staff's words and the resident's, the department and its deadline, a QR code that opens
 * the case for the department, the department's signature line and the issuing body's stamp box.
 * Chinese only, as an official form is: the words are in the bundles all the same ({@code slip.*}).
 */
@Singleton
public class SlipRenderer {
  /** One millimetre in PDF points. */
  static final float MM = 72f / 25.4f;

  static final Color RED = new Color(0xB5, 0x12, 0x1B);
  static final Color INK = new Color(0x1A, 0x1A, 0x1A);
  private static final Color LABEL = new Color(0xF2, 0xF2, 0xF2);

  private final SlipConfig config;
  private final PrintFont font;

  /** With a font of its own: for a test that sets {@code hub.slip.*} itself. */
  public SlipRenderer(SlipConfig config) {
    this(config, new PrintFont(config));
  }

  @jakarta.inject.Inject
  public SlipRenderer(SlipConfig config, PrintFont font) {
    this.config = config;
    this.font = font;
  }

  /** The issuing body's line when none is configured: the county's 代表工作委员会. */
  public String issuingBody(String countyName) {
    String configured = config.issuingBody() == null ? "" : config.issuingBody().strip();
    return configured.isEmpty()
        ? Text.of("slip.default-issuing-body", countyName).zh()
        : configured;
  }

  /** The slips, each from a new page, as one PDF. */
  public byte[] render(List<ForwardingSlip> slips) {
    if (slips.isEmpty()) {
      throw new IllegalArgumentException("no slip to print");
    }
    BaseFont base = font.get();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 18 * MM, 18 * MM, 15 * MM, 16 * MM);
    PdfWriter writer = PdfWriter.getInstance(document, out);
    writer.setFullCompression();
    Footer footer = new Footer(base);
    writer.setPageEvent(footer);
    document.addTitle(Text.of("slip.title").zh() + " " + slips.getFirst().caseNumber());
    document.open();
    boolean first = true;
    for (ForwardingSlip slip : slips) {
      if (!first) {
        document.newPage();
      }
      first = false;
      footer.start(slip.caseNumber(), writer.getPageNumber());
      slip(document, writer.getDirectContent(), base, slip);
    }
    document.close();
    return out.toByteArray();
  }

  private void slip(Document d, PdfContentByte canvas, BaseFont base, ForwardingSlip slip) {
    Font body = new Font(base, 12, Font.NORMAL, INK);
    Font small = new Font(base, 10.5f, Font.NORMAL, INK);

    Paragraph issuer = new Paragraph(slip.issuingBody(), new Font(base, 16, Font.NORMAL, RED));
    issuer.setAlignment(Element.ALIGN_CENTER);
    d.add(issuer);
    Paragraph title =
        new Paragraph(bold(Text.of("slip.title").zh(), new Font(base, 22, Font.NORMAL, RED)));
    title.setAlignment(Element.ALIGN_CENTER);
    title.setSpacingBefore(4);
    d.add(title);
    // The red rule under the title, as a county's forms have it.
    Paragraph rule =
        new Paragraph(
            in(body, new Chunk(new LineSeparator(1.6f, 100, RED, Element.ALIGN_CENTER, 0))));
    rule.setSpacingAfter(4);
    d.add(rule);

    PdfPTable heading = table(new float[] {1, 1});
    heading.addCell(
        plain(Text.of("slip.number", slip.caseNumber()).zh(), body, Element.ALIGN_LEFT));
    heading.addCell(
        plain(
            Text.of("slip.forwarded-on", chinese(slip.forwarded())).zh(),
            body,
            Element.ALIGN_RIGHT));
    heading.setSpacingAfter(6);
    d.add(heading);

    PdfPTable form = table(new float[] {15, 35, 15, 35});
    // A long complaint goes on over the page instead of leaving page 1 half empty.
    form.setSplitLate(false);
    form.addCell(label(Text.of("slip.station"), body));
    form.addCell(value(slip.stationName(), body, 1, 0));
    form.addCell(label(Text.of("slip.category"), body));
    form.addCell(value(slip.category(), body, 1, 0));
    form.addCell(label(Text.of("slip.received"), body));
    form.addCell(value(chinese(slip.received()), body, 1, 0));
    form.addCell(label(Text.of("slip.deadline"), body));
    form.addCell(
        value(Text.of("slip.deadline-value", chinese(slip.deadline())).zh(), bolder(body), 1, 0));
    form.addCell(label(Text.of("slip.department"), body));
    form.addCell(value(slip.department(), bolder(body), 3, 0));
    form.addCell(label(Text.of("slip.summary"), body));
    form.addCell(value(orNone(slip.summary()), body, 3, 22 * MM));
    form.addCell(label(Text.of("slip.resident-words"), body));
    Font words = new Font(base, 11, Font.NORMAL, INK);
    form.addCell(value(orNone(slip.residentWords()), words, 3, 45 * MM));
    d.add(form);

    // What to do and the code in one piece: never split, never the code shrunk to fit a page's end.
    PdfPTable requirement = table(new float[] {15, 50, 35});
    requirement.setKeepTogether(true);
    requirement.addCell(label(Text.of("slip.requirement"), body));
    requirement.addCell(value(Text.of("slip.requirement-text").zh(), small, 1, 0));
    requirement.addCell(qr(canvas, slip.caseUrl(), small));
    d.add(requirement);

    // The department signs for it; the issuing body stamps it.
    PdfPTable sign = table(new float[] {58, 42});
    sign.setSpacingBefore(8 * MM);
    sign.setKeepTogether(true);
    Paragraph signed = new Paragraph(Text.of("slip.signed").zh() + "________________", body);
    signed.add(new Chunk("\n\n", body));
    signed.add(new Chunk(Text.of("slip.date").zh() + "______年____月____日", body));
    PdfPCell left = new PdfPCell(signed);
    left.setBorder(Rectangle.NO_BORDER);
    left.setVerticalAlignment(Element.ALIGN_TOP);
    left.setPaddingTop(4 * MM);
    sign.addCell(left);
    sign.addCell(stampBox(slip, body, small));
    d.add(sign);
  }

  /**
   * Under every page: the case number and the page of its slip, so pages of a day's batch that come
   * apart find their slip again.
   */
  private static final class Footer extends com.lowagie.text.pdf.PdfPageEventHelper {
    private final BaseFont base;
    private String caseNumber = "";
    private int firstPage = 1;

    Footer(BaseFont base) {
      this.base = base;
    }

    void start(String caseNumber, int page) {
      this.caseNumber = caseNumber;
      this.firstPage = page;
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
      PdfContentByte canvas = writer.getDirectContent();
      canvas.beginText();
      canvas.setFontAndSize(base, 9);
      canvas.setColorFill(Color.GRAY);
      canvas.showTextAligned(
          Element.ALIGN_RIGHT,
          Text.of("slip.footer", caseNumber, String.valueOf(writer.getPageNumber() - firstPage + 1))
              .zh(),
          document.right(),
          document.bottom() - 6 * MM,
          0);
      canvas.endText();
    }
  }

  /** The box the issuing body stamps: its name and the day, with room for the seal over them. */
  private PdfPCell stampBox(ForwardingSlip slip, Font body, Font small) {
    Paragraph stamp = new Paragraph("", small);
    stamp.setAlignment(Element.ALIGN_CENTER);
    stamp.add(new Chunk(Text.of("slip.stamp").zh(), small));
    stamp.add(new Chunk("\n\n", small));
    stamp.add(new Chunk(slip.issuingBody(), body));
    stamp.add(new Chunk("\n", body));
    stamp.add(new Chunk(chinese(slip.forwarded()), body));
    PdfPCell box = new PdfPCell(stamp);
    box.setBorderColor(INK);
    box.setBorderWidth(0.6f);
    box.setMinimumHeight(38 * MM);
    box.setPadding(3 * MM);
    box.setHorizontalAlignment(Element.ALIGN_CENTER);
    box.setVerticalAlignment(Element.ALIGN_MIDDLE);
    return box;
  }

  /**
   * The code, drawn as vectors (whole modules, crisp at any printer's resolution), and its caption.
   */
  private static PdfPCell qr(PdfContentByte canvas, String url, Font small) {
    Image image = QrCodes.pdf(canvas, url, 30 * MM);
    PdfPCell cell = new PdfPCell();
    cell.setHorizontalAlignment(Element.ALIGN_CENTER);
    cell.setPadding(2 * MM);
    // As a chunk the code keeps its 30 mm whatever the cell's width (an element would be
    // stretched).
    Paragraph drawn = new Paragraph(in(small, new Chunk(image, 0, 0, true)));
    drawn.setAlignment(Element.ALIGN_CENTER);
    cell.addElement(drawn);
    Paragraph caption = new Paragraph(Text.of("slip.scan").zh(), small);
    caption.setAlignment(Element.ALIGN_CENTER);
    cell.addElement(caption);
    return cell;
  }

  /**
   * A chunk without words (a rule, the code) in the slip's font: left in the library's default it
   * would embed a second font, Liberation Sans, for nothing.
   */
  static Chunk in(Font font, Chunk chunk) {
    chunk.setFont(font);
    return chunk;
  }

  private static PdfPTable table(float[] widths) {
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    return table;
  }

  private static PdfPCell plain(String text, Font font, int alignment) {
    PdfPCell cell = new PdfPCell(new Phrase(text, font));
    cell.setBorder(Rectangle.NO_BORDER);
    cell.setHorizontalAlignment(alignment);
    cell.setPadding(0);
    return cell;
  }

  static PdfPCell label(Text text, Font font) {
    PdfPCell cell = new PdfPCell(new Phrase(bold(text.zh(), font)));
    cell.setBackgroundColor(LABEL);
    cell.setHorizontalAlignment(Element.ALIGN_CENTER);
    cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
    cell.setPadding(2.5f * MM);
    cell.setBorderWidth(0.6f);
    return cell;
  }

  /** A value; long text wraps inside the cell and a row too tall for the page goes on the next. */
  private static PdfPCell value(String text, Font font, int columns, float minimumHeight) {
    Paragraph paragraph =
        new Paragraph(new Chunk(text, font).setSplitCharacter(ChineseLineBreaks.INSTANCE));
    paragraph.setLeading(font.getSize() * 1.55f);
    PdfPCell cell = new PdfPCell();
    cell.addElement(paragraph);
    cell.setColspan(columns);
    cell.setPadding(2.5f * MM);
    cell.setPaddingTop(1 * MM);
    cell.setBorderWidth(0.6f);
    cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
    if (minimumHeight > 0) {
      cell.setMinimumHeight(minimumHeight);
      cell.setVerticalAlignment(Element.ALIGN_TOP);
    }
    return cell;
  }

  /**
   * Bold by drawing the outline over the fill: one embedded face (a bold face would double the
   * PDF's size for a title and a few labels).
   */
  static Chunk bold(String text, Font font) {
    return new Chunk(text, font)
        .setTextRenderMode(
            PdfContentByte.TEXT_RENDER_MODE_FILL_STROKE, font.getSize() / 30f, font.getColor());
  }

  private static Font bolder(Font font) {
    // A value that matters most (the department, the deadline): the same face, a size larger.
    return new Font(font.getBaseFont(), font.getSize() + 1, Font.NORMAL, font.getColor());
  }

  private static String orNone(String text) {
    return text == null || text.isBlank() ? Text.of("slip.none").zh() : text.strip();
  }

  /** 2026年12月19日. */
  static String chinese(LocalDate date) {
    return Text.of(
            "slip.date-value",
            String.valueOf(date.getYear()),
            String.valueOf(date.getMonthValue()),
            String.valueOf(date.getDayOfMonth()))
        .zh();
  }
}
