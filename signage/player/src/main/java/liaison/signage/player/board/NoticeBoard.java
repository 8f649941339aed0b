package liaison.signage.player.board;

import static liaison.signage.player.board.BoardFx.fixed;
import static liaison.signage.player.board.BoardFx.wrapping;

import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import liaison.signage.player.fx.PagedText;
import liaison.signage.player.text.Bilingual;
import liaison.signage.protocol.NoticePriority;
import liaison.signage.protocol.StationContent.Notice;

/** One notice in full, a screenful a page: a long notice takes as many pages as it needs. */
final class NoticeBoard {
  static final Bilingual TITLE = Bilingual.of("通知公告", "Notices");
  private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("M月d日 HH:mm");

  /** A column of a notice's text holds at least this many characters: a line the eye follows. */
  static final double NOTICE_COLUMN_EM = 18;

  private NoticeBoard() {}

  static PagedBoard build(BoardInput in, String noticeId, int index, int count) {
    String which = count > 1 ? (index + 1) + " / " + count : "";
    Notice notice =
        in.content().notices().stream()
            .filter(n -> n.id().equals(noticeId))
            .findFirst()
            .orElse(null);
    if (notice == null) {
      return PagedBoard.single(
          BoardFx.board(
              BoardFx.title(in, TITLE, which, null, null),
              BoardFx.message(
                  Bilingual.of("该通知已撤下", "This notice has been withdrawn"), List.of())));
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
    // At the screen's smallest text, in columns of at least 18 characters where the screen is wide.
    PagedText body = new PagedText(notice.body(), "notice-body", in.page(), NOTICE_COLUMN_EM);
    VBox.setVgrow(body, Priority.ALWAYS);
    VBox box = new VBox(head, body);
    if (notice.validUntil() != null) {
      String until =
          UNTIL.format(notice.validUntil().atZoneSameInstant(in.content().station().zone()));
      box.getChildren().add(wrapping("notice-until", "有效期至 " + until + " · valid until " + until));
    }
    box.getStyleClass().add("notice");
    VBox.setVgrow(box, Priority.ALWAYS);
    Node title = BoardFx.title(in, TITLE, which, body.pages(), body.shownPage());
    return new PagedBoard(BoardFx.board(title, box), body.pages());
  }
}
