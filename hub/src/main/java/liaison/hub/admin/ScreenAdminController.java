package liaison.hub.admin;

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
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.station.Access;
import liaison.hub.security.Staff;
import liaison.hub.station.StationPlace;
import liaison.hub.web.FormData;
import liaison.hub.web.Lang;
import liaison.hub.web.Pages;

/**
 * 屏幕登记: a station's screen credential. Whoever may change the station types in the code its new
 * screen shows, or revokes the credential of a lost or replaced one.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin/stations/{id}/screen")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ScreenAdminController {
  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final List<String> DONE = List.of("enrolled", "revoked");

  private final Enrolments enrolments;
  private final Access access;

  public ScreenAdminController(Enrolments enrolments, Access access) {
    this.enrolments = enrolments;
    this.access = access;
  }

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> page(HttpRequest<?> request, Staff staff, String id) {
    String done = request.getParameters().get("done");
    return page(request, staff, id, "", List.of(), done != null && DONE.contains(done) ? done : null);
  }

  @Post(uri = "/enrol", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  public HttpResponse<?> enrol(HttpRequest<?> request, Staff staff, String id, @Body String body) {
    String code = Optional.ofNullable(FormData.parse(body).get("code")).orElse("");
    try {
      enrolments.enrol(staff, id, code);
      return HttpResponse.seeOther(URI.create("/admin/stations/" + id + "/screen?done=enrolled"));
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(page(request, staff, id, code, e.errors(), null));
    }
  }

  @Post(uri = "/revoke", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
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
                  List.of(new FieldError("confirm", "请先勾选确认，再撤销", "tick the box to confirm, then revoke")),
                  null));
    }
    try {
      enrolments.revoke(staff, id);
    } catch (ConflictProblem e) {
      return HttpResponse.status(HttpStatus.CONFLICT)
          .body(page(request, staff, id, "", List.of(new FieldError("confirm", e.zh(), e.getMessage())), null));
    }
    return HttpResponse.seeOther(URI.create("/admin/stations/" + id + "/screen?done=revoked"));
  }

  private ModelAndView<Map<String, Object>> page(
      HttpRequest<?> request, Staff staff, String id, String typed, List<FieldError> errors, @org.jspecify.annotations.Nullable String done) {
    StationPlace place = access.requireSee(staff, id);
    Optional<StationCredential> credential = enrolments.credential(staff, id);
    Map<String, Object> model = Pages.model(request, staff);
    model.put("place", place);
    model.put("canEdit", access.canEdit(staff, place));
    model.put("credential", credential.orElse(null));
    model.put("enrolledAt", credential.map(c -> AT.format(c.enrolledAt().atZoneSameInstant(TimeFactory.ZONE))).orElse(""));
    model.put(
        "revokedAt",
        credential.filter(c -> c.revokedAt() != null).map(c -> AT.format(c.revokedAt().atZoneSameInstant(TimeFactory.ZONE))).orElse(""));
    model.put("code", typed);
    model.put("errors", FormErrors.byField(Lang.of(request), errors));
    model.put("done", done);
    return new ModelAndView<>("admin/station-screen", model);
  }
}
