package liaison.hub.admin;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import liaison.hub.livelihood.LivelihoodVote;
import liaison.hub.livelihood.Round;
import liaison.hub.livelihood.RoundState;
import liaison.hub.livelihood.Rounds;
import liaison.hub.livelihood.VoteCodeRenewal;
import liaison.hub.livelihood.VoteProject;
import liaison.hub.livelihood.VoteSession;
import liaison.hub.livelihood.VoteSlips;
import liaison.hub.livelihood.VoteState;
import liaison.hub.poster.QrCodes;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.StationService;
import liaison.hub.text.Text;
import liaison.hub.web.FormData;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;

/**
 * 民生实事 票决 for the staff of a round's level: plan the session of a shortlisted round, print the
 * deputies' code slips, open and close the vote, and read the counts and the result. The same
 * service calls as {@code /api/livelihood/rounds/{id}/vote}; linked from the round's page.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin/livelihood/{id}/vote")
@ExecuteOn(TaskExecutors.BLOCKING)
public class LivelihoodVoteAdminController {
  private static final String DONE = "planned|opened|closed";
  private static final String PDF = "application/pdf";
  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private final LivelihoodVote vote;
  private final VoteSlips slips;
  private final VoteCodeRenewal renewal;
  private final Rounds rounds;
  private final StationService stations;

  public LivelihoodVoteAdminController(
      LivelihoodVote vote,
      VoteSlips slips,
      VoteCodeRenewal renewal,
      Rounds rounds,
      StationService stations) {
    this.vote = vote;
    this.slips = slips;
    this.renewal = renewal;
    this.rounds = rounds;
    this.stations = stations;
  }

  /** A choice of a select. */
  public record Choice(String value, String label) {}

  /**
   * A project's count as staff read it.
   *
   * @param result 当选 / 未当选 after the close, empty before
   * @param tied met the rule but the session's limit left it out: for the congress to settle
   */
  public record Count(VoteProject project, String result, boolean elected, boolean tied) {}

  /**
   * The session as the page shows it.
   *
   * @param codesDue deputies of the congress still without a code
   * @param stationName the hall's screen, empty for none
   * @param ballotQr the ballot's address as an SVG QR code while the vote is open, else empty
   * @param renewals when and by whom the codes were regenerated ("2027-01-09 15:20 王芳 (wangfang)")
   */
  public record Session(
      VoteSession session,
      String state,
      String ballotUrl,
      int codesDue,
      String stationName,
      List<Count> counts,
      String ballotQr,
      List<String> renewals) {}

  /** admin/livelihood-vote: the plan form, or the session with its steps and counts. */
  @Introspected
  public record VotePage(
      Frame frame,
      Round round,
      boolean mayChange,
      boolean plannable,
      @Nullable Session vote,
      List<Choice> stations,
      Map<String, String> typed,
      Map<String, List<String>> errors,
      @Nullable String done) {}

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<VotePage> page(
      HttpRequest<?> request, Staff staff, String id, @Nullable @QueryValue String done) {
    return page(
        request, staff, id, null, List.of(), done != null && done.matches(DONE) ? done : null);
  }

  @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  public HttpResponse<?> plan(
      HttpRequest<?> request, Staff staff, String id, @Body @Nullable String body) {
    FormData form = FormData.parse(body);
    try {
      vote.plan(
          staff,
          id,
          new LivelihoodVote.Draft(
              form.get("title"),
              form.get("heldOn"),
              form.get("choices"),
              form.get("elects"),
              form.get("stationId")));
      return seeOther(id, "planned");
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(page(request, staff, id, form, e.errors(), null));
    }
  }

  /** The slips of the deputies still without a code, as the API prints them (A4 PDF). */
  @Post(uri = "/codes", produces = PDF)
  public HttpResponse<byte[]> codes(Staff staff, String id) {
    return pdf(slips.print(staff, id));
  }

  /**
   * Voids every code and prints new slips for all the congress's deputies (A4 PDF), behind a ticked
   * box; refused once the vote is open (docs/LIVELIHOOD.md, "The vote's codes in practice").
   */
  @Post(uri = "/renew", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = PDF)
  public HttpResponse<?> renew(
      HttpRequest<?> request, Staff staff, String id, @Body @Nullable String body) {
    Optional<MutableHttpResponse<?>> unconfirmed = confirmed(request, staff, id, body, "renew");
    if (unconfirmed.isPresent()) {
      return unconfirmed.get().contentType(MediaType.TEXT_HTML_TYPE);
    }
    return pdf(slips.reprint(staff, id));
  }

  private static MutableHttpResponse<byte[]> pdf(VoteSlips.Printed printed) {
    return HttpResponse.ok(printed.pdf())
        .contentType(PDF)
        .header("Content-Disposition", "attachment; filename=\"" + printed.fileName() + "\"")
        .header("Cache-Control", "no-store");
  }

  @Post(
      uri = "/open",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> open(
      HttpRequest<?> request, Staff staff, String id, @Body @Nullable String body) {
    return confirmed(request, staff, id, body, "open")
        .orElseGet(
            () -> {
              vote.open(staff, sessionOf(staff, id));
              return seeOther(id, "opened");
            });
  }

  @Post(
      uri = "/close",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> close(
      HttpRequest<?> request, Staff staff, String id, @Body @Nullable String body) {
    return confirmed(request, staff, id, body, "close")
        .orElseGet(
            () -> {
              vote.close(staff, sessionOf(staff, id));
              return seeOther(id, "closed");
            });
  }

  /** Empty when the step's box was ticked; else the page again with the box's error (422). */
  private Optional<MutableHttpResponse<?>> confirmed(
      HttpRequest<?> request, Staff staff, String id, @Nullable String body, String step) {
    if ("yes".equals(FormData.parse(body).get("confirm"))) {
      return Optional.empty();
    }
    return Optional.of(
        HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
            .body(
                page(
                    request,
                    staff,
                    id,
                    null,
                    List.of(
                        new FieldError(
                            "confirm-" + step,
                            Text.of("problem.livelihood.vote.admin.unconfirmed"))),
                    null)));
  }

  private String sessionOf(Staff staff, String roundId) {
    return vote.ofRound(staff, roundId)
        .orElseThrow(() -> new NotFoundProblem(Text.of("problem.livelihood.vote.not-found")))
        .session()
        .id();
  }

  private static MutableHttpResponse<?> seeOther(String id, String done) {
    return HttpResponse.seeOther(URI.create("/admin/livelihood/" + id + "/vote?done=" + done));
  }

  private ModelAndView<VotePage> page(
      HttpRequest<?> request,
      Staff staff,
      String id,
      @Nullable FormData form,
      List<FieldError> errors,
      @Nullable String done) {
    Lang lang = Lang.of(request);
    Round round = rounds.get(staff, id);
    boolean mayChange = rounds.mayChange(staff, round);
    Optional<LivelihoodVote.Standing> standing = vote.ofRound(staff, id);
    Map<String, String> typed = new LinkedHashMap<>();
    for (String name : List.of("title", "heldOn", "choices", "elects", "stationId")) {
      String value = form == null ? null : form.get(name);
      typed.put(name, value == null ? "" : value);
    }
    return new ModelAndView<>(
        "admin/livelihood-vote",
        new VotePage(
            Frame.of(request, staff),
            round,
            mayChange,
            mayChange && standing.isEmpty() && round.state() == RoundState.SHORTLISTED,
            standing.map(s -> session(staff, lang, s)).orElse(null),
            stations.list(staff, StationService.Filter.NONE).stream()
                .filter(p -> Rounds.reaches(round, p))
                .map(p -> new Choice(p.id(), p.station().name()))
                .toList(),
            typed,
            FormErrors.byField(lang, errors),
            done));
  }

  private Session session(Staff staff, Lang lang, LivelihoodVote.Standing standing) {
    VoteSession s = standing.session();
    List<VoteProject> tied = standing.overLimit();
    int congress = vote.congress(standing.round()).size();
    return new Session(
        s,
        lang.text(Text.of("livelihood.vote.state." + s.state())),
        vote.ballotUrl(s.id()),
        Math.max(0, congress - s.codesIssued()),
        s.stationId() == null
            ? ""
            : stations.list(staff, StationService.Filter.NONE).stream()
                .filter(p -> p.station().id().equals(s.stationId()))
                .map(p -> p.station().name())
                .findFirst()
                .orElse(""),
        standing.projects().stream()
            .map(
                p ->
                    new Count(
                        p,
                        "ELECTED".equals(p.state()) || "NOT_ELECTED".equals(p.state())
                            ? lang.text(Text.of("livelihood.vote.result." + p.state()))
                            : "",
                        "ELECTED".equals(p.state()),
                        tied.contains(p)))
            .toList(),
        s.state() == VoteState.OPEN ? QrCodes.svg(vote.ballotUrl(s.id())) : "",
        renewal.renewals(s.id()).stream()
            .map(r -> AT.format(r.at().atZoneSameInstant(SHANGHAI)) + " " + r.by())
            .toList());
  }
}
