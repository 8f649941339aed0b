package liaison.kiosk.notices;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import liaison.kiosk.fx.PageLayout;
import liaison.kiosk.fx.Ui;
import liaison.kiosk.nav.Actions;
import liaison.signage.player.text.Bilingual;

/** Draws one notice in full; a long one pages by the screenful with large buttons. */
public final class NoticeView {

  private final boolean english;
  private final Actions actions;

  public NoticeView(boolean english, Actions actions) {
    this.english = english;
    this.actions = actions;
  }

  public Node draw(Optional<NoticeModel> found) {
    if (found.isEmpty()) {
      return PageLayout.gone(
          Bilingual.of("该公告已结束或已撤下", "This notice has ended or was withdrawn"),
          english,
          actions::back);
    }
    NoticeModel m = found.get();
    Label tag = Ui.label("notice-tag", m.item().tag().primary(english));
    tag.setMinWidth(Region.USE_PREF_SIZE);
    if (m.item().urgent()) {
      tag.getStyleClass().add("urgent");
    }
    Label title = Ui.label("detail-title", m.item().title());
    title.setWrapText(true);
    title.setMinWidth(0);
    HBox.setHgrow(title, Priority.ALWAYS);
    HBox head = new HBox(tag, title);
    head.setAlignment(Pos.CENTER_LEFT);
    head.getStyleClass().add("detail-title-line");
    Label period = Ui.label("item-period", m.item().period().joined(english));
    Label body = Ui.label("detail-text", m.body());
    body.setWrapText(true);
    body.setMinWidth(0);
    ScrollPane scroll = new ScrollPane(body);
    scroll.setFitToWidth(true);
    scroll.setPannable(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroll.getStyleClass().add("text-scroll");
    scroll.setMinHeight(0);
    VBox.setVgrow(scroll, Priority.ALWAYS);
    // Long notices page by the screenful with large buttons, for visitors who do not swipe.
    VBox up =
        Ui.button(
            Bilingual.of("上一页", "Previous"), english, "pager-button", () -> scrollBy(scroll, -1));
    VBox down =
        Ui.button(Bilingual.of("下一页", "Next"), english, "pager-button", () -> scrollBy(scroll, 1));
    up.disableProperty().bind(scroll.vvalueProperty().lessThanOrEqualTo(0.001));
    down.disableProperty()
        .bind(
            scroll
                .vvalueProperty()
                .greaterThanOrEqualTo(0.999)
                .or(
                    Bindings.createBooleanBinding(
                        () -> body.getHeight() <= scroll.getViewportBounds().getHeight() + 1,
                        body.heightProperty(),
                        scroll.viewportBoundsProperty())));
    HBox pager = new HBox(up, down);
    pager.getStyleClass().add("pager");
    pager.setAlignment(Pos.CENTER_RIGHT);
    VBox page = new VBox(head, period, scroll, pager);
    page.getStyleClass().add("notice-detail");
    page.setMinHeight(0);
    VBox.setVgrow(page, Priority.ALWAYS);
    return PageLayout.withBack(page, english, actions::back);
  }

  private static void scrollBy(ScrollPane scroll, int direction) {
    double content = scroll.getContent().getBoundsInLocal().getHeight();
    double view = scroll.getViewportBounds().getHeight();
    if (content <= view) {
      return;
    }
    double step = (view * 0.9) / (content - view);
    scroll.setVvalue(Math.max(0, Math.min(1, scroll.getVvalue() + direction * step)));
  }
}
