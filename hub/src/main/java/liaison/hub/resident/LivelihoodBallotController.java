package liaison.hub.resident;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import liaison.hub.livelihood.LivelihoodVote;
import liaison.hub.livelihood.VoteChoice;
import liaison.hub.livelihood.VoteProject;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.ClientAddresses;
import liaison.hub.text.Text;
import liaison.hub.web.FormData;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;

/**
 * The deputies' ballot of a livelihood projects' vote (民生实事项目票决), {@code /lv/{session}}, opened
 * from a code slip's QR code ({@code ?c=} fills the code in) or a deputy's {@code /me}: no log-in,
 * one plain form, every project answered. The code is the key and the only proof of being a deputy
 * of the congress; the form's token makes a form sent twice count once; the address's limit stops a
 * script.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/lv")
@ExecuteOn(TaskExecutors.BLOCKING)
public class LivelihoodBallotController {
  private final LivelihoodVote vote;
  private final ClientAddresses addresses;

  public LivelihoodBallotController(LivelihoodVote vote, ClientAddresses addresses) {
    this.vote = vote;
    this.addresses = addresses;
  }

  /** A refusal's words: Chinese first, then English, whichever language the page is in. */
  @Introspected
  public record Msg(String zh, String en) {}

  /** A project on the ballot with the answer as sent. */
  @Introspected
  public record Row(VoteProject project, String chosen, List<Msg> errors) {}

  /**
   * livelihood/ballot: the session, the projects, the form as typed with the messages beside it.
   *
   * @param state why no ballot is taken now (not open yet, closed), else null
   * @param left FOR votes left as the form stands
   */
  @Introspected
  public record BallotPage(
      Frame frame,
      LivelihoodVote.Standing standing,
      String level,
      String form,
      @Nullable String state,
      List<VoteChoice> choices,
      List<Row> rows,
      String code,
      int left,
      Map<String, List<Msg>> errors) {}

  /** livelihood/ballot-thanks: counted now, or counted before (a form sent again). */
  @Introspected
  public record ThanksPage(Frame frame, LivelihoodVote.Standing standing, boolean before) {}

  @Get(uri = "/{id}", produces = MediaType.TEXT_HTML)
  public ModelAndView<BallotPage> page(
      HttpRequest<?> request, String id, @Nullable @QueryValue String c) {
    LivelihoodVote.Standing standing = vote.standing(id);
    return page(request, standing, vote.formToken(), c == null ? "" : c, Map.of(), List.of());
  }

  @Post(
      uri = "/{id}",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> cast(HttpRequest<?> request, String id, @Body @Nullable String body) {
    FormData form = FormData.parse(body);
    LivelihoodVote.Standing standing = vote.standing(id);
    Map<String, String> answers = new LinkedHashMap<>();
    for (VoteProject p : standing.projects()) {
      String answer = form.get("p-" + p.id());
      if (answer != null) {
        answers.put(p.id(), answer);
      }
    }
    LivelihoodVote.Cast cast = new LivelihoodVote.Cast(form.get("code"), form.get("form"), answers);
    String token = cast.form() == null ? vote.formToken() : cast.form();
    String code = Optional.ofNullable(cast.code()).orElse("");
    if (vote.counted(id, cast.form())) {
      return HttpResponse.ok(thanks(request, standing, true));
    }
    Optional<Duration> wait = vote.limit(addresses.of(request));
    if (wait.isPresent()) {
      long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
      return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
          .header("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())))
          .body(
              page(
                  request,
                  standing,
                  token,
                  code,
                  answers,
                  List.of(
                      new FieldError(
                          "vote", Text.of("problem.livelihood.vote.too-many-requests", minutes)))));
    }
    try {
      LivelihoodVote.Outcome outcome = vote.cast(id, cast);
      return HttpResponse.ok(
          thanks(request, vote.standing(id), outcome == LivelihoodVote.Outcome.ALREADY_COUNTED));
    } catch (ValidationProblem e) {
      // The form's token stays: nothing was counted, and a second send must still count once.
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(page(request, vote.standing(id), token, code, answers, e.errors()));
    }
  }

  private ModelAndView<BallotPage> page(
      HttpRequest<?> request,
      LivelihoodVote.Standing standing,
      String form,
      String code,
      Map<String, String> answers,
      List<FieldError> errors) {
    Lang lang = Lang.of(request);
    Map<String, List<Msg>> byField = new LinkedHashMap<>();
    for (FieldError e : errors) {
      byField
          .computeIfAbsent(e.field(), k -> new ArrayList<>())
          .add(new Msg(e.text().zh(), e.text().en()));
    }
    List<Row> rows = new ArrayList<>();
    int forCount = 0;
    for (VoteProject p : standing.projects()) {
      String chosen = answers.getOrDefault(p.id(), "");
      if (VoteChoice.FOR.name().equals(chosen)) {
        forCount++;
      }
      rows.add(new Row(p, chosen, byField.getOrDefault("p-" + p.id(), List.of())));
    }
    String state = LivelihoodVote.stateProblem(standing.session()).map(lang::text).orElse(null);
    return new ModelAndView<>(
        "livelihood/ballot",
        new BallotPage(
            Frame.resident(lang, "/lv/" + standing.session().id()),
            standing,
            level(lang, standing),
            form,
            state,
            List.of(VoteChoice.values()),
            rows,
            code,
            Math.max(0, standing.session().choices() - forCount),
            byField));
  }

  private static String level(Lang lang, LivelihoodVote.Standing standing) {
    String township = standing.round().townshipName();
    return township != null ? township : lang.text(Text.of("livelihood.level.county"));
  }

  private static ModelAndView<ThanksPage> thanks(
      HttpRequest<?> request, LivelihoodVote.Standing standing, boolean before) {
    return new ModelAndView<>(
        "livelihood/ballot-thanks",
        new ThanksPage(
            Frame.resident(Lang.of(request), "/lv/" + standing.session().id()), standing, before));
  }
}
