package liaison.hub.admin;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import liaison.hub.config.TimeFactory;
import liaison.hub.enrolment.Enrolments;
import liaison.hub.enrolment.StationCredential;
import liaison.hub.media.MediaSlides;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.StationPlace;
import liaison.hub.text.Text;
import liaison.hub.web.FormData;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;
import org.jspecify.annotations.Nullable;

/**
 * 屏幕登记: a station's screen credential. Whoever may change the station types in the code its new
 * screen shows, or revokes the credential of a lost or replaced one.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin/stations/{id}/screen")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ScreenAdminController {
  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final List<String> DONE = List.of("enrolled", "revoked", "volume");

  private final Enrolments enrolments;
  private final Access access;
  private final MediaSlides media;

  public ScreenAdminController(Enrolments enrolments, Access access, MediaSlides media) {
    this.enrolments = enrolments;
    this.access = access;
    this.media = media;
  }

  /**
   * admin/station-screen: the station's screen credential (none before a first enrolment), the code
   * as typed and the messages beside it; {@code done} what was just done.
   */
  @Introspected
  public record ScreenPage(
      Frame frame,
      StationPlace place,
      boolean canEdit,
      @Nullable StationCredential credential,
      String enrolledAt,
      String revokedAt,
      String code,
      Map<String, List<String>> errors,
      @Nullable String done,
      int volume) {}

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<ScreenPage> page(HttpRequest<?> request, Staff staff, String id) {
    String done = request.getParameters().get("done");
    return page(
        request, staff, id, "", List.of(), done != null && DONE.contains(done) ? done : null);
  }

  @Post(
      uri = "/enrol",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> enrol(HttpRequest<?> request, Staff staff, String id, @Body String body) {
    String code = Optional.ofNullable(FormData.parse(body).get("code")).orElse("");
    try {
      enrolments.enrol(staff, id, code);
      return HttpResponse.seeOther(URI.create("/admin/stations/" + id + "/screen?done=enrolled"));
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(page(request, staff, id, code, e.errors(), null));
    }
  }

  /** The station's volume for media slides' videos (0, silent, to 100). */
  @Post(
      uri = "/media-volume",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> volume(HttpRequest<?> request, Staff staff, String id, @Body String body) {
    String typed = Optional.ofNullable(FormData.parse(body).get("volume")).orElse("").strip();
    try {
      media.setVolume(staff, id, typed.matches("\\d{1,3}") ? Integer.valueOf(typed) : null);
      return HttpResponse.seeOther(URI.create("/admin/stations/" + id + "/screen?done=volume"));
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(page(request, staff, id, "", e.errors(), null));
    }
  }

  @Post(
      uri = "/revoke",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> revoke(HttpRequest<?> request, Staff staff, String id, @Body String body) {
    if (!"yes".equals(FormData.parse(body).get("confirm"))) {
      access.requireEdit(staff, id);
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(
              page(
                  request,
                  staff,
                  id,
                  "",
                  List.of(
                      new FieldError("confirm", Text.of("problem.enrolment.revoke.unconfirmed"))),
                  null));
    }
    try {
      enrolments.revoke(staff, id);
    } catch (ConflictProblem e) {
      return HttpResponse.status(HttpStatus.CONFLICT)
          .body(page(request, staff, id, "", List.of(new FieldError("confirm", e.text())), null));
    }
    return HttpResponse.seeOther(URI.create("/admin/stations/" + id + "/screen?done=revoked"));
  }

  private ModelAndView<ScreenPage> page(
      HttpRequest<?> request,
      Staff staff,
      String id,
      String typed,
      List<FieldError> errors,
      @Nullable String done) {
    StationPlace place = access.requireSee(staff, id);
    Optional<StationCredential> credential = enrolments.credential(staff, id);
    return new ModelAndView<>(
        "admin/station-screen",
        new ScreenPage(
            Frame.of(request, staff),
            place,
            access.canEdit(staff, place),
            credential.orElse(null),
            credential
                .map(c -> AT.format(c.enrolledAt().atZoneSameInstant(TimeFactory.ZONE)))
                .orElse(""),
            credential
                .filter(c -> c.revokedAt() != null)
                .map(c -> AT.format(c.revokedAt().atZoneSameInstant(TimeFactory.ZONE)))
                .orElse(""),
            typed,
            FormErrors.byField(Lang.of(request), errors),
            done,
            access.canEdit(staff, place) ? media.volume(staff, id) : 0));
  }
}
