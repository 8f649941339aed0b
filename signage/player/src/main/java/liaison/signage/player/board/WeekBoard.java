package liaison.signage.player.board;

import static liaison.signage.player.board.BoardFx.fixed;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import liaison.signage.player.fx.PagedGroups;
import liaison.signage.player.text.Bilingual;
import liaison.signage.player.text.Dates;
import liaison.signage.protocol.ReceptionStatus;
import liaison.signage.protocol.StationContent.Reception;
import liaison.signage.protocol.StationContent.Report;

/**
 * This week's receptions, today and the six days after: a day (beside its receptions on a wide
 * screen, above them on a portrait one), then a line a reception with its time, who receives and
 * the topic, as many pages as the week needs.
 */
final class WeekBoard {
  static final Bilingual TITLE = Bilingual.of("近期接待安排", "Coming receptions");
  static final Bilingual NONE = Bilingual.of("未来七天暂无代表接待安排", "No reception in the next seven days");

  private static final java.time.format.DateTimeFormatter DAY =
      java.time.format.DateTimeFormatter.ofPattern("M月d日");

  private WeekBoard() {}

  static PagedBoard build(BoardInput in) {
    List<Reception> rows = new ArrayList<>();
    in.calendar().todaysReceptions().stream()
        .filter(r -> r.status() != ReceptionStatus.CANCELLED)
        .forEach(rows::add);
    rows.addAll(in.calendar().upcoming(6));
    // Reports to voters (述职) stand among the receptions of their day, in the order of their start.
    Map<LocalDate, List<Map.Entry<LocalTime, Node>>> byDay = new TreeMap<>();
    rows.forEach(
        r ->
            byDay
                .computeIfAbsent(r.date(), d -> new ArrayList<>())
                .add(Map.entry(r.start(), ReceptionLineFx.week(in, r))));
    LocalDate today = in.calendar().today();
    for (int d = 0; d <= 6; d++) {
      for (Report r : ReceptionLineFx.reportsOn(in, today.plusDays(d))) {
        byDay
            .computeIfAbsent(today.plusDays(d), x -> new ArrayList<>())
            .add(Map.entry(ReceptionLineFx.start(in, r), ReceptionLineFx.report(in, r, false)));
      }
    }
    String period = "七天内 · 7 days";
    if (byDay.isEmpty()) {
      return PagedBoard.single(
          BoardFx.board(
              BoardFx.title(in, TITLE, period, null, null), BoardFx.message(NONE, List.of())));
    }
    List<PagedGroups.Group> days = new ArrayList<>();
    byDay.forEach(
        (day, lines) ->
            days.add(
                new PagedGroups.Group(
                    day(in, day, false),
                    day(in, day, true),
                    lines.stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(Map.Entry::getValue)
                        .toList())));
    PagedGroups pages =
        new PagedGroups(
            days,
            in.portrait()
                ? PagedGroups.Shape.columns(1, 0, 0.2, 0.35)
                : PagedGroups.Shape.beside(6, 0.25, 0.45),
            in.page());
    VBox.setVgrow(pages, Priority.ALWAYS);
    Node title = BoardFx.title(in, TITLE, period, pages.pages(), pages.shownPage());
    return new PagedBoard(BoardFx.board(title, pages), pages.pages());
  }

  /**
   * The day's heading; again, marked 续, at the top of a page the day runs onto. Beside the
   * receptions the weekday stands under the date, so the column stays narrow.
   */
  private static Node day(BoardInput in, LocalDate day, boolean continued) {
    HBox tags = new HBox(fixed("week-weekday", Dates.weekdayZh(day.getDayOfWeek())));
    tags.setAlignment(Pos.BASELINE_LEFT);
    tags.getStyleClass().add("week-day-box");
    if (day.equals(in.calendar().today())) {
      tags.getChildren().add(fixed("tag-today", "今天"));
    }
    if (continued) {
      tags.getChildren().add(fixed("week-continued", "续"));
    }
    Label date = fixed("week-day", DAY.format(day));
    if (in.portrait()) {
      tags.getChildren().addFirst(date);
      return tags;
    }
    VBox box = new VBox(date, tags);
    box.getStyleClass().add("week-day-column");
    return box;
  }
}
