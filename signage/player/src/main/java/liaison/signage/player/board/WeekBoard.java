package liaison.signage.player.board;

import static liaison.signage.player.board.BoardFx.fixed;
import static liaison.signage.player.board.BoardFx.label;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import liaison.signage.player.text.Bilingual;
import liaison.signage.player.text.Dates;
import liaison.signage.protocol.ReceptionStatus;
import liaison.signage.protocol.StationContent.Deputy;
import liaison.signage.protocol.StationContent.Reception;

/** This week's receptions: today and the six days after, one row per reception. */
final class WeekBoard {
  static final Bilingual TITLE = Bilingual.of("近期接待安排", "Receptions this week");
  static final Bilingual NONE = Bilingual.of("未来七天暂无代表接待安排", "No reception in the next seven days");

  private WeekBoard() {}

  static Node build(BoardInput in) {
    List<Reception> rows = new ArrayList<>();
    in.calendar().todaysReceptions().stream()
        .filter(r -> r.status() != ReceptionStatus.CANCELLED)
        .forEach(rows::add);
    rows.addAll(in.calendar().upcoming(6));
    String period = Dates.day(in.calendar().today()).zh() + " 起七天";
    Node title = BoardFx.title(in, TITLE, period);
    if (rows.isEmpty()) {
      return BoardFx.board(title, BoardFx.message(NONE, List.of()));
    }
    GridPane grid = new GridPane();
    grid.getStyleClass().add("week-grid");
    int shown = in.portrait() ? portrait(in, rows, grid) : landscape(in, rows, grid);
    VBox body = new VBox(grid);
    if (rows.size() > shown) {
      body.getChildren().add(BoardFx.more(rows.size() - shown, "场接待"));
    }
    return BoardFx.board(title, body);
  }

  /** One line a reception: day (once a day), time, who, theme. Returns how many fit. */
  private static int landscape(BoardInput in, List<Reception> rows, GridPane grid) {
    int room = 6;
    String lastDay = "";
    for (int row = 0; row < Math.min(room, rows.size()); row++) {
      Reception r = rows.get(row);
      String day = Dates.day(r.date()).zh();
      // The day once per day: the rows beneath it are the same day.
      grid.add(fixed("week-day", day.equals(lastDay) ? "" : day), 0, row);
      lastDay = day;
      grid.add(fixed("week-window", Dates.window(r.start(), r.end())), 1, row);
      Node who = label("week-who", names(in, r));
      GridPane.setHgrow(who, Priority.ALWAYS);
      grid.add(who, 2, row);
      grid.add(label("week-theme", r.theme() == null ? "" : r.theme()), 3, row);
    }
    return Math.min(room, rows.size());
  }

  /**
   * Too narrow for four columns: each day as a heading line, then a line a reception with its time
   * and who receives. Returns how many receptions fit in the lines there is room for.
   */
  private static int portrait(BoardInput in, List<Reception> rows, GridPane grid) {
    int lines = 13;
    int line = 0;
    int shown = 0;
    String lastDay = "";
    for (Reception r : rows) {
      String day = Dates.day(r.date()).zh();
      int needed = day.equals(lastDay) ? 1 : 2;
      boolean last = shown == rows.size() - 1;
      // Keep a line for "n more" unless this is the last reception.
      if (line + needed > (last ? lines : lines - 1)) {
        break;
      }
      if (!day.equals(lastDay)) {
        grid.add(fixed("week-day", day), 0, line++, 2, 1);
        lastDay = day;
      }
      grid.add(fixed("week-window", Dates.window(r.start(), r.end())), 0, line);
      Node who = label("week-who", names(in, r));
      GridPane.setHgrow(who, Priority.ALWAYS);
      grid.add(who, 1, line++);
      shown++;
    }
    return shown;
  }

  private static String names(BoardInput in, Reception r) {
    String names =
        in.calendar().deputiesOf(r).stream().map(Deputy::name).collect(Collectors.joining("、"));
    return names.isEmpty() ? "待定 To be announced" : names;
  }
}
