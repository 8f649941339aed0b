package liaison.kiosk.deputies;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import liaison.kiosk.deputies.DeputiesModel.LevelChip;
import liaison.kiosk.fx.PageLayout;
import liaison.kiosk.fx.Ui;
import liaison.kiosk.nav.Actions;
import liaison.kiosk.nav.Page;
import liaison.signage.player.fx.Portraits;
import liaison.signage.player.text.Bilingual;

/** Draws the directory: a chip per level, the deputies' cards paged by the screenful. */
public final class DeputiesView {

  private final boolean english;
  private final Actions actions;
  private final Portraits portraits;

  public DeputiesView(boolean english, Actions actions, Portraits portraits) {
    this.english = english;
    this.actions = actions;
    this.portraits = portraits;
  }

  public Node draw(DeputiesModel model, Page.Deputies page) {
    HBox chips = new HBox();
    chips.getStyleClass().add("chips");
    chips
        .getChildren()
        .add(
            chip(
                Bilingual.of("全部", "All"),
                page.level().isEmpty(),
                () -> actions.go(Page.Deputies.all())));
    for (LevelChip c : model.levels()) {
      chips
          .getChildren()
          .add(
              chip(
                  Bilingual.of(c.label().zh() + " " + c.count(), c.label().en() + " " + c.count()),
                  model.selected().equals(Optional.of(c.level())),
                  () -> actions.go(new Page.Deputies(Optional.of(c.level()), 0))));
    }
    if (model.stars()) {
      chips
          .getChildren()
          .add(
              chip(Bilingual.of("履职之星", "Duty stars"), false, () -> actions.go(new Page.Stars(0))));
    }
    List<Node> cards = model.cards().stream().map(this::card).toList();
    Node list =
        cards.isEmpty()
            ? Ui.placeholder(
                Bilingual.of("本站暂无代表信息", "No deputies listed for this station"), english)
            : null;
    return PageLayout.list(
        Bilingual.of("本站代表", "Deputies at this station"),
        english,
        chips,
        cards,
        list,
        page.page(),
        14,
        p -> actions.go(new Page.Deputies(page.level(), p)));
  }

  private Node chip(Bilingual text, boolean selected, Runnable action) {
    Label label = Ui.label("chip", text.primary(english));
    label.setMinWidth(Region.USE_PREF_SIZE);
    if (selected) {
      label.getStyleClass().add("selected");
    }
    label.getStyleClass().add("tappable");
    label.setOnMouseClicked(e -> action.run());
    return label;
  }

  private Node card(DeputyCard d) {
    Label name = Ui.label("card-name", d.name());
    name.setMinWidth(0);
    Label level = Ui.label("deputy-level", d.level().primary(english));
    level.setMinWidth(0);
    Label occupation = Ui.label("deputy-occupation", d.occupation());
    occupation.setMinWidth(0);
    VBox text = new VBox(name, level, occupation);
    text.setMinWidth(0);
    HBox.setHgrow(text, Priority.ALWAYS);
    HBox card = new HBox(portraits.node(d.photo(), d.initial(), 2.6), text);
    card.getStyleClass().addAll("card", "deputy-card", "tappable");
    card.setAlignment(Pos.CENTER_LEFT);
    card.setMinWidth(0);
    card.setOnMouseClicked(e -> actions.go(new Page.Deputy(d.id())));
    return card;
  }
}
