package liaison.hub.resident;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import liaison.hub.opinion.Category;
import liaison.hub.plan.ActivityView;
import liaison.hub.plan.PlanYear;
import liaison.hub.problem.BadRequestProblem;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.results.HandlingFigures;
import liaison.hub.results.HandlingResults;
import liaison.hub.results.PublicResults;
import liaison.hub.results.PublishedSummaries;
import liaison.hub.results.ReportingPeriod;
import liaison.hub.station.StationPlace;
import liaison.hub.text.Text;
import liaison.hub.web.ApiAnswers;
import liaison.hub.web.Lang;
import liaison.hub.web.PublicLinks;
import liaison.signage.protocol.DeputyLevel;
import liaison.signage.protocol.StationContent;

/**
 * The public station JSON: what anyone may know of a station, without signing in; the same as the
 * public disclosure pages ({@link PublicDisclosure}). Never a resident's name, phone or words.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class PublicStationApiController {
  private final PublicDisclosure disclosure;
  private final PublicLinks links;
  private final HandlingResults handling;
  private final PublishedSummaries summaries;

  public PublicStationApiController(
      PublicDisclosure disclosure,
      PublicLinks links,
      HandlingResults handling,
      PublishedSummaries summaries) {
    this.handling = handling;
    this.summaries = summaries;
    this.disclosure = disclosure;
    this.links = links;
  }

  /** A station in the county's list, with its public page. */
  public record ListedStation(
      String id, String name, String kind, String township, String county, String publicUrl) {}

  /** A level a deputy sits at, by name and in both languages. */
  public record Level(String level, String zh, String en) {}

  /**
   * A deputy's public details: the phone only when the deputy made it public, the photo's address
   * when there is one.
   */
  public record PublicDeputy(
      String name,
      List<Level> levels,
      String constituency,
      String occupation,
      String workUnit,
      @Nullable String photoUrl,
      @Nullable String phone) {}

  /** An announced reception to come (or today's), with the names of the deputies receiving. */
  public record PublicReception(
      String date,
      String start,
      String end,
      @Nullable String theme,
      String location,
      String status,
      List<String> deputies) {}

  /**
   * What anyone may know of a station. {@code id}, {@code name} and {@code opinionUrl} are as they
   * always were (the demo script and printed posters read them); {@code deputies} and {@code
   * receptions} are empty until the station's content is first published ({@code ready}).
   */
  public record PublicStation(
      String id,
      String name,
      String opinionUrl,
      String bookingUrl,
      String publicUrl,
      String kind,
      String kindZh,
      String kindEn,
      String township,
      String county,
      String address,
      String openingHours,
      boolean ready,
      List<PublicDeputy> deputies,
      List<PublicReception> receptions) {}

  /**
   * Handling figures of the opinions received in a period (whole months, {@code from} to {@code
   * to}), each count as {@code HandlingResults} defines it.
   */
  public record PublicFigures(
      String from,
      String to,
      int received,
      int registered,
      int forwarded,
      int answered,
      int answeredOnTime,
      int closed,
      int satisfied,
      int basicallySatisfied,
      int dissatisfied) {}

  /**
   * A published summary (公示摘要): what staff wrote for the public when answering, with the days the
   * opinion arrived and was answered. Nothing of the resident.
   */
  public record PublicSummary(
      String station,
      String category,
      String categoryZh,
      String categoryEn,
      @Nullable String department,
      String text,
      String received,
      @Nullable String answered) {}

  /**
   * A station's handling results: this month, this year and the last 12 months, and one page of its
   * published summaries (newest first) of the month and category asked for.
   */
  public record StationResults(
      String stationId,
      PublicFigures month,
      PublicFigures year,
      PublicFigures last12Months,
      int page,
      int pages,
      int total,
      List<PublicSummary> summaries) {}

  /** A station's activity plan for a year; {@code years} are those with a plan, and this one. */
  public record PublicPlan(
      String stationId, int year, List<Integer> years, List<ActivityView> activities) {}

  /**
   * Every station the hub serves, by county and township, each with its public page.
   *
   * @param county only this county's stations ({@code c-qingxi}); 404 when the hub serves no such
   *     county
   */
  @Get(uri = "/api/public/stations", produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "listPublicStations",
      security = {})
  @ApiAnswers.NotFound
  public List<ListedStation> list(@Nullable @QueryValue String county) {
    List<PublicDisclosure.County> counties =
        disclosure.counties().stream()
            .filter(c -> county == null || county.isBlank() || c.id().equals(county))
            .toList();
    if (counties.isEmpty() && county != null && !county.isBlank()) {
      throw new NotFoundProblem(Text.of("problem.county.not-found", county));
    }
    return counties.stream()
        .flatMap(c -> c.townships().values().stream())
        .flatMap(List::stream)
        .map(
            p ->
                new ListedStation(
                    p.id(),
                    p.station().name(),
                    p.station().kind().name(),
                    p.townshipName(),
                    p.countyName(),
                    publicUrl(p)))
        .toList();
  }

  /**
   * What anyone may know of a station: its details, the residents' QR links (they are printed on
   * posters), its deputies' public details and its coming receptions.
   */
  @Get(uri = "/api/public/stations/{id}", produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "getPublicStation",
      security = {})
  @ApiAnswers.NotFound
  public PublicStation publicLinks(String id) {
    PublicDisclosure.Station s = station(id, disclosure.thisYear());
    StationPlace p = s.place();
    return new PublicStation(
        p.id(),
        p.station().name(),
        s.opinionUrl(),
        s.bookingUrl(),
        publicUrl(p),
        p.station().kind().name(),
        p.station().kind().zh(),
        p.station().kind().en(),
        p.townshipName(),
        p.countyName(),
        p.station().address(),
        p.station().openingHours(),
        s.ready(),
        s.deputies().stream().map(this::deputy).toList(),
        s.receptions().stream()
            .map(
                r ->
                    new PublicReception(
                        r.date().toString(),
                        r.start().toString(),
                        r.end().toString(),
                        r.theme(),
                        r.location(),
                        r.status().name(),
                        s.deputiesOf(r).stream().map(StationContent.Deputy::name).toList()))
            .toList());
  }

  /**
   * A station's annual activity plan (年度活动计划), earliest first.
   *
   * @param year 2026; this year when absent
   */
  @Get(uri = "/api/public/stations/{id}/plan", produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "getPublicStationPlan",
      security = {})
  @ApiAnswers.NotFound
  @ApiAnswers.BadRequest
  public PublicPlan plan(String id, @Nullable @QueryValue String year) {
    PublicDisclosure.Station s = station(id, PlanYear.parse(year, disclosure.thisYear()));
    return new PublicPlan(s.place().id(), s.year(), s.years(), s.plan());
  }

  /**
   * A station's handling results and published summaries (意见办理情况, 办理结果公示), as its public page shows
   * them.
   *
   * @param month only the summaries of opinions received in this month ({@code 2026-03})
   * @param category only this category's summaries ({@code TRANSPORT})
   * @param page from 1, 10 summaries a page
   */
  @Get(uri = "/api/public/stations/{id}/results", produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "getPublicStationResults",
      security = {})
  @ApiAnswers.NotFound
  @ApiAnswers.BadRequest
  public StationResults results(
      String id,
      @Nullable @QueryValue String month,
      @Nullable @QueryValue String category,
      @Nullable @QueryValue Integer page) {
    StationPlace p = station(id, disclosure.thisYear()).place();
    YearMonth chosen = null;
    if (month != null && !month.isBlank()) {
      try {
        chosen = YearMonth.parse(month.strip());
      } catch (DateTimeParseException e) {
        throw new BadRequestProblem("bad-month", Text.of("problem.results.month.invalid"));
      }
    }
    Category kind = null;
    if (category != null && !category.isBlank()) {
      kind =
          Category.of(category.strip())
              .orElseThrow(
                  () ->
                      new BadRequestProblem(
                          "bad-category", Text.of("problem.results.category.invalid")));
    }
    HandlingResults.Periods periods = handling.forStation(p.id());
    PublishedSummaries.Page found =
        summaries.page(
            new PublishedSummaries.Filter(p.countyId(), p.id(), chosen, kind),
            page == null ? 1 : Math.max(1, page),
            PublicResults.PER_PAGE);
    return new StationResults(
        p.id(),
        figures(periods.monthPeriod(), periods.month()),
        figures(periods.yearPeriod(), periods.year()),
        figures(periods.last12MonthsPeriod(), periods.last12Months()),
        found.page(),
        found.pages(),
        found.total(),
        found.items().stream()
            .map(
                x ->
                    new PublicSummary(
                        x.stationName(),
                        x.category().name(),
                        Lang.ZH.text(x.category().text()),
                        Lang.EN.text(x.category().text()),
                        x.department(),
                        x.text(),
                        x.received().toString(),
                        x.answered() == null ? null : x.answered().toString()))
            .toList());
  }

  private static PublicFigures figures(ReportingPeriod period, HandlingFigures f) {
    return new PublicFigures(
        period.first().toString(),
        period.last().toString(),
        f.received(),
        f.registered(),
        f.forwarded(),
        f.answered(),
        f.answeredOnTime(),
        f.closed(),
        f.satisfied(),
        f.basicallySatisfied(),
        f.dissatisfied());
  }

  private PublicDisclosure.Station station(String id, int year) {
    return disclosure
        .station(id, year)
        .orElseThrow(() -> new NotFoundProblem(Text.of("problem.station.not-found", id)));
  }

  private PublicDeputy deputy(StationContent.Deputy d) {
    return new PublicDeputy(
        d.name(),
        d.levels().stream().map(PublicStationApiController::level).toList(),
        d.constituency(),
        d.occupation(),
        d.workUnit(),
        disclosure.photoUrl(d),
        d.phone());
  }

  private static Level level(DeputyLevel l) {
    return new Level(l.name(), l.zh(), l.en());
  }

  private String publicUrl(StationPlace p) {
    return links.base() + "/public/stations/" + p.id();
  }
}
