package liaison.signage.player.qr;

import java.time.Instant;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import liaison.signage.protocol.StationContent.SignIn;

/**
 * The small QR code a deputy on duty scans during a reception to sign in (代表签到) from the phone: the
 * address for the reception and the current minute ({@link SignIn#addressFor}). The code changes
 * every minute; {@link #refresh} draws the new one (the screens call it with their tick, and it
 * encodes only when the minute turned).
 */
public final class SignInCodeView extends VBox {
  public static final String CAPTION_ZH = "代表签到";
  public static final String CAPTION_EN = "Deputies sign in";

  private final Function<Instant, String> addressAt;
  private final QrView qr = new QrView();

  /** The code of the station's sign-in for the reception, at {@code now}. */
  public SignInCodeView(
      SignIn signIn, String receptionId, Instant now, double sideEm, String captionStyle) {
    this(at -> signIn.addressFor(receptionId, at), now, sideEm, captionStyle);
  }

  /**
   * @param addressAt the address to show at an instant (a presenter's own, computed each minute)
   * @param sideEm the code's side in em of the surrounding text
   * @param captionStyle the style class of the Chinese caption; the English one gets {@code -en}
   */
  public SignInCodeView(
      Function<Instant, String> addressAt, Instant now, double sideEm, String captionStyle) {
    this.addressAt = addressAt;
    String side = sideEm + "em";
    qr.setStyle(
        ("-fx-pref-width: %s; -fx-pref-height: %s; -fx-min-width: %s; -fx-min-height: %s;"
                + " -fx-max-width: %s; -fx-max-height: %s;")
            .formatted(side, side, side, side, side, side));
    Label zh = new Label(CAPTION_ZH);
    zh.getStyleClass().add(captionStyle);
    zh.setMinWidth(Region.USE_PREF_SIZE);
    Label en = new Label(CAPTION_EN);
    en.getStyleClass().add(captionStyle + "-en");
    en.setMinWidth(Region.USE_PREF_SIZE);
    getChildren().addAll(qr, zh, en);
    getStyleClass().add("sign-in-code");
    setAlignment(Pos.TOP_CENTER);
    setMinWidth(Region.USE_PREF_SIZE);
    setMinHeight(Region.USE_PREF_SIZE);
    setMaxHeight(Region.USE_PREF_SIZE);
    refresh(now);
  }

  /** The code for the minute {@code now} falls in. */
  public void refresh(Instant now) {
    String address = addressAt.apply(now);
    if (!address.equals(qr.text())) {
      qr.show(QrCode.of(address));
    }
  }

  /** The address the code now on screen says. */
  public String address() {
    return qr.text();
  }
}
