package liaison.kiosk.stars;

import java.util.List;
import java.util.Optional;
import liaison.signage.player.text.Bilingual;

/** The county's duty stars as the kiosk lists them: this month's, then this year's. */
public record StarsModel(List<Card> cards) {

  /**
   * One star: the period it was chosen for ("月度之星 2026年10月"), the deputy's portrait, name and
   * station, and the points.
   */
  public record Card(
      Bilingual period,
      String name,
      String station,
      String points,
      String initial,
      Optional<String> photo) {}
}
