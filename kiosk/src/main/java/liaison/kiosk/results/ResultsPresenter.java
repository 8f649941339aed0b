package liaison.kiosk.results;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import liaison.kiosk.results.ResultsModel.Figures;
import liaison.kiosk.results.ResultsModel.Share;
import liaison.signage.player.text.Bilingual;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationContent.Results;

/** Turns the snapshot's handling figures into rates and shares. */
public final class ResultsPresenter {

  private static final DateTimeFormatter DATE_ZH = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final DateTimeFormatter DATE_EN =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  public ResultsModel present(StationContent content) {
    return new ResultsModel(content.resultsIfAny().map(ResultsPresenter::figures));
  }

  private static Figures figures(Results r) {
    int rated = r.rated();
    List<Share> shares =
        List.of(
            new Share(
                Bilingual.of("满意", "Satisfied"), r.satisfied(), percent(r.satisfied(), rated)),
            new Share(
                Bilingual.of("基本满意", "Fairly satisfied"),
                r.basicallySatisfied(),
                percent(r.basicallySatisfied(), rated)),
            new Share(
                Bilingual.of("不满意", "Dissatisfied"),
                r.dissatisfied(),
                percent(r.dissatisfied(), rated)));
    return new Figures(
        Bilingual.of(DATE_ZH.format(r.since()) + "以来", "Since " + DATE_EN.format(r.since())),
        r.received(),
        r.answered(),
        percent(r.answered(), r.received()),
        shares,
        rated);
  }

  static int percent(int part, int whole) {
    return whole == 0 ? 0 : (int) Math.round(100.0 * part / whole);
  }
}
