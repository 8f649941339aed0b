package liaison.hub.resident;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import liaison.hub.livelihood.LivelihoodVote;
import liaison.hub.livelihood.Proposal;
import liaison.hub.livelihood.Proposals;
import liaison.hub.livelihood.Round;
import liaison.hub.livelihood.Rounds;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.station.StationPlace;
import liaison.hub.text.Text;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;
import liaison.hub.web.ResidentPages;

/**
 * 民生实事 for residents: the proposal form a station's QR link opens ({@code /l/<station token>}, the
 * token of the opinion form) while a round reaching the station collects, and the public list of
 * the rounds with their accepted proposals ({@code /livelihood}). Anonymous: no name or phone is
 * asked for. The form shares the opinion form's limits ({@link ResidentPages#limit}) and, like it,
 * carries no CSRF token (see {@link ResidentPages}).
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class LivelihoodController {
  private final Rounds rounds;
  private final Proposals proposals;
  private final ResidentPages pages;
  private final LivelihoodProgress progress;
  private final LivelihoodVote vote;
  private final PublicShortlists shortlists;

  public LivelihoodController(
      Rounds rounds,
      Proposals proposals,
      ResidentPages pages,
      LivelihoodProgress progress,
      LivelihoodVote vote,
      PublicShortlists shortlists) {
    this.rounds = rounds;
    this.proposals = proposals;
    this.pages = pages;
    this.progress = progress;
    this.vote = vote;
    this.shortlists = shortlists;
  }

  /** A choice of the form: its value and what it says in the page's language. */
  public record Choice(String value, String label) {}

  /** A round a resident may propose to, with the categories it asks for. */
  public record Open(Round round, String level, List<Choice> categories) {}

  /** The form as typed, kept when it comes back with messages. */
  public record Typed(
      @Nullable String roundId,
      @Nullable String category,
      @Nullable String title,
      @Nullable String description,
      @Nullable String place) {
    static final Typed NOTHING = new Typed(null, null, null, null, null);
  }

  /**
   * livelihood/propose: the form for the rounds collecting at the station (none: a word and the
   * public list's link), each field's message in the reader's language and the other one.
   */
  @Introspected
  public record ProposePage(
      Frame frame,
      StationPlace place,
      String token,
      List<Open> open,
      Typed values,
      Map<String, String> errors,
      Map<String, String> errorsOther,
      List<String> errorList,
      @Nullable String sent) {}

  /** A round on the public page and what of it is public: its accepted proposals' words. */
  public record PublicRound(
      Round round, String level, String categories, List<Proposal> accepted) {}

  /**
   * livelihood/rounds: the rounds collecting or under review; the published shortlists (fragment
   * livelihood/shortlist); the decided ones with their vote's result ({@code
   * livelihood/vote-result}); the decided and evaluated ones with their projects' progress and
   * ratings ({@code livelihood/progress}), each with what was left out and why ({@code leftOut} by
   * round, fragment livelihood/left-out).
   */
  @Introspected
  public record RoundsPage(
      Frame frame,
      List<PublicRound> rounds,
      List<LivelihoodVote.Standing> results,
      List<PublicShortlists.Shown> shortlists,
      List<LivelihoodProgress.DecidedRound> decided,
      Map<String, List<PublicShortlists.Line>> leftOut) {}

  @Get(uri = "/l/{token}", produces = MediaType.TEXT_HTML)
  public HttpResponse<?> form(
      HttpRequest<?> request, String token, @Nullable @QueryValue String sent) {
    return proposals
        .stationOf(token)
        .<HttpResponse<?>>map(
            p ->
                HttpResponse.ok(
                    page(
                        Lang.of(request),
                        p,
                        token,
                        Typed.NOTHING,
                        List.of(),
                        sent != null && !sent.isBlank() ? sent : null)))
        .orElseGet(() -> pages.unknownLink(request));
  }

  @Post(
      uri = "/l/{token}",
      consumes = MediaType.MULTIPART_FORM_DATA,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> submit(
      HttpRequest<?> request,
      String token,
      @Nullable @Part("roundId") String roundId,
      @Nullable @Part("category") String category,
      @Nullable @Part("title") String title,
      @Nullable @Part("description") String description,
      @Nullable @Part("place") String place,
      @Nullable @Part("photo1") CompletedFileUpload photo1,
      @Nullable @Part("photo2") CompletedFileUpload photo2,
      @Nullable @Part("photo3") CompletedFileUpload photo3) {
    Optional<StationPlace> station = proposals.stationOf(token);
    if (station.isEmpty()) {
      return pages.unknownLink(request);
    }
    Optional<HttpResponse<?>> limited = pages.limit(request, token);
    if (limited.isPresent()) {
      return limited.get();
    }
    Typed typed = new Typed(roundId, category, title, description, place);
    try {
      Proposal saved =
          proposals.submit(
              station.get(),
              new Proposals.ResidentDraft(
                  roundId,
                  new Proposals.Words(category, title, description, place),
                  ResidentPages.uploads(photo1, photo2, photo3)));
      // Post/redirect/get: reloading the thanks does not send the proposal twice.
      return HttpResponse.seeOther(URI.create("/l/" + token + "?sent=" + saved.id()));
    } catch (ValidationProblem problem) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(page(Lang.of(request), station.get(), token, typed, problem.errors(), null));
    }
  }

  @Get(uri = "/livelihood", produces = MediaType.TEXT_HTML)
  public ModelAndView<RoundsPage> rounds(
      HttpRequest<?> request, @Nullable @QueryValue String rated) {
    Lang lang = Lang.of(request);
    List<PublicRound> shown =
        rounds.publicRounds().stream()
            .map(
                r ->
                    new PublicRound(
                        r,
                        level(lang, r),
                        String.join(
                            lang == Lang.EN ? ", " : "、",
                            r.categories().stream().map(c -> lang.text(c.text())).toList()),
                        proposals.accepted(r.id())))
            .toList();
    return new ModelAndView<>(
        "livelihood/rounds",
        new RoundsPage(
            Frame.resident(lang, "/livelihood"),
            shown,
            vote.decided(),
            shortlists.shown(lang),
            progress.rounds(lang, rated),
            shortlists.leftOutAfterTheVote(lang)));
  }

  private ModelAndView<ProposePage> page(
      Lang lang,
      StationPlace place,
      String token,
      Typed values,
      List<FieldError> problems,
      @Nullable String sent) {
    ResidentPages.FieldMessages messages = ResidentPages.FieldMessages.of(lang, problems);
    List<Open> open =
        rounds.collectingAt(place).stream()
            .map(
                r ->
                    new Open(
                        r,
                        level(lang, r),
                        r.categories().stream()
                            .map(c -> new Choice(c.name(), lang.text(c.text())))
                            .toList()))
            .toList();
    return new ModelAndView<>(
        "livelihood/propose",
        new ProposePage(
            Frame.resident(lang, "/l/" + token),
            place,
            token,
            open,
            values,
            messages.errors(),
            messages.other(),
            messages.list(),
            sent));
  }

  /** "青溪县" or "白沙镇": whose congress decides the round's projects. */
  private static String level(Lang lang, Round r) {
    return r.townshipName() != null
        ? r.townshipName()
        : lang.text(Text.of("livelihood.level.county"));
  }
}
