package liaison.signage.player.board;

import static liaison.signage.player.board.BoardFx.fixed;
import static liaison.signage.player.board.BoardFx.wrapping;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import liaison.signage.player.fx.WrapRow;
import liaison.signage.player.text.Dates;
import liaison.signage.protocol.ReceptionStatus;
import liaison.signage.protocol.StationContent.Deputy;
import liaison.signage.protocol.StationContent.Reception;
import liaison.signage.protocol.StationContent.Report;

/**
 * One reception as a compact line: its time, then who receives and the topic beneath, each wrapping
 * as it needs; never cut short. The week lists its receptions so, and a busy day's board too (with
 * where and whether it is on now), so twelve receptions take a few pages, not twelve.
 */
final class ReceptionLineFx {
  private ReceptionLineFx() {}

  /** A line of the week: when, who, the topic. */
  static Node week(BoardInput in, Reception r) {
    return line(in, r, false);
  }

  /** A line of a busy day: when (and whether it is on now, or cancelled), who, the topic, where. */
  static Node today(BoardInput in, Reception r) {
    return line(in, r, true);
  }

  private static Node line(BoardInput in, Reception r, boolean today) {
    Label window = fixed("week-window", Dates.window(r.start(), r.end()));
    Label who = wrapping("week-who", names(in, r));
    Label theme =
        r.theme() == null || r.theme().isBlank() ? null : wrapping("week-theme", r.theme());
    if (!today) {
      // Who receives, and the topic beneath in a quieter type: each wraps as it needs.
      VBox text = new VBox(who);
      if (theme != null) {
        text.getChildren().add(theme);
      }
      text.setMinWidth(0);
      HBox.setHgrow(text, Priority.ALWAYS);
      HBox line = new HBox(window, text);
      line.getStyleClass().addAll("week-line", "week-row");
      line.setAlignment(Pos.TOP_LEFT);
      line.setMinWidth(0);
      return line;
    }
    // A busy day: the time (whether it is on now) and the place on a line, the place beneath the
    // time when it is long; then who receives and the topic, so a reception takes three lines or
    // four where most would take six.
    WrapRow head = new WrapRow(0.5, 0.05, window);
    if (r.status() == ReceptionStatus.CANCELLED) {
      head.add(fixed("tag-cancelled", "已取消 Cancelled"));
    } else if (in.calendar().inProgress(r)) {
      head.add(fixed("tag-now", "正在接待 Now"));
    }
    if (!r.location().isBlank()) {
      head.add(wrapping("agenda-where", r.location()));
    }
    VBox line = new VBox(head, who);
    if (theme != null) {
      line.getChildren().add(theme);
    }
    line.getStyleClass().addAll("week-line", "agenda-row");
    if (r.status() == ReceptionStatus.CANCELLED) {
      line.getStyleClass().add("cancelled");
    }
    line.setMinWidth(0);
    return line;
  }

  /**
   * A report to voters (述职) on the schedule, beside the receptions: its time tagged 述职, the deputy,
   * and the report's title; on today's board ({@code today}) as a busy day's line, with whether it
   * is on now, else as a line of the week.
   */
  static Node report(BoardInput in, Report r, boolean today) {
    ZoneId zone = in.content().station().zone();
    Label window =
        fixed(
            "week-window",
            Dates.window(
                r.starts().atZoneSameInstant(zone).toLocalTime(),
                r.ends().atZoneSameInstant(zone).toLocalTime()));
    Label tag = fixed("tag-report", "述职 Report to voters");
    Label who = wrapping("week-who", r.deputyName() + " 代表向选民述职");
    Label title = r.title().isBlank() ? null : wrapping("week-theme", r.title());
    if (!today) {
      // As the week's receptions: the time, then the tag, who and the title beside it.
      VBox text = new VBox(new WrapRow(0.5, 0.05, tag), who);
      if (title != null) {
        text.getChildren().add(title);
      }
      text.setMinWidth(0);
      HBox.setHgrow(text, Priority.ALWAYS);
      HBox line = new HBox(window, text);
      line.getStyleClass().addAll("week-line", "week-row", "report-line");
      line.setAlignment(Pos.TOP_LEFT);
      line.setMinWidth(0);
      return line;
    }
    WrapRow head = new WrapRow(0.5, 0.05, window, tag);
    if (r.isUnderWayAt(in.calendar().now().toOffsetDateTime())) {
      head.add(fixed("tag-now", "正在进行 Now"));
    }
    VBox line = new VBox(head, who);
    if (title != null) {
      line.getChildren().add(title);
    }
    line.getStyleClass().addAll("week-line", "agenda-row", "report-line");
    line.setMinWidth(0);
    return line;
  }

  /** The station's reports to voters on {@code day}, in time order. */
  static List<Report> reportsOn(BoardInput in, LocalDate day) {
    ZoneId zone = in.content().station().zone();
    return in.content().dutyOrEmpty().reports().stream()
        .filter(r -> r.starts().atZoneSameInstant(zone).toLocalDate().equals(day))
        .toList();
  }

  /** When a report starts on the station's clock, to order it among the day's receptions. */
  static LocalTime start(BoardInput in, Report r) {
    return r.starts().atZoneSameInstant(in.content().station().zone()).toLocalTime();
  }

  private static String names(BoardInput in, Reception r) {
    String names =
        in.calendar().deputiesOf(r).stream().map(Deputy::name).collect(Collectors.joining("、"));
    return names.isEmpty() ? "待定 To be announced" : names;
  }
}
