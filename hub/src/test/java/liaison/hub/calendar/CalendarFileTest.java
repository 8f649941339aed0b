package liaison.hub.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ValidationProblem;
import org.junit.jupiter.api.Test;

/** A calendar's CSV file: taken whole, or refused whole with every bad row named. */
class CalendarFileTest {
  private static final LocalDate EARLIEST = LocalDate.of(2026, 1, 1);

  private static List<CalendarDay> read(String text) {
    return CalendarFile.read(text.getBytes(StandardCharsets.UTF_8), EARLIEST);
  }

  private static List<String> refused(byte[] file) {
    ValidationProblem p =
        catchThrowableOfType(ValidationProblem.class, () -> CalendarFile.read(file, EARLIEST));
    assertThat(p).as("refused").isNotNull();
    assertThat(p.errors()).extracting(FieldError::field).containsOnly("file");
    return p.errors().stream().map(e -> e.zh() + " | " + e.en()).toList();
  }

  private static List<String> refused(String text) {
    return refused(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldReadEveryWayOfWritingADayAnExcelUserMeets() {
    List<CalendarDay> days =
        read(
            "\uFEFFdate,kind,name\r\n"
                + "2027-01-01,休,元旦\r\n"
                + "2027/2/6,OFF,春节\r\n"
                + "\r\n"
                + "2027-02-20,班,春节\r\n"
                + "2027-09-26,work,\r\n");
    assertThat(days)
        .containsExactly(
            new CalendarDay(LocalDate.of(2027, 1, 1), DayKind.OFF, "元旦", false),
            new CalendarDay(LocalDate.of(2027, 2, 6), DayKind.OFF, "春节", false),
            new CalendarDay(LocalDate.of(2027, 2, 20), DayKind.WORK, "春节", false),
            new CalendarDay(LocalDate.of(2027, 9, 26), DayKind.WORK, "", false));
  }

  @Test
  void shouldReadAFileExcelSavedInGbkWithChineseHeadings() {
    byte[] gbk = "日期,类型,名称\r\n2027-10-01,休,国庆节\r\n".getBytes(Charset.forName("GBK"));
    assertThat(CalendarFile.read(gbk, EARLIEST))
        .containsExactly(new CalendarDay(LocalDate.of(2027, 10, 1), DayKind.OFF, "国庆节", false));
  }

  @Test
  void shouldRefuseTheWholeFileNamingEachBadRowInChineseThenEnglish() {
    List<String> problems =
        refused(
            "date,kind,name\n"
                + "2027-01-01,休,元旦\n"
                + "2027-13-01,休,春节\n"
                + "2027-02-08,放,春节\n"
                + "2027-02-09,休,\n"
                + "2027-02-10,班,春节\n"
                + "2025-10-01,休,国庆节\n"
                + "2027-01-01,休,元旦\n"
                + "2027-03-01,休\n");
    assertThat(problems)
        .containsExactly(
            "第 3 行：日期“2027-13-01”无法识别，请写成 2027-01-01 | Row 3: Date \"2027-13-01\" not"
                + " understood; write it as 2027-01-01",
            "第 4 行：安排“放”无法识别，请写“休”或“班” | Row 4: Arrangement \"放\" not understood;"
                + " write 休 (off) or 班 (work)",
            "第 5 行：放假的日子请写上节日名称 | Row 5: Name the holiday of a day off",
            "第 6 行：2027-02-10 不是周末：调休上班只会在周六或周日 | Row 6: 2027-02-10 is not a weekend"
                + " day: make-up working days are Saturdays or Sundays",
            "第 7 行：2025-10-01 已经过去，只能录入 2026 年及以后的日子 | Row 7: 2025-10-01 is past; only"
                + " days from 2026 on can be entered",
            "第 8 行：2027-01-01 在第 2 行已经出现过 | Row 8: 2027-01-01 is already on row 2",
            "第 9 行：应有 3 列，这一行有 2 列 | Row 9: 3 columns expected, this row has 2");
  }

  @Test
  void shouldRefuseAFileThatIsNotACalendar() {
    assertThat(refused("编号,名称\ns-001,城关镇\n")).singleElement().asString().contains("第 1 行");
    assertThat(refused("date,kind,name\n")).singleElement().asString().contains("没有任何日子");
    assertThat(refused("")).singleElement().asString().contains("没有任何日子");
    assertThat(refused(new byte[] {(byte) 0xFF, (byte) 0xFE, 0x00, (byte) 0x81}))
        .singleElement()
        .asString()
        .contains("UTF-8");
  }

  @Test
  void shouldTakeBackWhatItExports() {
    List<CalendarDay> year =
        NationalHolidays.builtIn().stream()
            .filter(d -> d.date().getYear() == 2026)
            .map(d -> new CalendarDay(d.date(), d.kind(), d.name(), false))
            .toList();
    assertThat(CalendarFile.read(CalendarFile.write(year), EARLIEST)).isEqualTo(year);
  }
}
