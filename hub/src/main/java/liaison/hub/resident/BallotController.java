package liaison.hub.resident;

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
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.report.Choice;
import liaison.hub.report.ReportVote;
import liaison.hub.security.ClientAddresses;
import liaison.hub.text.Text;
import liaison.hub.web.FormData;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;

/**
 * The voters' ballot page of a report to voters (述职评议), {@code /r/{id}}, opened from a ballot
 * slip's QR code ({@code ?c=} fills the code in) or the screen's: no log-in, no script, one plain
 * form. A phone that voted keeps a cookie and is told so if it tries again; the form's token makes
 * a form sent twice count once; the address's limit stops a script; the code is the real key.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/r")
@ExecuteOn(TaskExecutors.BLOCKING)
public class BallotController {
  private static final String VOTED = "liaison_voted_";

  private final ReportVote vote;
  private final ClientAddresses addresses;

  public BallotController(ReportVote vote, ClientAddresses addresses) {
    this.vote = vote;
    this.addresses = addresses;
  }

  /**
   * vote/ballot: the report, the form as typed (or the slip's code) with the messages beside it.
   *
   * @param state why no ballot is taken now (not open yet, closed), else null
   * @param when the report's start and end, Asia/Shanghai
   */
  @Introspected
  public record BallotPage(
      Frame frame,
      ReportVote.Ballot ballot,
      String when,
      @Nullable String state,
      List<Choice> choices,
      String code,
      String chosen,
      String comment,
      Map<String, List<String>> errors,
      int maxComment) {}

  /** vote/thanks: counted now, or counted before (a form sent again). */
  @Introspected
  public record ThanksPage(Frame frame, ReportVote.Ballot ballot, boolean before) {}

  @Get(uri = "/{id}", produces = MediaType.TEXT_HTML)
  public ModelAndView<BallotPage> page(
      HttpRequest<?> request, String id, @Nullable @QueryValue String c) {
    ReportVote.Ballot ballot = vote.ballot(id);
    return page(request, ballot, c == null ? "" : c, "", "", List.of());
  }

  @Post(
      uri = "/{id}",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> cast(HttpRequest<?> request, String id, @Body @Nullable String body) {
    FormData form = FormData.parse(body);
    ReportVote.Cast cast =
        new ReportVote.Cast(
            form.get("code"), form.get("choice"), form.get("comment"), form.get("form"));
    ReportVote.Ballot ballot = vote.ballot(id);
    if (vote.counted(id, cast.form())) {
      return HttpResponse.ok(thanks(request, ballot, true));
    }
    if (request.getCookies().contains(VOTED + id)) {
      return refused(
          request, ballot, cast, HttpStatus.CONFLICT, Text.of("problem.report.vote.phone"));
    }
    Optional<Duration> wait = vote.limit(addresses.of(request));
    if (wait.isPresent()) {
      long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
      return refused(
              request,
              ballot,
              cast,
              HttpStatus.TOO_MANY_REQUESTS,
              Text.of("problem.report.vote.too-many", minutes))
          .header("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
    }
    try {
      ReportVote.Outcome outcome = vote.cast(id, cast);
      Cookie voted =
          Cookie.of(VOTED + id, "1")
              .path("/r/" + id)
              .maxAge(Duration.ofDays(2))
              .httpOnly(true)
              .sameSite(SameSite.Lax);
      return HttpResponse.ok(thanks(request, ballot, outcome == ReportVote.Outcome.ALREADY_COUNTED))
          .cookie(voted);
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(page(request, ballot, cast, e.errors()));
    }
  }

  private MutableHttpResponse<?> refused(
      HttpRequest<?> request,
      ReportVote.Ballot ballot,
      ReportVote.Cast cast,
      HttpStatus status,
      Text reason) {
    return HttpResponse.status(status)
        .body(page(request, ballot, cast, List.of(new FieldError("vote", reason))));
  }

  private ModelAndView<BallotPage> page(
      HttpRequest<?> request,
      ReportVote.Ballot ballot,
      ReportVote.Cast cast,
      List<FieldError> errors) {
    // The form's token stays: nothing was counted, and a second send must still count once.
    ReportVote.Ballot same = cast.form() == null ? ballot : ballot.withForm(cast.form());
    return page(
        request,
        same,
        Optional.ofNullable(cast.code()).orElse(""),
        Optional.ofNullable(cast.choice()).orElse(""),
        Optional.ofNullable(cast.comment()).orElse(""),
        errors);
  }

  private ModelAndView<BallotPage> page(
      HttpRequest<?> request,
      ReportVote.Ballot ballot,
      String code,
      String chosen,
      String comment,
      List<FieldError> errors) {
    Lang lang = Lang.of(request);
    Map<String, List<String>> byField = new LinkedHashMap<>();
    for (FieldError e : errors) {
      byField.computeIfAbsent(e.field(), k -> new java.util.ArrayList<>()).add(lang.text(e.text()));
    }
    var report = ballot.report();
    String state =
        switch (report.status()) {
          case OPEN -> null;
          case SCHEDULED -> lang.text(Text.of("vote.state.not-open", ballot.starts()));
          case CLOSED, CANCELLED -> lang.text(Text.of("vote.state.closed"));
        };
    return new ModelAndView<>(
        "vote/ballot",
        new BallotPage(
            Frame.resident(lang, "/r/" + report.id()),
            ballot,
            ballot.starts() + "—" + ballot.ends(),
            state,
            List.of(Choice.values()),
            code,
            chosen,
            comment,
            byField,
            ReportVote.MAX_COMMENT));
  }

  private static ModelAndView<ThanksPage> thanks(
      HttpRequest<?> request, ReportVote.Ballot ballot, boolean before) {
    return new ModelAndView<>(
        "vote/thanks",
        new ThanksPage(
            Frame.resident(Lang.of(request), "/r/" + ballot.report().id()), ballot, before));
  }
}
