package liaison.kiosk.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Optional;
import liaison.kiosk.home.HomeScreen.DeputyLine;
import liaison.kiosk.home.HomeScreen.SlotState;
import liaison.signage.player.LinkStatus;
import liaison.signage.player.text.Bilingual;
import liaison.signage.protocol.GoldenFiles;
import liaison.signage.protocol.StationContent;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.Test;

class HomePresenterTest {

  private final Optional<StationContent> content = Optional.of(GoldenFiles.content());
  private final LinkStatus online =
      LinkStatus.online(OffsetDateTime.parse("2026-11-23T07:00:00+08:00"));

  @Test
  void shouldShowTodaysReceptionInProgressWithItsDeputies() {
    HomePresenter presenter = new HomePresenter(TestClock.at("2026-11-23T09:30:00+08:00"));

    HomeScreen screen = presenter.present(content, online, "s-001");

    assertThat(screen.stationName()).isEqualTo("城关镇人大代表之家");
    assertThat(screen.dateZh()).isEqualTo("2026年11月23日 星期一");
    assertThat(screen.dateEn()).isEqualTo("Mon 23 Nov 2026");
    assertThat(screen.time()).isEqualTo("09:30");
    assertThat(screen.today()).hasSize(1);
    HomeScreen.Slot slot = screen.today().get(0);
    assertThat(slot.window()).isEqualTo("09:00—11:30");
    assertThat(slot.state()).isEqualTo(SlotState.IN_PROGRESS);
    assertThat(slot.status().zh()).isEqualTo("接待中");
    assertThat(slot.deputies())
        .extracting(
            DeputyLine::name, d -> d.level().zh(), DeputyLine::initial, DeputyLine::attendance)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "陈秀兰", "省人大代表", "陈", java.util.Optional.of(HomeScreen.Attendance.PRESENT)),
            org.assertj.core.groups.Tuple.tuple(
                "黄志强", "乡镇人大代表", "黄", java.util.Optional.of(HomeScreen.Attendance.EXPECTED)));
    assertThat(screen.bookingUrl()).contains("https://hub.example.cn/b/Xq7fK2mPw9");
    assertThat(screen.upcoming())
        .extracting(HomeScreen.Upcoming::day)
        .containsExactly("11月25日 星期三");
    assertThat(screen.opinionUrl()).contains("https://hub.example.cn/o/Xq7fK2mPw9");
    assertThat(screen.notices())
        .extracting(HomeScreen.NoticeLine::title)
        .containsExactly("11月代表接待日安排");
    assertThat(screen.offlineBadge()).isEmpty();
    assertThat(screen.contentAge())
        .contains(new Bilingual("内容更新于 今天 07:30", "Content of today 07:30"));
  }

  @Test
  void shouldSayWhenTheSlotIsStillToComeAndWhenItIsOver() {
    assertThat(
            new HomePresenter(TestClock.at("2026-11-23T08:10:00+08:00"))
                .present(content, online, "s-001")
                .today()
                .get(0)
                .state())
        .isEqualTo(SlotState.COMING);
    assertThat(
            new HomePresenter(TestClock.at("2026-11-23T12:00:00+08:00"))
                .present(content, online, "s-001")
                .today()
                .get(0)
                .state())
        .isEqualTo(SlotState.OVER);
  }

  @Test
  void shouldSayHowLongTheStationHasBeenOffline() {
    HomePresenter presenter = new HomePresenter(TestClock.at("2026-11-23T11:05:00+08:00"));
    LinkStatus offline = LinkStatus.offline(OffsetDateTime.parse("2026-11-23T10:42:00+08:00"));

    assertThat(presenter.present(content, offline, "s-001").offlineBadge())
        .contains(new Bilingual("离线 · 10:42 起", "Offline since 10:42"));
  }

  @Test
  void shouldGiveTheDayWhenOfflineSinceAnEarlierDay() {
    HomePresenter presenter = new HomePresenter(TestClock.at("2026-11-24T08:00:00+08:00"));
    LinkStatus offline = LinkStatus.offline(OffsetDateTime.parse("2026-11-23T02:42:00Z"));

    assertThat(presenter.present(content, offline, "s-001").offlineBadge().orElseThrow().zh())
        .isEqualTo("离线 · 11月23日 10:42 起");
  }

  @Test
  void shouldNotMarkTodayWhenTheClockIsEarlierThanTheContent() {
    HomePresenter presenter = new HomePresenter(TestClock.at("1970-01-01T08:00:10+08:00"));

    HomeScreen screen = presenter.present(content, online, "s-001");

    assertThat(screen.clockWarning()).isPresent();
    assertThat(screen.clockWarning().orElseThrow().zh()).contains("时钟未校准");
    assertThat(screen.today()).isEmpty();
    assertThat(screen.upcoming()).isEmpty();
    assertThat(screen.dateZh()).isEmpty();
    assertThat(screen.stationName()).isEqualTo("城关镇人大代表之家");
  }

  @Test
  void shouldSayContentIsOnItsWayBeforeAnyContentArrived() {
    HomePresenter presenter = new HomePresenter(TestClock.at("2026-11-23T09:30:00+08:00"));

    HomeScreen screen =
        presenter.present(
            Optional.empty(),
            LinkStatus.connecting(OffsetDateTime.parse("2026-11-23T09:29:00+08:00")),
            "s-001");

    assertThat(screen.waitingForContent()).isTrue();
    assertThat(screen.opinionUrl()).isEmpty();
    assertThat(screen.offlineBadge()).isEmpty();
  }
}
