package liaison.signage.player.board;

import static liaison.signage.player.fx.FxToolkit.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.image.WritableImage;
import liaison.signage.player.enrol.EnrolmentPresenter;
import liaison.signage.player.enrol.EnrolmentState;
import liaison.signage.player.fx.CjkFonts;
import liaison.signage.player.fx.FxToolkit;
import liaison.signage.player.fx.Portraits;
import liaison.signage.player.fx.Screens;
import liaison.signage.player.loop.OnScreen;
import liaison.signage.player.loop.OnScreen.Interrupt;
import liaison.signage.player.loop.OnScreen.Slide;
import liaison.signage.player.loop.OnScreen.Syncing;
import liaison.signage.protocol.Board;
import liaison.signage.protocol.NoticePriority;
import liaison.signage.protocol.StationContent;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every board in both orientations, rendered headless: PNGs under target/screens/ to look at, the
 * texts a passer-by should read, nothing cut off, and no text under the stated minimum height.
 */
@ExtendWith(FxToolkit.class)
class SignageScreenTest {
  private final TestClock clock = TestClock.at("2026-11-24T10:00:00+08:00");

  record Size(String name, int width, int height) {}

  static final Size LANDSCAPE = new Size("landscape", 1920, 1080);
  static final Size PORTRAIT = new Size("portrait", 1080, 1920);

  record Case(
      String name, Optional<StationContent> content, OnScreen onScreen, List<String> expected) {}

  static List<Case> cases() {
    Instant at = Instant.parse("2026-11-24T02:00:00Z");
    Optional<StationContent> content = Optional.of(BoardFixtures.content());
    Optional<StationContent> quiet =
        Optional.of(BoardFixtures.content(BoardFixtures.deputies(40), List.of(), List.of(), false));
    return List.of(
        new Case(
            "syncing",
            Optional.empty(),
            new Syncing(at),
            List.of("内容同步中", "Content on its way", "人大代表联络站 · s-001", "站点编号 Station s-001")),
        new Case(
            "today",
            content,
            slide(Board.TODAY, at),
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
            content,
            slide(Board.WEEK, at),
            List.of("近期接待安排", "11月24日 星期二", "11月25日 星期三", "赵德明、孙丽娟", "陈秀兰、刘春梅")),
        new Case(
            "roster",
            content,
            slide(Board.ROSTER, at),
            List.of(
                "进站代表", "共 9 位 · 9 deputies", "全国人大代表", "National", "乡镇人大代表", "Township", "周文斌")),
        new Case(
            "notice",
            content,
            new Slide(Board.NOTICES, Optional.of("n-1"), at, at.plusSeconds(15)),
            List.of("通知公告", "11月代表集中接待日安排", "1 / 3")),
        new Case(
            "notice-long",
            content,
            new Slide(Board.NOTICES, Optional.of("n-2"), at, at.plusSeconds(15)),
            List.of("关于征集2027年民生实事项目的公告", "2 / 3")),
        new Case(
            "results",
            content,
            slide(Board.RESULTS, at),
            List.of("意见办理情况", "128", "117", "91%", "满意 86（77%）", "不满意 4")),
        new Case(
            "urgent",
            content,
            new Interrupt(
                BoardFixtures.alert(NoticePriority.URGENT), at, Optional.of(at.plusSeconds(30))),
            List.of("重要通知  URGENT", "明日上午代表接待改在镇政府三楼会议室", "青溪县城关镇人大代表之家")),
        new Case(
            "emergency",
            content,
            new Interrupt(BoardFixtures.alert(NoticePriority.EMERGENCY), at, Optional.empty()),
            List.of("紧急通知  EMERGENCY", "寒潮蓝色预警：今晚停止户外接待")),
        new Case(
            "today-none",
            quiet,
            slide(Board.TODAY, at),
            List.of("今天没有安排代表接待", "No deputy receives visitors today")),
        new Case("week-none", quiet, slide(Board.WEEK, at), List.of("未来七天暂无代表接待安排")),
        new Case("roster-40", quiet, slide(Board.ROSTER, at), List.of("共 40 位 · 40 deputies")));
  }

  private static Slide slide(Board board, Instant at) {
    return new Slide(board, Optional.empty(), at, at.plusSeconds(15));
  }

  static Stream<Arguments> everyBoardBothWays() {
    return cases().stream()
        .flatMap(c -> Stream.of(Arguments.of(c, LANDSCAPE), Arguments.of(c, PORTRAIT)));
  }

  @ParameterizedTest(name = "{1} {0}")
  @MethodSource("everyBoardBothWays")
  void shouldShowEveryBoardReadablyInBothOrientations(Case c, Size size) {
    List<String> texts = new ArrayList<>();
    List<String> tooSmall = new ArrayList<>();
    List<String> cutOff =
        onFx(
            () -> {
              SignageScreen screen =
                  new SignageScreen("s-001", clock, CjkFonts.detect(), Portraits.none());
              screen.show(c.onScreen(), c.content());
              WritableImage image = Screens.render(screen.root(), size.width(), size.height());
              Screens.save(image, "signage-" + c.name() + "-" + size.name());
              texts.addAll(Screens.visibleTexts(screen.root()));
              smallerThan(screen.root(), SignageScreen.MIN_TEXT_PX - 0.01, tooSmall);
              return Screens.cutOff(screen.root());
            });

    assertThat(texts).containsAll(c.expected());
    assertThat(cutOff).as("texts cut off").isEmpty();
    assertThat(tooSmall).as("texts under %s px", SignageScreen.MIN_TEXT_PX).isEmpty();
  }

  static Stream<Arguments> bothWays() {
    return Stream.of(Arguments.of(LANDSCAPE), Arguments.of(PORTRAIT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bothWays")
  void shouldShowTheEnrolmentCodeOfAScreenWithoutCredentialsUnderItsBoard(Size size) {
    EnrolmentState waiting =
        new EnrolmentState(
            EnrolmentState.Phase.WAITING,
            "K7QX-M4PD",
            java.time.OffsetDateTime.parse("2026-11-24T10:15:00+08:00"),
            null,
            null,
            false,
            "http://127.0.0.1:8080");
    List<String> texts = new ArrayList<>();
    List<String> tooSmall = new ArrayList<>();
    List<String> cutOff =
        onFx(
            () -> {
              SignageScreen screen =
                  new SignageScreen("s-001", clock, CjkFonts.detect(), Portraits.none());
              screen.show(new Syncing(clock.instant()), Optional.empty());
              screen.showEnrolment(new EnrolmentPresenter(clock).present(waiting, "s-001"));
              Screens.save(
                  Screens.render(screen.root(), size.width(), size.height()),
                  "signage-enrolment-" + size.name());
              texts.addAll(Screens.visibleTexts(screen.root()));
              smallerThan(screen.root(), SignageScreen.MIN_TEXT_PX - 0.01, tooSmall);
              return Screens.cutOff(screen.root());
            });

    assertThat(texts).contains("本机尚未登记", "K7QX-M4PD", "内容同步中");
    assertThat(cutOff).isEmpty();
    assertThat(tooSmall).isEmpty();
  }

  private static void smallerThan(Node node, double px, List<String> out) {
    if (!node.isVisible()) {
      return;
    }
    if (node instanceof Labeled l && !l.getText().isEmpty() && l.getFont().getSize() < px) {
      out.add("'" + l.getText() + "' at " + l.getFont().getSize() + " px");
    }
    if (node instanceof Parent p) {
      p.getChildrenUnmodifiable().forEach(child -> smallerThan(child, px, out));
    }
  }
}
