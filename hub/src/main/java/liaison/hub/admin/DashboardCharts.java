package liaison.hub.admin;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import liaison.hub.dashboard.Dashboard;
import liaison.hub.dashboard.DashboardFigures.Count;
import liaison.hub.dashboard.DashboardFigures.Figures;
import liaison.hub.opinion.CaseStatus;
import liaison.hub.opinion.Category;
import liaison.hub.satisfaction.Satisfaction;
import liaison.hub.station.StationPlace;
import liaison.hub.text.Text;
import liaison.hub.web.Lang;

/**
 * The dashboard's figures as people read them, in one language: the charts with the rows of the
 * table behind each (which the page's script draws and the CSV download carries, so the three never
 * disagree), and the key figures.
 */
public final class DashboardCharts {
  /** The charts, in the order of the page; each id is also its CSV's address. */
  static final List<String> IDS =
      List.of("status", "category", "month", "satisfaction", "township", "station");

  private DashboardCharts() {}

  /** One row of a chart's table: what it counts, how many, its share of the chart's total. */
  public record Row(String label, long count, String share) {}

  /**
   * A chart and its table.
   *
   * @param kind {@code bars} (horizontal, labels at the left) or {@code columns} (months)
   */
  public record Chart(String id, String title, String kind, String heading, List<Row> rows) {
    public boolean empty() {
      return rows.stream().allMatch(r -> r.count() == 0);
    }

    /** Its table as a CSV file's header and rows. */
    List<String> header(Lang lang) {
      return List.of(
          heading,
          lang.text(Text.of("dashboard.col.count")),
          lang.text(Text.of("dashboard.col.share")));
    }

    List<List<String>> cells() {
      return rows.stream()
          .map(r -> List.of(r.label(), Long.toString(r.count()), r.share()))
          .toList();
    }
  }

  /** A key figure: what it is, its value, and what it is made of. */
  public record Tile(String label, String value, String detail) {}

  static List<Chart> charts(Dashboard.View view, Lang lang) {
    List<Chart> charts = new ArrayList<>();
    for (String id : IDS) {
      charts.add(chart(id, view, lang));
    }
    return List.copyOf(charts);
  }

  static Chart chart(String id, Dashboard.View view, Lang lang) {
    Figures f = view.figures();
    Map<String, StationPlace> stations = view.stations();
    return switch (id) {
      case "status" ->
          chart(
              id,
              "bars",
              "status",
              f.byStatus(),
              k -> lang.text(CaseStatus.valueOf(k).text()),
              lang);
      case "category" ->
          chart(
              id,
              "bars",
              "category",
              f.byCategory(),
              k -> lang.text(Category.valueOf(k).text()),
              lang);
      case "month" -> {
        List<Row> rows = new ArrayList<>();
        long total = f.byMonth().stream().mapToLong(Count::count).sum();
        for (Count c : f.byMonth()) {
          YearMonth m = YearMonth.parse(c.key());
          rows.add(
              new Row(
                  lang.text(
                      Text.of(
                          "dashboard.period.month-text",
                          Integer.toString(m.getYear()),
                          Integer.toString(m.getMonthValue()))),
                  c.count(),
                  share(c.count(), total)));
        }
        yield new Chart(
            id,
            lang.text(Text.of("dashboard.chart.month")),
            "columns",
            lang.text(Text.of("dashboard.col.month")),
            List.copyOf(rows));
      }
      case "satisfaction" -> {
        // Always the three ratings, in their order, so a chart of few ratings still reads as one.
        List<Count> ratings = new ArrayList<>();
        for (Satisfaction s : Satisfaction.values()) {
          ratings.add(new Count(s.name(), f.count(f.ratings(), s.name())));
        }
        yield chart(
            id,
            "bars",
            "rating",
            ratings,
            k -> lang.text(Satisfaction.valueOf(k).text()),
            lang,
            "satisfaction");
      }
      case "township" ->
          chart(
              id,
              "bars",
              "township",
              f.byTownship(),
              k -> view.townships().getOrDefault(k, k),
              lang);
      case "station" ->
          chart(
              id,
              "bars",
              "station",
              f.byStation(),
              k -> stations.containsKey(k) ? stations.get(k).station().name() : k,
              lang);
      default -> throw new IllegalArgumentException("no chart " + id);
    };
  }

  private static Chart chart(
      String id,
      String kind,
      String column,
      List<Count> counts,
      Function<String, String> label,
      Lang lang) {
    return chart(id, kind, column, counts, label, lang, id);
  }

  private static Chart chart(
      String id,
      String kind,
      String column,
      List<Count> counts,
      Function<String, String> label,
      Lang lang,
      String title) {
    long total = counts.stream().mapToLong(Count::count).sum();
    List<Row> rows =
        counts.stream()
            .map(c -> new Row(label.apply(c.key()), c.count(), share(c.count(), total)))
            .toList();
    return new Chart(
        id,
        lang.text(Text.of("dashboard.chart." + title)),
        kind,
        lang.text(Text.of("dashboard.col." + column)),
        rows);
  }

  static List<Tile> tiles(Figures f, Lang lang) {
    long agreeable =
        f.count(f.ratings(), Satisfaction.SATISFIED.name())
            + f.count(f.ratings(), Satisfaction.BASICALLY_SATISFIED.name());
    String none = lang.text(Text.of("dashboard.no-figure"));
    Long visitors = f.visitorsReceived();
    return List.of(
        tile(lang, "received", Long.toString(f.received()), Text.of("dashboard.detail.received")),
        tile(
            lang,
            "answered",
            rate(f.answered(), f.received(), none),
            Text.of("dashboard.detail.answered", f.answered(), f.received())),
        tile(
            lang,
            "on-time",
            rate(f.onTime(), f.withDeadline(), none),
            Text.of("dashboard.detail.on-time", f.onTime(), f.withDeadline())),
        tile(
            lang,
            "satisfaction",
            rate(agreeable, f.rated(), none),
            Text.of("dashboard.detail.satisfaction", agreeable, f.rated())),
        tile(lang, "overdue", Long.toString(f.overdue()), Text.of("dashboard.detail.now")),
        tile(lang, "escalated", Long.toString(f.escalated()), Text.of("dashboard.detail.now")),
        tile(
            lang,
            "receptions",
            Long.toString(f.receptionsHeld()),
            Text.of("dashboard.detail.receptions")),
        tile(
            lang,
            "visitors",
            visitors == null ? none : Long.toString(visitors),
            Text.of("dashboard.detail.visitors", f.receptionsCounted(), f.receptionsHeld())),
        tile(
            lang,
            "attendance",
            rate(f.dutiesSignedIn(), f.dutiesScheduled(), none),
            Text.of("dashboard.detail.attendance", f.dutiesSignedIn(), f.dutiesScheduled())),
        tile(
            lang,
            "screens",
            f.screens() == 0 ? none : f.screensOnline() + " / " + f.screens(),
            Text.of("dashboard.detail.screens", f.screensOnline(), f.screens())));
  }

  private static Tile tile(Lang lang, String name, String value, Text detail) {
    return new Tile(lang.text(Text.of("dashboard.tile." + name)), value, lang.text(detail));
  }

  /** A share as people read it: one decimal, a dash when there is nothing to divide by. */
  static String rate(long part, long whole, String none) {
    return whole == 0 ? none : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }

  private static String share(long part, long whole) {
    return rate(part, whole, "");
  }
}
