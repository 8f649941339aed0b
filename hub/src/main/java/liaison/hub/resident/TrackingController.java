package liaison.hub.resident;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import liaison.hub.config.TimeFactory;
import liaison.hub.config.TrackingConfig;
import liaison.hub.opinion.CaseEvent;
import liaison.hub.opinion.CaseStatus;
import liaison.hub.opinion.OpinionCase;
import liaison.hub.opinion.Ratings;
import liaison.hub.opinion.Tracking;
import liaison.hub.photo.PhotoController;
import liaison.hub.photo.PhotoStore;
import liaison.hub.problem.BadInput;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.satisfaction.Satisfaction;
import liaison.hub.security.ClientAddresses;
import liaison.hub.security.Throttle;
import liaison.hub.security.Throttles;
import liaison.hub.text.Text;
import liaison.hub.web.FormData;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;
import liaison.hub.web.ResidentPages;

/**
 * The resident's tracking page: enter the code, see where the opinion stands (in words meant for
 * residents, never staff names or internal notes), the answer, and rate the handling. An unknown
 * code and a malformed one get the same answer, so the page tells nothing about which codes exist.
 *
 * <p>Look-ups are limited two ways ({@code hub.tracking.*}): unknown codes per address, so nobody
 * finds codes by guessing; valid codes per code, never per address, because many residents share
 * one carrier address and one person's typos must not lock the others out of their own cases.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class TrackingController {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Tracking tracking;
  private final Ratings ratings;
  private final ResidentPages pages;
  private final ClientAddresses addresses;
  private final Throttle failures;
  private final Throttle views;
  private final BadInput badInput;
  private final PhotoStore photos;

  public TrackingController(
      Tracking tracking,
      Ratings ratings,
      ResidentPages pages,
      ClientAddresses addresses,
      TrackingConfig config,
      BadInput badInput,
      PhotoStore photos,
      Throttles throttles) {
    this.tracking = tracking;
    this.ratings = ratings;
    this.pages = pages;
    this.addresses = addresses;
    this.badInput = badInput;
    this.photos = photos;
    this.failures =
        throttles.shared(
            "tracking.failures",
            config.failuresPerAddress(),
            config.failureWindow(),
            config.remembered());
    this.views =
        throttles.shared(
            "tracking.views", config.viewsPerCode(), config.viewWindow(), config.remembered());
  }

  /** A look-up: the case, or the refusal to give instead; neither for an unknown code (404). */
  record Lookup(@Nullable OpinionCase found, @Nullable HttpResponse<?> refusal) {}

  /**
   * The case behind a code as typed, counted: a valid code against itself, an unknown one against
   * the address that asked. Past either limit, the 429 to answer instead.
   */
  Lookup lookUp(HttpRequest<?> request, @Nullable String typed) {
    Optional<OpinionCase> found = tracking.find(typed);
    if (found.isPresent()) {
      Optional<Duration> wait = views.tryAcquire(found.get().trackingCode());
      return wait.isPresent()
          ? new Lookup(
              null,
              pages.tooMany(
                  request,
                  wait.get(),
                  Text.of("resident.track.views.title"),
                  minutes -> Text.of("resident.track.views.body", minutes)))
          : new Lookup(found.get(), null);
    }
    String address = addresses.of(request);
    Optional<Duration> blocked = failures.blockedFor(address);
    if (blocked.isPresent()) {
      badInput.record(
          "tracking", "guessing", "unknown tracking codes from " + address + " held back");
      return new Lookup(
          null,
          pages.tooMany(
              request,
              blocked.get(),
              Text.of("resident.track.limit.title"),
              minutes -> Text.of("resident.track.limit.body", minutes)));
    }
    failures.tryAcquire(address);
    badInput.record(
        "tracking", "unknown-code", "an unknown tracking code looked up from " + address);
    return new Lookup(null, null);
  }

  @Get(uri = "/t", produces = MediaType.TEXT_HTML)
  public HttpResponse<?> lookup(HttpRequest<?> request, @Nullable @QueryValue String code) {
    if (code == null || code.isBlank()) {
      return HttpResponse.ok(entry(Lang.of(request), false, ""));
    }
    Lookup lookup = lookUp(request, code);
    if (lookup.refusal() != null) {
      return lookup.refusal();
    }
    if (lookup.found() != null) {
      return HttpResponse.seeOther(URI.create("/t/" + lookup.found().trackingCode()));
    }
    return HttpResponse.status(HttpStatus.NOT_FOUND)
        .body(entry(Lang.of(request), true, code.length() > 20 ? code.substring(0, 20) : code));
  }

  @Get(uri = "/t/{code}", produces = MediaType.TEXT_HTML)
  public HttpResponse<?> track(
      HttpRequest<?> request, String code, @Nullable @QueryValue("new") String fresh) {
    Lookup lookup = lookUp(request, code);
    if (lookup.refusal() != null) {
      return lookup.refusal();
    }
    if (lookup.found() == null) {
      return HttpResponse.status(HttpStatus.NOT_FOUND).body(entry(Lang.of(request), true, ""));
    }
    return HttpResponse.ok(
        view(Lang.of(request), lookup.found(), fresh != null, List.of(), null, ""));
  }

  /**
   * A photo the resident attached to their opinion, for whoever holds the case's tracking code
   * (counted like a look-up); kept privately by the browser, never by a shared cache.
   */
  @Get(uri = "/t/{code}/photos/{file}", produces = MediaType.IMAGE_JPEG)
  public HttpResponse<?> photo(
      HttpRequest<?> request,
      String code,
      String file,
      @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    Lookup lookup = lookUp(request, code);
    if (lookup.refusal() != null) {
      return lookup.refusal();
    }
    String hash = PhotoController.hashOf(file);
    if (lookup.found() == null || !tracking.hasPhoto(lookup.found(), hash)) {
      return HttpResponse.notFound();
    }
    return PhotoController.privately(photos, hash, ifNoneMatch);
  }

  @Post(
      uri = "/t/{code}/rating",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> rate(HttpRequest<?> request, String code, @Nullable @Body String body) {
    Lookup lookup = lookUp(request, code);
    if (lookup.refusal() != null) {
      return lookup.refusal();
    }
    if (lookup.found() == null) {
      return HttpResponse.status(HttpStatus.NOT_FOUND).body(entry(Lang.of(request), true, ""));
    }
    Optional<OpinionCase> found = Optional.of(lookup.found());
    Optional<HttpResponse<?>> limited = pages.limitRating(request, lookup.found().trackingCode());
    if (limited.isPresent()) {
      return limited.get();
    }
    FormData form = FormData.parse(body);
    Lang lang = Lang.of(request);
    try {
      ratings.rate(
          found.get().trackingCode(),
          form.get("rating") == null ? "" : form.get("rating"),
          form.get("comment"));
      return HttpResponse.seeOther(URI.create("/t/" + found.get().trackingCode()));
    } catch (ValidationProblem problem) {
      List<String> errors = problem.errors().stream().map(e -> lang.text(e.text())).toList();
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(view(lang, found.get(), false, errors, form.get("rating"), form.get("comment")));
    } catch (ConflictProblem problem) {
      OpinionCase now = tracking.reread(found.get());
      return HttpResponse.status(HttpStatus.CONFLICT)
          .body(view(lang, now, false, List.of(lang.text(problem.text())), null, ""));
    }
  }

  /**
   * The resident turns off the SMS they asked for about this case (the stop link in a message stops
   * every SMS to the number instead). Counted like a rating: a write about one's own case.
   */
  @Post(
      uri = "/t/{code}/sms",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> stopSms(HttpRequest<?> request, String code) {
    Lookup lookup = lookUp(request, code);
    if (lookup.refusal() != null) {
      return lookup.refusal();
    }
    if (lookup.found() == null) {
      return HttpResponse.status(HttpStatus.NOT_FOUND).body(entry(Lang.of(request), true, ""));
    }
    Optional<HttpResponse<?>> limited = pages.limitRating(request, lookup.found().trackingCode());
    if (limited.isPresent()) {
      return limited.get();
    }
    tracking.stopSms(lookup.found());
    return HttpResponse.seeOther(URI.create("/t/" + lookup.found().trackingCode()));
  }

  /** A rating to choose: its value and what it says in the page's language. */
  public record Choice(String name, String label) {}

  /**
   * An answer the station gave or a rating the resident made, as the page shows it: when, a heading
   * ("答复", "您的评价：不满意") and the text (the answer, or the resident's comment, maybe empty).
   */
  public record Exchange(String at, boolean answer, String heading, String text) {}

  /** A line of the case's timeline as the resident reads it. */
  public record TimelineLine(String at, String text) {}

  /**
   * track, asking for a code: the code as typed and whether it was unknown. The case's parts of the
   * page are not shown (the page has no {@code c}).
   */
  @Introspected
  public record LookupPage(Frame frame, boolean unknown, String typed) {}

  /**
   * track, a case as the resident may read it: where it stands in words meant for residents, the
   * answer, the rating form (the rating chosen and the comment kept when it came back with
   * messages, {@code errorList}) and the timeline; {@code fresh} right after it was sent.
   */
  @Introspected
  public record CasePage(
      Frame frame,
      OpinionCase c,
      boolean fresh,
      @Nullable String stationName,
      @Nullable String backUrl,
      String statusText,
      String categoryText,
      String submittedAt,
      boolean reopened,
      @Nullable String answer,
      List<Exchange> exchanges,
      @Nullable String guidance,
      boolean merged,
      boolean canRate,
      List<String> errorList,
      @Nullable String chosen,
      @Nullable String comment,
      @Nullable String ratingText,
      List<Choice> satisfactions,
      List<TimelineLine> timeline,
      List<String> photos,
      @Nullable String smsTo) {}

  private static ModelAndView<LookupPage> entry(Lang lang, boolean unknown, String typed) {
    return new ModelAndView<>("track", new LookupPage(Frame.resident(lang, "/t"), unknown, typed));
  }

  private ModelAndView<CasePage> view(
      Lang lang,
      OpinionCase c,
      boolean fresh,
      List<String> errors,
      @Nullable String chosen,
      @Nullable String comment) {
    Tracking.Tracked tracked = tracking.tracked(c);
    List<Exchange> exchanges = exchanges(lang, tracked);
    List<TimelineLine> timeline = new ArrayList<>();
    for (CaseEvent e : tracked.events()) {
      String text = residentText(lang, e);
      if (text != null) {
        timeline.add(
            new TimelineLine(WHEN.format(e.at().atZoneSameInstant(TimeFactory.ZONE)), text));
      }
    }
    return new ModelAndView<>(
        "track",
        new CasePage(
            // The switch comes back without ?new=1: the code is shown on the page anyway.
            Frame.resident(lang, "/t/" + c.trackingCode()),
            c,
            fresh,
            tracked.stationName(),
            tracked.stationToken() == null ? null : "/o/" + tracked.stationToken(),
            lang.text(c.status().residentText()),
            lang.text(c.category().text()),
            WHEN.format(c.submittedAt().atZoneSameInstant(TimeFactory.ZONE)),
            c.status() == CaseStatus.REOPENED,
            // An answer or a rating the timeline does not hold (a merged case's answer is the other
            // case's) is shown on its own.
            exchanges.stream().anyMatch(Exchange::answer) ? null : tracked.answer(),
            exchanges,
            c.status() == CaseStatus.CLOSED_WITH_GUIDANCE ? c.guidance() : null,
            c.status() == CaseStatus.MERGED,
            Ratings.canRate(c),
            errors,
            chosen,
            comment,
            c.rating() == null || exchanges.stream().anyMatch(x -> !x.answer())
                ? null
                : lang.text(c.rating().text()),
            Arrays.stream(Satisfaction.values())
                .map(s -> new Choice(s.name(), lang.text(s.text())))
                .toList(),
            timeline,
            tracked.photoHashes().stream()
                .map(h -> "/t/" + c.trackingCode() + "/photos/" + h + ".jpg")
                .toList(),
            tracking.smsTo(c).orElse(null)));
  }

  /** Every answer and every rating of the case, oldest first. */
  private static List<Exchange> exchanges(Lang lang, Tracking.Tracked tracked) {
    List<Exchange> out = new ArrayList<>();
    for (Tracking.Said said : Tracking.conversation(tracked.events(), tracked.opinion().answer())) {
      String at = WHEN.format(said.at().atZoneSameInstant(TimeFactory.ZONE));
      Ratings.Rated rated = said.rating();
      if (said.answer() != null) {
        out.add(new Exchange(at, true, lang.text(Text.of("resident.track.answer")), said.answer()));
      } else if (rated != null) {
        out.add(
            new Exchange(
                at,
                false,
                lang.text(Text.of("resident.track.rated", rated.rating().text())),
                rated.comment()));
      }
    }
    return out;
  }

  /**
   * A timeline line as the resident reads it; null for lines only staff see (e.g. contact viewed).
   */
  private static @Nullable String residentText(Lang lang, CaseEvent e) {
    if (e.to() != null) {
      return lang.text(e.to().residentText());
    }
    return switch (e.action()) {
      case "submit" -> lang.text(Text.of("resident.event.submit"));
      case "rate" -> lang.text(Text.of("resident.event.rate"));
      case "contact-deleted" -> lang.text(Text.of("resident.event.contact-deleted"));
      default -> null;
    };
  }
}
