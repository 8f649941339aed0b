package liaison.kiosk.enrol;

import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import liaison.kiosk.fx.Ui;
import liaison.signage.player.enrol.EnrolmentPanel;

/**
 * The panel over the kiosk's frame while the screen waits to be enrolled: the code large enough to
 * read from a few steps away, in letters that cannot be mistaken (no 0/O, 1/I/L).
 */
public final class EnrolmentView extends VBox {
  private final Label title = Ui.label("enrolment-title");
  private final Label titleOther = Ui.label("enrolment-title-other");
  private final Label code = Ui.label("enrolment-code");
  private final Label instruction = Ui.label("enrolment-instruction");
  private final Label instructionOther = Ui.label("enrolment-instruction-other");
  private final Label detail = Ui.label("enrolment-detail");
  private final Label station = Ui.label("enrolment-station");
  private Optional<EnrolmentPanel> shown = Optional.empty();
  private boolean english;

  public EnrolmentView() {
    getStyleClass().add("enrolment");
    setId("enrolment");
    setAlignment(Pos.CENTER);
    for (Label l :
        new Label[] {title, titleOther, instruction, instructionOther, detail, station}) {
      l.setWrapText(true);
      l.setMaxWidth(Double.MAX_VALUE);
      l.setAlignment(Pos.CENTER);
    }
    code.setId("enrolment-code");
    code.setMinWidth(USE_PREF_SIZE);
    getChildren().addAll(title, titleOther, code, instruction, instructionOther, detail, station);
    setVisible(false);
  }

  /**
   * The whole screen's panel: everything one under the other, centred; or the band: the code at the
   * left and what to do with it beside, so the band stays low and the page above it readable.
   */
  private void arrange(boolean compact) {
    if (compact) {
      VBox words = new VBox(title, instruction, detail, station);
      words.getStyleClass().add("enrolment-words");
      words.setAlignment(Pos.CENTER_LEFT);
      words.setMinWidth(0);
      HBox.setHgrow(words, javafx.scene.layout.Priority.ALWAYS);
      for (Label l : new Label[] {title, instruction, detail, station}) {
        l.setAlignment(Pos.CENTER_LEFT);
        l.setTextAlignment(javafx.scene.text.TextAlignment.LEFT);
      }
      HBox row = new HBox(code, words);
      row.setAlignment(Pos.CENTER_LEFT);
      row.getStyleClass().add("enrolment-row");
      getChildren().setAll(row);
    } else {
      for (Label l : new Label[] {title, instruction, detail, station}) {
        l.setAlignment(Pos.CENTER);
        l.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
      }
      getChildren().setAll(title, titleOther, code, instruction, instructionOther, detail, station);
    }
  }

  /**
   * Shows the panel, or hides it (enrolled). Redraws only when something changed.
   *
   * @param compact a band along the bottom instead of the whole screen: the screen holds content,
   *     which stays readable while it waits (a revoked screen, a hub restored from a backup)
   */
  public void show(Optional<EnrolmentPanel> panel, boolean inEnglish, boolean compact) {
    if (compact != getStyleClass().contains("compact")) {
      if (compact) {
        getStyleClass().add("compact");
      } else {
        getStyleClass().remove("compact");
      }
      arrange(compact);
      StackPane.setAlignment(this, compact ? Pos.BOTTOM_CENTER : Pos.CENTER);
      setMaxHeight(compact ? USE_PREF_SIZE : Double.MAX_VALUE);
      titleOther.setManaged(!compact);
      titleOther.setVisible(!compact);
      instructionOther.setManaged(!compact);
      instructionOther.setVisible(!compact);
    }
    if (panel.equals(shown) && inEnglish == english) {
      return;
    }
    shown = panel;
    english = inEnglish;
    setVisible(panel.isPresent());
    panel.ifPresent(
        p -> {
          title.setText(p.title().primary(english));
          titleOther.setText(p.title().secondary(english));
          code.setText(p.code() == null ? "" : p.code());
          code.setVisible(p.code() != null);
          code.setManaged(p.code() != null);
          instruction.setText(p.instruction().primary(english));
          instructionOther.setText(p.instruction().secondary(english));
          detail.setText(p.detail().joined(english));
          station.setText(p.station().joined(english));
        });
  }

  public Optional<EnrolmentPanel> shown() {
    return shown;
  }
}
