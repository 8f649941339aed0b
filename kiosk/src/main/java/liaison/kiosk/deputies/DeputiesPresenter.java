package liaison.kiosk.deputies;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import liaison.kiosk.deputies.DeputiesModel.LevelChip;
import liaison.signage.player.text.Bilingual;
import liaison.signage.protocol.DeputyLevel;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationContent.Deputy;

/** Computes the directory from the station's content and the level a visitor chose. */
public final class DeputiesPresenter {

  public DeputiesModel present(StationContent content, Optional<DeputyLevel> level) {
    Map<DeputyLevel, Integer> counts = new LinkedHashMap<>();
    for (DeputyLevel l : DeputyLevel.values()) {
      int n = (int) content.deputies().stream().filter(d -> d.levels().contains(l)).count();
      if (n > 0) {
        counts.put(l, n);
      }
    }
    List<LevelChip> chips =
        counts.entrySet().stream()
            .map(e -> new LevelChip(e.getKey(), levelShort(e.getKey()), e.getValue()))
            .toList();
    List<DeputyCard> cards =
        content.deputies().stream()
            .filter(d -> level.isEmpty() || d.levels().contains(level.get()))
            .sorted(Comparator.comparing(Deputy::highestLevel))
            .map(DeputyCard::of)
            .toList();
    return new DeputiesModel(
        chips, level.filter(counts::containsKey), cards, !content.dutyOrEmpty().stars().isEmpty());
  }

  /** Short labels for the filter chips: 全国 / 省 / 市 / 县 / 乡镇. */
  static Bilingual levelShort(DeputyLevel l) {
    return switch (l) {
      case NATIONAL -> Bilingual.of("全国", "National");
      case PROVINCIAL -> Bilingual.of("省级", "Provincial");
      case MUNICIPAL -> Bilingual.of("市级", "Municipal");
      case COUNTY -> Bilingual.of("县级", "County");
      case TOWNSHIP -> Bilingual.of("乡镇", "Township");
    };
  }
}
