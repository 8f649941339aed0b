package liaison.signage.player.board;

import static liaison.signage.player.board.BoardFx.fixed;
import static liaison.signage.player.board.BoardFx.wrapping;

import java.time.format.DateTimeFormatter;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import liaison.signage.player.text.Bilingual;
import liaison.signage.protocol.NoticePriority;
import liaison.signage.protocol.StationContent.Notice;

/**
 * One notice in full, as large as it fits; the rest of a long text is on the kiosk and the notice
 * board.
 */
final class NoticeBoard {
  static final Bilingual TITLE = Bilingual.of("通知公告", "Notices");
  private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("M月d日 HH:mm");

  private NoticeBoard() {}

  static Node build(BoardInput in, String noticeId, int index, int count) {
    Node title = BoardFx.title(in, TITLE, count > 1 ? (index + 1) + " / " + count : "");
    Notice notice =
        in.content().notices().stream()
            .filter(n -> n.id().equals(noticeId))
            .findFirst()
            .orElse(null);
    if (notice == null) {
      return BoardFx.board(
          title,
          BoardFx.message(
              Bilingual.of("该通知已撤下", "This notice has been withdrawn"), java.util.List.of()));
    }
    HBox head = new HBox();
    head.getStyleClass().add("notice-head");
    if (notice.priority() != NoticePriority.NORMAL) {
      head.getChildren()
          .add(
              fixed(
                  "tag-urgent",
                  notice.priority() == NoticePriority.EMERGENCY ? "紧急 Emergency" : "重要 Urgent"));
    }
    Label headline = wrapping("notice-title", notice.title());
    HBox.setHgrow(headline, Priority.ALWAYS);
    head.getChildren().add(headline);
    Label body = wrapping("notice-body", notice.body());
    VBox.setVgrow(body, Priority.ALWAYS);
    body.setMaxHeight(Double.MAX_VALUE);
    body.setMinHeight(0);
    VBox box = new VBox(head, body);
    if (notice.validUntil() != null) {
      String until =
          UNTIL.format(notice.validUntil().atZoneSameInstant(in.content().station().zone()));
      box.getChildren().add(wrapping("notice-until", "有效期至 " + until + " · valid until " + until));
    }
    box.getStyleClass().add("notice");
    VBox.setVgrow(box, Priority.ALWAYS);
    return BoardFx.board(title, box);
  }
}
