package liaison.hub.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** The codes printed on a PDF of ballot slips, read back as a voter reads them off the paper. */
public final class PrintedSlips {
  private static final Pattern CODE =
      Pattern.compile("\\b[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}\\b");

  private PrintedSlips() {}

  public record Read(int pages, List<String> codes, String text) {}

  public static Read read(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      List<String> codes = new ArrayList<>();
      Matcher m = CODE.matcher(text);
      while (m.find()) {
        codes.add(m.group());
      }
      return new Read(document.getNumberOfPages(), codes, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
