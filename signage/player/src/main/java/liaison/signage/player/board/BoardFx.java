package liaison.signage.player.board;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import liaison.signage.player.fx.WrapRow;
import liaison.signage.player.fx.WrappingLabel;
import liaison.signage.player.qr.QrCode;
import liaison.signage.player.qr.QrView;
import liaison.signage.player.text.Bilingual;
import org.jspecify.annotations.Nullable;

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

  /**
   * Running text, a name or a topic that wraps onto as many lines as it needs: nobody can tap a
   * wall screen to read what was cut short, so nothing is.
   */
  static Label wrapping(String styleClass, String text) {
    Label label = new WrappingLabel(text);
    label.getStyleClass().add(styleClass);
    label.setMinWidth(0);
    label.setMinHeight(Region.USE_PREF_SIZE);
    label.setMaxWidth(Double.MAX_VALUE);
    return label;
  }

  /**
   * The board's title, Chinese first, and a line beside it (a date, a count): at the right in
   * landscape, beneath the title on a portrait screen, which is too narrow for both. A board of
   * several pages says which one is on screen.
   */
  static Node title(
      BoardInput in,
      Bilingual title,
      String aside,
      @Nullable ReadOnlyIntegerProperty pages,
      @Nullable ReadOnlyIntegerProperty shown) {
    return title(title, aside, in.portrait(), pages, shown);
  }

  static Node title(Bilingual title, String aside, boolean portrait) {
    return title(title, aside, portrait, null, null);
  }

  static Node title(
      Bilingual title,
      String aside,
      boolean portrait,
      @Nullable ReadOnlyIntegerProperty pages,
      @Nullable ReadOnlyIntegerProperty shown) {
    Label zh = fixed("board-title", title.zh());
    // The English gives way first: it wraps in the room the Chinese and the aside leave.
    Label en = wrapping("board-title-en", title.en());
    en.setMaxWidth(Region.USE_PREF_SIZE);
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox row = new HBox(zh, en, gap);
    row.setAlignment(Pos.BASELINE_LEFT);
    row.getStyleClass().add("board-title-line");
    // Portrait: the aside and the page on a line of their own, which wraps if it must.
    WrapRow second = new WrapRow(0.6, 0.1);
    java.util.function.Consumer<Node> line = portrait ? second::add : row.getChildren()::add;
    boolean secondLine = false;
    if (!aside.isEmpty()) {
      line.accept(fixed("board-aside", aside));
      secondLine = true;
    }
    if (pages != null && shown != null) {
      Label mark = fixed("page-mark", "");
      mark.textProperty()
          .bind(
              Bindings.createStringBinding(
                  () -> "第 " + (shown.get() + 1) + " / " + pages.get() + " 页", pages, shown));
      mark.visibleProperty().bind(pages.greaterThan(1));
      mark.managedProperty().bind(mark.visibleProperty());
      line.accept(mark);
      secondLine = true;
    }
    Pane box = row;
    if (portrait && secondLine) {
      box = new VBox(row, second);
    }
    box.getStyleClass().add("board-title-row");
    box.setMinHeight(Region.USE_PREF_SIZE);
    return box;
  }

  /** A square QR code of {@code url}, {@code em} of the board's font on each side. */
  static QrView qr(String url, double em) {
    QrView qr = new QrView();
    qr.show(QrCode.of(url));
    String side = em + "em";
    qr.setStyle(
        "-fx-pref-width: %s; -fx-pref-height: %s; -fx-min-width: %s; -fx-min-height: %s; -fx-max-width: %s; -fx-max-height: %s;"
            .formatted(side, side, side, side, side, side));
    return qr;
  }

  /** A calm message where the board has nothing to list: never a blank area. */
  static Node message(Bilingual text, List<String> more) {
    VBox box = new VBox(wrapping("message", text.zh()), wrapping("message-en", text.en()));
    more.forEach(line -> box.getChildren().add(wrapping("message-more", line)));
    box.getStyleClass().add("message-box");
    return box;
  }

  static VBox board(Node title, Node... body) {
    VBox box = new VBox(title);
    box.getChildren().addAll(body);
    box.getStyleClass().add("board");
    VBox.setVgrow(box, Priority.ALWAYS);
    return box;
  }
}
