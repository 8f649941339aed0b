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
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import liaison.hub.config.PrivacyConfig;
import liaison.hub.opinion.Category;
import liaison.hub.opinion.OpinionCase;
import liaison.hub.opinion.OpinionDraft;
import liaison.hub.opinion.OpinionSubmissions;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.publish.PublishedContent;
import liaison.hub.station.StationPlace;
import liaison.hub.web.FormData;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;
import liaison.hub.web.ResidentPages;
import liaison.signage.protocol.StationContent;
import liaison.signage.schedule.ReceptionCalendar;

/**
 * What a resident's phone opens from a QR code: the station (where and when deputies receive
 * visitors) with the opinion form. {@code /o/<token>} is a station's own token or a deputy's at
 * that station (the form is then addressed to the deputy). See {@link ResidentPages} for why the
 * form has no CSRF token.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class PublicStationController {
  /** The form's photo fields left empty, as {@code PhotoStore.prepareUploads} takes them. */
  private static final List<byte[]> NO_PHOTOS = List.of(new byte[0], new byte[0], new byte[0]);

  private final PublishedContent published;
  private final OpinionSubmissions submissions;
  private final ResidentPages pages;
  private final PrivacyConfig privacy;
  private final Clock clock;

  public PublicStationController(
      PublishedContent published,
      OpinionSubmissions submissions,
      ResidentPages pages,
      PrivacyConfig privacy,
      Clock clock) {
    this.published = published;
    this.submissions = submissions;
    this.pages = pages;
    this.privacy = privacy;
    this.clock = clock;
  }

  /** A choice of a select: its value and what it says in the page's language. */
  public record Choice(String name, String label) {}

  /** The opinion form as typed, kept when it comes back with messages. */
  public record Typed(
      @Nullable String category,
      @Nullable String text,
      @Nullable String name,
      @Nullable String phone,
      boolean consent,
      boolean toDepartment,
      boolean notifySms) {
    static final Typed NOTHING = new Typed(null, null, null, null, false, false, false);
  }

  /**
   * station: the station (where and when deputies receive, its notices) with the opinion form, as
   * typed and with each field's message in the reader's language ({@code errors}) and the other one
   * ({@code errorsOther}); the published parts are null until the station's content is published
   * ({@code ready}).
   *
   * @param deputyName the deputy the form is addressed to, if it is a deputy's link
   */
  @Introspected
  public record StationPage(
      Frame frame,
      StationPlace place,
      String token,
      boolean form,
      @Nullable String deputyName,
      Map<String, String> errors,
      Map<String, String> errorsOther,
      List<String> errorList,
      Typed values,
      int retentionDays,
      List<Choice> categories,
      boolean ready,
      @Nullable List<StationContent.Reception> today,
      @Nullable List<StationContent.Reception> upcoming,
      @Nullable ReceptionCalendar calendar,
      @Nullable List<StationContent.Notice> notices) {}

  @Get(uri = "/o/{token}", produces = MediaType.TEXT_HTML)
  public HttpResponse<?> opinion(HttpRequest<?> request, String token) {
    return submissions
        .addressed(token)
        .<HttpResponse<?>>map(
            t ->
                HttpResponse.ok(
                    page(Lang.of(request), t, token, Map.of(), Map.of(), List.of(), Typed.NOTHING)))
        .orElseGet(() -> pages.unknownLink(request));
  }

  @Post(
      uri = "/o/{token}",
      consumes = MediaType.MULTIPART_FORM_DATA,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> submit(
      HttpRequest<?> request,
      String token,
      @Nullable @Part("category") String category,
      @Nullable @Part("text") String text,
      @Nullable @Part("name") String name,
      @Nullable @Part("phone") String phone,
      @Nullable @Part("consent") String consent,
      @Nullable @Part("toDepartment") String toDepartment,
      @Nullable @Part("notifySms") String notifySms,
      @Nullable @Part("photo1") CompletedFileUpload photo1,
      @Nullable @Part("photo2") CompletedFileUpload photo2,
      @Nullable @Part("photo3") CompletedFileUpload photo3) {
    return receive(
        request,
        token,
        new Typed(
            category, text, name, phone, consent != null, toDepartment != null, notifySms != null),
        ResidentPages.uploads(photo1, photo2, photo3));
  }

  /**
   * The same form with no photo chosen, as the page's script sends it then ({@code
   * opinion-form.js}): a plain body, read as it is, which costs the hub a fraction of Micronaut's
   * multipart decoding and binding. The same checks, limits, messages and answers as {@link
   * #submit}; its size is held to the same bound ({@code web.BodyLimits}).
   */
  @Post(
      uri = "/o/{token}",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> submitPlain(
      HttpRequest<?> request, String token, @Nullable @Body String body) {
    FormData form = FormData.parse(body);
    return receive(
        request,
        token,
        new Typed(
            form.get("category"),
            form.get("text"),
            form.get("name"),
            form.get("phone"),
            form.get("consent") != null,
            form.get("toDepartment") != null,
            form.get("notifySms") != null),
        NO_PHOTOS);
  }

  private HttpResponse<?> receive(
      HttpRequest<?> request, String token, Typed values, List<byte[]> photos) {
    if (photos.stream().anyMatch(p -> p.length > 0)) {
      // Photos are decoded and stored before the case's transaction: not for a sender already
      // past a limit.
      Optional<HttpResponse<?>> held = pages.heldBack(request, token);
      if (held.isPresent()) {
        return held.get();
      }
    }
    OpinionDraft draft =
        new OpinionDraft(
            values.category(),
            values.text(),
            photos,
            values.name(),
            values.phone(),
            values.consent(),
            values.toDepartment(),
            values.notifySms());
    try {
      // The limits are counted in the case's own transaction on SQLite (one commit for both), in
      // one round trip just before it on PostgreSQL.
      Optional<OpinionCase> saved =
          submissions.submitThrough(
              token,
              draft,
              OpinionSubmissions.Admission.of(
                  h -> pages.count(h, request, token), () -> pages.countApart(request, token)));
      if (saved.isEmpty()) {
        return pages.unknownLink(request);
      }
      // Post/redirect/get: reloading the result page does not send the opinion twice.
      return HttpResponse.seeOther(URI.create("/t/" + saved.get().trackingCode() + "?new=1"));
    } catch (OpinionSubmissions.Refused refused) {
      return pages.tooMany(request, refused.waitFor());
    } catch (ValidationProblem problem) {
      Optional<OpinionSubmissions.Addressed> target = submissions.addressed(token);
      if (target.isEmpty()) {
        return pages.unknownLink(request);
      }
      // A form sent back counts against the limits as a stored one does.
      Optional<HttpResponse<?>> limited = pages.limit(request, token);
      if (limited.isPresent()) {
        return limited.get();
      }
      Lang lang = Lang.of(request);
      ResidentPages.FieldMessages messages = ResidentPages.FieldMessages.of(lang, problem.errors());
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(
              page(
                  lang,
                  target.get(),
                  token,
                  messages.errors(),
                  messages.other(),
                  messages.list(),
                  values));
    }
  }

  private ModelAndView<StationPage> page(
      Lang lang,
      OpinionSubmissions.Addressed target,
      String token,
      Map<String, String> errors,
      Map<String, String> errorsOther,
      List<String> errorList,
      Typed values) {
    StationPlace place = target.place();
    List<Choice> categories =
        Arrays.stream(Category.values())
            .map(c -> new Choice(c.name(), lang.text(c.text())))
            .toList();
    Optional<ReceptionCalendar> calendar =
        published.of(place.id()).map(content -> new ReceptionCalendar(content, clock));
    return new ModelAndView<>(
        "station",
        new StationPage(
            Frame.resident(lang, "/o/" + token),
            place,
            token,
            true,
            target.deputyName(),
            errors,
            // Under each message, the same in the other language, for a reader of the other one.
            errorsOther,
            errorList,
            values,
            privacy.contactRetentionDays(),
            categories,
            calendar.isPresent(),
            calendar.map(ReceptionCalendar::todaysReceptions).orElse(null),
            calendar.map(c -> c.upcoming(14)).orElse(null),
            calendar.orElse(null),
            calendar.map(ReceptionCalendar::activeNotices).orElse(null)));
  }
}
