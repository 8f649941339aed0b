package liaison.hub.media;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import liaison.hub.poster.SlipFonts;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

/** PDFs made in the tests, as a county office's Word, WPS or scanner would hand them over. */
final class TestPdfs {
  /** The heading each page of {@link #notice()} starts with, large, at the top left. */
  static final String HEADING = "人大代表联络站 接待安排";

  private TestPdfs() {}

  /**
   * A notice of three A4 pages: two upright, then one on its side, each with a large Chinese
   * heading at the top (in Noto CJK, embedded) and the lower quarter of the page left blank.
   */
  static byte[] notice() {
    BaseFont font = chineseFont();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 40, 40, 40, 40);
    PdfWriter.getInstance(document, out);
    document.open();
    List<Rectangle> sizes = List.of(PageSize.A4, PageSize.A4, PageSize.A4.rotate());
    for (int page = 0; page < sizes.size(); page++) {
      document.setPageSize(sizes.get(page));
      if (page > 0) {
        document.newPage();
      }
      document.add(new Paragraph(HEADING + "（第 " + (page + 1) + " 页）", new Font(font, 30)));
      document.add(new Paragraph("每月第一个星期三上午，代表在联络站接待群众，听取意见和建议。", new Font(font, 16)));
    }
    document.close();
    return out.toByteArray();
  }

  /**
   * As many empty pages as asked, made with PDFBox: strips 1920 points wide and 20 high, each
   * rendered as a 1920×20 picture, so fifty of them cost a test little.
   */
  static byte[] blankPages(int count) {
    try (PDDocument document = new PDDocument()) {
      for (int i = 0; i < count; i++) {
        document.addPage(new PDPage(new PDRectangle(1920, 20)));
      }
      return save(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One page whose drawing is {@code megabytes} MB of spaces (nothing to draw) behind FlateDecode:
   * a few hundred kilobytes on disk, a decompression bomb when the megabytes are many.
   */
  static byte[] inflatingTo(int megabytes) {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage(new PDRectangle(1920, 20));
      document.addPage(page);
      org.apache.pdfbox.cos.COSStream content = document.getDocument().createCOSStream();
      byte[] spaces = new byte[1 << 20];
      java.util.Arrays.fill(spaces, (byte) ' ');
      try (java.io.OutputStream out =
          content.createOutputStream(org.apache.pdfbox.cos.COSName.FLATE_DECODE)) {
        for (int i = 0; i < megabytes; i++) {
          out.write(spaces);
        }
      }
      page.getCOSObject().setItem(org.apache.pdfbox.cos.COSName.CONTENTS, content);
      return save(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One page whose catalogue sits in an object stream (as PDF 1.5 writers pack objects) padded with
   * {@code megabytes} MB of spaces before it, behind FlateDecode: a kilobyte on disk per megabyte
   * (PDFBox reads a filter named twice once), decoded whole into memory to find the catalogue while
   * PDFBox loads the file.
   */
  static byte[] objectStreamInflatingTo(int megabytes) {
    long padding = megabytes * (1L << 20);
    String header = "1 " + padding + " ";
    ByteArrayOutputStream deflated = new ByteArrayOutputStream();
    try (java.io.OutputStream out = new java.util.zip.DeflaterOutputStream(deflated)) {
      out.write(header.getBytes(StandardCharsets.ISO_8859_1));
      byte[] spaces = new byte[1 << 20];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < megabytes; i++) {
        out.write(spaces);
      }
      out.write("<< /Type /Catalog /Pages 2 0 R >>".getBytes(StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] packed = deflated.toByteArray();

    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    long[] offsets = new long[5]; // objects 1 to 4 by number; object 1 is in the object stream
    java.util.function.Consumer<String> text =
        t -> pdf.writeBytes(t.getBytes(StandardCharsets.ISO_8859_1));
    text.accept("%PDF-1.5\n");
    pagesAndPage(pdf, offsets);
    offsets[4] = pdf.size();
    text.accept(
        "4 0 obj\n<< /Type /ObjStm /N 1 /First "
            + header.length()
            + " /Filter /FlateDecode /Length "
            + packed.length
            + " >>\nstream\n");
    pdf.writeBytes(packed);
    text.accept("\nendstream\nendobj\n");
    // The cross-reference stream (object 5): type, offset or object stream, index; 1+4+2 bytes.
    long xref = pdf.size();
    java.nio.ByteBuffer rows = java.nio.ByteBuffer.allocate(6 * 7);
    rows.put((byte) 0).putInt(0).putShort((short) -1); // 0: free
    rows.put((byte) 2).putInt(4).putShort((short) 0); // 1: the first object of object stream 4
    for (int n = 2; n <= 4; n++) {
      rows.put((byte) 1).putInt((int) offsets[n]).putShort((short) 0);
    }
    rows.put((byte) 1).putInt((int) xref).putShort((short) 0); // 5: this stream
    text.accept(
        "5 0 obj\n<< /Type /XRef /Size 6 /W [1 4 2] /Root 1 0 R /Length "
            + rows.capacity()
            + " >>\nstream\n");
    pdf.writeBytes(rows.array());
    text.accept("\nendstream\nendobj\nstartxref\n" + xref + "\n%%EOF\n");
    return pdf.toByteArray();
  }

  /**
   * One page whose cross-reference stream (compressed) inflates to {@code megabytes} MB: its rows,
   * then zeros no row reads. PDFBox decodes a cross-reference stream whole into memory while it
   * finds the file's objects.
   */
  static byte[] crossReferenceInflatingTo(int megabytes) {
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    long[] offsets = new long[4]; // objects 1 to 3 by number
    java.util.function.Consumer<String> text =
        t -> pdf.writeBytes(t.getBytes(StandardCharsets.ISO_8859_1));
    text.accept("%PDF-1.5\n");
    offsets[1] = pdf.size();
    text.accept("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
    pagesAndPage(pdf, offsets);
    // The cross-reference stream (object 4): type, offset, generation; 1+4+2 bytes a row.
    long xref = pdf.size();
    java.nio.ByteBuffer rows = java.nio.ByteBuffer.allocate(5 * 7);
    rows.put((byte) 0).putInt(0).putShort((short) -1); // 0: free
    for (int n = 1; n <= 3; n++) {
      rows.put((byte) 1).putInt((int) offsets[n]).putShort((short) 0);
    }
    rows.put((byte) 1).putInt((int) xref).putShort((short) 0); // 4: this stream
    ByteArrayOutputStream deflated = new ByteArrayOutputStream();
    try (java.io.OutputStream out = new java.util.zip.DeflaterOutputStream(deflated)) {
      out.write(rows.array());
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < megabytes; i++) {
        out.write(zeros);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] packed = deflated.toByteArray();
    text.accept(
        "4 0 obj\n<< /Type /XRef /Size 5 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /Length "
            + packed.length
            + " >>\nstream\n");
    pdf.writeBytes(packed);
    text.accept("\nendstream\nendobj\nstartxref\n" + xref + "\n%%EOF\n");
    return pdf.toByteArray();
  }

  /** Objects 2 (the page tree) and 3 (its one page of 200 × 200), their offsets noted. */
  private static void pagesAndPage(ByteArrayOutputStream pdf, long[] offsets) {
    offsets[2] = pdf.size();
    pdf.writeBytes(
        "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
            .getBytes(StandardCharsets.ISO_8859_1));
    offsets[3] = pdf.size();
    pdf.writeBytes(
        "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\n"
            .getBytes(StandardCharsets.ISO_8859_1));
  }

  /** One page, protected with a password to open it, or only against changes when it is empty. */
  static byte[] protectedPdf(String userPassword) {
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage());
      AccessPermission readOnly = new AccessPermission();
      readOnly.setCanModify(false);
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy("the office's own", userPassword, readOnly);
      policy.setEncryptionKeyLength(128);
      document.protect(policy);
      return save(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One A4 page of Chinese text in STSong-Light, a font the PDF names but does not carry (as older
   * tools wrote it, Adobe's GB1 character set through the UniGB-UCS2-H encoding): written by hand,
   * object by object, since no library here writes a font it does not embed. "人民代表" in 72 pt at the
   * top left.
   */
  static byte[] withoutItsFont() {
    String content = "BT /F1 72 Tf 40 700 Td <4EBA6C114EE38868> Tj ET";
    List<String> objects =
        List.of(
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R"
                + " >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H"
                + " /DescendantFonts [6 0 R] >>",
            "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
            "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo <<"
                + " /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R >>",
            "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000"
                + " 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>");
    return handWritten(objects);
  }

  /**
   * Two pages, the second with a media box of no size (as a broken tool writes it): page 1 can be
   * drawn, page 2 cannot.
   */
  static byte[] secondPageOfNoSize() {
    return handWritten(
        List.of(
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 0 0] >>"));
  }

  /**
   * One page showing a scanned image kept as JPEG 2000 (its bytes are not a real picture: the check
   * reads the image's filter, never its data), inside a form as a scanner's software nests it.
   */
  static byte[] scannedAsJpeg2000() {
    String content = "q 500 0 0 700 40 60 cm /Fm1 Do Q";
    String form = "/Im1 Do";
    return handWritten(
        List.of(
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Fm1"
                + " 5 0 R >> >> /Contents 4 0 R >>",
            "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
            "<< /Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /Im1 6 0 R"
                + " >> >> /Length "
                + form.length()
                + " >>\nstream\n"
                + form
                + "\nendstream",
            "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /BitsPerComponent 8 /ColorSpace"
                + " /DeviceGray /Filter [/JPXDecode] /Length 4 >>\nstream\njunk\nendstream"));
  }

  /** A PDF of these objects (object 1 its catalog), with a cross-reference table that is right. */
  private static byte[] handWritten(List<String> objects) {
    StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
    int[] offsets = new int[objects.size()];
    for (int i = 0; i < objects.size(); i++) {
      offsets[i] = pdf.length();
      pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
    }
    int xref = pdf.length();
    pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
    for (int offset : offsets) {
      pdf.append(String.format(Locale.ROOT, "%010d 00000 n \n", offset));
    }
    pdf.append("trailer\n<< /Size ")
        .append(objects.size() + 1)
        .append(" /Root 1 0 R >>\nstartxref\n")
        .append(xref)
        .append("\n%%EOF\n");
    return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] save(PDDocument document) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    document.save(out);
    return out.toByteArray();
  }

  /** Debian's Noto CJK as the hub finds it, its first face (every face has these characters). */
  private static BaseFont chineseFont() {
    Path file =
        SlipFonts.find()
            .orElseThrow(() -> new IllegalStateException("fonts-noto-cjk is needed by this test"));
    String name = file.toString();
    try {
      return BaseFont.createFont(
          name.endsWith(".ttc") ? name + ",0" : name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
