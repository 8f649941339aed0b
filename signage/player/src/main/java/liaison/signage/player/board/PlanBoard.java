package liaison.signage.player.board;

import static liaison.signage.player.board.BoardFx.fixed;
import static liaison.signage.player.board.BoardFx.wrapping;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import liaison.signage.player.fx.PagedGroups;
import liaison.signage.player.text.Bilingual;
import liaison.signage.player.text.Dates;
import liaison.signage.protocol.StationContent.Activity;
import liaison.signage.protocol.StationContent.Deputy;

/**
 * The coming activities of the station's annual plan (年度活动计划): a month (beside its activities on a
 * wide screen, above them on a portrait one), then a line an activity with its day and kind, the
 * theme, and where and with whom, as many pages as the plan needs.
 */
final class PlanBoard {
  static final Bilingual TITLE = Bilingual.of("年度活动计划", "Annual activity plan");
  static final Bilingual NONE =
      Bilingual.of("今年余下的日子暂无计划活动", "No more activities planned this year");

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");

  /** The deputies an activity names on screen; more are counted. */
  static final int NAMED = 2;

  private PlanBoard() {}

  static PagedBoard build(BoardInput in) {
    List<Activity> plan = in.content().planOrEmpty();
    String year = in.calendar().today().getYear() + "年";
    if (plan.isEmpty()) {
      return PagedBoard.single(
          BoardFx.board(
              BoardFx.title(in, TITLE, year, null, null), BoardFx.message(NONE, List.of())));
    }
    Map<YearMonth, List<Activity>> byMonth = new LinkedHashMap<>();
    plan.forEach(
        a -> byMonth.computeIfAbsent(YearMonth.from(a.date()), m -> new ArrayList<>()).add(a));
    List<PagedGroups.Group> months = new ArrayList<>();
    byMonth.forEach(
        (month, activities) ->
            months.add(
                new PagedGroups.Group(
                    month(month, false),
                    month(month, true),
                    activities.stream().map(a -> line(in, a)).toList())));
    PagedGroups pages =
        new PagedGroups(
            months,
            // The month above its activities, on a wide screen too: an 80-character theme needs
            // the width more than the month needs a column.
            PagedGroups.Shape.columns(1, 0, 0.2, 0.35),
            in.page());
    VBox.setVgrow(pages, Priority.ALWAYS);
    Node title = BoardFx.title(in, TITLE, year, pages.pages(), pages.shownPage());
    return new PagedBoard(BoardFx.board(title, pages), pages.pages());
  }

  /** The month's heading; again, marked 续, at the top of a page the month runs onto. */
  private static Node month(YearMonth month, boolean continued) {
    HBox box = new HBox(fixed("plan-month", month.getMonthValue() + "月"));
    box.setAlignment(Pos.BASELINE_LEFT);
    box.getStyleClass().add("plan-month-box");
    if (continued) {
      box.getChildren().add(fixed("week-continued", "续"));
    }
    return box;
  }

  /**
   * One activity: its day, weekday and kind, then the theme and where and with whom, each wrapping.
   */
  private static Node line(BoardInput in, Activity a) {
    Label day = fixed("plan-day", DAY.format(a.date()));
    Label weekday = fixed("plan-kind", Dates.weekdayZh(a.date().getDayOfWeek()));
    // A kind added after this station was built may be longer than the column: it wraps.
    Label kind = wrapping("plan-kind", a.kindZh());
    VBox when = new VBox(day, weekday, kind);
    when.getStyleClass().add("plan-when");
    VBox text = new VBox(wrapping("plan-theme", a.theme()));
    String where = where(in, a);
    if (!where.isEmpty()) {
      text.getChildren().add(wrapping("plan-where", where));
    }
    text.setMinWidth(0);
    HBox.setHgrow(text, Priority.ALWAYS);
    HBox line = new HBox(when, text);
    line.getStyleClass().add("plan-line");
    line.setAlignment(Pos.TOP_LEFT);
    line.setMinWidth(0);
    return line;
  }

  /**
   * The place and the deputies taking part, those the snapshot names: two at most, then how many in
   * all, so one activity never outgrows a page.
   */
  private static String where(BoardInput in, Activity a) {
    List<String> all =
        a.deputyIds().stream()
            .flatMap(id -> in.content().deputy(id).stream())
            .map(Deputy::name)
            .toList();
    String names =
        all.size() <= NAMED
            ? String.join("、", all)
            : String.join("、", all.subList(0, NAMED)) + " 等 " + all.size() + " 位代表";
    return names.isEmpty() ? a.place() : a.place().isEmpty() ? names : a.place() + " · " + names;
  }
}
