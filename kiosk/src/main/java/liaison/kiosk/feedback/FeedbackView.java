package liaison.kiosk.feedback;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import liaison.kiosk.fx.Ui;
import liaison.kiosk.nav.Actions;
import liaison.kiosk.nav.Rating;
import liaison.signage.player.text.Bilingual;

/** Draws the rating question with its three large buttons, or the thanks after a rating. */
public final class FeedbackView {

  private final boolean english;
  private final Actions actions;

  public FeedbackView(boolean english, Actions actions) {
    this.english = english;
    this.actions = actions;
  }

  /**
   * @param thanking the visitor has just rated: thank them instead of asking
   */
  public Node draw(boolean thanking) {
    VBox page = new VBox();
    page.getStyleClass().addAll("page", "feedback");
    page.setAlignment(Pos.CENTER);
    if (thanking) {
      Bilingual thanksText = Bilingual.of("谢谢您的评价！", "Thank you for your rating!");
      Label thanks = Ui.label("thanks", thanksText.primary(english));
      Label thanksEn = Ui.label("question-sub", thanksText.secondary(english));
      Label sub =
          Ui.label(
              "thanks-sub",
              Bilingual.of("您的意见我们会认真听取", "We take every rating to heart").joined(english));
      page.getChildren().addAll(thanks, thanksEn, sub);
      return page;
    }
    Label question =
        Ui.label(
            "question",
            Bilingual.of("您对本次接待满意吗？", "How satisfied are you with today's visit?")
                .primary(english));
    question.setWrapText(true);
    Label sub =
        Ui.label(
            "question-sub",
            Bilingual.of("How satisfied are you with today's visit?", "您对本次接待满意吗？")
                .primary(english));
    HBox buttons = new HBox();
    buttons.getStyleClass().add("rating-buttons");
    buttons.setAlignment(Pos.CENTER);
    for (Rating r : Rating.values()) {
      VBox b =
          Ui.button(
              r.label(),
              english,
              "rating-" + r.name().toLowerCase().replace('_', '-'),
              () -> actions.rate(r));
      b.getStyleClass().add("rating");
      HBox.setHgrow(b, Priority.ALWAYS);
      b.setMaxWidth(Double.MAX_VALUE);
      b.setPrefWidth(0);
      buttons.getChildren().add(b);
    }
    Label privacy =
        Ui.label(
            "page-note",
            Bilingual.of("匿名评价，只记录满意程度", "Anonymous: only the rating is recorded").joined(english));
    page.getChildren().addAll(question, sub, buttons, privacy);
    return page;
  }
}
