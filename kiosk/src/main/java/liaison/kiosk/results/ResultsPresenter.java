package liaison.kiosk.results;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import liaison.kiosk.results.ResultsModel.Figures;
import liaison.kiosk.results.ResultsModel.Share;
import liaison.signage.player.text.Bilingual;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationContent.Results;
import liaison.signage.protocol.StationContent.Summary;

/** Turns the snapshot's handling figures into rates and shares. */
public final class ResultsPresenter {

  private static final DateTimeFormatter DATE_ZH = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final DateTimeFormatter DATE_EN =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  /** The longest part of a summary one list item shows: two lines on the 7-inch panel. */
  static final int PART = 60;

  private static final DateTimeFormatter DAY_ZH = DateTimeFormatter.ofPattern("M月d日");
  private static final DateTimeFormatter DAY_EN =
      DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

  public ResultsModel present(StationContent content) {
    Optional<Results> results = content.resultsIfAny();
    Optional<ResultsModel.Periods> periods =
        results.filter(Results::hasPeriods).map(ResultsPresenter::periods);
    return new ResultsModel(
        results.filter(r -> !r.hasPeriods()).map(ResultsPresenter::figures),
        periods,
        results
            .map(r -> r.summariesOrNone().stream().flatMap(s -> items(s).stream()).toList())
            .orElse(List.of()));
  }

  private static ResultsModel.Periods periods(Results r) {
    StationContent.Figures month = r.month();
    StationContent.Figures year = r.year();
    return new ResultsModel.Periods(
        Bilingual.of(
            year.from().getYear() + "年" + month.from().getMonthValue() + "月",
            DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH).format(month.from())),
        row(Bilingual.of("本月", "This month"), month),
        row(Bilingual.of("本年", "This year"), year),
        year.isEmpty());
  }

  private static ResultsModel.PeriodRow row(Bilingual name, StationContent.Figures f) {
    return new ResultsModel.PeriodRow(
        name,
        f.received(),
        f.answered(),
        percent(f.answered(), f.received()),
        f.answeredOnTime(),
        percent(f.answeredOnTime(), f.answered()),
        f.rated(),
        percent(f.satisfied(), f.rated()));
  }

  /**
   * A summary as list items: one, or parts of at most {@link #PART} characters where it is longer,
   * so that each part fits the 7-inch panel's list beneath the figures.
   */
  public static List<ResultsModel.SummaryItem> items(Summary s) {
    String zh = s.category() + (s.department() == null ? "" : " · " + s.department());
    String en =
        (s.categoryEn().isEmpty() ? s.category() : s.categoryEn())
            + (s.department() == null ? "" : " · " + s.department());
    Bilingual days =
        Bilingual.of(
            DAY_ZH.format(s.received())
                + "收到"
                + (s.answered() == null ? "" : " · " + DAY_ZH.format(s.answered()) + "答复"),
            "received "
                + DAY_EN.format(s.received())
                + (s.answered() == null ? "" : " · answered " + DAY_EN.format(s.answered())));
    String text = s.text();
    int parts = Math.max(1, (int) Math.ceil(text.length() / (double) PART));
    List<ResultsModel.SummaryItem> out = new java.util.ArrayList<>();
    for (int i = 0; i < parts; i++) {
      String part = text.substring(i * PART, Math.min(text.length(), (i + 1) * PART));
      out.add(
          new ResultsModel.SummaryItem(
              i == 0 ? Bilingual.of(zh, en) : null,
              i == 0 ? part : "（续）" + part,
              i == parts - 1 ? days : null));
    }
    return out;
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
