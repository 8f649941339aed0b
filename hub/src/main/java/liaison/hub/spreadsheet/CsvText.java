package liaison.hub.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * The bytes of a spreadsheet file and its text.
 *
 * <p>Reading: valid UTF-8 (with or without the byte-order mark) is UTF-8; anything else is taken as
 * GBK, which Excel on a Chinese Windows writes ("CSV" there means the ANSI code page 936). Random
 * bytes that are neither fail with a message instead of turning into mojibake.
 *
 * <p>Writing: UTF-8 with a byte-order mark, which is how Excel recognises UTF-8 (without it, it
 * shows GBK mojibake), CRLF line ends. A cell that starts with {@code = + - @} gets a leading
 * apostrophe so Excel does not run it as a formula (a phone number "+86 …" would become one); the
 * import takes the apostrophe off again.
 */
public final class CsvText {
  static final Charset GBK = Charset.forName("GBK");
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private CsvText() {}

  /** The text of a file and the encoding it was in. */
  public record Decoded(String text, String encoding) {}

  /** Thrown when the bytes are neither UTF-8 nor GBK. */
  public static final class UnreadableFile extends Exception {
    UnreadableFile() {
      super("neither UTF-8 nor GBK");
    }
  }

  public static Decoded decode(byte[] bytes) throws UnreadableFile {
    int start = startsWithBom(bytes) ? BOM.length : 0;
    ByteBuffer body = ByteBuffer.wrap(bytes, start, bytes.length - start);
    try {
      return new Decoded(
          strict(StandardCharsets.UTF_8).decode(body).toString(),
          start > 0 ? "UTF-8 (BOM)" : "UTF-8");
    } catch (CharacterCodingException notUtf8) {
      try {
        return new Decoded(strict(GBK).decode(ByteBuffer.wrap(bytes)).toString(), "GBK");
      } catch (CharacterCodingException notGbk) {
        throw new UnreadableFile();
      }
    }
  }

  private static boolean startsWithBom(byte[] bytes) {
    return bytes.length >= 3 && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2];
  }

  private static java.nio.charset.CharsetDecoder strict(Charset charset) {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** A CSV file for Excel: BOM, UTF-8, the header, then the rows. */
  public static byte[] write(List<String> header, List<List<String>> rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(BOM);
    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL)) {
      printer.printRecord(header);
      for (List<String> row : rows) {
        printer.printRecord(row.stream().map(CsvText::guard).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static String guard(@Nullable String cell) {
    if (cell == null || cell.isEmpty()) {
      return "";
    }
    return isFormulaStart(cell.charAt(0)) ? "'" + cell : cell;
  }

  /** A cell as typed: surrounding spaces and the formula guard's apostrophe removed. */
  static String unguard(String cell) {
    String s = cell.strip();
    if (s.length() > 1 && s.charAt(0) == '\'' && isFormulaStart(s.charAt(1))) {
      return s.substring(1);
    }
    return s;
  }

  private static boolean isFormulaStart(char c) {
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }
}
