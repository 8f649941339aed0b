package liaison.kiosk.text;

import liaison.signage.player.text.Bilingual;
import liaison.signage.protocol.DeputyLevel;

/** How the kiosk's pages word a deputy, the same on Home and in the directory. */
public final class DeputyText {
  private DeputyText() {}

  /** The first character of the name: it stands in for the portrait until the photo arrives. */
  public static String initial(String name) {
    return name.isEmpty() ? "?" : name.substring(0, name.offsetByCodePoints(0, 1));
  }

  /** 县级人大代表 / County deputy */
  public static Bilingual level(DeputyLevel l) {
    return Bilingual.of(l.zh(), l.en() + " deputy");
  }
}
