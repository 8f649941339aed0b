package liaison.kiosk.schedule;

import static liaison.kiosk.PageFixtures.reception;
import static liaison.kiosk.PageFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import liaison.signage.player.text.Bilingual;
import liaison.signage.protocol.GoldenFiles;
import liaison.signage.protocol.ReceptionStatus;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationContent.Reception;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.Test;

/** The schedule's record, without the toolkit. */
class SchedulePresenterTest {

  private final StationContent golden = GoldenFiles.content();
  private final SchedulePresenter presenter =
      new SchedulePresenter(TestClock.at("2026-11-23T09:30:00+08:00"));

  @Test
  void shouldListFourteenDaysDayByDayMarkingTodayAndCancelledSlots() {
    List<Reception> receptions = new ArrayList<>(golden.receptions());
    receptions.add(reception("r-late", LocalDate.of(2026, 12, 6), ReceptionStatus.ANNOUNCED));
    receptions.add(reception("r-last", LocalDate.of(2026, 12, 7), ReceptionStatus.ANNOUNCED));
    receptions.add(reception("r-off", LocalDate.of(2026, 11, 25), ReceptionStatus.CANCELLED));
    receptions.add(reception("r-plan", LocalDate.of(2026, 11, 26), ReceptionStatus.PLANNED));

    ScheduleModel schedule = presenter.present(with(golden, receptions, golden.notices()));

    assertThat(schedule.days())
        .extracting(d -> d.label().zh())
        .containsExactly("11月23日 星期一", "11月25日 星期三", "12月6日 星期日");
    assertThat(schedule.days().get(0).today()).isTrue();
    assertThat(schedule.days().get(1).entries())
        .extracting(e -> e.status().map(Bilingual::zh).orElse(""))
        .containsExactly("已取消", ""); // 09:00 cancelled, then 14:30
    assertThat(schedule.note()).isEmpty();
  }

  @Test
  void shouldMarkNoDayAsTodayWhenTheClockIsImplausible() {
    SchedulePresenter early = new SchedulePresenter(TestClock.at("1970-01-01T08:00:00+08:00"));

    ScheduleModel schedule = early.present(golden);

    assertThat(schedule.days()).isNotEmpty().noneMatch(ScheduleModel.Day::today);
    assertThat(schedule.note().orElseThrow().zh()).contains("时钟未校准");
  }

  @Test
  void shouldListAReportToVotersAmongTheReceptionsOfItsDayInTimeOrder() {
    java.time.OffsetDateTime starts = java.time.OffsetDateTime.parse("2026-11-23T10:00:00+08:00");
    StationContent.Report report =
        new StationContent.Report(
            "vr-1",
            "d-0002",
            "黄志强",
            starts,
            starts.plusHours(1),
            "2026年度履职情况报告",
            "",
            "https://hub.example.cn/r/vr-1");
    StationContent withReport =
        golden.withDuty(new StationContent.Duty(List.of(), List.of(report), null));

    ScheduleModel schedule = presenter.present(withReport);

    ScheduleModel.Day today = schedule.days().getFirst();
    assertThat(today.today()).isTrue();
    assertThat(today.entries())
        .extracting(ScheduleModel.Entry::window)
        .isSortedAccordingTo(String::compareTo)
        .contains("10:00—11:00");
    ScheduleModel.Entry entry =
        today.entries().stream().filter(e -> e.window().equals("10:00—11:00")).findFirst().get();
    assertThat(entry.names()).isEqualTo("黄志强 代表向选民述职");
    assertThat(entry.theme()).isEqualTo("2026年度履职情况报告");
    assertThat(entry.status().map(Bilingual::zh)).contains("述职");
  }
}
