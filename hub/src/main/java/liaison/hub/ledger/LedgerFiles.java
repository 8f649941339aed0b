package liaison.hub.ledger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The ledger as files. CSV: one row per case, its timeline a multi-line cell (a CSV has one table
 * only), UTF-8 with a byte-order mark so that Excel reads the Chinese. XLSX: the same table on the
 * first sheet 台账, which is what a station files and prints, and a second sheet 办理过程 with one row
 * per step, which is what one filters and counts (how many forwarded to 县交通运输局 in May).
 */
public final class LedgerFiles {
  public static final String CSV_TYPE = "text/csv; charset=utf-8";
  public static final String XLSX_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final List<String> STEP_HEADER = List.of("查询码", "站点", "时间", "经办人", "环节", "说明");

  /** Excel refuses a cell longer than this. */
  private static final int MAX_CELL = 32_767;

  private LedgerFiles() {}

  public static byte[] csv(List<LedgerEntry> entries) {
    return csv(LedgerEntry.HEADER, entries.stream().map(LedgerEntry::cells).toList());
  }

  /**
   * A table as CSV: UTF-8 with a byte-order mark, CRLF, each cell kept from running as a formula.
   */
  static byte[] csv(List<String> header, List<List<String>> rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    try (CSVPrinter printer =
        new CSVPrinter(
            new OutputStreamWriter(out, StandardCharsets.UTF_8),
            CSVFormat.EXCEL.builder().setRecordSeparator("\r\n").get())) {
      printer.printRecord(header);
      for (List<String> row : rows) {
        printer.printRecord(row.stream().map(LedgerFiles::safe).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static byte[] xlsx(List<LedgerEntry> entries) {
    try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
      CellStyle wrap = book.createCellStyle();
      wrap.setWrapText(true);
      wrap.setVerticalAlignment(VerticalAlignment.TOP);
      CellStyle head = headStyle(book);

      Sheet cases = book.createSheet("台账");
      header(cases, LedgerEntry.HEADER, head);
      int r = 1;
      for (LedgerEntry e : entries) {
        Row row = cases.createRow(r++);
        List<String> cells = e.cells();
        for (int i = 0; i < cells.size(); i++) {
          var cell = row.createCell(i);
          cell.setCellValue(cut(cells.get(i)));
          cell.setCellStyle(wrap);
        }
      }
      int[] widths = {
        16, 22, 17, 12, 40, 30, 14, 18, 12, 30, 30, 30, 16, 17, 14, 10, 17, 22, 36, 60
      };
      for (int i = 0; i < widths.length; i++) {
        cases.setColumnWidth(i, widths[i] * 256);
      }
      cases.createFreezePane(1, 1);

      Sheet steps = book.createSheet("办理过程");
      header(steps, STEP_HEADER, head);
      r = 1;
      for (LedgerEntry e : entries) {
        for (LedgerEntry.Step s : e.steps()) {
          Row row = steps.createRow(r++);
          List<String> cells =
              List.of(e.trackingCode(), e.stationName(), s.at(), s.who(), s.what(), s.note());
          for (int i = 0; i < cells.size(); i++) {
            row.createCell(i).setCellValue(cut(cells.get(i)));
          }
        }
      }
      int[] stepWidths = {16, 22, 17, 12, 16, 60};
      for (int i = 0; i < stepWidths.length; i++) {
        steps.setColumnWidth(i, stepWidths[i] * 256);
      }
      steps.createFreezePane(0, 1);

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      book.write(out);
      book.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The header row's style: bold. */
  static CellStyle headStyle(org.apache.poi.ss.usermodel.Workbook book) {
    CellStyle head = book.createCellStyle();
    Font bold = book.createFont();
    bold.setBold(true);
    head.setFont(bold);
    return head;
  }

  static void header(Sheet sheet, List<String> names, CellStyle style) {
    Row row = sheet.createRow(0);
    for (int i = 0; i < names.size(); i++) {
      var cell = row.createCell(i);
      cell.setCellValue(names.get(i));
      cell.setCellStyle(style);
    }
  }

  static String cut(String s) {
    return s.length() > MAX_CELL ? s.substring(0, MAX_CELL - 1) + "…" : s;
  }

  /**
   * A resident's text starting with = + - @ would run as a formula when the CSV is opened in Excel
   * (CSV injection); a leading apostrophe keeps it text.
   */
  static String safe(String s) {
    return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
  }
}
