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
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import liaison.hub.deputy.Deputy;
import liaison.hub.livelihood.OpinionChoice;
import liaison.hub.livelihood.Proposal;
import liaison.hub.livelihood.Proposals;
import liaison.hub.livelihood.Round;
import liaison.hub.livelihood.Rounds;
import liaison.hub.opinion.Category;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.web.FormData;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;

/**
 * 民生实事 collection (征集) for the staff of a round's level: the rounds with the form to open one, and
 * a round's page with its proposals (accept, set aside), the forms to enter one heard at a
 * reception or from a deputy, and to turn an opinion into one.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin/livelihood")
@ExecuteOn(TaskExecutors.BLOCKING)
public class LivelihoodAdminController {
  private static final String DONE = "opened|closed|entered|accepted|set-aside";

  private final Rounds rounds;
  private final Proposals proposals;
  private final Access access;
  private final Clock clock;

  public LivelihoodAdminController(Rounds rounds, Proposals proposals, Access access, Clock clock) {
    this.rounds = rounds;
    this.proposals = proposals;
    this.access = access;
    this.clock = clock;
  }

  /** A choice of a select or a checkbox: its value and what it says. */
  public record Choice(String value, String label) {}

  /**
   * admin/livelihood: the rounds, and the form to open one as typed.
   *
   * @param levels the county (value "") for a county administrator, then the caller's townships
   */
  @Introspected
  public record RoundsPage(
      Frame frame,
      List<Round> rounds,
      List<Choice> levels,
      List<Choice> categories,
      Rounds.Draft draft,
      Map<String, List<String>> errors,
      @Nullable String done) {}

  /** A proposal as the round's page lists it: where it came from, in words. */
  public record Row(Proposal proposal, String from) {}

  /** admin/livelihood-round: a round, its proposals and the forms of its collection. */
  @Introspected
  public record RoundPage(
      Frame frame,
      Round round,
      boolean mayChange,
      boolean collectingToday,
      List<Row> rows,
      List<Choice> categories,
      List<Choice> stations,
      List<Choice> deputies,
      List<Choice> opinions,
      Map<String, String> typed,
      @Nullable String form,
      Map<String, List<String>> errors,
      @Nullable String done) {}

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<RoundsPage> list(
      HttpRequest<?> request, Staff staff, @Nullable @QueryValue String done) {
    int next = LocalDate.now(clock).getYear() + 1;
    return roundsPage(
        request,
        staff,
        new Rounds.Draft("", Integer.toString(next), "", "", "", List.of()),
        List.of(),
        done != null && done.matches(DONE) ? done : null);
  }

  @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  public HttpResponse<?> open(HttpRequest<?> request, Staff staff, @Body @Nullable String body) {
    FormData form = FormData.parse(body);
    Rounds.Draft draft =
        new Rounds.Draft(
            form.get("townshipId"),
            form.get("year"),
            form.get("title"),
            form.get("opensOn"),
            form.get("closesOn"),
            form.all("categories"));
    try {
      Round round = rounds.open(staff, draft);
      return HttpResponse.seeOther(URI.create("/admin/livelihood/" + round.id() + "?done=opened"));
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(roundsPage(request, staff, draft, e.errors(), null));
    }
  }

  @Get(uri = "/{id}", produces = MediaType.TEXT_HTML)
  public ModelAndView<RoundPage> page(
      HttpRequest<?> request, Staff staff, String id, @Nullable @QueryValue String done) {
    return roundPage(
        request,
        staff,
        id,
        Map.of(),
        null,
        List.of(),
        done != null && done.matches(DONE) ? done : null);
  }

  @Post(uri = "/{id}/close", produces = MediaType.TEXT_HTML)
  public HttpResponse<?> close(Staff staff, String id) {
    rounds.closeCollection(staff, id);
    return HttpResponse.seeOther(URI.create("/admin/livelihood/" + id + "?done=closed"));
  }

  @Post(
      uri = "/{id}/proposals",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> enter(
      HttpRequest<?> request, Staff staff, String id, @Body @Nullable String body) {
    FormData form = FormData.parse(body);
    try {
      proposals.enter(
          staff,
          id,
          new Proposals.StaffDraft(
              form.get("source"), form.get("stationId"), form.get("deputyId"), words(form)));
      return HttpResponse.seeOther(URI.create("/admin/livelihood/" + id + "?done=entered"));
    } catch (ValidationProblem e) {
      return refused(request, staff, id, form, "enter", e);
    }
  }

  @Post(
      uri = "/{id}/opinions",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> fromOpinion(
      HttpRequest<?> request, Staff staff, String id, @Body @Nullable String body) {
    FormData form = FormData.parse(body);
    try {
      proposals.fromOpinion(staff, id, new Proposals.FromOpinion(form.get("caseId"), words(form)));
      return HttpResponse.seeOther(URI.create("/admin/livelihood/" + id + "?done=entered"));
    } catch (ValidationProblem e) {
      return refused(request, staff, id, form, "opinion", e);
    }
  }

  @Post(
      uri = "/{id}/proposals/{proposalId}/decision",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> decide(
      HttpRequest<?> request,
      Staff staff,
      String id,
      String proposalId,
      @Body @Nullable String body) {
    FormData form = FormData.parse(body);
    try {
      Proposal decided =
          proposals.decide(
              staff,
              id,
              proposalId,
              new Proposals.Decision(form.get("decision"), form.get("note")));
      return HttpResponse.seeOther(
          URI.create(
              "/admin/livelihood/"
                  + id
                  + "?done="
                  + (decided.status().name().equals("ACCEPTED") ? "accepted" : "set-aside")));
    } catch (ValidationProblem e) {
      return refused(request, staff, id, form, "decide-" + proposalId, e);
    }
  }

  private static Proposals.Words words(FormData form) {
    return new Proposals.Words(
        form.get("category"), form.get("title"), form.get("description"), form.get("place"));
  }

  private HttpResponse<?> refused(
      HttpRequest<?> request,
      Staff staff,
      String id,
      FormData form,
      String which,
      ValidationProblem e) {
    Map<String, String> typed = new java.util.LinkedHashMap<>();
    for (String name :
        List.of(
            "source",
            "stationId",
            "deputyId",
            "caseId",
            "category",
            "title",
            "description",
            "place",
            "note")) {
      String value = form.get(name);
      typed.put(name, value == null ? "" : value);
    }
    return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
        .body(roundPage(request, staff, id, typed, which, e.errors(), null));
  }

  private ModelAndView<RoundsPage> roundsPage(
      HttpRequest<?> request,
      Staff staff,
      Rounds.Draft draft,
      List<FieldError> errors,
      @Nullable String done) {
    Lang lang = Lang.of(request);
    List<Choice> levels = new java.util.ArrayList<>();
    if (staff.isCountyAdmin()) {
      levels.add(new Choice("", lang.text(liaison.hub.text.Text.of("livelihood.level.county"))));
    }
    rounds.townships(staff).forEach((id, name) -> levels.add(new Choice(id, name)));
    return new ModelAndView<>(
        "admin/livelihood",
        new RoundsPage(
            Frame.of(request, staff),
            rounds.list(staff),
            levels,
            categories(lang),
            draft,
            FormErrors.byField(lang, errors),
            done));
  }

  private ModelAndView<RoundPage> roundPage(
      HttpRequest<?> request,
      Staff staff,
      String id,
      Map<String, String> typed,
      @Nullable String form,
      List<FieldError> errors,
      @Nullable String done) {
    Lang lang = Lang.of(request);
    Round round = rounds.get(staff, id);
    boolean mayChange = rounds.mayChange(staff, round);
    Map<String, String> stationNames = new java.util.HashMap<>();
    List<Choice> stations =
        access.visibleStations(staff).stream()
            .filter(p -> Rounds.reaches(round, p))
            .peek(p -> stationNames.put(p.id(), p.station().name()))
            .filter(p -> access.canEdit(staff, p))
            .map(p -> new Choice(p.id(), p.station().name()))
            .toList();
    List<Deputy> county = mayChange ? proposals.deputies(round) : List.of();
    Map<String, String> deputyNames = new java.util.HashMap<>();
    county.forEach(d -> deputyNames.put(d.id(), d.name()));
    List<Row> rows =
        proposals.list(staff, id).stream()
            .map(p -> new Row(p, from(lang, p, stationNames, deputyNames)))
            .toList();
    return new ModelAndView<>(
        "admin/livelihood-round",
        new RoundPage(
            Frame.of(request, staff),
            round,
            mayChange,
            rounds.collectsToday(round),
            rows,
            round.categories().stream()
                .map(c -> new Choice(c.name(), lang.text(c.text())))
                .toList(),
            stations,
            county.stream().map(d -> new Choice(d.id(), d.name())).toList(),
            mayChange
                ? proposals.opinionsToPropose(staff, round).stream()
                    .map(o -> opinionChoice(lang, o))
                    .toList()
                : List.of(),
            typed,
            form,
            FormErrors.byField(lang, errors),
            done));
  }

  private static Choice opinionChoice(Lang lang, OpinionChoice o) {
    return new Choice(
        o.caseId(), o.trackingCode() + " · " + lang.text(o.category().text()) + " · " + o.gist());
  }

  /** Where a proposal came from, as staff read it: its source, station and deputy. */
  private static String from(
      Lang lang, Proposal p, Map<String, String> stations, Map<String, String> deputies) {
    StringBuilder from = new StringBuilder(lang.text(p.source().text()));
    if (p.stationId() != null) {
      from.append(" · ").append(stations.getOrDefault(p.stationId(), ""));
    }
    if (p.deputyId() != null && deputies.containsKey(p.deputyId())) {
      from.append(" · ").append(deputies.get(p.deputyId()));
    }
    return from.toString();
  }

  private static List<Choice> categories(Lang lang) {
    return Rounds.categories().stream()
        .map((Category c) -> new Choice(c.name(), lang.text(c.text())))
        .toList();
  }
}
