package liaison.kiosk.app;

import static liaison.signage.player.fx.FxToolkit.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import liaison.kiosk.nav.Page;
import liaison.kiosk.nav.Settings;
import liaison.kiosk.results.ResultsModel;
import liaison.kiosk.results.ResultsPresenter;
import liaison.signage.player.StationConfig;
import liaison.signage.player.StationRuntime;
import liaison.signage.player.board.ResultsFixtures;
import liaison.signage.player.fx.CjkFonts;
import liaison.signage.player.fx.FxToolkit;
import liaison.signage.player.fx.LayoutCheck;
import liaison.signage.player.fx.Panel;
import liaison.signage.player.fx.Screens;
import liaison.signage.player.store.ContentStore;
import liaison.signage.protocol.DeputyLevel;
import liaison.signage.protocol.GoldenFiles;
import liaison.signage.protocol.NoticePriority;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationContent.Deputy;
import liaison.signage.protocol.StationContent.Notice;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kiosk page on a real station runtime (its SQLite store holding the golden snapshot), drawn
 * headless at every supported size: PNGs under target/screens, the texts a visitor sees, nothing
 * cut off at the edge or drawn over something else, and every QR code decodes to its link.
 */
@ExtendWith(FxToolkit.class)
class KioskPagesTest {

  static final List<int[]> SIZES =
      List.of(
          new int[] {800, 480},
          new int[] {1024, 600},
          new int[] {1280, 800},
          new int[] {1920, 1080},
          new int[] {1080, 1920});

  @TempDir Path dir;

  private final TestClock clock = TestClock.at("2026-11-23T09:30:00+08:00");

  /**
   * A page as drawn: its image, the texts a visitor sees, and what the layout check found on the
   * kiosk panel of that size (text off its box or the screen, text over text, text or QR codes
   * under the panel's physical minimum).
   */
  record Shot(WritableImage image, List<String> texts, List<String> problems, KioskScreen screen) {}

  private StationRuntime runtime(StationContent content) {
    StationConfig config =
        StationConfig.of(
            content.stationId(), "tcp://127.0.0.1:1", dir.resolve("kiosk-" + System.nanoTime()));
    try (ContentStore store = ContentStore.open(config.storeFile())) {
      store.storeIfNewer(content, OffsetDateTime.now(clock));
    }
    return StationRuntime.open(config, clock);
  }

  private Shot shoot(
      StationRuntime runtime, Page page, Settings settings, int width, int height, String name) {
    return onFx(
        () -> {
          KioskScreen screen = new KioskScreen(runtime, clock, CjkFonts.detect());
          screen.navigator().settings(settings, clock.instant());
          screen.navigator().go(page, clock.instant());
          screen.refresh();
          WritableImage image = Screens.render(screen.root(), width, height);
          Screens.save(image, name);
          Shot shot =
              new Shot(
                  image,
                  Screens.visibleTexts(screen.root()),
                  LayoutCheck.touchScreen(Panel.kiosk(width, height)).problems(screen.root()),
                  screen);
          screen.close();
          return shot;
        });
  }

  static Stream<Arguments> pagesAtEverySize() {
    List<Arguments> out = new ArrayList<>();
    List<Object[]> pages =
        List.<Object[]>of(
            new Object[] {
              "home",
              new Page.Home(),
              List.of("城关镇人大代表之家", "今日接待", "陈秀兰", "已到", "应到", "已约 7/20", "扫码提意见", "扫码预约", "首页")
            },
            new Object[] {
              "deputies", Page.Deputies.all(), List.of("本站代表", "全部", "陈秀兰", "黄志强", "省级 1")
            },
            new Object[] {
              "deputy",
              new Page.Deputy("d-0001"),
              List.of("陈秀兰", "城关镇第一选区", "医疗卫生、养老服务", "0771-5551234", "扫码给陈秀兰留言", "返回")
            },
            new Object[] {
              "schedule",
              new Page.Schedule(0),
              List.of("近两周接待安排", "11月23日 星期一", "今天", "已约 7/20", "11月25日 星期三")
            },
            new Object[] {"notices", new Page.Notices(0), List.of("11月代表接待日安排", "11月1日—12月1日")},
            new Object[] {"notice", new Page.Notice("n-0007", 0), List.of("11月代表接待日安排", "返回")},
            new Object[] {
              "results", new Page.Results(), List.of("意见办理情况", "128", "117", "91%", "满意")
            },
            new Object[] {
              "feedback", new Page.Feedback(), List.of("您对本次接待满意吗？", "满意", "基本满意", "不满意")
            });
    for (int[] size : SIZES) {
      for (Object[] p : pages) {
        out.add(Arguments.of(p[0], p[1], p[2], size[0], size[1]));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} at {3}x{4}")
  @MethodSource("pagesAtEverySize")
  void shouldShowEveryPageWholeAtEverySize(
      String name, Page page, List<String> expected, int width, int height) throws Exception {
    try (StationRuntime runtime = runtime(GoldenFiles.content())) {
      Shot shot =
          shoot(runtime, page, Settings.DEFAULT, width, height, name + "-" + width + "x" + height);

      assertThat(shot.texts()).containsAll(expected);
      assertThat(shot.problems()).as("layout on the %s", Panel.kiosk(width, height)).isEmpty();
      if (page instanceof Page.Home) {
        List<String> qrs =
            onFx(
                () ->
                    shot.screen().home().qrNodes().stream()
                        .map(n -> decode(shot.image(), n.getParent()))
                        .toList());
        assertThat(qrs)
            .containsExactly(
                "https://hub.example.cn/o/Xq7fK2mPw9", "https://hub.example.cn/b/Xq7fK2mPw9");
      }
      if (page instanceof Page.Deputy) {
        assertThat(Screens.decodeQr(shot.image()))
            .isEqualTo("https://hub.example.cn/o/Xq7fK2mPw9?deputy=d-0001");
      }
    }
  }

  /** The county's duty stars, from the directory's chip, at every size: whole and readable. */
  @ParameterizedTest(name = "{0}x{1}")
  @MethodSource("sizes")
  void shouldOpenTheDutyStarsFromTheDirectoryAtEverySize(int width, int height) {
    StationContent.StarPeriod month = StationContent.StarPeriod.MONTH;
    StationContent.StarPeriod year = StationContent.StarPeriod.YEAR;
    StationContent withStars =
        GoldenFiles.content()
            .withDuty(
                new StationContent.Duty(
                    List.of(
                        new StationContent.Star(
                            month, "2026-10", "d-0001", "陈秀兰", null, "城关镇人大代表之家", 46),
                        new StationContent.Star(
                            month, "2026-10", "d-0900", "欧阳晓东", null, "青溪县政务服务中心人大代表联系点（城关镇）", 41),
                        new StationContent.Star(
                            year, "2025", "d-0002", "黄志强", null, "城关镇人大代表之家", 412)),
                    List.of(),
                    null));
    try (StationRuntime runtime = runtime(withStars)) {
      Shot directory =
          shoot(
              runtime,
              Page.Deputies.all(),
              Settings.DEFAULT,
              width,
              height,
              "deputies-with-stars-" + width + "x" + height);
      Shot stars =
          shoot(
              runtime,
              new Page.Stars(0),
              Settings.DEFAULT,
              width,
              height,
              "stars-" + width + "x" + height);

      assertThat(directory.texts()).contains("履职之星");
      assertThat(directory.problems()).as("layout on the %s", Panel.kiosk(width, height)).isEmpty();
      assertThat(stars.texts())
          .contains("履职之星", "月度之星 2026年10月", "陈秀兰", "46 分", "年度之星 2025年", "黄志强", "412 分");
      assertThat(stars.problems()).as("layout on the %s", Panel.kiosk(width, height)).isEmpty();
    }
  }

  private static String decode(WritableImage image, Node node) {
    try {
      return Screens.decodeQrIn(image, node);
    } catch (Exception e) {
      return "undecodable: " + e;
    }
  }

  @Test
  void shouldOfferLargeTextHighContrastAndEnglishOneTapAway() {
    try (StationRuntime runtime = runtime(GoldenFiles.content())) {
      List<String> english =
          onFx(
              () -> {
                KioskScreen screen = new KioskScreen(runtime, clock, CjkFonts.detect());
                screen.refresh();
                Screens.render(screen.root(), 800, 480);
                Screens.tap(screen.root().lookup("#toggle-english"));
                Screens.tap(screen.root().lookup("#toggle-large"));
                Screens.tap(screen.root().lookup("#toggle-contrast"));
                Screens.save(
                    Screens.render(screen.root(), 800, 480), "home-large-contrast-english-800x480");
                List<String> texts = Screens.visibleTexts(screen.root());
                assertThat(screen.navigator().settings()).isEqualTo(new Settings(true, true, true));
                assertThat(LayoutCheck.touchScreen(Panel.PI_7_INCH).problems(screen.root()))
                    .isEmpty();
                screen.close();
                return texts;
              });
      assertThat(english).contains("Today's reception", "Home", "Deputies", "中文");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"large, false", "large-contrast, true"})
  void shouldKeepBothQrCodesAtThePanelsSizeWithLargeTextOnTheSevenInchPanel(
      String name, boolean contrast) throws Exception {
    try (StationRuntime runtime = runtime(GoldenFiles.content())) {
      Shot shot =
          shoot(
              runtime,
              new Page.Home(),
              new Settings(true, contrast, false),
              800,
              480,
              "home-" + name + "-800x480");

      List<Node> codes = onFx(() -> shot.screen().home().qrNodes());
      assertThat(codes)
          .as("residents who need large text still need the codes")
          .allMatch(n -> onFx(n::isVisible));
      // The layout check measures each code drawn against the panel's 25 mm (130 px).
      assertThat(shot.problems()).as("layout on the 7-inch panel").isEmpty();
      assertThat(codes.stream().map(n -> decode(shot.image(), n.getParent())).toList())
          .containsExactly(
              "https://hub.example.cn/o/Xq7fK2mPw9", "https://hub.example.cn/b/Xq7fK2mPw9");
      assertThat(shot.texts()).contains("陈秀兰", "黄志强", "扫码提意见", "扫码预约");
    }
  }

  @Test
  void shouldReturnHomeSixtySecondsAfterTheLastTouch() {
    try (StationRuntime runtime = runtime(GoldenFiles.content())) {
      onFx(
          () -> {
            KioskScreen screen = new KioskScreen(runtime, clock, CjkFonts.detect());
            screen.refresh();
            Screens.render(screen.root(), 1280, 800);
            Screens.tap(screen.root().lookup("#nav-deputies"));
            assertThat(screen.navigator().page()).isEqualTo(Page.Deputies.all());
            assertThat(runtime.events().pending())
                .as("the page view waits in the outbox")
                .isEqualTo(1);
            Screens.render(screen.root(), 1280, 800);

            clock.advance(Duration.ofSeconds(59));
            screen.refresh();
            assertThat(Screens.visibleTexts(screen.root())).contains("本站代表");

            clock.advance(Duration.ofSeconds(1));
            screen.refresh();
            Screens.render(screen.root(), 1280, 800);
            assertThat(screen.navigator().page()).isEqualTo(new Page.Home());
            assertThat(Screens.visibleTexts(screen.root())).contains("今日接待").doesNotContain("本站代表");
            screen.close();
          });
    }
  }

  @Test
  void shouldPageTwoHundredDeputiesAndALongNoticeWithEmojiAndRareCharacters() {
    StationContent g = GoldenFiles.content();
    List<Deputy> many = new ArrayList<>();
    for (int i = 1; i <= 200; i++) {
      many.add(
          new Deputy(
              "d-" + (1000 + i),
              i % 7 == 0 ? "𰻞𠀾" + i : "代表" + i + "号",
              List.of(DeputyLevel.values()[i % 5]),
              "第" + i + "选区",
              i % 3 == 0 ? "种植专业合作社理事长兼乡村振兴带头人😀" : "教师",
              "",
              List.of(),
              i % 2 == 0 ? "0".repeat(64) : null,
              null));
    }
    String body = ("关于冬季供暖的通知🔥：请居民注意用火安全，𪚥𪚥字测试。".repeat(40) + "\n\n").repeat(5);
    Notice longNotice =
        new Notice(
            "n-long",
            "关于冬季供暖和用火安全的特别长的公告标题，用来检查换行是否正常😀",
            body,
            NoticePriority.NORMAL,
            OffsetDateTime.parse("2026-11-20T00:00:00+08:00"),
            null);
    StationContent heavy =
        new StationContent(
            g.stationId(),
            50,
            g.generatedAt(),
            g.station(),
            many,
            g.receptions(),
            List.of(longNotice),
            g.links(),
            null);

    try (StationRuntime runtime = runtime(heavy)) {
      for (int[] size : List.of(SIZES.get(0), SIZES.get(4))) {
        Shot deputies =
            shoot(
                runtime,
                Page.Deputies.all(),
                Settings.DEFAULT,
                size[0],
                size[1],
                "deputies-200-" + size[0] + "x" + size[1]);
        assertThat(deputies.problems()).isEmpty();
        assertThat(deputies.texts()).anyMatch(t -> t.matches("第 1 / \\d+ 页")).contains("下一页");

        Shot last =
            shoot(
                runtime,
                new Page.Deputies(Optional.empty(), 999),
                Settings.DEFAULT,
                size[0],
                size[1],
                "deputies-200-last-" + size[0] + "x" + size[1]);
        assertThat(last.texts())
            .as("asked past the end: the last page")
            .anyMatch(t -> t.matches("第 (\\d+) / \\1 页"));
        assertThat(last.problems()).isEmpty();

        Shot notice =
            shoot(
                runtime,
                new Page.Notice("n-long", 0),
                Settings.DEFAULT,
                size[0],
                size[1],
                "notice-long-" + size[0] + "x" + size[1]);
        assertThat(notice.problems()).isEmpty();
        assertThat(notice.texts()).contains("下一页", "返回");

        Shot results =
            shoot(
                runtime,
                new Page.Results(),
                Settings.DEFAULT,
                size[0],
                size[1],
                "results-none-" + size[0] + "x" + size[1]);
        assertThat(results.texts()).contains("暂无办理情况数据");
        assertThat(results.problems()).isEmpty();
      }
    }
  }

  /**
   * 办理情况 from a newer hub at every size: the month's and the year's figures and the published
   * summaries paged by the screenful (every one of the 20 longest on one of the pages); a station
   * with no opinions yet says so calmly.
   */
  @ParameterizedTest(name = "{0}x{1}")
  @MethodSource("sizes")
  void shouldShowTheFiguresAndPageThroughEveryPublishedSummary(int width, int height) {
    StationContent g = GoldenFiles.content();
    String size = width + "x" + height;
    try (StationRuntime runtime = runtime(ResultsFixtures.with(g, ResultsFixtures.normal()))) {
      Shot shot =
          shoot(
              runtime,
              new Page.Results(),
              Settings.DEFAULT,
              width,
              height,
              "results-periods-" + size);
      assertThat(shot.texts()).contains("2026年11月", "本月", "本年", "128", "117 · 91%", "10 · 83%");
      assertThat(shot.problems()).as("layout on the %s", Panel.kiosk(width, height)).isEmpty();
    }
    try (StationRuntime runtime = runtime(ResultsFixtures.with(g, ResultsFixtures.noOpinions()))) {
      Shot shot =
          shoot(
              runtime,
              new Page.Results(),
              Settings.DEFAULT,
              width,
              height,
              "results-no-opinions-" + size);
      assertThat(shot.texts()).anyMatch(t -> t.startsWith("本站今年还没有收到群众意见"));
      assertThat(shot.texts()).doesNotContain("0 · 0%");
      assertThat(shot.problems()).isEmpty();
    }
    StationContent.Results extreme = ResultsFixtures.extreme();
    try (StationRuntime runtime = runtime(ResultsFixtures.with(g, extreme))) {
      java.util.Set<String> seen = new java.util.HashSet<>();
      int pages = 1;
      for (int page = 0; page < pages && page < 100; page++) {
        Shot shot =
            shoot(
                runtime,
                new Page.Results(page),
                Settings.DEFAULT,
                width,
                height,
                "results-20-summaries-200-characters-"
                    + size
                    + (page == 0 ? "" : "-p" + (page + 1)));
        assertThat(shot.problems())
            .as("page %s on the %s", page + 1, Panel.kiosk(width, height))
            .isEmpty();
        seen.addAll(shot.texts());
        pages =
            shot.texts().stream()
                .filter(t -> t.matches("第 \\d+ / \\d+ 页"))
                .map(t -> Integer.parseInt(t.replaceAll("第 \\d+ / (\\d+) 页", "$1")))
                .findFirst()
                .orElse(1);
      }
      // A long summary is listed in parts: every part of every summary is on one of the pages.
      assertThat(seen)
          .as("every summary, all its parts, on one of the pages")
          .containsAll(
              extreme.summariesOrNone().stream()
                  .flatMap(x -> ResultsPresenter.items(x).stream())
                  .map(ResultsModel.SummaryItem::text)
                  .toList());
    }
  }

  static StationContent withNotice(Notice notice) {
    StationContent g = GoldenFiles.content();
    List<Notice> notices = new ArrayList<>(g.notices());
    notices.add(notice);
    return new StationContent(
        g.stationId(),
        60,
        g.generatedAt(),
        g.station(),
        g.deputies(),
        g.receptions(),
        notices,
        g.links(),
        g.results());
  }

  @ParameterizedTest(name = "{0}x{1}")
  @MethodSource("sizes")
  void shouldShowAnUrgentNoticeAsABannerOverEveryPage(int width, int height) {
    Notice urgent =
        new Notice(
            "n-urgent",
            "今日下午停水通知",
            "因管网抢修，城关镇人民路沿线今日14:00—18:00停水，请提前储水。",
            NoticePriority.URGENT,
            OffsetDateTime.parse("2026-11-23T08:00:00+08:00"),
            OffsetDateTime.parse("2026-11-23T18:00:00+08:00"));
    try (StationRuntime runtime = runtime(withNotice(urgent))) {
      Shot home =
          shoot(
              runtime,
              new Page.Home(),
              Settings.DEFAULT,
              width,
              height,
              "urgent-home-" + width + "x" + height);
      assertThat(home.texts()).contains("紧急公告", "今日接待").anyMatch(t -> t.startsWith("今日下午停水通知："));
      assertThat(home.problems()).isEmpty();

      Shot schedule =
          shoot(
              runtime,
              new Page.Schedule(0),
              Settings.DEFAULT,
              width,
              height,
              "urgent-schedule-" + width + "x" + height);
      assertThat(schedule.texts()).contains("近两周接待安排").anyMatch(t -> t.startsWith("今日下午停水通知："));
    }
  }

  @ParameterizedTest(name = "{0}x{1}")
  @MethodSource("sizes")
  void shouldLetAnEmergencyNoticeHoldTheWholeScreenUntilItExpires(int width, int height) {
    Notice flood =
        new Notice(
            "n-flood",
            "防汛紧急通知",
            "受强降雨影响，青溪河水位持续上涨，请沿河居民立即向高处转移。",
            NoticePriority.EMERGENCY,
            OffsetDateTime.parse("2026-11-23T09:00:00+08:00"),
            OffsetDateTime.parse("2026-11-23T12:00:00+08:00"));
    try (StationRuntime runtime = runtime(withNotice(flood))) {
      Shot held =
          shoot(
              runtime,
              Page.Deputies.all(),
              Settings.DEFAULT,
              width,
              height,
              "emergency-" + width + "x" + height);
      assertThat(held.screen().view().emergencyShown()).isTrue();
      double filled =
          onFx(
              () -> {
                javafx.scene.Node text = held.screen().root().lookup(".filling-text");
                double h = 0;
                for (javafx.scene.Node line :
                    ((javafx.scene.Parent) text).getChildrenUnmodifiable()) {
                  if (line.isVisible() && line instanceof javafx.scene.control.Label) {
                    h += line.getBoundsInParent().getHeight();
                  }
                }
                return h / height;
              });
      assertThat(filled).as("the emergency's title and text fill the screen").isGreaterThan(0.4);
      assertThat(held.texts())
          .contains("特急公告  Emergency notice", "防汛紧急通知", "有效至 11月23日 12:00  Until 23 Nov 12:00");

      clock.set(OffsetDateTime.parse("2026-11-23T12:00:00+08:00").toInstant());
      Shot after =
          shoot(
              runtime,
              new Page.Home(),
              Settings.DEFAULT,
              width,
              height,
              "emergency-expired-" + width + "x" + height);
      assertThat(after.screen().view().emergencyShown()).isFalse();
      assertThat(after.texts()).doesNotContain("防汛紧急通知");
      assertThat(held.problems()).as("the emergency screen").isEmpty();
      assertThat(after.problems()).isEmpty();
    }
  }

  static Stream<Arguments> sizes() {
    return SIZES.stream().map(s -> Arguments.of(s[0], s[1]));
  }

  @Test
  void shouldSayTheClockNeedsSettingAndMarkNoDayAsTodayWhenTheClockIsImplausible() {
    clock.set(OffsetDateTime.parse("2000-01-01T08:00:00+08:00").toInstant());
    try (StationRuntime runtime = runtime(GoldenFiles.content())) {
      Shot home =
          shoot(
              runtime,
              new Page.Home(),
              Settings.DEFAULT,
              1024,
              600,
              "clock-implausible-home-1024x600");
      assertThat(home.texts())
          .anyMatch(t -> t.startsWith("本机时钟未校准"))
          .contains("日期未知，暂不显示今日接待", "--:--", "扫码提意见")
          .doesNotContain("接待中  Now");
      assertThat(home.problems()).isEmpty();

      Shot schedule =
          shoot(
              runtime,
              new Page.Schedule(0),
              Settings.DEFAULT,
              1024,
              600,
              "clock-implausible-schedule-1024x600");
      assertThat(schedule.texts()).contains("11月23日 星期一").doesNotContain("今天");
      assertThat(schedule.problems()).isEmpty();
    }
  }
}
