package liaison.hub.results;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import liaison.hub.opinion.Category;
import liaison.hub.station.StationRepository;
import liaison.hub.text.Text;
import liaison.hub.web.Lang;
import org.jspecify.annotations.Nullable;

/**
 * The results section of the public disclosure pages ({@code /public}, {@code
 * /public/stations/{id}}): figures for this year or a chosen month, per station of the county or
 * for one station, and the published summaries of that month and category, ten a page.
 */
@Singleton
public class PublicResults {
  public static final int PER_PAGE = 10;

  private final HandlingResults results;
  private final PublishedSummaries summaries;
  private final StationRepository stations;

  public PublicResults(
      HandlingResults results, PublishedSummaries summaries, StationRepository stations) {
    this.results = results;
    this.summaries = summaries;
    this.stations = stations;
  }

  /**
   * The section for a county's page ({@code stationId} absent) or a station's.
   *
   * @param month a month of the last 12 ({@code 2026-03}); anything else means this year
   * @param category a {@link Category} name; anything else means every category
   */
  public ResultsSection section(
      Lang lang,
      String action,
      String countyId,
      @Nullable String stationId,
      @Nullable String month,
      @Nullable String category,
      int page) {
    LocalDate today = results.today();
    List<YearMonth> recent = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      recent.add(YearMonth.from(today).minusMonths(i));
    }
    YearMonth chosen =
        recent.stream().filter(m -> m.toString().equals(month)).findFirst().orElse(null);
    Category kind = Category.of(category).orElse(null);
    ReportingPeriod period =
        chosen == null ? ReportingPeriod.year(today) : new ReportingPeriod(chosen, chosen);

    List<ResultsSection.Line> lines = new ArrayList<>();
    ResultsSection.Line total = null;
    if (stationId != null) {
      lines.add(new ResultsSection.Line(name(stationId), results.station(stationId, period)));
    } else {
      Map<String, HandlingFigures> by = results.byStation(countyId, period);
      by.forEach((id, f) -> lines.add(new ResultsSection.Line(name(id), f)));
      total =
          new ResultsSection.Line(
              lang.text(Text.of("results.public.total")),
              by.values().stream().reduce(HandlingFigures.NONE, HandlingFigures::plus));
    }
    boolean none = lines.stream().allMatch(l -> l.figures().isEmpty());

    PublishedSummaries.Page found =
        summaries.page(
            new PublishedSummaries.Filter(countyId, stationId, chosen, kind), page, PER_PAGE);
    List<ResultsSection.Item> items =
        found.items().stream()
            .map(
                s ->
                    new ResultsSection.Item(
                        s.stationName(),
                        lang.text(s.category().text()),
                        s.department(),
                        s.text(),
                        s.received().toString(),
                        s.answered() == null ? null : s.answered().toString()))
            .toList();
    List<ResultsSection.Choice> months = new ArrayList<>();
    months.add(new ResultsSection.Choice("", lang.text(Text.of("results.public.this-year"))));
    recent.forEach(
        m ->
            months.add(
                new ResultsSection.Choice(
                    m.toString(), lang.text(new ReportingPeriod(m, m).text()))));
    List<ResultsSection.Choice> categories = new ArrayList<>();
    categories.add(
        new ResultsSection.Choice("", lang.text(Text.of("results.public.every-category"))));
    for (Category c : Category.values()) {
      categories.add(new ResultsSection.Choice(c.name(), lang.text(c.text())));
    }
    return new ResultsSection(
        action,
        lang.text(period.text()),
        lines,
        total,
        none,
        items,
        found.page(),
        found.pages(),
        found.total(),
        chosen == null ? "" : chosen.toString(),
        months,
        kind == null ? "" : kind.name(),
        categories);
  }

  private String name(String stationId) {
    return stations.find(stationId).map(p -> p.station().name()).orElse(stationId);
  }
}
