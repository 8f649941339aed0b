package liaison.kiosk.fx;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import liaison.signage.player.text.Bilingual;

/** The few building blocks every kiosk page is made of. */
public final class Ui {
  private Ui() {}

  public static Label label(String styleClass) {
    Label label = new Label();
    label.getStyleClass().add(styleClass);
    return label;
  }

  public static Label label(String styleClass, String text) {
    Label label = label(styleClass);
    label.setText(text);
    return label;
  }

  /** A label that keeps its whole text: a time, a tag, a chip. */
  public static Label fixed(String styleClass, String text) {
    Label label = label(styleClass, text);
    label.setMinWidth(Region.USE_PREF_SIZE);
    return label;
  }

  /** A label that takes the rest of its row and gives way first, ending in an ellipsis. */
  public static Label shrinking(String styleClass, String text) {
    Label label = label(styleClass, text);
    label.setMinWidth(0);
    HBox.setHgrow(label, Priority.ALWAYS);
    return label;
  }

  /** Sets a pair of labels: the chosen language in the first, the other in the second. */
  public static void bilingual(Label primary, Label secondary, Bilingual text, boolean english) {
    primary.setText(text.primary(english));
    secondary.setText(text.secondary(english));
  }

  /** A section title with its translation beside it. */
  public static HBox section(Label title, Label sub) {
    title.getStyleClass().add("section-title");
    sub.getStyleClass().add("section-title-en");
    title.setMinWidth(Region.USE_PREF_SIZE);
    sub.setMinWidth(0);
    HBox box = new HBox(title, sub);
    box.getStyleClass().add("section");
    box.setAlignment(Pos.BASELINE_LEFT);
    return box;
  }

  public static HBox section(Bilingual text, boolean english) {
    return section(
        label("section-title", text.primary(english)),
        label("section-title-en", text.secondary(english)));
  }

  /** A calm message where content would be: never a blank area. */
  public static Node placeholder(Bilingual text, boolean english) {
    Label main = label("placeholder", text.primary(english));
    main.setWrapText(true);
    Label sub = label("placeholder-en", text.secondary(english));
    sub.setWrapText(true);
    VBox box = new VBox(main, sub);
    box.getStyleClass().add("placeholder-box");
    return box;
  }

  /**
   * A touch button with its label in the chosen language and the other below, at least 9 mm high on
   * a 7-inch panel (the stylesheet's min height).
   */
  public static VBox button(Bilingual text, boolean english, String styleClass, Runnable action) {
    Label main = label("button-text", text.primary(english));
    Label sub = label("button-sub", text.secondary(english));
    main.setMinWidth(0);
    sub.setMinWidth(0);
    VBox box = new VBox(main, sub);
    box.getStyleClass().addAll("touch", styleClass);
    box.setAlignment(Pos.CENTER);
    box.setOnMouseClicked(
        e -> {
          if (!box.isDisabled()) {
            action.run();
          }
        });
    return box;
  }
}
