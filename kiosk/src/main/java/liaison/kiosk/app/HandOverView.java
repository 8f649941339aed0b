package liaison.kiosk.app;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import liaison.kiosk.fx.Ui;
import liaison.signage.player.qr.QrCode;
import liaison.signage.player.qr.QrView;
import liaison.signage.player.text.Bilingual;

/**
 * The idle kiosk: the signage loop's boards, and beside them (beneath them on a portrait screen) a
 * band that stays on every board: "轻触屏幕 · Touch to start", so a passer-by knows the screen answers
 * a finger, and the two QR codes, opinion and booking, each at least 25 mm across on the 7-inch
 * panel, so a resident can still scan them while nobody uses the kiosk.
 */
final class HandOverView extends BorderPane {

  /** The band's share of the screen: its width in landscape, its height in portrait. */
  static final double BAND = 0.21;

  private final QrView opinion = new QrView();
  private final QrView booking = new QrView();
  private final VBox opinionCard;
  private final VBox bookingCard;
  private final VBox cue;
  private Pane band = new VBox();
  private boolean portrait;

  HandOverView() {
    // Opaque: the kiosk's own page lies beneath, and none of it shows through.
    getStyleClass().add("hand-over");
    Label touch = Ui.label("cue-title", "轻触屏幕");
    Label touchEn = Ui.label("cue-sub", "Touch to start");
    cue = new VBox(touch, touchEn);
    cue.getStyleClass().add("cue");
    cue.setAlignment(Pos.CENTER);
    opinionCard = card(opinion, Bilingual.of("扫码提意见", "Give your opinion"), "qr-opinion");
    bookingCard = card(booking, Bilingual.of("扫码预约", "Book a meeting"), "qr-booking");
    arrange(false);
  }

  private static VBox card(QrView code, Bilingual caption, String kind) {
    Label zh = Ui.label("hand-over-caption", caption.zh());
    Label en = Ui.label("hand-over-caption-en", caption.en());
    for (Label l : List.of(zh, en)) {
      l.setWrapText(true);
      l.setTextAlignment(TextAlignment.CENTER);
      l.setMinHeight(Region.USE_PREF_SIZE);
    }
    VBox card = new VBox(code, zh, en);
    card.getStyleClass().addAll("hand-over-card", kind);
    card.setAlignment(Pos.TOP_CENTER);
    VBox.setVgrow(code, Priority.ALWAYS);
    return card;
  }

  /** The loop's screen in the middle; the band around it as the screen is turned. */
  void show(Node loop, Optional<String> opinionUrl, Optional<String> bookingUrl, boolean vertical) {
    if (getCenter() != loop) {
      setCenter(loop);
    }
    if (vertical != portrait) {
      arrange(vertical);
    }
    opinionUrl.ifPresent(url -> opinion.show(QrCode.of(url)));
    bookingUrl.ifPresent(url -> booking.show(QrCode.of(url)));
    opinionCard.setVisible(opinionUrl.isPresent());
    opinionCard.setManaged(opinionUrl.isPresent());
    bookingCard.setVisible(bookingUrl.isPresent());
    bookingCard.setManaged(bookingUrl.isPresent());
  }

  /** An emergency holds the whole screen: the band steps aside while it does. */
  void showBand(boolean shown) {
    band.setVisible(shown);
    band.setManaged(shown);
  }

  /** The codes on the band, opinion first, for reading them off a rendered screen. */
  List<QrView> codes() {
    return List.of(opinion, booking);
  }

  private void arrange(boolean vertical) {
    portrait = vertical;
    band.getChildren().clear();
    band.prefWidthProperty().unbind();
    band.prefHeightProperty().unbind();
    if (vertical) {
      HBox row = new HBox(opinionCard, cue, bookingCard);
      row.setAlignment(Pos.CENTER);
      for (Region r : List.of(opinionCard, cue, bookingCard)) {
        HBox.setHgrow(r, Priority.ALWAYS);
        r.setMaxWidth(Double.MAX_VALUE);
        r.setPrefWidth(0);
      }
      row.prefHeightProperty().bind(heightProperty().multiply(BAND));
      row.setMinHeight(Region.USE_PREF_SIZE);
      band = row;
      setRight(null);
      setBottom(band);
    } else {
      VBox column = new VBox(cue, opinionCard, bookingCard);
      column.setAlignment(Pos.TOP_CENTER);
      for (Region r : List.of(cue, opinionCard, bookingCard)) {
        r.setPrefWidth(Region.USE_COMPUTED_SIZE);
        r.setMaxWidth(Double.MAX_VALUE);
        VBox.setVgrow(r, r == cue ? Priority.NEVER : Priority.ALWAYS);
      }
      column.prefWidthProperty().bind(widthProperty().multiply(BAND));
      column.setMinWidth(Region.USE_PREF_SIZE);
      column.setMaxWidth(Region.USE_PREF_SIZE);
      band = column;
      setBottom(null);
      setRight(band);
    }
    band.getStyleClass().add("hand-over-band");
    if (vertical) {
      band.getStyleClass().add("across");
    }
  }
}
