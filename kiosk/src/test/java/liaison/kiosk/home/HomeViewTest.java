package liaison.kiosk.home;

import static liaison.signage.player.fx.FxToolkit.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import javafx.scene.image.WritableImage;
import liaison.kiosk.app.KioskView;
import liaison.signage.player.LinkStatus;
import liaison.signage.player.fx.CjkFonts;
import liaison.signage.player.fx.FxToolkit;
import liaison.signage.player.fx.LayoutCheck;
import liaison.signage.player.fx.Panel;
import liaison.signage.player.fx.Screens;
import liaison.signage.protocol.GoldenFiles;
import liaison.signage.protocol.StationContent;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(FxToolkit.class)
class HomeViewTest {

  private final Optional<StationContent> content = Optional.of(GoldenFiles.content());
  private final HomePresenter presenter =
      new HomePresenter(TestClock.at("2026-11-23T09:30:00+08:00"));

  private record Rendered(
      WritableImage image,
      List<String> texts,
      List<String> problems,
      javafx.scene.Node opinionQr,
      javafx.scene.Node ticker,
      javafx.scene.Node secondQr) {}

  private static Rendered render(HomeScreen screen, int width, int height, String name) {
    return onFx(
        () -> {
          // The home page in the kiosk's frame (header, navigation, status line), as the app shows
          // it.
          HomeView home = new HomeView();
          home.show(screen);
          KioskView view = new KioskView();
          CjkFonts fonts = CjkFonts.detect();
          view.useFonts(fonts.sans(), fonts.serif());
          view.showHeader(screen);
          view.showPage(home);
          WritableImage image = Screens.render(view, width, height);
          Screens.save(image, name);
          return new Rendered(
              image,
              Screens.visibleTexts(view),
              LayoutCheck.touchScreen(Panel.kiosk(width, height)).problems(view),
              home.qrNodes().getFirst(),
              home.lookup(".notices"),
              home.qrNodes().get(1));
        });
  }

  @Test
  void shouldFindAChineseFont() {
    assertThat(onFx(() -> CjkFonts.detect().available()))
        .as("a CJK font must be installed (fonts-noto-cjk); .ci/run installs it")
        .isTrue();
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"1280, 800", "800, 480", "1920, 1080"})
  void shouldShowStationDeputiesAndAScannableOpinionCode(int width, int height) throws Exception {
    HomeScreen screen =
        presenter.present(
            content, LinkStatus.online(OffsetDateTime.parse("2026-11-23T07:00:00+08:00")), "s-001");

    Rendered rendered = render(screen, width, height, "home-" + width + "x" + height);

    assertThat(rendered.texts())
        .contains("城关镇人大代表之家", "陈秀兰", "黄志强", "扫码提意见", "09:30", "09:00—11:30", "接待中  Now");
    assertThat(rendered.texts())
        .as("a line of the notice in the notice line")
        .anyMatch(t -> t.length() > 2 && "11月代表接待日安排：本月代表接待日为每周二上午，欢迎居民群众前来反映意见建议。".contains(t));
    assertThat(rendered.problems()).isEmpty();
    assertThat(Screens.decodeQrIn(rendered.image(), rendered.opinionQr()))
        .isEqualTo("https://hub.example.cn/o/Xq7fK2mPw9");
  }

  /**
   * During a reception under way, a station the hub gave a sign-in key shows the deputies' code of
   * this minute in the place of the booking code, scannable and at the panel's 25 mm.
   */
  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"1280, 800", "800, 480", "1920, 1080"})
  void shouldShowTheDeputiesSignInCodeOfThisMinuteDuringTheReception(int width, int height)
      throws Exception {
    StationContent.SignIn key =
        new StationContent.SignIn(
            "https://hub.example.cn/me/sign-in",
            "c2lnbi1pbi1rZXktb2YtdGhlLXN0YXRpb24tZm9yLXRlc3Rz");
    StationContent c =
        GoldenFiles.content().withDuty(new StationContent.Duty(List.of(), List.of(), key));
    HomeScreen screen =
        presenter.present(
            Optional.of(c),
            LinkStatus.online(OffsetDateTime.parse("2026-11-23T07:00:00+08:00")),
            "s-001");
    String reception =
        c.receptions().stream()
            .filter(r -> r.start().equals(java.time.LocalTime.of(9, 0)))
            .findFirst()
            .orElseThrow()
            .id();

    Rendered rendered = render(screen, width, height, "home-sign-in-" + width + "x" + height);

    assertThat(rendered.texts())
        .contains("代表签到", "Deputies sign in", "09:00—11:30", "扫码提意见")
        .doesNotContain("扫码预约");
    assertThat(rendered.problems()).as("layout on the %s", Panel.kiosk(width, height)).isEmpty();
    // Read as a phone aims at it: the card's white padding is its quiet zone.
    assertThat(Screens.decodeQrIn(rendered.image(), rendered.secondQr().getParent()))
        .isEqualTo(key.addressFor(reception, java.time.Instant.parse("2026-11-23T01:30:00Z")));

    // Once the reception is over, the booking code is back.
    HomeScreen after =
        new HomePresenter(TestClock.at("2026-11-23T11:45:00+08:00"))
            .present(
                Optional.of(c),
                LinkStatus.online(OffsetDateTime.parse("2026-11-23T07:00:00+08:00")),
                "s-001");
    List<String> codes =
        onFx(
            () -> {
              HomeView home = new HomeView();
              home.show(screen);
              home.show(after);
              return home.qrTexts();
            });
    assertThat(codes).containsExactly(c.links().opinion(), c.links().booking());
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"1280, 800", "800, 480", "1920, 1080"})
  void shouldKeepTheFooterOnScreenWithTwoLongNoticesAndAFullSchedule(int width, int height) {
    StationContent c = GoldenFiles.content();
    List<StationContent.Notice> notices = new java.util.ArrayList<>(c.notices());
    notices.add(
        new StationContent.Notice(
            "n-long",
            "关于开展“代表接待日”活动的公告",
            "为进一步密切人大代表同人民群众的联系，本县各代表之家、工作站和联系点每周固定开展代表接待日活动。".repeat(3),
            liaison.signage.protocol.NoticePriority.NORMAL,
            OffsetDateTime.parse("2026-11-20T00:00:00+08:00"),
            null));
    List<StationContent.Reception> receptions = new java.util.ArrayList<>(c.receptions());
    for (int day = 24; day <= 30; day++) {
      receptions.add(
          new StationContent.Reception(
              "r-busy-" + day,
              java.time.LocalDate.of(2026, 11, day),
              java.time.LocalTime.of(19, 0),
              java.time.LocalTime.of(21, 0),
              List.of("d-0001"),
              "古城消防安全夜谈会",
              "城关镇文化广场",
              liaison.signage.protocol.ReceptionStatus.ANNOUNCED));
    }
    StationContent busy =
        new StationContent(
            c.stationId(),
            c.version(),
            c.generatedAt(),
            c.station(),
            c.deputies(),
            receptions,
            notices,
            c.links());
    HomeScreen screen =
        presenter.present(
            Optional.of(busy),
            LinkStatus.online(OffsetDateTime.parse("2026-11-23T07:00:00+08:00")),
            "s-001");

    Rendered rendered = render(screen, width, height, "home-two-notices-" + width + "x" + height);

    assertThat(rendered.problems()).as("layout on the %s", Panel.kiosk(width, height)).isEmpty();
    assertThat(rendered.texts())
        .as("the notice line's tag shown in full, and the 公告 tab")
        .filteredOn("公告"::equals)
        .hasSize(2);
    assertThat(rendered.texts()).as("which of the two notices").anyMatch(t -> t.matches("[12]/2"));
    assertThat(rendered.texts()).anyMatch(t -> t.startsWith("内容更新于"));
  }

  @Test
  void shouldMoveTheNoticeLineThroughEveryNoticeLineByLineAsTheClockAdvances() {
    StationContent c = GoldenFiles.content();
    String longBody = "为进一步密切人大代表同人民群众的联系，本县各代表之家、工作站和联系点每周固定开展代表接待日活动，欢迎居民群众届时前来。".repeat(2);
    List<StationContent.Notice> notices = new java.util.ArrayList<>(c.notices());
    notices.add(notice("n-long", "关于开展“代表接待日”活动的公告", longBody));
    notices.add(notice("n-water", "冬季供暖报修电话", "请拨打 0771-88886666。"));
    StationContent three =
        new StationContent(
            c.stationId(),
            c.version(),
            c.generatedAt(),
            c.station(),
            c.deputies(),
            c.receptions(),
            notices,
            c.links());
    TestClock clock = TestClock.at("2026-11-23T09:30:00+08:00");
    HomePresenter moving = new HomePresenter(clock);
    LinkStatus online = LinkStatus.online(OffsetDateTime.parse("2026-11-23T07:00:00+08:00"));

    List<String> lines = new java.util.ArrayList<>();
    // The three notices take six lines at this width: one, four (the long one), one.
    for (int step = 0; step < 7; step++) {
      Rendered r =
          render(
              moving.present(Optional.of(three), online, "s-001"),
              1280,
              800,
              "home-ticker-1280x800-step" + step);
      assertThat(r.problems()).isEmpty();
      lines.add(onFx(() -> ((TickerView) r.ticker()).line()));
      clock.advance(java.time.Duration.ofSeconds(HomePresenter.TICKER_SECONDS));
    }

    assertThat(lines.subList(0, 6)).as("a new line at each step").doesNotHaveDuplicates();
    assertThat(lines.get(6)).as("and round again").isEqualTo(lines.get(0));
    assertThat(lines)
        .as("every notice's title comes round")
        .anyMatch(l -> l.startsWith("11月代表接待日安排："))
        .anyMatch(l -> l.startsWith("关于开展“代表接待日”活动的公告："))
        .anyMatch(l -> l.startsWith("冬季供暖报修电话："));
    assertThat(lines)
        .as("a notice longer than a line goes on on the next")
        .anyMatch(l -> !l.contains("：") && longBody.contains(l.replace("…", "")));
  }

  private static StationContent.Notice notice(String id, String title, String body) {
    return new StationContent.Notice(
        id,
        title,
        body,
        liaison.signage.protocol.NoticePriority.NORMAL,
        OffsetDateTime.parse("2026-11-20T00:00:00+08:00"),
        null);
  }

  @Test
  void shouldShowTheOfflineBadgeWithTheTimeItWentOffline() {
    HomeScreen screen =
        presenter.present(
            content,
            LinkStatus.offline(OffsetDateTime.parse("2026-11-23T08:42:00+08:00")),
            "s-001");

    Rendered rendered = render(screen, 1280, 800, "home-offline-1280x800");

    assertThat(rendered.texts()).anyMatch(t -> t.startsWith("离线 · 08:42 起"));
    assertThat(rendered.texts()).contains("城关镇人大代表之家", "陈秀兰");
    assertThat(rendered.problems()).isEmpty();
  }

  @Test
  void shouldSayContentIsOnItsWayInsteadOfABlankScreen() {
    HomeScreen screen =
        presenter.present(
            Optional.empty(),
            LinkStatus.connecting(OffsetDateTime.parse("2026-11-23T09:29:00+08:00")),
            "s-001");

    Rendered rendered = render(screen, 800, 480, "home-waiting-800x480");

    assertThat(rendered.texts())
        .as("one message, and no internal id")
        .contains("内容同步中", "人大代表联络站")
        .anyMatch(t -> t.startsWith("本站名称尚未收到"))
        .doesNotContain("近两周暂无已公告的接待", "今日无代表接待", "近期接待")
        .noneMatch(t -> t.contains("s-001"));
    assertThat(rendered.problems()).isEmpty();
  }

  @Test
  void shouldNameTheStationItsEnrolmentTicketGaveWhileContentIsOnItsWay() {
    HomeScreen screen =
        presenter.present(
            Optional.empty(),
            LinkStatus.connecting(OffsetDateTime.parse("2026-11-23T09:29:00+08:00")),
            "s-003",
            Optional.of(new liaison.signage.player.enrol.StationName("青溪县政务服务中心人大代表联系点", "城关镇")));

    Rendered rendered = render(screen, 800, 480, "home-waiting-named-800x480");

    assertThat(rendered.texts())
        .contains("内容同步中", "人大代表联络站")
        .anyMatch(t -> t.startsWith("本站：青溪县政务服务中心人大代表联系点（城关镇）"))
        .noneMatch(t -> t.startsWith("本站名称尚未收到"))
        .noneMatch(t -> t.contains("s-003"));
    assertThat(rendered.problems()).isEmpty();
  }
}
