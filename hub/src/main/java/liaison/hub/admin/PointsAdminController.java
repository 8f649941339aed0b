package liaison.hub.admin;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import liaison.hub.duty.DutyEntry;
import liaison.hub.duty.DutyKind;
import liaison.hub.duty.DutyPoints;
import liaison.hub.duty.DutyRules;
import liaison.hub.duty.DutyStars;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.spreadsheet.CsvText;
import liaison.hub.station.Access;
import liaison.hub.station.StationPlace;
import liaison.hub.station.Township;
import liaison.hub.text.Text;
import liaison.hub.web.FormData;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;

/**
 * Duty points (履职积分) for staff: the ranking of a year or a month (county, township or station) with
 * its CSV, the approval queue, entering an activity by hand with its evidence, the stars, the
 * year's close; a deputy's entries each with its source; the county's rule table and star rule.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin/points")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PointsAdminController {
  private final DutyPoints points;
  private final DutyRules rules;
  private final DutyStars stars;
  private final Access access;

  public PointsAdminController(DutyPoints points, DutyRules rules, DutyStars stars, Access access) {
    this.points = points;
    this.rules = rules;
    this.stars = stars;
    this.access = access;
  }

  /** A choice of a filter's list. */
  public record Choice(String value, String label, boolean selected) {}

  /** A line of the ranking. */
  public record StandingRow(int rank, String deputyId, String name, int points) {}

  /**
   * An entry as the pages show it: the source in words (and its page, where the hub has one), the
   * status in words, the evidence's address.
   */
  public record EntryRow(
      String id,
      String deputyId,
      String deputy,
      String date,
      String kind,
      int points,
      String status,
      boolean pending,
      String source,
      @Nullable String sourceLink,
      String note,
      @Nullable String evidence,
      @Nullable String evidenceName,
      String reason) {}

  /** A star chosen. */
  public record StarRow(String period, String name, int points) {}

  /** admin/points: the ranking and what staff do with points. */
  @Introspected
  public record PointsPage(
      Frame frame,
      int year,
      @Nullable Integer month,
      List<Choice> years,
      List<Choice> months,
      List<Choice> townships,
      List<Choice> stations,
      String query,
      List<StandingRow> ranking,
      List<EntryRow> queue,
      boolean admin,
      List<Choice> deputies,
      List<Choice> kinds,
      String today,
      DutyPoints.Draft draft,
      Map<String, List<String>> errors,
      List<StarRow> stars,
      List<Integer> closed,
      int closable,
      @Nullable String done,
      @Nullable String problem) {}

  /** admin/points-deputy: one deputy's year. */
  @Introspected
  public record DeputyPage(
      Frame frame,
      String deputyId,
      String name,
      int year,
      List<Choice> years,
      boolean closed,
      int total,
      int rank,
      int of,
      List<Choice> byKind,
      List<EntryRow> entries) {}

  /** A line of the rule table. */
  public record RuleRow(String kind, String from, int points, boolean isDefault, String setAt) {}

  /** admin/points-rules: the county's rule table and star rule. */
  @Introspected
  public record RulesPage(
      Frame frame,
      List<RuleRow> rules,
      boolean admin,
      List<Choice> kinds,
      String today,
      DutyStars.StarRule starRule,
      Map<String, List<String>> errors,
      @Nullable String done) {}

  private static final List<String> DONE =
      List.of("entered", "decided", "closed", "stars", "rule", "star-rule");

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<PointsPage> page(
      HttpRequest<?> request,
      Staff staff,
      @Nullable @QueryValue Integer year,
      @Nullable @QueryValue Integer month,
      @Nullable @QueryValue String township,
      @Nullable @QueryValue String station,
      @Nullable @QueryValue String done) {
    return page(
        request,
        staff,
        new Filter(year, month, township, station),
        new DutyPoints.Draft("", "", "TRAINING", ""),
        List.of(),
        done != null && DONE.contains(done) ? done : null,
        null);
  }

  /** The ranking's filter as the address gives it. */
  record Filter(
      @Nullable Integer year,
      @Nullable Integer month,
      @Nullable String township,
      @Nullable String station) {
    @Nullable
    String townshipId() {
      return township == null || township.isBlank() ? null : township;
    }

    @Nullable
    String stationId() {
      return station == null || station.isBlank() ? null : station;
    }
  }

  private ModelAndView<PointsPage> page(
      HttpRequest<?> request,
      Staff staff,
      Filter filter,
      DutyPoints.Draft draft,
      List<FieldError> errors,
      @Nullable String done,
      @Nullable String problem) {
    access.requireEditor(staff);
    Lang lang = Lang.of(request);
    int thisYear = points.today().getYear();
    int year = filter.year() == null ? thisYear : filter.year();
    DutyPoints.Period period = period(year, filter.month());
    List<StationPlace> seen = access.visibleStations(staff);
    List<Township> townships = points.townships(staff);
    List<DutyPoints.Standing> standings =
        points.rankings(staff, period, filter.townshipId(), filter.stationId());
    List<Choice> months = new ArrayList<>();
    months.add(new Choice("", lang.text(Text.of("points.month.all")), filter.month() == null));
    IntStream.rangeClosed(1, 12)
        .forEach(
            m ->
                months.add(
                    new Choice(
                        String.valueOf(m),
                        lang.text(Text.of("points.month", m)),
                        Integer.valueOf(m).equals(filter.month()))));
    List<Choice> townshipChoices = new ArrayList<>();
    townshipChoices.add(
        new Choice("", lang.text(Text.of("points.scope.county")), filter.townshipId() == null));
    townships.forEach(
        t -> townshipChoices.add(new Choice(t.id(), t.name(), t.id().equals(filter.townshipId()))));
    List<Choice> stationChoices = new ArrayList<>();
    stationChoices.add(
        new Choice("", lang.text(Text.of("points.scope.any-station")), filter.stationId() == null));
    seen.forEach(
        s ->
            stationChoices.add(
                new Choice(s.id(), s.station().name(), s.id().equals(filter.stationId()))));
    java.util.Set<String> mine = points.enterable(staff);
    List<Choice> deputies =
        points.rankings(staff, DutyPoints.Period.year(year), null, null).stream()
            .filter(s -> staff.isCountyAdmin() || mine.contains(s.deputyId()))
            .map(s -> new Choice(s.deputyId(), s.name(), s.deputyId().equals(draft.deputyId())))
            .sorted(java.util.Comparator.comparing(Choice::label))
            .toList();
    List<Choice> kinds =
        java.util.Arrays.stream(DutyKind.values())
            .filter(k -> !k.automatic())
            .map(k -> new Choice(k.name(), lang.text(k.text()), k.name().equals(draft.kind())))
            .toList();
    List<Integer> closed = points.closedYears(staff);
    String query =
        "year="
            + year
            + (filter.month() == null ? "" : "&month=" + filter.month())
            + (filter.townshipId() == null ? "" : "&township=" + filter.townshipId())
            + (filter.stationId() == null ? "" : "&station=" + filter.stationId());
    return new ModelAndView<>(
        "admin/points",
        new PointsPage(
            Frame.of(request, staff),
            year,
            filter.month(),
            years(year, thisYear),
            months,
            townshipChoices,
            stationChoices,
            query,
            standings.stream()
                .map(s -> new StandingRow(s.rank(), s.deputyId(), s.name(), s.points()))
                .toList(),
            points.pending(staff).stream().map(e -> row(lang, e, names(standings))).toList(),
            staff.isCountyAdmin(),
            deputies,
            kinds,
            points.today().toString(),
            draft,
            FormErrors.byField(lang, errors),
            stars.stars(staff.countyId()).stream()
                .limit(20)
                .map(s -> new StarRow(s.period(), s.name(), s.points()))
                .toList(),
            closed,
            closed.contains(thisYear - 1) ? 0 : thisYear - 1,
            done,
            problem));
  }

  private static Map<String, String> names(List<DutyPoints.Standing> standings) {
    Map<String, String> names = new java.util.HashMap<>();
    standings.forEach(s -> names.put(s.deputyId(), s.name()));
    return names;
  }

  private static List<Choice> years(int year, int thisYear) {
    return IntStream.rangeClosed(Math.min(year, thisYear - 3), Math.max(year, thisYear))
        .boxed()
        .sorted(java.util.Comparator.reverseOrder())
        .map(y -> new Choice(String.valueOf(y), String.valueOf(y), y == year))
        .toList();
  }

  private static DutyPoints.Period period(int year, @Nullable Integer month) {
    if (year < 2000 || year > 2100) {
      throw ValidationProblem.of("year", Text.of("problem.calendar.year.invalid", year));
    }
    if (month != null && (month < 1 || month > 12)) {
      throw ValidationProblem.of("month", Text.of("problem.points.month.invalid", month));
    }
    return new DutyPoints.Period(year, month);
  }

  private EntryRow row(Lang lang, DutyEntry e, Map<String, String> names) {
    String source;
    String link = null;
    if (e.byHand()) {
      source = lang.text(Text.of("points.source.HAND"));
    } else {
      source = lang.text(Text.of("points.source." + e.sourceKind())) + " " + points.sourceLabel(e);
      link =
          switch (e.sourceKind()) {
            case "RECEPTION" -> "/admin/receptions/" + e.sourceId() + "/record";
            case "CASE" -> "/admin/cases/" + e.sourceId();
            case "REPORT" -> "/admin/reports/" + e.sourceId();
            // Suggestions are the county's: the template links them for its administrators only.
            case "SUGGESTION" -> "/admin/suggestions/" + e.sourceId();
            default -> null;
          };
    }
    DutyEntry.Evidence evidence = e.evidence();
    return new EntryRow(
        e.id(),
        e.deputyId(),
        names.getOrDefault(e.deputyId(), ""),
        e.occurredOn().toString(),
        lang.text(e.kind().text()),
        e.points(),
        lang.text(Text.of("points.status." + e.status().name())),
        e.status() == DutyEntry.Status.PENDING,
        source.strip(),
        link,
        e.note(),
        evidence == null
            ? null
            : "/admin/points/entries/" + e.id() + "/evidence/" + evidence.file(),
        evidence == null ? null : evidence.name(),
        e.reason());
  }

  @Get(uri = "/export", produces = "text/csv")
  public HttpResponse<byte[]> export(
      HttpRequest<?> request,
      Staff staff,
      @Nullable @QueryValue Integer year,
      @Nullable @QueryValue Integer month,
      @Nullable @QueryValue String township,
      @Nullable @QueryValue String station) {
    Lang lang = Lang.of(request);
    Filter filter = new Filter(year, month, township, station);
    DutyPoints.Period period = period(year == null ? points.today().getYear() : year, month);
    List<List<String>> rows =
        points.rankings(staff, period, filter.townshipId(), filter.stationId()).stream()
            .map(s -> List.of(String.valueOf(s.rank()), s.name(), String.valueOf(s.points())))
            .toList();
    return HttpResponse.ok(
            CsvText.write(
                List.of(
                    lang.text(Text.of("points.rank")),
                    lang.text(Text.of("points.deputy")),
                    lang.text(Text.of("points.points"))),
                rows))
        .contentType("text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"points-" + period.key() + ".csv\"");
  }

  @Post(uri = "/entries", consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
  public HttpResponse<?> enter(
      HttpRequest<?> request,
      Staff staff,
      @Nullable @Part("deputyId") String deputyId,
      @Nullable @Part("date") String date,
      @Nullable @Part("kind") String kind,
      @Nullable @Part("note") String note,
      @Nullable @Part("file") CompletedFileUpload file) {
    DutyPoints.Draft draft = new DutyPoints.Draft(deputyId, date, kind, note);
    try {
      points.enter(
          staff, draft, file == null ? List.of() : List.of(DepartmentDeskController.upload(file)));
      return done("entered");
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(
              page(
                  request,
                  staff,
                  new Filter(null, null, null, null),
                  draft,
                  e.errors(),
                  null,
                  null));
    }
  }

  @Post(
      uri = "/entries/{id}/decision",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> decide(HttpRequest<?> request, Staff staff, String id, @Body String body) {
    FormData form = FormData.parse(body);
    try {
      points.decide(staff, id, new DutyPoints.Decision(form.get("decision"), form.get("reason")));
      return done("decided");
    } catch (ValidationProblem e) {
      return unprocessable(request, staff, e);
    }
  }

  @Post(uri = "/years/{year}/close", produces = MediaType.TEXT_HTML)
  public HttpResponse<?> close(HttpRequest<?> request, Staff staff, int year) {
    try {
      points.closeYear(staff, year);
      return done("closed");
    } catch (ValidationProblem e) {
      return unprocessable(request, staff, e);
    }
  }

  @Post(uri = "/stars", produces = MediaType.TEXT_HTML)
  public HttpResponse<?> chooseStars(Staff staff) {
    stars.chooseNow(staff);
    return done("stars");
  }

  private HttpResponse<?> unprocessable(HttpRequest<?> request, Staff staff, ValidationProblem e) {
    Lang lang = Lang.of(request);
    String said = String.join(" ", e.errors().stream().map(f -> lang.text(f.text())).toList());
    return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
        .body(
            page(
                request,
                staff,
                new Filter(null, null, null, null),
                new DutyPoints.Draft("", "", "TRAINING", ""),
                List.of(),
                null,
                said));
  }

  private static HttpResponse<?> done(String what) {
    return HttpResponse.seeOther(URI.create("/admin/points?done=" + what));
  }

  @Get(uri = "/entries/{id}/evidence/{file}")
  public HttpResponse<?> evidence(Staff staff, String id, String file) {
    return DepartmentDeskController.download(points.evidence(staff, id, file), id);
  }

  @Get(uri = "/deputies/{id}", produces = MediaType.TEXT_HTML)
  public ModelAndView<DeputyPage> deputy(
      HttpRequest<?> request, Staff staff, String id, @Nullable @QueryValue Integer year) {
    Lang lang = Lang.of(request);
    int thisYear = points.today().getYear();
    int y = year == null ? thisYear : period(year, null).year();
    DutyPoints.DeputyYear dy = points.deputyYear(staff, id, y);
    Map<String, String> names = Map.of(dy.deputyId(), dy.name());
    return new ModelAndView<>(
        "admin/points-deputy",
        new DeputyPage(
            Frame.of(request, staff),
            dy.deputyId(),
            dy.name(),
            y,
            years(y, thisYear),
            dy.closed(),
            dy.total(),
            dy.rank(),
            dy.of(),
            dy.byKind().stream()
                .map(k -> new Choice(String.valueOf(k.points()), lang.text(k.kind().text()), false))
                .toList(),
            dy.entries().stream().map(e -> row(lang, e, names)).toList()));
  }

  @Get(uri = "/rules", produces = MediaType.TEXT_HTML)
  public ModelAndView<RulesPage> rules(
      HttpRequest<?> request, Staff staff, @Nullable @QueryValue String done) {
    return rulesPage(request, staff, List.of(), done != null && DONE.contains(done) ? done : null);
  }

  private ModelAndView<RulesPage> rulesPage(
      HttpRequest<?> request, Staff staff, List<FieldError> errors, @Nullable String done) {
    access.requireEditor(staff);
    Lang lang = Lang.of(request);
    return new ModelAndView<>(
        "admin/points-rules",
        new RulesPage(
            Frame.of(request, staff),
            rules.table(staff.countyId()).stream()
                .map(
                    r ->
                        new RuleRow(
                            lang.text(r.kind().text()),
                            r.isDefault() ? "" : r.effectiveFrom().toString(),
                            r.points(),
                            r.isDefault(),
                            r.setAt().length() >= 10 ? r.setAt().substring(0, 10) : ""))
                .toList(),
            staff.isCountyAdmin(),
            java.util.Arrays.stream(DutyKind.values())
                .map(k -> new Choice(k.name(), lang.text(k.text()), false))
                .toList(),
            points.today().toString(),
            stars.rule(staff.countyId()),
            FormErrors.byField(lang, errors),
            done));
  }

  @Post(
      uri = "/rules",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> putRule(HttpRequest<?> request, Staff staff, @Body String body) {
    FormData form = FormData.parse(body);
    try {
      points.setRule(staff, form.get("kind"), form.get("from"), form.get("points"));
      return HttpResponse.seeOther(URI.create("/admin/points/rules?done=rule"));
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(rulesPage(request, staff, e.errors(), null));
    }
  }

  @Post(
      uri = "/rules/stars",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> putStarRule(HttpRequest<?> request, Staff staff, @Body String body) {
    FormData form = FormData.parse(body);
    try {
      stars.setRule(
          staff,
          new DutyStars.RuleDraft(
              form.get("perMonth"), form.get("perYear"), form.get("minPoints")));
      return HttpResponse.seeOther(URI.create("/admin/points/rules?done=star-rule"));
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(rulesPage(request, staff, e.errors(), null));
    }
  }
}
