package liaison.kiosk.results;

import java.util.List;
import java.util.Optional;
import liaison.signage.player.text.Bilingual;

/** The station's public handling figures, when the snapshot carries them. */
public record ResultsModel(Optional<Figures> figures) {

  public record Figures(
      Bilingual since,
      int received,
      int answered,
      int answeredPercent,
      List<Share> satisfaction,
      int rated) {}

  /** One rating's share of all ratings, in whole percent. */
  public record Share(Bilingual label, int count, int percent) {}
}
