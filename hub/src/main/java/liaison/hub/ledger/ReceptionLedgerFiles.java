package liaison.hub.ledger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import liaison.hub.text.Text;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The reception ledger as files, one row per reception, in Chinese as the stations file it: XLSX (a
 * real date in the date column, counts as numbers, a blank where staff have not counted) and CSV
 * (UTF-8 with a byte-order mark). The opinions received are listed by tracking code, category,
 * summary and status, never the resident's own words.
 */
public final class ReceptionLedgerFiles {
  public static final List<String> HEADER =
      List.of(
          "日期", "站点", "时间", "主题", "地点", "值班代表", "到岗签到", "来访人数", "感应计次（参考）", "收集意见数", "收集意见", "备注");
  private static final int DATE = 0;
  private static final int VISITORS = 7;
  private static final int MOTIONS = 8;
  private static final int COLLECTED = 9;
  private static final int[] WIDTHS = {12, 22, 13, 20, 20, 24, 24, 10, 12, 10, 50, 40};

  private ReceptionLedgerFiles() {}

  /** The row of one reception, every cell as text (CSV; the XLSX types four of them). */
  static List<String> cells(ReceptionLedger.Entry e) {
    var s = e.slot();
    return List.of(
        s.date().toString(),
        e.place().station().name(),
        s.start() + "–" + s.end(),
        s.theme() == null ? "" : s.theme(),
        s.location(),
        String.join("、", e.onDuty()),
        String.join("、", e.signedIn()),
        e.visitors() == null ? "" : e.visitors().toString(),
        Integer.toString(e.motions()),
        Integer.toString(e.collected().size()),
        collected(e),
        e.note());
  }

  /** The opinions received, a line each: 查询码 类别 摘要（状态）. */
  static String collected(ReceptionLedger.Entry e) {
    List<String> lines = new ArrayList<>();
    for (ReceptionLedger.Collected c : e.collected()) {
      lines.add(
          Text.of(
                  "reception-ledger.collected-line",
                  c.trackingCode(),
                  c.category().text(),
                  c.summary().isBlank() ? "—" : c.summary(),
                  c.status().text())
              .zh());
    }
    return String.join("\n", lines);
  }

  public static byte[] csv(List<ReceptionLedger.Entry> entries) {
    return LedgerFiles.csv(HEADER, entries.stream().map(ReceptionLedgerFiles::cells).toList());
  }

  public static byte[] xlsx(List<ReceptionLedger.Entry> entries) {
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      CellStyle head = LedgerFiles.headStyle(book);
      CellStyle wrap = book.createCellStyle();
      wrap.setWrapText(true);
      wrap.setVerticalAlignment(VerticalAlignment.TOP);
      CellStyle date = book.createCellStyle();
      date.cloneStyleFrom(wrap);
      date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
      CellStyle number = book.createCellStyle();
      number.setVerticalAlignment(VerticalAlignment.TOP);

      Sheet sheet = book.createSheet("接待台账");
      LedgerFiles.header(sheet, HEADER, head);
      int r = 1;
      for (ReceptionLedger.Entry e : entries) {
        Row row = sheet.createRow(r++);
        List<String> cells = cells(e);
        for (int i = 0; i < cells.size(); i++) {
          var cell = row.createCell(i);
          switch (i) {
            case DATE -> {
              cell.setCellValue(e.slot().date());
              cell.setCellStyle(date);
            }
            case VISITORS, MOTIONS, COLLECTED -> {
              if (!cells.get(i).isEmpty()) {
                cell.setCellValue(Integer.parseInt(cells.get(i)));
              }
              cell.setCellStyle(number);
            }
            default -> {
              cell.setCellValue(LedgerFiles.cut(cells.get(i)));
              cell.setCellStyle(wrap);
            }
          }
        }
      }
      for (int i = 0; i < WIDTHS.length; i++) {
        sheet.setColumnWidth(i, WIDTHS[i] * 256);
      }
      sheet.createFreezePane(0, 1);
      if (r > 1) {
        sheet.setAutoFilter(
            new org.apache.poi.ss.util.CellRangeAddress(0, r - 1, 0, HEADER.size() - 1));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
