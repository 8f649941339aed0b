package liaison.kiosk.deputies;

import java.util.List;
import java.util.Optional;
import liaison.signage.player.text.Bilingual;
import liaison.signage.protocol.DeputyLevel;

/**
 * The directory: the levels a visitor can filter by, the one chosen, and the deputies shown.
 *
 * @param selected the level filtered by, if the station has deputies at it
 * @param stars the county has chosen duty stars: a chip opens them
 */
public record DeputiesModel(
    List<LevelChip> levels, Optional<DeputyLevel> selected, List<DeputyCard> cards, boolean stars) {

  /**
   * A level a visitor can filter the directory by, with how many of the station's deputies sit at
   * it.
   */
  public record LevelChip(DeputyLevel level, Bilingual label, int count) {}
}
