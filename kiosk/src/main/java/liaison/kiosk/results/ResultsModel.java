package liaison.kiosk.results;

import java.util.List;
import java.util.Optional;
import liaison.signage.player.text.Bilingual;
import org.jspecify.annotations.Nullable;

/**
 * The station's public handling figures, when the snapshot carries them: from a hub of the first
 * version, figures since a day ({@code figures}); from a newer hub, this month's and this year's
 * ({@code periods}) and the published summaries.
 */
public record ResultsModel(
    Optional<Figures> figures, Optional<Periods> periods, List<SummaryItem> summaries) {

  public ResultsModel(Optional<Figures> figures) {
    this(figures, Optional.empty(), List.of());
  }

  public record Figures(
      Bilingual since,
      int received,
      int answered,
      int answeredPercent,
      List<Share> satisfaction,
      int rated) {}

  /** One rating's share of all ratings, in whole percent. */
  public record Share(Bilingual label, int count, int percent) {}

  /** This month and this year; {@code none} when the station has had no opinion this year. */
  public record Periods(Bilingual when, PeriodRow month, PeriodRow year, boolean none) {}

  /**
   * A period's counts, each with its share in whole percent: answered of received, on time of
   * answered, satisfied of rated ({@code rated} 0: nobody rated yet).
   */
  public record PeriodRow(
      Bilingual name,
      int received,
      int answered,
      int answeredPercent,
      int onTime,
      int onTimePercent,
      int rated,
      int satisfiedPercent) {
    public boolean isEmpty() {
      return received == 0;
    }
  }

  /**
   * A published summary as the page lists it, never a resident's words; a long one in parts, the
   * category and department above the first, the days under the last.
   */
  public record SummaryItem(@Nullable Bilingual meta, String text, @Nullable Bilingual days) {}
}
