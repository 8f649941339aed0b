package liaison.signage.player.board;

import static liaison.signage.player.board.BoardFx.fixed;
import static liaison.signage.player.board.BoardFx.wrapping;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import liaison.signage.player.fx.FillingText;
import liaison.signage.protocol.NoticePriority;
import liaison.signage.protocol.StationAlert;

/**
 * An urgent notice interrupting the loop, framed in red on the usual page; an emergency notice
 * takes the whole screen in red until it expires or the hub clears it. Its title and text grow to
 * fill the frame, whatever the screen's size: it must be read from across the hall.
 */
final class AlertBoard {
  private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("M月d日 HH:mm");

  private AlertBoard() {}

  static Node build(StationAlert alert, ZoneId zone) {
    boolean emergency = alert.priority() == NoticePriority.EMERGENCY;
    Label tag = fixed("alert-tag", emergency ? "紧急通知  EMERGENCY" : "重要通知  URGENT");
    FillingText text = new FillingText(0.35, 3);
    text.add("alert-title", alert.title(), 1.5);
    text.add("alert-body", alert.body(), 1.1);
    VBox.setVgrow(text, Priority.ALWAYS);
    VBox box = new VBox(tag, text);
    if (alert.validUntil() != null) {
      String until = UNTIL.format(alert.validUntil().atZoneSameInstant(zone));
      box.getChildren().add(wrapping("alert-until", "有效期至 " + until + " · until " + until));
    }
    box.getStyleClass().addAll("alert", emergency ? "emergency" : "urgent");
    VBox.setVgrow(box, Priority.ALWAYS);
    return box;
  }
}
