package liaison.kiosk.deputies;

import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import liaison.kiosk.fx.FittingColumn;
import liaison.kiosk.fx.PageLayout;
import liaison.kiosk.fx.Ui;
import liaison.kiosk.nav.Actions;
import liaison.signage.player.fx.Portraits;
import liaison.signage.player.qr.QrCode;
import liaison.signage.player.qr.QrView;
import liaison.signage.player.text.Bilingual;

/**
 * Draws one deputy's page: portrait and facts on the left, the QR code for a message on the right.
 */
public final class DeputyView {

  private final boolean english;
  private final Actions actions;
  private final Portraits portraits;

  public DeputyView(boolean english, Actions actions, Portraits portraits) {
    this.english = english;
    this.actions = actions;
    this.portraits = portraits;
  }

  public Node draw(Optional<DeputyModel> found) {
    if (found.isEmpty()) {
      return PageLayout.gone(
          Bilingual.of("该代表信息已更新，请返回", "This deputy's details have changed; please go back"),
          english,
          actions::back);
    }
    DeputyModel m = found.get();
    Label name = Ui.label("detail-name", m.card().name());
    Label levels =
        Ui.label(
            "detail-levels",
            String.join(" · ", m.levels().stream().map(l -> l.primary(english)).toList()));
    levels.setWrapText(true);
    // Facts that do not fit a small panel give way at the end, never drawn past the page's edge.
    VBox facts = new FittingColumn();
    facts.getStyleClass().add("facts");
    VBox.setVgrow(facts, Priority.ALWAYS);
    fact(facts, Bilingual.of("选区", "Constituency"), m.constituency());
    fact(facts, Bilingual.of("职业", "Occupation"), m.occupation());
    fact(facts, Bilingual.of("单位", "Work unit"), m.workUnit());
    fact(facts, Bilingual.of("专长", "Specialties"), String.join("、", m.specialties()));
    m.phone().ifPresent(p -> fact(facts, Bilingual.of("联系电话", "Phone"), p));
    fact(
        facts,
        Bilingual.of("近期接待", "Coming duty"),
        m.duties().isEmpty()
            ? Bilingual.of("暂无安排", "None announced").primary(english)
            : String.join("；", m.duties().stream().map(d -> d.primary(english)).toList()));
    VBox head = new VBox(name, levels);
    head.setMinWidth(0);
    HBox top = new HBox(portraits.node(m.card().photo(), m.card().initial(), 3.6), head);
    top.getStyleClass().add("detail-head");
    top.setAlignment(Pos.CENTER_LEFT);
    VBox left = new VBox(top, facts);
    left.getStyleClass().add("detail-left");
    left.setMinWidth(0);
    left.setMinHeight(0);
    HBox.setHgrow(left, Priority.ALWAYS);
    Node qr =
        qrCard(
            m.messageUrl(),
            m.addressedToDeputy()
                ? Bilingual.of(
                    "扫码给" + m.card().name() + "留言", "Scan to leave a message for this deputy")
                : Bilingual.of("扫码提意见", "Scan to give your opinion"));
    HBox body = new HBox(left, qr);
    body.getStyleClass().add("detail-body");
    VBox.setVgrow(body, Priority.ALWAYS);
    body.setMinHeight(0);
    return PageLayout.withBack(body, english, actions::back);
  }

  private void fact(VBox facts, Bilingual label, String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    Label key = Ui.label("fact-key", label.primary(english));
    key.setMinWidth(Region.USE_PREF_SIZE);
    Label text = Ui.label("fact-value", value);
    text.setWrapText(true);
    text.setMinWidth(0);
    HBox.setHgrow(text, Priority.ALWAYS);
    HBox row = new HBox(key, text);
    row.getStyleClass().add("fact");
    facts.getChildren().add(row);
  }

  private Node qrCard(String url, Bilingual caption) {
    QrView qr = new QrView();
    qr.show(QrCode.of(url));
    VBox.setVgrow(qr, Priority.ALWAYS);
    Label main = Ui.label("qr-caption-small", caption.primary(english));
    main.setWrapText(true);
    Label sub = Ui.label("qr-caption-en", caption.secondary(english));
    sub.setWrapText(true);
    VBox card = new VBox(qr, main, sub);
    card.getStyleClass().add("qr-card");
    card.setAlignment(Pos.TOP_CENTER);
    card.setMinWidth(0);
    card.setMinHeight(0);
    card.setPrefWidth(Region.USE_COMPUTED_SIZE);
    card.setMaxWidth(Double.MAX_VALUE);
    StackPane holder = new StackPane(card);
    holder.getStyleClass().add("qr-holder");
    holder.setMinWidth(0);
    holder.setMinHeight(0);
    holder
        .parentProperty()
        .addListener(
            (o, was, parent) -> {
              if (parent instanceof Region r) {
                holder.prefWidthProperty().bind(r.widthProperty().multiply(0.32));
                holder.maxWidthProperty().bind(holder.prefWidthProperty());
              }
            });
    return holder;
  }
}
