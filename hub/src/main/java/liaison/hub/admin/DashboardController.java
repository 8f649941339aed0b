package liaison.hub.admin;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import liaison.hub.calendar.CalendarService;
import liaison.hub.dashboard.Dashboard;
import liaison.hub.dashboard.DashboardFigures;
import liaison.hub.dashboard.DashboardPeriod;
import liaison.hub.opinion.Category;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.security.Staff;
import liaison.hub.spreadsheet.CsvText;
import liaison.hub.station.StationPlace;
import liaison.hub.text.Text;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;

/**
 * The county dashboard (数据概览): the county administrator's home, a station manager's view of their
 * stations. Filters are GET parameters, so a filtered view can be bookmarked and printed as the
 * month's report; each chart's table downloads as CSV with the same parameters.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin/dashboard")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DashboardController {
  private static final String CSV_TYPE = "text/csv; charset=utf-8";

  private final Dashboard dashboard;

  private final CalendarService calendar;

  public DashboardController(Dashboard dashboard, CalendarService calendar) {
    this.dashboard = dashboard;
    this.calendar = calendar;
  }

  /** The filter's fields as the form shows them again. */
  public record Filter(
      String period, String month, String year, String from, String to, String township) {}

  /** A choice of a select. */
  public record Option(String value, String label, boolean selected) {}

  /** An overdue or escalated case, named by its code and station, never by its resident. */
  public record UrgentRow(
      String href,
      String code,
      String station,
      String category,
      String deadline,
      String state,
      boolean escalated) {}

  /**
   * admin/dashboard.
   *
   * @param heading what the printed report is about (the county, a township, the stations)
   * @param query the filter as a query string ("?period=…"), for the CSV links
   */
  @Introspected
  public record DashboardPage(
      Frame frame,
      String heading,
      String periodText,
      String printedOn,
      Filter filter,
      List<Option> periods,
      List<Option> townships,
      List<DashboardCharts.Tile> tiles,
      List<DashboardCharts.Chart> charts,
      String query,
      List<UrgentRow> urgent,
      boolean anyUrgent,
      @Nullable Integer calendarMissing) {}

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<DashboardPage> page(HttpRequest<?> request, Staff staff) {
    Lang lang = Lang.of(request);
    LocalDate today = dashboard.today();
    Dashboard.View view = view(request, staff, today);
    DashboardFigures.Figures f = view.figures();
    DashboardPeriod p = view.period();
    Filter filter =
        new Filter(
            p.kind(),
            YearMonth.from(p.kind().equals(DashboardPeriod.MONTH) ? p.from() : today).toString(),
            Integer.toString((p.kind().equals(DashboardPeriod.YEAR) ? p.from() : today).getYear()),
            p.from().toString(),
            p.to().toString(),
            view.townshipId() == null ? "" : view.townshipId());
    List<Option> periods = new ArrayList<>();
    for (String kind :
        List.of(
            DashboardPeriod.LAST_12_MONTHS,
            DashboardPeriod.MONTH,
            DashboardPeriod.YEAR,
            DashboardPeriod.RANGE)) {
      periods.add(
          new Option(kind, lang.text(Text.of("dashboard.period." + kind)), kind.equals(p.kind())));
    }
    List<Option> townships = new ArrayList<>();
    townships.add(
        new Option(
            "", lang.text(Text.of("dashboard.filter.all-townships")), view.townshipId() == null));
    view.townships()
        .forEach((id, name) -> townships.add(new Option(id, name, id.equals(view.townshipId()))));
    List<UrgentRow> urgent =
        f.urgent().stream()
            .map(
                u ->
                    new UrgentRow(
                        "/admin/cases/" + u.id(),
                        u.trackingCode(),
                        stationName(view, u.stationId()),
                        Category.of(u.category()).map(c -> lang.text(c.text())).orElse(""),
                        u.deadline() == null ? "" : u.deadline().toString(),
                        u.daysLate() > 0
                            ? lang.text(Text.of("dashboard.urgent.late", u.daysLate()))
                            : "",
                        u.escalated()))
            .toList();
    return new ModelAndView<>(
        "admin/dashboard",
        new DashboardPage(
            Frame.of(request, staff),
            lang.text(heading(staff, view)),
            periodText(p, lang),
            lang.text(Text.of("dashboard.printed", today.toString())),
            filter,
            periods,
            townships,
            DashboardCharts.tiles(f, lang),
            DashboardCharts.charts(view, lang),
            query(filter),
            urgent,
            f.overdue() + f.escalated() > 0,
            calendar.missingNextYear(staff).orElse(null)));
  }

  /** One chart's table as a CSV file for Excel (UTF-8 with a byte-order mark). */
  @Get(uri = "/csv/{chart}", produces = "text/csv")
  public HttpResponse<byte[]> csv(HttpRequest<?> request, Staff staff, String chart) {
    if (!DashboardCharts.IDS.contains(chart)) {
      throw new NotFoundProblem(Text.of("problem.dashboard.chart.unknown"));
    }
    Lang lang = Lang.of(request);
    Dashboard.View view = view(request, staff, dashboard.today());
    DashboardCharts.Chart table = DashboardCharts.chart(chart, view, lang);
    String base = chart + "-" + view.period().from() + "_" + view.period().to();
    String name = table.title() + "-" + view.period().from() + "_" + view.period().to() + ".csv";
    return HttpResponse.ok(CsvText.write(table.header(lang), table.cells()))
        .contentType(CSV_TYPE)
        .header(
            "Content-Disposition",
            "attachment; filename=\"dashboard-"
                + base
                + ".csv\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
  }

  /** The view the address's filter asks for: the page and its downloads read it alike. */
  private Dashboard.View view(HttpRequest<?> request, Staff staff, LocalDate today) {
    var query = request.getParameters();
    return dashboard.view(
        staff,
        DashboardPeriod.of(
            query.get("period"),
            query.get("month"),
            query.get("year"),
            query.get("from"),
            query.get("to"),
            today),
        query.get("township"));
  }

  private static String stationName(Dashboard.View view, String stationId) {
    StationPlace place = view.stations().get(stationId);
    return place == null ? stationId : place.station().name();
  }

  /** What the report covers: the township chosen, the county, or a manager's stations. */
  private static Text heading(Staff staff, Dashboard.View view) {
    if (view.townshipId() != null) {
      return Text.of("dashboard.report", view.townships().get(view.townshipId()));
    }
    List<StationPlace> stations = List.copyOf(view.stations().values());
    if (staff.isCountyAdmin() && !stations.isEmpty()) {
      return Text.of("dashboard.report", stations.get(0).countyName());
    }
    return stations.size() <= 2
        ? Text.of(
            "dashboard.report.stations",
            stations.stream().map(s -> s.station().name()).collect(Collectors.joining("、")))
        : Text.of("dashboard.report.count", stations.size());
  }

  private static String periodText(DashboardPeriod p, Lang lang) {
    return switch (p.kind()) {
      case DashboardPeriod.MONTH ->
          lang.text(
              Text.of(
                  "dashboard.period.month-text",
                  Integer.toString(p.from().getYear()),
                  Integer.toString(p.from().getMonthValue())));
      case DashboardPeriod.YEAR ->
          lang.text(Text.of("dashboard.period.year-text", Integer.toString(p.from().getYear())));
      case DashboardPeriod.LAST_12_MONTHS ->
          lang.text(Text.of("dashboard.period.12m-text", p.from().toString(), p.to().toString()));
      default ->
          lang.text(Text.of("dashboard.period.range-text", p.from().toString(), p.to().toString()));
    };
  }

  /** The filter as the query string of a bookmark or a download: only what the period needs. */
  static String query(Filter filter) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("period", filter.period());
    switch (filter.period()) {
      case DashboardPeriod.MONTH -> values.put("month", filter.month());
      case DashboardPeriod.YEAR -> values.put("year", filter.year());
      case DashboardPeriod.RANGE -> {
        values.put("from", filter.from());
        values.put("to", filter.to());
      }
      default -> {}
    }
    if (!filter.township().isEmpty()) {
      values.put("township", filter.township());
    }
    return "?"
        + values.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
  }
}
