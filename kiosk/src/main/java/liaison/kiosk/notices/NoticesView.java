package liaison.kiosk.notices;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import liaison.kiosk.fx.PageLayout;
import liaison.kiosk.fx.Ui;
import liaison.kiosk.nav.Actions;
import liaison.kiosk.nav.Page;
import liaison.signage.player.text.Bilingual;

/**
 * Draws the notices: one card per notice with its tag, period and preview, paged by the screenful.
 */
public final class NoticesView {

  private final boolean english;
  private final Actions actions;

  public NoticesView(boolean english, Actions actions) {
    this.english = english;
    this.actions = actions;
  }

  public Node draw(NoticesModel model, Page.Notices page) {
    List<Node> items = model.notices().stream().map(this::item).toList();
    return PageLayout.list(
        Bilingual.of("公告", "Notices"),
        english,
        new Region(),
        items,
        items.isEmpty() ? Ui.placeholder(Bilingual.of("暂无公告", "No notices"), english) : null,
        page.page(),
        0,
        p -> actions.go(new Page.Notices(p)));
  }

  private Node item(NoticeItem n) {
    Label tag = Ui.label("notice-tag", n.tag().primary(english));
    tag.setMinWidth(Region.USE_PREF_SIZE);
    if (n.urgent()) {
      tag.getStyleClass().add("urgent");
    }
    Label title = Ui.label("item-title", n.title());
    title.setMinWidth(0);
    HBox.setHgrow(title, Priority.ALWAYS);
    Label period = Ui.label("item-period", n.period().primary(english));
    period.setMinWidth(Region.USE_PREF_SIZE);
    HBox line = new HBox(tag, title, period);
    line.setAlignment(Pos.CENTER_LEFT);
    line.getStyleClass().add("item-line");
    Label preview = Ui.label("item-preview", n.preview());
    preview.setMinWidth(0);
    VBox box = new VBox(line, preview);
    box.getStyleClass().addAll("card", "notice-item", "tappable");
    box.setOnMouseClicked(e -> actions.go(new Page.Notice(n.id(), 0)));
    return box;
  }
}
