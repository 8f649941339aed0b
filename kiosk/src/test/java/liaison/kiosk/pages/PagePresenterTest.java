package liaison.kiosk.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import liaison.kiosk.pages.PageModels.AlertModel;
import liaison.kiosk.pages.PageModels.DeputiesModel;
import liaison.kiosk.pages.PageModels.DeputyModel;
import liaison.kiosk.pages.PageModels.ScheduleModel;
import liaison.signage.player.text.Bilingual;
import liaison.signage.protocol.DeputyLevel;
import liaison.signage.protocol.GoldenFiles;
import liaison.signage.protocol.NoticePriority;
import liaison.signage.protocol.ReceptionStatus;
import liaison.signage.protocol.StationAlert;
import liaison.signage.protocol.StationContent.Notice;
import liaison.signage.protocol.StationContent.Reception;
import liaison.signage.protocol.StationContent;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.Test;

/** The pages' view models, without the toolkit. */
class PagePresenterTest {

  private final StationContent golden = GoldenFiles.content();
  private final PagePresenter presenter = new PagePresenter(TestClock.at("2026-11-23T09:30:00+08:00"));

  static StationContent with(StationContent c, List<Reception> receptions, List<Notice> notices) {
    return new StationContent(
        c.stationId(), c.version(), c.generatedAt(), c.station(), c.deputies(), receptions, notices, c.links(), c.results());
  }

  @Test
  void shouldFilterTheDirectoryByLevelAndCountEachLevel() {
    DeputiesModel all = presenter.deputies(golden, Optional.empty());
    assertThat(all.cards()).extracting(PageModels.DeputyCard::name).containsExactly("陈秀兰", "黄志强");
    assertThat(all.levels())
        .extracting(PageModels.LevelChip::level, PageModels.LevelChip::count)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(DeputyLevel.PROVINCIAL, 1),
            org.assertj.core.groups.Tuple.tuple(DeputyLevel.COUNTY, 1),
            org.assertj.core.groups.Tuple.tuple(DeputyLevel.TOWNSHIP, 1));

    DeputiesModel township = presenter.deputies(golden, Optional.of(DeputyLevel.TOWNSHIP));
    assertThat(township.cards()).extracting(PageModels.DeputyCard::name).containsExactly("黄志强");
    assertThat(township.selected()).contains(DeputyLevel.TOWNSHIP);
  }

  @Test
  void shouldGiveADeputyTheirDutyDatesAndTheirOwnMessageLink() {
    DeputyModel chen = presenter.deputy(golden, "d-0001").orElseThrow();
    assertThat(chen.duties()).extracting(Bilingual::zh).containsExactly("11月23日 星期一 09:00—11:30");
    assertThat(chen.messageUrl()).isEqualTo("https://hub.example.cn/o/Xq7fK2mPw9?deputy=d-0001");
    assertThat(chen.addressedToDeputy()).isTrue();
    assertThat(chen.phone()).contains("0771-5551234");

    DeputyModel huang = presenter.deputy(golden, "d-0002").orElseThrow();
    assertThat(huang.messageUrl()).as("no own link: the station's opinion form").isEqualTo(golden.links().opinion());
    assertThat(huang.phone()).as("no consent, no phone").isEmpty();
    assertThat(huang.duties()).hasSize(2);

    assertThat(presenter.deputy(golden, "d-gone")).isEmpty();
  }

  @Test
  void shouldListFourteenDaysDayByDayMarkingTodayAndCancelledSlots() {
    List<Reception> receptions = new ArrayList<>(golden.receptions());
    receptions.add(reception("r-late", LocalDate.of(2026, 12, 6), ReceptionStatus.ANNOUNCED));
    receptions.add(reception("r-last", LocalDate.of(2026, 12, 7), ReceptionStatus.ANNOUNCED));
    receptions.add(reception("r-off", LocalDate.of(2026, 11, 25), ReceptionStatus.CANCELLED));
    receptions.add(reception("r-plan", LocalDate.of(2026, 11, 26), ReceptionStatus.PLANNED));

    ScheduleModel schedule = presenter.schedule(with(golden, receptions, golden.notices()));

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
    PagePresenter early = new PagePresenter(TestClock.at("1970-01-01T08:00:00+08:00"));

    ScheduleModel schedule = early.schedule(golden);

    assertThat(schedule.days()).isNotEmpty().noneMatch(PageModels.Day::today);
    assertThat(schedule.note().orElseThrow().zh()).contains("时钟未校准");
    assertThat(early.deputy(golden, "d-0001").orElseThrow().duties()).isEmpty();
  }

  @Test
  void shouldShortenNoticePreviewsAndKeepTheWholeBodyForTheDetail() {
    String body = "为进一步密切代表同人民群众的联系。".repeat(300);
    Notice longOne =
        new Notice("n-long", "长公告", body, NoticePriority.NORMAL, OffsetDateTime.parse("2026-11-01T00:00:00+08:00"), null);
    StationContent c = with(golden, golden.receptions(), List.of(longOne));

    var item = presenter.notices(c).notices().getFirst();
    assertThat(item.preview()).hasSize(PagePresenter.PREVIEW_CHARS + 1).endsWith("…");
    assertThat(item.period().zh()).isEqualTo("11月1日 起");
    assertThat(presenter.notice(c, "n-long").orElseThrow().body()).isEqualTo(body);
  }

  @Test
  void shouldTurnHandlingFiguresIntoRatesAndShares() {
    var figures = presenter.results(golden).figures().orElseThrow();

    assertThat(figures.answeredPercent()).isEqualTo(91); // 117 / 128
    assertThat(figures.rated()).isEqualTo(111);
    assertThat(figures.satisfaction()).extracting(PageModels.Share::percent).containsExactly(77, 19, 4);
    assertThat(figures.since().zh()).isEqualTo("2026年1月1日以来");

    StationContent none =
        new StationContent(golden.stationId(), 1, golden.generatedAt(), golden.station(), golden.deputies(),
            golden.receptions(), golden.notices(), golden.links());
    assertThat(presenter.results(none).figures()).isEmpty();
  }

  @Test
  void shouldShowTheHubsAlertWhileValidAndFallBackToTheContentsEmergency() {
    StationAlert urgent =
        new StationAlert("n-9", "停水通知", "今日14:00起停水", NoticePriority.URGENT,
            OffsetDateTime.parse("2026-11-23T08:00:00+08:00"), OffsetDateTime.parse("2026-11-23T18:00:00+08:00"));
    AlertModel banner = presenter.alert(Optional.of(urgent), Optional.of(golden)).orElseThrow();
    assertThat(banner.emergency()).isFalse();
    assertThat(banner.until().orElseThrow().zh()).isEqualTo("有效至 11月23日 18:00");

    StationAlert expired =
        new StationAlert("n-9", "停水通知", "", NoticePriority.URGENT,
            OffsetDateTime.parse("2026-11-22T08:00:00+08:00"), OffsetDateTime.parse("2026-11-22T18:00:00+08:00"));
    assertThat(presenter.alert(Optional.of(expired), Optional.of(golden))).as("expired, nothing in content").isEmpty();

    Notice flood =
        new Notice("n-10", "防汛紧急通知", "请立即撤离低洼地带", NoticePriority.EMERGENCY,
            OffsetDateTime.parse("2026-11-23T09:00:00+08:00"), null);
    StationContent withFlood = with(golden, golden.receptions(), List.of(flood));
    AlertModel held = presenter.alert(Optional.empty(), Optional.of(withFlood)).orElseThrow();
    assertThat(held.emergency()).isTrue();
    assertThat(held.title()).isEqualTo("防汛紧急通知");

    PagePresenter early = new PagePresenter(TestClock.at("1970-01-01T08:00:00+08:00"));
    assertThat(early.alert(Optional.empty(), Optional.of(withFlood))).as("no clock: judged at the content's time, before it began").isEmpty();
  }

  @Test
  void shouldSayHowManyBookedAndWhenAReceptionIsFull() {
    Reception open = golden.receptions().getFirst();
    assertThat(PagePresenter.booking(open)).contains(Bilingual.of("已约 7/20", "Booked 7/20"));
    Reception full =
        new Reception("r-full", open.date(), open.start(), open.end(), open.deputyIds(), null, "", ReceptionStatus.ANNOUNCED, List.of(), 10, 10);
    assertThat(PagePresenter.booking(full).orElseThrow().zh()).isEqualTo("已约满 10/10");
    assertThat(PagePresenter.booking(golden.receptions().get(1))).as("takes no bookings").isEmpty();
  }

  private static Reception reception(String id, LocalDate date, ReceptionStatus status) {
    return new Reception(id, date, LocalTime.of(9, 0), LocalTime.of(11, 0), List.of("d-0002"), null, "一楼接待室", status);
  }
}
