package liaison.signage.player.board;

import static liaison.signage.player.fx.FxToolkit.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;
import liaison.signage.player.LinkStatus;
import liaison.signage.player.enrol.EnrolmentPresenter;
import liaison.signage.player.enrol.EnrolmentState;
import liaison.signage.player.fx.CjkFonts;
import liaison.signage.player.fx.FxToolkit;
import liaison.signage.player.fx.LayoutCheck;
import liaison.signage.player.fx.Panel;
import liaison.signage.player.fx.Portraits;
import liaison.signage.player.fx.Screens;
import liaison.signage.player.loop.OnScreen;
import liaison.signage.player.loop.OnScreen.Interrupt;
import liaison.signage.player.loop.OnScreen.Slide;
import liaison.signage.player.loop.OnScreen.Syncing;
import liaison.signage.player.loop.OnScreen.Vote;
import liaison.signage.protocol.Board;
import liaison.signage.protocol.NoticePriority;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationContent.Deputy;
import liaison.signage.protocol.StationContent.Reception;
import liaison.signage.protocol.VoteTally;
import liaison.signage.schedule.ReceptionCalendar;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every board at every size a board is drawn at (the kiosks' panels for the idle hand-over, the
 * 1080p wall screen both ways), from the normal, the empty and the extreme data sets, rendered
 * headless a page at a time: PNGs under target/screens/ named board-size-case(-page), the texts a
 * passer-by should read, everyone and every reception on one of the board's pages, and the layout
 * check ({@link LayoutCheck}: nothing outside its box, nothing drawn over, nothing cut short,
 * nothing under the panel's smallest text) on every page.
 */
@ExtendWith(FxToolkit.class)
class SignageScreenTest {
  private final TestClock clock = TestClock.at("2026-11-24T10:00:00+08:00");

  private static final Instant AT = Instant.parse("2026-11-24T02:00:00Z");

  /**
   * A board drawn from one data set.
   *
   * @param expected texts shown on it (on one of its pages)
   * @param everyone texts that must each be on one of its pages: every deputy, every reception
   */
  record Case(
      String board,
      String data,
      Optional<StationContent> content,
      OnScreen onScreen,
      List<String> expected,
      List<String> everyone) {

    Case(
        String board,
        String data,
        Optional<StationContent> content,
        OnScreen onScreen,
        List<String> expected) {
      this(board, data, content, onScreen, expected, List.of());
    }

    @Override
    public String toString() {
      return board + " " + data;
    }
  }

  private static Slide slide(Board board) {
    return new Slide(board, Optional.empty(), AT, AT.plusSeconds(15));
  }

  private static Vote vote(VoteTally.State state, boolean result, int a, int b, int c) {
    return new Vote(
        BoardFixtures.report("vr-1", 16, 17),
        Optional.of(BoardFixtures.tally("vr-1", state, a, b, c)),
        result,
        AT);
  }

  private static Slide notice(String id) {
    return new Slide(Board.NOTICES, Optional.of(id), AT, AT.plusSeconds(15));
  }

  static List<Case> normalAndEmpty() {
    Optional<StationContent> content = Optional.of(BoardFixtures.content());
    Optional<StationContent> empty = Optional.of(BoardFixtures.empty());
    return List.of(
        new Case(
            "syncing",
            "no-content",
            Optional.empty(),
            new Syncing(AT),
            List.of(
                "内容同步中",
                "Content on its way",
                "人大代表联络站",
                "本站名称尚未收到 · The station's name has not arrived yet")),
        new Case(
            "today",
            "normal",
            content,
            slide(Board.TODAY),
            List.of(
                "青溪县城关镇人大代表之家",
                "今日代表接待",
                "Today's reception",
                "09:00—11:30",
                "正在接待 Now",
                "陈秀兰",
                "全国人大代表",
                "主题 老旧小区加装电梯意见征集",
                "14:00—16:30",
                "10:00")),
        new Case(
            "week",
            "normal",
            content,
            slide(Board.WEEK),
            List.of("近期接待安排", "11月24日", "今天", "11月25日", "星期三", "赵德明、孙丽娟", "陈秀兰、刘春梅")),
        new Case(
            "roster",
            "normal",
            content,
            slide(Board.ROSTER),
            List.of(
                "进站代表", "共 9 位 · 9 deputies", "全国人大代表", "National", "乡镇人大代表", "Township", "周文斌"),
            BoardFixtures.content().deputies().stream().map(Deputy::name).toList()),
        new Case(
            "notice", "normal", content, notice("n-1"), List.of("通知公告", "11月代表集中接待日安排", "1 / 3")),
        new Case("notice", "long", content, notice("n-2"), List.of("关于征集2027年民生实事项目的公告", "2 / 3")),
        new Case(
            "results",
            "first-version",
            content,
            slide(Board.RESULTS),
            List.of("意见办理情况", "128", "117", "91%", "满意 86（77%）", "不满意 4")),
        new Case(
            "results",
            "normal",
            Optional.of(ResultsFixtures.with(BoardFixtures.content(), ResultsFixtures.normal())),
            slide(Board.RESULTS),
            List.of("意见办理情况", "本月", "本年", "12", "83%", "117", "91%", "67%", "办理结果公示"),
            ResultsFixtures.normal().summariesOrNone().stream()
                .map(StationContent.Summary::text)
                .toList()),
        new Case(
            "results",
            "quiet-month",
            Optional.of(
                ResultsFixtures.with(BoardFixtures.content(), ResultsFixtures.quietMonth())),
            slide(Board.RESULTS),
            List.of("本月还没有收到新的意见", "40", "暂无评价")),
        new Case(
            "results",
            "no-opinions",
            Optional.of(ResultsFixtures.with(BoardFixtures.empty(), ResultsFixtures.noOpinions())),
            slide(Board.RESULTS),
            List.of("本站今年还没有收到群众意见")),
        new Case(
            "urgent",
            "normal",
            content,
            new Interrupt(
                BoardFixtures.alert(NoticePriority.URGENT), AT, Optional.of(AT.plusSeconds(30))),
            List.of("重要通知  URGENT", "明日上午代表接待改在镇政府三楼会议室", "青溪县城关镇人大代表之家")),
        new Case(
            "emergency",
            "normal",
            content,
            new Interrupt(BoardFixtures.alert(NoticePriority.EMERGENCY), AT, Optional.empty()),
            List.of("紧急通知  EMERGENCY", "寒潮蓝色预警：今晚停止户外接待")),
        new Case(
            "today",
            "empty",
            empty,
            slide(Board.TODAY),
            List.of("今天没有安排代表接待", "No deputy receives visitors today")),
        new Case("week", "empty", empty, slide(Board.WEEK), List.of("未来七天暂无代表接待安排")),
        new Case("roster", "empty", empty, slide(Board.ROSTER), List.of("本站暂无进站代表信息")),
        new Case("results", "empty", empty, slide(Board.RESULTS), List.of("办理情况统计中")),
        new Case(
            "plan",
            "normal",
            Optional.of(BoardFixtures.withPlan(BoardFixtures.content(), BoardFixtures.plan())),
            slide(Board.PLAN),
            List.of(
                "年度活动计划",
                "11月",
                "12月",
                "11月26日",
                "星期四",
                "接待日",
                "教育惠民政策宣讲接待日",
                "代表之家一楼接待室 · 陈秀兰、黄志强"),
            BoardFixtures.plan().stream().map(a -> a.theme()).toList()),
        new Case(
            "stars",
            "normal",
            Optional.of(BoardFixtures.withDuty(BoardFixtures.content())),
            slide(Board.STARS),
            List.of(
                "履职之星",
                "Duty stars",
                "月度之星",
                "2026年10月",
                "年度之星",
                "2025年",
                "128 分 · points",
                "青溪县政务服务中心人大代表联系点（城关镇）"),
            BoardFixtures.stars().stream().map(StationContent.Star::name).toList()),
        new Case(
            "stars",
            "empty",
            empty,
            slide(Board.STARS),
            List.of("本县尚未评出履职之星", "The county has not chosen its duty stars yet")),
        new Case(
            "today",
            "report-and-sign-in",
            Optional.of(BoardFixtures.withDuty(BoardFixtures.content())),
            slide(Board.TODAY),
            List.of(
                "正在接待 Now",
                "代表签到",
                "Deputies sign in",
                "16:00—17:00",
                "述职 Report to voters",
                "黄志强 代表向选民述职",
                "2026年度履职情况报告")),
        new Case(
            "week",
            "report",
            Optional.of(BoardFixtures.withDuty(BoardFixtures.content())),
            slide(Board.WEEK),
            List.of("述职 Report to voters", "黄志强 代表向选民述职", "刘春梅 代表向选民述职", "15:00—16:00")),
        new Case(
            "vote",
            "open",
            Optional.of(BoardFixtures.withDuty(BoardFixtures.content())),
            vote(VoteTally.State.OPEN, false, 12, 6, 2),
            List.of(
                "代表述职评议",
                "Report to voters",
                "黄志强 代表",
                "2026年度履职情况报告",
                "扫码评议",
                "Scan to evaluate",
                "满意",
                "基本满意",
                "不满意",
                "12",
                "共 20 张评议票 · 20 ballots")),
        new Case(
            "vote",
            "no-ballot-yet",
            Optional.of(BoardFixtures.withDuty(BoardFixtures.content())),
            new Vote(BoardFixtures.report("vr-1", 16, 17), Optional.empty(), false, AT),
            List.of("代表述职评议", "扫码评议", "尚未收到评议票 · No ballot yet")),
        new Case(
            "vote",
            "result",
            Optional.of(BoardFixtures.withDuty(BoardFixtures.content())),
            vote(VoteTally.State.CLOSED, true, 12, 6, 2),
            List.of(
                "评议结果",
                "Result",
                "黄志强 代表",
                "12（60%）",
                "6（30%）",
                "2（10%）",
                "共 20 张评议票 · 20 ballots")),
        new Case(
            "livelihood",
            "normal",
            Optional.of(BoardFixtures.withLivelihood(BoardFixtures.content())),
            slide(Board.LIVELIHOOD),
            List.of(
                "民生实事项目征集",
                "城关镇 · 2027年",
                "城关镇2027年民生实事项目征集",
                "征集时间 11月1日—11月30日",
                "1 Nov – 30 Nov",
                "养老服务",
                "已采纳建议 7 条",
                "7 proposals accepted",
                "人民路南段加装路灯；老街农贸市场改造提升 等",
                "扫码提建议",
                "Scan to propose",
                "青溪县2027年民生实事项目征集",
                "欢迎扫码提出您的建议",
                "Your proposal is welcome")),
        new Case(
            "livelihood", "empty", empty, slide(Board.LIVELIHOOD), List.of("本站目前没有正在征集的民生实事项目")),
        new Case(
            "progress",
            "normal",
            Optional.of(BoardFixtures.withLivelihood(BoardFixtures.content())),
            slide(Board.LIVELIHOOD_PROGRESS),
            List.of(
                "民生实事项目进展",
                "Livelihood projects: progress",
                "城关镇",
                "2026年",
                "承办单位 城关镇规划建设办",
                "60%",
                "进行中",
                "下一节点 12台电梯安装完成（12月20日前）",
                "已完成 投入使用（10月23日）",
                "未开始"),
            BoardFixtures.withLivelihood(BoardFixtures.content())
                .livelihoodOrEmpty()
                .projects()
                .stream()
                .map(StationContent.LivelihoodProject::title)
                .toList()),
        new Case(
            "progress",
            "empty",
            empty,
            slide(Board.LIVELIHOOD_PROGRESS),
            List.of("暂无正在实施的民生实事项目", "No elected livelihood project is under way")),
        new Case(
            "plan",
            "empty",
            empty,
            slide(Board.PLAN),
            List.of("今年余下的日子暂无计划活动", "No more activities planned this year")));
  }

  static Stream<Arguments> everyBoardAtEverySize() {
    return normalAndEmpty().stream()
        .flatMap(c -> Panel.BOARDS.stream().map(p -> Arguments.of(c, p)));
  }

  /**
   * The extreme data sets, at the sizes where they bite: the smallest panel (fewest pixels for the
   * smallest text), the 16:10 one (the narrowest landscape in em), and the portrait wall (the
   * narrowest of all); 40 deputies, the issue's own case, at every size. The 1080p wall is, in em,
   * the 800×480 panel again.
   */
  static Stream<Arguments> extremes() {
    StationContent roster40 =
        BoardFixtures.content(BoardFixtures.deputies(40), List.of(), List.of(), false);
    StationContent roster200 =
        BoardFixtures.content(BoardFixtures.deputies(200), List.of(), List.of(), false);
    StationContent longNames =
        BoardFixtures.content(BoardFixtures.longNamed(40), List.of(), List.of(), false);
    StationContent busy = BoardFixtures.busyDay();
    StationContent notice5000 =
        BoardFixtures.content(
            BoardFixtures.deputies(9), List.of(), List.of(BoardFixtures.longNotice()), false);
    Panel small = Panel.PI_7_INCH;
    Panel wide = Panel.KIOSK_10_INCH_1280;
    Panel tall = Panel.WALL_32_INCH_PORTRAIT;
    List<Arguments> out = new ArrayList<>();
    Case c40 = roster("40", roster40, "共 40 位 · 40 deputies");
    Panel.BOARDS.forEach(p -> out.add(Arguments.of(c40, p)));
    Case c200 = roster("200", roster200, "共 200 位 · 200 deputies");
    List.of(small, tall).forEach(p -> out.add(Arguments.of(c200, p)));
    Case names = roster("long-names", longNames, "共 40 位 · 40 deputies");
    List.of(small, tall).forEach(p -> out.add(Arguments.of(names, p)));
    Case today12 =
        new Case(
            "today",
            "12-receptions",
            Optional.of(busy),
            slide(Board.TODAY),
            List.of("正在接待 Now", "12 场 · receptions"),
            today(busy));
    List.of(small, wide, Panel.WALL_32_INCH, tall).forEach(p -> out.add(Arguments.of(today12, p)));
    Case week =
        new Case(
            "week",
            "busy",
            Optional.of(busy),
            slide(Board.WEEK),
            List.of("近期接待安排", "续"),
            week(busy));
    List.of(small, tall).forEach(p -> out.add(Arguments.of(week, p)));
    Case notice =
        new Case(
            "notice",
            "5000-characters",
            Optional.of(notice5000),
            notice("n-5000"),
            List.of("关于开展全县人大代表集中接待活动的通知"));
    List.of(small, Panel.WALL_32_INCH, tall).forEach(p -> out.add(Arguments.of(notice, p)));
    StationContent longPlan = BoardFixtures.withPlan(busy, BoardFixtures.longPlan(busy.deputies()));
    Case plan60 =
        new Case(
            "plan",
            "60-activities",
            Optional.of(longPlan),
            slide(Board.PLAN),
            List.of("年度活动计划", "续"),
            longPlan.planOrEmpty().stream().map(a -> a.theme()).distinct().toList());
    List.of(small, wide, tall).forEach(p -> out.add(Arguments.of(plan60, p)));
    Case results =
        new Case(
            "results",
            "20-summaries-200-characters",
            Optional.of(ResultsFixtures.with(BoardFixtures.content(), ResultsFixtures.extreme())),
            slide(Board.RESULTS),
            List.of("意见办理情况", "99999", "12345", "共 20 条 · 20 published"),
            // Each summary's last part carries its two days (a long one is cut where it must be).
            ResultsFixtures.extreme().summariesOrNone().stream()
                .map(
                    x ->
                        x.received().getMonthValue()
                            + "月"
                            + x.received().getDayOfMonth()
                            + "日收到 · "
                            + x.answered().getMonthValue()
                            + "月"
                            + x.answered().getDayOfMonth()
                            + "日答复")
                .toList());
    Panel.BOARDS.forEach(p -> out.add(Arguments.of(results, p)));
    return out.stream();
  }

  private static Case roster(String data, StationContent content, String count) {
    return new Case(
        "roster",
        data,
        Optional.of(content),
        slide(Board.ROSTER),
        List.of("进站代表", count),
        content.deputies().stream().map(Deputy::name).toList());
  }

  /** Every reception of a busy day, a line each: its time, its deputies and its topic. */
  private static List<String> today(StationContent c) {
    ReceptionCalendar calendar =
        new ReceptionCalendar(c, TestClock.at("2026-11-24T10:00:00+08:00"));
    List<String> out = new ArrayList<>();
    for (Reception r : calendar.todaysReceptions()) {
      out.add(r.start() + "—" + r.end());
      out.add(r.theme());
      out.add(String.join("、", calendar.deputiesOf(r).stream().map(Deputy::name).toList()));
    }
    return out;
  }

  /**
   * How many pages an extreme data set may take at a size, as measured when the busy day became a
   * line a reception and a notice's text went to the screen's smallest size in columns (a dozen
   * receptions: 3 on the 7-inch panel, 3 on the 1080p wall, where every text keeps 0.8 em and six
   * 20-character names take three lines, 4 there while a long place went beneath the time instead
   * of wrapping beside it; the 5,000-character notice: 13 on the 7-inch panel). docs/SCREENS.md
   * gives every count measured.
   */
  private static final java.util.Map<String, Integer> PAGE_BUDGET =
      java.util.Map.of(
          "today 12-receptions 800x480", 3,
          "today 12-receptions 1280x800", 3,
          "today 12-receptions 1920x1080", 3,
          "today 12-receptions 1080x1920", 3,
          "notice 5000-characters 800x480", 13);

  /** Every reception of the week: who receives, and the topic. */
  private static List<String> week(StationContent c) {
    ReceptionCalendar calendar =
        new ReceptionCalendar(c, TestClock.at("2026-11-24T10:00:00+08:00"));
    List<String> out = new ArrayList<>();
    List<Reception> all = new ArrayList<>(calendar.todaysReceptions());
    all.addAll(calendar.upcoming(6));
    for (Reception r : all) {
      out.add(String.join("、", calendar.deputiesOf(r).stream().map(Deputy::name).toList()));
      out.add(r.theme());
    }
    return out;
  }

  /**
   * A board's pages as drawn: texts and layout problems of each, and, where it pages by rows, each
   * page's room left under its last row and the height of its first row.
   */
  private record Drawn(
      List<List<String>> texts, List<String> problems, List<String> bodies, List<Fill> fill) {
    Set<String> all() {
      Set<String> out = new LinkedHashSet<>();
      texts.forEach(out::addAll);
      return out;
    }
  }

  /**
   * A page of rows as drawn: the room left between its last row and its bottom, the height of its
   * first row (what the page before it would have needed to take this row too, with the gap it
   * leaves between rows).
   */
  record Fill(double roomLeft, double firstRow, double gap) {
    static Fill of(Region pages) {
      List<Node> shown = pages.getChildrenUnmodifiable().stream().filter(Node::isVisible).toList();
      double bottom =
          shown.stream().mapToDouble(n -> n.getBoundsInParent().getMaxY()).max().orElse(0);
      // A group's "continued" heading opens a page only because the page before ended inside the
      // group: there the row needed no heading.
      List<Bounds> rows =
          shown.stream()
              .filter(
                  n -> n.lookup(".week-continued") == null && n.lookup(".roster-continued") == null)
              .map(Node::getBoundsInParent)
              .toList();
      double top = rows.stream().mapToDouble(Bounds::getMinY).min().orElse(0);
      // The first row: its items, and a group's heading kept with them.
      double itemsTop =
          shown.stream()
              .filter(
                  n ->
                      n.getStyleClass().contains("week-line")
                          || n.getStyleClass().contains("roster-card")
                          || n.getStyleClass().contains("plan-line"))
              .mapToDouble(n -> n.getBoundsInParent().getMinY())
              .min()
              .orElse(top);
      double firstRow =
          rows.stream()
              .filter(b -> b.getMinY() < itemsTop + 1)
              .mapToDouble(b -> b.getMaxY() - top)
              .max()
              .orElse(0);
      // The space the page leaves between one row and the next: a row taken onto this page would
      // have needed it above itself.
      List<Bounds> sorted =
          rows.stream().sorted(java.util.Comparator.comparingDouble(Bounds::getMinY)).toList();
      double gap = Double.MAX_VALUE;
      for (int i = 1; i < sorted.size(); i++) {
        double between = sorted.get(i).getMinY() - sorted.get(i - 1).getMaxY();
        if (between > 0) {
          gap = Math.min(gap, between);
        }
      }
      if (gap == Double.MAX_VALUE) {
        // One row on the page: no gap to measure; the pager's own em (its hidden probe) times the
        // widest gap a board's shape asks for (0.35 em).
        gap =
            pages.getChildrenUnmodifiable().stream()
                    .filter(
                        n -> n instanceof Labeled l && !l.isVisible() && "字".equals(l.getText()))
                    .mapToDouble(n -> ((Labeled) n).getFont().getSize())
                    .findFirst()
                    .orElse(0)
                * 0.35;
      }
      return new Fill(pages.getHeight() - pages.snappedBottomInset() - bottom, firstRow, gap);
    }
  }

  private Drawn drawEveryPage(Case c, Panel panel) {
    return drawEveryPage(c, panel, Optional.empty());
  }

  private Drawn drawEveryPage(Case c, Panel panel, Optional<LinkStatus> link) {
    return onFx(
        () -> {
          List<List<String>> texts = new ArrayList<>();
          List<String> problems = new ArrayList<>();
          List<String> bodies = new ArrayList<>();
          List<Fill> fill = new ArrayList<>();
          int pages = 1;
          for (int page = 0; page < pages; page++) {
            // A kiosk's panel is read at arm's length, as the idle kiosk's boards are.
            SignageScreen screen =
                new SignageScreen(clock, CjkFonts.detect(), Portraits.none())
                    .readAtArmsLength(panel.readingDistanceMm() < 1000);
            link.ifPresent(screen::showLink);
            OnScreen shown = c.onScreen();
            if (shown instanceof Slide s) {
              shown = new Slide(s.board(), s.noticeId(), page, s.since(), s.until());
            }
            screen.show(shown, c.content());
            // Every page is checked; a long board's first two and last are saved to look at.
            if (page < 2 || page == pages - 1 || pages <= 6) {
              Screens.save(
                  Screens.render(screen.root(), panel.widthPx(), panel.heightPx()),
                  c.board()
                      + "-"
                      + panel.size()
                      + "-"
                      + c.data()
                      + (page == 0 ? "" : "-p" + (page + 1)));
            } else {
              Screens.layOut(screen.root(), panel.widthPx(), panel.heightPx());
            }
            texts.add(Screens.visibleTexts(screen.root()));
            int at = page + 1;
            LayoutCheck.wall(panel).problems(screen.root()).stream()
                .map(p -> "page " + at + ": " + p)
                .forEach(problems::add);
            screen.root().lookupAll(".notice-body").stream()
                .filter(n -> n.isVisible() && n instanceof Labeled)
                .forEach(n -> bodies.add(((Labeled) n).getText()));
            screen.root().lookupAll(".paged-groups").stream()
                .filter(n -> n instanceof Region r && r.isVisible())
                .findFirst()
                .ifPresent(n -> fill.add(Fill.of((Region) n)));
            if (shown instanceof Slide s) {
              pages = screen.pagesOf(s);
            }
          }
          return new Drawn(texts, problems, bodies, fill);
        });
  }

  @ParameterizedTest(name = "{0} at {1}")
  @MethodSource("everyBoardAtEverySize")
  void shouldShowEveryBoardWholeAndReadableAtEverySize(Case c, Panel panel) {
    Drawn drawn = drawEveryPage(c, panel);

    assertThat(drawn.problems()).as("layout on the %s", panel).isEmpty();
    assertThat(drawn.all()).containsAll(c.expected()).containsAll(c.everyone());
    assertThat(drawn.all())
        .as("no internal id shown to people")
        .noneMatch(t -> t.contains("s-001") || t.contains("d-1"));
  }

  @ParameterizedTest(name = "{0} at {1}")
  @MethodSource("extremes")
  void shouldPageTheExtremeDataSetsSoEveryoneIsOnScreenWithinOneCycle(Case c, Panel panel) {
    Drawn drawn = drawEveryPage(c, panel);

    assertThat(drawn.problems()).as("layout on the %s", panel).isEmpty();
    assertThat(drawn.all()).containsAll(c.expected());
    assertThat(drawn.all())
        .as("everyone and every reception on one of the board's pages")
        .containsAll(c.everyone());
    assertThat(drawn.all()).noneMatch(t -> t.startsWith("另有"));
    System.out.printf("%s at %s: %d pages%n", c, panel.size(), drawn.texts().size());
    // A page is as full as whole rows make it: the next page's first row would not have fitted
    // under its last one (a row measured taller than drawn leaves a screen half empty).
    for (int page = 0; page + 1 < drawn.fill().size(); page++) {
      assertThat(drawn.fill().get(page).roomLeft())
          .as("room left under page %d of %s at %s", page + 1, c, panel.size())
          .isLessThan(
              drawn.fill().get(page + 1).firstRow()
                  + Math.max(drawn.fill().get(page).gap(), drawn.fill().get(page + 1).gap()));
    }
    Integer budget = PAGE_BUDGET.get(c + " " + panel.size());
    if (budget != null) {
      assertThat(drawn.texts().size())
          .as("pages of %s at %s", c, panel.size())
          .isLessThanOrEqualTo(budget);
    }
    if (!drawn.bodies().isEmpty()) {
      String body = BoardFixtures.longNotice().body().replaceAll("\\s", "");
      assertThat(String.join("", drawn.bodies()).replaceAll("\\s", ""))
          .as("the whole notice, page after page")
          .isEqualTo(body);
      assertThat(drawn.texts().size()).isGreaterThan(1);
    }
  }

  static Stream<Arguments> smallestAndWalls() {
    return Stream.of(
        Arguments.of(Panel.PI_7_INCH),
        Arguments.of(Panel.WALL_32_INCH),
        Arguments.of(Panel.WALL_32_INCH_PORTRAIT));
  }

  /**
   * The deputies' sign-in code during a reception is the address of this minute's code (a phone
   * reads it off the screen), and the next minute's once the minute turns; the vote's code is the
   * report's ballot page.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("smallestAndWalls")
  void shouldShowScannableCodesForTheSignInOfThisMinuteAndForTheVote(Panel panel) {
    TestClock minute = TestClock.at("2026-11-24T10:00:30+08:00");
    StationContent content = BoardFixtures.withDuty(BoardFixtures.content());
    List<String> decoded =
        onFx(
            () -> {
              SignageScreen screen =
                  new SignageScreen(minute, CjkFonts.detect(), Portraits.none())
                      .readAtArmsLength(panel.readingDistanceMm() < 1000);
              screen.show(slide(Board.TODAY), Optional.of(content));
              List<String> out = new ArrayList<>();
              out.add(
                  Screens.decodeQrIn(
                      Screens.render(screen.root(), panel.widthPx(), panel.heightPx()),
                      screen.root().lookup(".sign-in-code .qr")));
              minute.advance(java.time.Duration.ofMinutes(1));
              screen.tick();
              javafx.scene.image.WritableImage next =
                  Screens.render(screen.root(), panel.widthPx(), panel.heightPx());
              Screens.save(next, "today-" + panel.size() + "-sign-in-next-minute");
              out.add(Screens.decodeQrIn(next, screen.root().lookup(".sign-in-code .qr")));
              screen.show(vote(VoteTally.State.OPEN, false, 3, 1, 0), Optional.of(content));
              out.add(
                  Screens.decodeQrIn(
                      Screens.render(screen.root(), panel.widthPx(), panel.heightPx()),
                      screen.root().lookup(".vote-code .qr")));
              return out;
            });

    Instant first = Instant.parse("2026-11-24T02:00:30Z");
    assertThat(decoded.get(0))
        .isEqualTo(BoardFixtures.SIGN_IN.addressFor("r-1", first))
        .startsWith("https://hub.example.cn/me/sign-in?r=r-1&c=");
    assertThat(decoded.get(1))
        .isEqualTo(BoardFixtures.SIGN_IN.addressFor("r-1", first.plusSeconds(60)))
        .isNotEqualTo(decoded.get(0));
    assertThat(decoded.get(2)).isEqualTo("https://hub.example.cn/r/vr-1");
  }

  static Stream<Arguments> wallScreens() {
    return Stream.of(Arguments.of(Panel.WALL_32_INCH), Arguments.of(Panel.WALL_32_INCH_PORTRAIT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wallScreens")
  void shouldShowTheEnrolmentCodeOfAScreenWithoutCredentialsUnderOneMessage(Panel panel) {
    EnrolmentState waiting =
        new EnrolmentState(
            EnrolmentState.Phase.WAITING,
            "K7QX-M4PD",
            OffsetDateTime.parse("2026-11-24T10:15:00+08:00"),
            null,
            null,
            false,
            "http://127.0.0.1:8080");
    List<String> texts = new ArrayList<>();
    List<String> problems =
        onFx(
            () -> {
              SignageScreen screen = new SignageScreen(clock, CjkFonts.detect(), Portraits.none());
              screen.show(new Syncing(clock.instant()), Optional.empty());
              screen.showEnrolment(
                  new EnrolmentPresenter(clock).present(waiting, Optional.empty()));
              Screens.save(
                  Screens.render(screen.root(), panel.widthPx(), panel.heightPx()),
                  "enrolment-" + panel.size() + "-waiting");
              texts.addAll(Screens.visibleTexts(screen.root()));
              return LayoutCheck.wall(panel).problems(screen.root());
            });

    assertThat(texts).contains("本机尚未登记", "K7QX-M4PD", "等待登记");
    assertThat(texts)
        .as("one message: waiting for enrolment, not content on its way")
        .doesNotContain("内容同步中")
        .anyMatch(t -> t.contains("本站名称尚未收到"))
        .noneMatch(t -> t.contains("s-001"));
    assertThat(problems).isEmpty();
  }

  static Stream<Arguments> staleSizes() {
    return Stream.of(
        Arguments.of(Panel.WALL_32_INCH),
        Arguments.of(Panel.WALL_32_INCH_PORTRAIT),
        Arguments.of(Panel.PI_7_INCH));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("staleSizes")
  void shouldSayHowOldTheContentIsOnceTheHubHasBeenUnheardForHalfAnHour(Panel panel) {
    Case today =
        new Case(
            "today", "stale", Optional.of(BoardFixtures.content()), slide(Board.TODAY), List.of());
    LinkStatus lost = LinkStatus.offline(OffsetDateTime.parse("2026-11-24T06:40:00+08:00"));

    clock.set(OffsetDateTime.parse("2026-11-24T07:09:59+08:00").toInstant());
    Drawn fresh = drawEveryPage(today, panel, Optional.of(lost));
    clock.set(OffsetDateTime.parse("2026-11-24T10:00:00+08:00").toInstant());
    Drawn stale = drawEveryPage(today, panel, Optional.of(lost));

    assertThat(fresh.all()).as("a blip is no news").noneMatch(t -> t.startsWith("内容更新于"));
    assertThat(stale.all()).contains("内容更新于 3 小时前", "updated 3 h ago");
    assertThat(stale.problems()).isEmpty();
  }

  @Test
  void shouldNotSayTheContentsAgeWhileTheHubIsHeard() {
    Case today =
        new Case(
            "today", "online", Optional.of(BoardFixtures.content()), slide(Board.TODAY), List.of());
    Drawn online =
        drawEveryPage(
            today,
            Panel.WALL_32_INCH,
            Optional.of(LinkStatus.online(OffsetDateTime.parse("2026-11-20T06:40:00+08:00"))));

    assertThat(online.all()).noneMatch(t -> t.startsWith("内容更新于"));
  }
}
