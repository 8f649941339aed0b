package liaison.kiosk.stars;

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
import liaison.signage.player.fx.Portraits;
import liaison.signage.player.text.Bilingual;

/** Draws the county's duty stars: a card each, paged by the screenful. */
public final class StarsView {

  private final boolean english;
  private final Actions actions;
  private final Portraits portraits;

  public StarsView(boolean english, Actions actions, Portraits portraits) {
    this.english = english;
    this.actions = actions;
    this.portraits = portraits;
  }

  public Node draw(StarsModel model, Page.Stars page) {
    List<Node> cards = model.cards().stream().map(this::card).toList();
    return PageLayout.list(
        Bilingual.of("履职之星", "Duty stars"),
        english,
        new Region(),
        cards,
        cards.isEmpty()
            ? Ui.placeholder(
                Bilingual.of("本县尚未评出履职之星", "The county has not chosen its duty stars yet"), english)
            : null,
        page.page(),
        14,
        p -> actions.go(new Page.Stars(p)));
  }

  private Node card(StarsModel.Card s) {
    Label period = Ui.label("deputy-level", s.period().primary(english));
    period.setMinWidth(0);
    Label name = Ui.label("card-name", s.name());
    name.setMinWidth(0);
    Label station = Ui.label("deputy-occupation", s.station());
    station.setMinWidth(0);
    Label points = Ui.label("deputy-level", s.points());
    points.setMinWidth(0);
    VBox text = new VBox(period, name, station, points);
    text.setMinWidth(0);
    HBox.setHgrow(text, Priority.ALWAYS);
    HBox card = new HBox(portraits.node(s.photo(), s.initial(), 2.6), text);
    card.getStyleClass().addAll("card", "deputy-card");
    card.setAlignment(Pos.CENTER_LEFT);
    card.setMinWidth(0);
    return card;
  }
}
