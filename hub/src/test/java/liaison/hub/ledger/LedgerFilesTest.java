package liaison.hub.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The ledger's files read back as Excel and commons-csv read them: Chinese, line breaks and quotes
 * intact.
 */
class LedgerFilesTest {
  private static final List<LedgerEntry> ENTRIES =
      List.of(
          new LedgerEntry(
              "7KQ4-M9XD-2HWP",
              "城关镇人大代表之家",
              "2026-03-02 09:00",
              "道路交通",
              "路灯不亮，\"晚上\"很黑，😀\n第二行",
              "东门路路灯损坏",
              "已办结",
              "县交通运输局",
              "2026-03-20",
              "已修复",
              "路灯已修好",
              "",
              "",
              "2026-03-21 09:00",
              "是（张德明）",
              "满意",
              "2026-03-25 10:00",
              "2026-03-02 09:00–11:30",
              "2026-03-26 林晓梅 已接通，满意",
              List.of(
                  new LedgerEntry.Step("2026-03-02 09:00", "群众", "提交意见", ""),
                  new LedgerEntry.Step("2026-03-02 10:00", "林晓梅", "已登记", "道路交通：东门路路灯损坏"),
                  new LedgerEntry.Step(
                      "2026-03-03 10:00", "林晓梅", "已交办", "交办 县交通运输局，期限 2026-03-20"))),
          new LedgerEntry(
              "2HWP-7KQ4-M9XD",
              "桃源村工作站",
              "2026-03-05 11:00",
              "其他",
              "-1 是负数？",
              "",
              "已提交",
              "",
              "",
              "",
              "",
              "",
              "",
              "",
              "",
              "",
              "",
              "",
              "",
              List.of(new LedgerEntry.Step("2026-03-05 11:00", "群众", "提交意见", ""))));

  @Test
  void shouldWriteACsvExcelOpensAsUtf8AndCommonsCsvReadsBack() throws Exception {
    byte[] csv = LedgerFiles.csv(ENTRIES);

    assertThat(csv).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    try (CSVParser parser =
        CSVFormat.EXCEL
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(
                new InputStreamReader(
                    new ByteArrayInputStream(csv, 3, csv.length - 3), StandardCharsets.UTF_8))) {
      assertThat(parser.getHeaderNames()).isEqualTo(LedgerEntry.HEADER);
      List<CSVRecord> rows = parser.getRecords();
      assertThat(rows).hasSize(2);
      assertThat(rows.get(0).get("意见内容")).isEqualTo("路灯不亮，\"晚上\"很黑，😀\n第二行");
      String[] lines = rows.get(0).get("办理过程").split("\n");
      assertThat(lines).hasSize(3);
      assertThat(lines[2]).contains("已交办", "县交通运输局");
      assertThat(rows.get(1).get("意见内容")).as("no formula in Excel").isEqualTo("'-1 是负数？");
    }
  }

  @Test
  void shouldWriteAnXlsxWithACaseSheetAndAStepSheet() throws Exception {
    byte[] xlsx = LedgerFiles.xlsx(ENTRIES);

    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet cases = book.getSheet("台账");
      assertThat(cases.getPhysicalNumberOfRows()).isEqualTo(3);
      assertThat(cases.getRow(0).getCell(0).getStringCellValue()).isEqualTo("查询码");
      assertThat(cases.getRow(1).getCell(4).getStringCellValue())
          .isEqualTo("路灯不亮，\"晚上\"很黑，😀\n第二行");
      assertThat(cases.getRow(1).getCell(19).getStringCellValue()).contains("林晓梅 已登记", "\n");
      assertThat(cases.getRow(1).getCell(19).getCellStyle().getWrapText()).isTrue();
      Sheet steps = book.getSheet("办理过程");
      assertThat(steps.getPhysicalNumberOfRows()).isEqualTo(1 + 3 + 1);
      assertThat(steps.getRow(3).getCell(4).getStringCellValue()).isEqualTo("已交办");
      assertThat(steps.getRow(4).getCell(0).getStringCellValue()).isEqualTo("2HWP-7KQ4-M9XD");
    }
  }
}
