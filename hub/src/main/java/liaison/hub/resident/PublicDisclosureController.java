package liaison.hub.resident;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import liaison.hub.plan.ActivityView;
import liaison.hub.plan.PlanYear;
import liaison.hub.results.PublicResults;
import liaison.hub.results.ResultsSection;
import liaison.hub.text.Text;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;
import liaison.hub.web.ResidentPages;
import liaison.signage.protocol.StationContent;

/**
 * The public disclosure pages (公开): the county's stations by township, and each station's basic
 * information, deputies, activity plan and coming receptions. No log-in, no script: plain HTML that
 * WeChat's browser shows and a printer puts on A4. What they show is {@link PublicDisclosure}'s.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class PublicDisclosureController {
  private static final DateTimeFormatter DAY_ZH =
      DateTimeFormatter.ofPattern("M月d日 EEE", Locale.CHINA);
  private static final DateTimeFormatter DAY_EN =
      DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

  private final PublicDisclosure disclosure;
  private final ResidentPages pages;
  private final PublicResults results;

  public PublicDisclosureController(
      PublicDisclosure disclosure, ResidentPages pages, PublicResults results) {
    this.disclosure = disclosure;
    this.pages = pages;
    this.results = results;
  }

  /**
   * public/county: every county's stations, by township, each linking to its page; the handling
   * results of one county (the one asked for, else the first).
   */
  @Introspected
  public record CountyPage(
      Frame frame, List<PublicDisclosure.County> counties, @Nullable ResultsSection results) {}

  /** A line of the activity plan, in the reader's language. */
  public record PlanRow(
      String date,
      String kind,
      String theme,
      String place,
      String deputies,
      @Nullable String notes) {}

  /** A year of the year switch; {@code current} is the year shown. */
  public record YearLink(int year, boolean current) {}

  /**
   * A deputy's public details.
   *
   * @param photo the photo's file name under /photos/, null when there is none
   * @param phone only when the deputy made it public
   */
  public record DeputyCard(
      String name,
      String levels,
      String duty,
      String constituency,
      @Nullable String photo,
      @Nullable String phone) {}

  /** A coming reception, in the reader's language. */
  public record ReceptionRow(
      String date, String time, @Nullable String theme, String location, String deputies) {}

  /**
   * public/station: a station's disclosure.
   *
   * @param ready false until the station's content is first published (no deputies or receptions to
   *     show yet)
   */
  @Introspected
  public record StationPage(
      Frame frame,
      String stationId,
      String name,
      String signPlate,
      String kind,
      String township,
      String county,
      String address,
      String openingHours,
      String opinionUrl,
      String bookingUrl,
      boolean ready,
      List<DeputyCard> deputies,
      int year,
      List<YearLink> years,
      List<PlanRow> plan,
      List<ReceptionRow> receptions,
      ResultsSection results) {}

  /** The results section's filters as the page's query gives them. */
  private record Filters(@Nullable String month, @Nullable String category, int page) {
    static Filters of(HttpRequest<?> request) {
      var q = request.getParameters();
      int page = 1;
      try {
        page = Math.max(1, Integer.parseInt(q.get("page", String.class).orElse("1").strip()));
      } catch (NumberFormatException e) {
        // A page that is not a number is the first page: nothing here is worth an error to a
        // reader.
      }
      return new Filters(
          q.get("month", String.class).orElse(null),
          q.get("category", String.class).orElse(null),
          page);
    }
  }

  @Get(uri = "/public", produces = MediaType.TEXT_HTML)
  public HttpResponse<?> county(HttpRequest<?> request, @Nullable @QueryValue String county) {
    Lang lang = Lang.of(request);
    List<PublicDisclosure.County> counties = disclosure.counties();
    Filters f = Filters.of(request);
    ResultsSection section =
        counties.stream()
            .filter(c -> c.id().equals(county))
            .findFirst()
            .or(() -> counties.stream().findFirst())
            .map(
                c ->
                    results.section(
                        lang, "/public", c.id(), null, f.month(), f.category(), f.page()))
            .orElse(null);
    return HttpResponse.ok(
        new ModelAndView<>(
            "public/county", new CountyPage(Frame.resident(lang, "/public"), counties, section)));
  }

  @Get(uri = "/public/stations/{id}", produces = MediaType.TEXT_HTML)
  public HttpResponse<?> station(
      HttpRequest<?> request, String id, @Nullable @QueryValue String year) {
    Lang lang = Lang.of(request);
    int shown = PlanYear.parse(year, disclosure.thisYear());
    return disclosure
        .station(id, shown)
        .<HttpResponse<?>>map(s -> HttpResponse.ok(page(lang, request, s)))
        .orElseGet(
            () ->
                pages.message(
                    request,
                    HttpStatus.NOT_FOUND,
                    Text.of("public.not-found.title"),
                    Text.of("public.not-found.body")));
  }

  private ModelAndView<StationPage> page(
      Lang lang, HttpRequest<?> request, PublicDisclosure.Station s) {
    String query = request.getUri().getRawQuery();
    String path = request.getPath() + (query == null ? "" : "?" + query);
    var station = s.place().station();
    Filters filters = Filters.of(request);
    return new ModelAndView<>(
        "public/station",
        new StationPage(
            Frame.resident(lang, path),
            station.id(),
            station.name(),
            station.signPlate(),
            lang.pick(station.kind().zh(), station.kind().en()),
            s.place().townshipName(),
            s.place().countyName(),
            station.address(),
            station.openingHours(),
            s.opinionUrl(),
            s.bookingUrl(),
            s.ready(),
            s.deputies().stream().map(d -> card(lang, d)).toList(),
            s.year(),
            s.years().stream().map(y -> new YearLink(y, y == s.year())).toList(),
            s.plan().stream().map(a -> row(lang, a)).toList(),
            s.receptions().stream()
                .map(
                    r ->
                        new ReceptionRow(
                            day(lang, r.date()),
                            r.start() + "—" + r.end(),
                            r.theme(),
                            r.location(),
                            joined(
                                lang, s.deputiesOf(r).stream().map(StationContent.Deputy::name))))
                .toList(),
            results.section(
                lang,
                request.getPath(),
                s.place().countyId(),
                station.id(),
                filters.month(),
                filters.category(),
                filters.page())));
  }

  private static DeputyCard card(Lang lang, StationContent.Deputy d) {
    return new DeputyCard(
        d.name(),
        joined(lang, d.levels().stream().map(l -> lang.pick(l.zh(), l.en()))),
        String.join(
            " · ",
            List.of(d.occupation(), d.workUnit()).stream().filter(t -> !t.isBlank()).toList()),
        d.constituency(),
        d.photo(),
        d.phone());
  }

  private static PlanRow row(Lang lang, ActivityView a) {
    return new PlanRow(
        day(lang, LocalDate.parse(a.date())),
        lang == Lang.EN ? a.kindEn() : a.kindZh(),
        a.theme(),
        a.place(),
        joined(lang, a.deputies().stream().map(ActivityView.Named::name)),
        a.notes());
  }

  /** Names or words one after the other, as each language lists them. */
  private static String joined(Lang lang, Stream<String> words) {
    return words.collect(Collectors.joining(lang == Lang.EN ? ", " : "、"));
  }

  private static String day(Lang lang, LocalDate date) {
    return date.format(lang == Lang.EN ? DAY_EN : DAY_ZH);
  }
}
