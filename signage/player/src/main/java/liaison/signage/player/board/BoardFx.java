package liaison.signage.player.board;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import liaison.signage.player.text.Bilingual;

/** The building blocks of every board: labels in the board's type scale, titles, a calm message. */
final class BoardFx {
  private BoardFx() {}

  static Label label(String styleClass, String text) {
    Label label = new Label(text);
    label.getStyleClass().add(styleClass);
    label.setMinWidth(0);
    // Never squashed to nothing when a board is too full: what does not fit shows as cut off.
    label.setMinHeight(Region.USE_PREF_SIZE);
    return label;
  }

  /** A label that keeps its whole text: a time, a figure, a tag. */
  static Label fixed(String styleClass, String text) {
    Label label = label(styleClass, text);
    label.setMinWidth(Region.USE_PREF_SIZE);
    return label;
  }

  /** Running text that wraps and ends in an ellipsis where the board ends. */
  static Label wrapping(String styleClass, String text) {
    Label label = label(styleClass, text);
    label.setWrapText(true);
    label.setMaxWidth(Double.MAX_VALUE);
    return label;
  }

  /**
   * The board's title, Chinese first, and a line beside it (a date, a period): at the right in
   * landscape, beneath the title on a portrait screen, which is too narrow for both.
   */
  static Node title(BoardInput in, Bilingual title, String aside) {
    return title(title, aside, in.portrait());
  }

  static Node title(Bilingual title, String aside, boolean portrait) {
    Label zh = fixed("board-title", title.zh());
    Label en = label("board-title-en", title.en());
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox row = new HBox(zh, en, gap);
    row.setAlignment(Pos.BASELINE_LEFT);
    row.getStyleClass().add("board-title-line");
    Pane box = row;
    if (!aside.isEmpty() && portrait) {
      box = new VBox(row, fixed("board-aside", aside));
    } else if (!aside.isEmpty()) {
      row.getChildren().add(fixed("board-aside", aside));
    }
    box.getStyleClass().add("board-title-row");
    box.setMinHeight(Region.USE_PREF_SIZE);
    return box;
  }

  /** A calm message where the board has nothing to list: never a blank area. */
  static Node message(Bilingual text, List<String> more) {
    VBox box = new VBox(wrapping("message", text.zh()), wrapping("message-en", text.en()));
    more.forEach(line -> box.getChildren().add(wrapping("text", line)));
    box.getStyleClass().add("message-box");
    return box;
  }

  /** What did not fit: "另有 3 场接待 · 3 more". */
  static Label more(int count, String unitZh) {
    return fixed("more", "另有 " + count + " " + unitZh + " · " + count + " more");
  }

  static VBox board(Node title, Node... body) {
    VBox box = new VBox(title);
    box.getChildren().addAll(body);
    box.getStyleClass().add("board");
    VBox.setVgrow(box, Priority.ALWAYS);
    return box;
  }
}
