package liaison.kiosk.stars;

import java.util.Optional;
import liaison.kiosk.text.DeputyText;
import liaison.signage.player.text.Bilingual;
import liaison.signage.player.text.StarPeriods;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationContent.StarPeriod;

/** Turns the snapshot's stars into the kiosk's list. */
public final class StarsPresenter {

  public StarsModel present(StationContent content) {
    return new StarsModel(
        content.dutyOrEmpty().stars().stream()
            .sorted(java.util.Comparator.comparing(StationContent.Star::kind))
            .map(
                s ->
                    new StarsModel.Card(
                        s.kind() == StarPeriod.MONTH
                            ? Bilingual.of(
                                "月度之星 " + StarPeriods.label(s), "Star of the month " + s.period())
                            : Bilingual.of(
                                "年度之星 " + StarPeriods.label(s), "Star of the year " + s.period()),
                        s.name(),
                        s.stationName(),
                        s.points() + " 分",
                        DeputyText.initial(s.name()),
                        Optional.ofNullable(s.photo())))
            .toList());
  }
}
