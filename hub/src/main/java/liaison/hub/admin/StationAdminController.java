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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import liaison.hub.deputy.Deputy;
import liaison.hub.deputy.DeputyAssignments;
import liaison.hub.deputy.DeputyDirectory;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.satisfaction.OnSiteRatings;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.Station;
import liaison.hub.station.StationDraft;
import liaison.hub.station.StationPlace;
import liaison.hub.station.StationService;
import liaison.hub.station.Township;
import liaison.hub.station.UpcomingReception;
import liaison.hub.web.FormData;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;
import liaison.signage.protocol.StationKind;

/**
 * The county's stations: a list with search and filters, the form to add or change one, the page
 * that confirms a deletion, and the deputies assigned to a station (checkboxes).
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin/stations")
@ExecuteOn(TaskExecutors.BLOCKING)
public class StationAdminController {
  private static final List<String> DONE =
      List.of("created", "saved", "deleted", "assigned", "imported");

  private final StationService stations;
  private final DeputyDirectory deputies;
  private final DeputyAssignments assignments;
  private final Access access;
  private final OnSiteRatings ratings;

  public StationAdminController(
      StationService stations,
      DeputyDirectory deputies,
      DeputyAssignments assignments,
      Access access,
      OnSiteRatings ratings) {
    this.ratings = ratings;
    this.stations = stations;
    this.deputies = deputies;
    this.assignments = assignments;
    this.access = access;
  }

  /** A row of the list. */
  public record Row(StationPlace place, int deputies, boolean canEdit) {}

  /** admin/stations: the list with its filters as chosen. */
  @Introspected
  public record StationsPage(
      Frame frame,
      List<Row> rows,
      String q,
      String township,
      String kind,
      List<Township> townships,
      StationKind[] kinds,
      boolean canCreate,
      boolean canEdit,
      @Nullable String done) {}

  /**
   * admin/station-form: a new station ({@code id} null) or one to change, with the messages beside
   * the fields; {@code full} when every field may be changed (a county administrator), {@code
   * ratings} what residents pressed on its screen.
   */
  @Introspected
  public record StationFormPage(
      Frame frame,
      @Nullable String id,
      StationDraft draft,
      Map<String, List<String>> errors,
      List<Township> townships,
      StationKind[] kinds,
      boolean full,
      OnSiteRatings.@Nullable Summary ratings) {}

  /** admin/station-delete: what deleting takes away, and why it was refused if it was. */
  @Introspected
  public record StationDeletePage(
      Frame frame,
      StationPlace place,
      List<UpcomingReception> upcoming,
      int deputies,
      List<String> problems) {}

  /**
   * admin/station-deputies: the deputies who may sit at the station, those chosen, the messages.
   */
  @Introspected
  public record StationDeputiesPage(
      Frame frame,
      StationPlace place,
      List<Deputy> candidates,
      Set<String> chosen,
      Map<String, List<String>> errors,
      @Nullable String done) {}

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<StationsPage> list(
      HttpRequest<?> request,
      Staff staff,
      @Nullable @QueryValue String q,
      @Nullable @QueryValue String township,
      @Nullable @QueryValue String kind,
      @Nullable @QueryValue String done) {
    return new ModelAndView<>(
        "admin/stations",
        new StationsPage(
            Frame.of(request, staff),
            stations.list(staff, new StationService.Filter(q, township, kind)).stream()
                .map(
                    p ->
                        new Row(
                            p, deputies.atStation(staff, p.id()).size(), access.canEdit(staff, p)))
                .toList(),
            q == null ? "" : q,
            township == null ? "" : township,
            kind == null ? "" : kind,
            stations.townships(staff),
            StationKind.values(),
            staff.isCountyAdmin(),
            staff.canEdit(),
            done != null && DONE.contains(done) ? done : null));
  }

  @Get(uri = "/new", produces = MediaType.TEXT_HTML)
  public ModelAndView<StationFormPage> newForm(HttpRequest<?> request, Staff staff) {
    access.requireCountyAdmin(staff);
    StationDraft draft = new StationDraft("", "", "", "", "", "", "", "", "");
    return form(request, staff, null, draft, List.of());
  }

  @Get(uri = "/{id}/edit", produces = MediaType.TEXT_HTML)
  public ModelAndView<StationFormPage> editForm(HttpRequest<?> request, Staff staff, String id) {
    StationPlace place = access.requireEdit(staff, id);
    return form(request, staff, place.station(), StationDraft.of(place.station()), List.of());
  }

  @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  public HttpResponse<?> create(HttpRequest<?> request, Staff staff, @Body String body) {
    StationDraft draft = draft(FormData.parse(body));
    try {
      StationPlace created = stations.create(staff, draft);
      return backToList("created", created.id());
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(form(request, staff, null, draft, e.errors()));
    }
  }

  @Post(
      uri = "/{id}",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> update(HttpRequest<?> request, Staff staff, String id, @Body String body) {
    StationDraft draft = draft(FormData.parse(body));
    try {
      stations.update(staff, id, draft);
      return backToList("saved", id);
    } catch (ValidationProblem e) {
      Station current = access.requireEdit(staff, id).station();
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(form(request, staff, current, keepCurrent(draft, current), e.errors()));
    }
  }

  @Get(uri = "/{id}/delete", produces = MediaType.TEXT_HTML)
  public ModelAndView<StationDeletePage> confirmDelete(
      HttpRequest<?> request, Staff staff, String id) {
    access.requireCountyAdmin(staff);
    return deletePage(request, staff, id, List.of());
  }

  @Post(
      uri = "/{id}/delete",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> delete(HttpRequest<?> request, Staff staff, String id) {
    try {
      stations.delete(staff, id);
      return HttpResponse.seeOther(URI.create("/admin/stations?done=deleted"));
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(deletePage(request, staff, id, e.errors()));
    }
  }

  @Get(uri = "/{id}/deputies", produces = MediaType.TEXT_HTML)
  public ModelAndView<StationDeputiesPage> assignments(
      HttpRequest<?> request, Staff staff, String id) {
    Set<String> chosen =
        deputies.atStation(staff, id).stream().map(Deputy::id).collect(Collectors.toSet());
    return assignmentPage(request, staff, id, chosen, List.of());
  }

  @Post(
      uri = "/{id}/deputies",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> assign(HttpRequest<?> request, Staff staff, String id, @Body String body) {
    List<String> chosen = FormData.parse(body).all("deputyIds");
    try {
      assignments.setStationDeputies(staff, id, chosen);
      return HttpResponse.seeOther(URI.create("/admin/stations/" + id + "/deputies?done=assigned"));
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(assignmentPage(request, staff, id, Set.copyOf(chosen), e.errors()));
    }
  }

  private ModelAndView<StationDeputiesPage> assignmentPage(
      HttpRequest<?> request, Staff staff, String id, Set<String> chosen, List<FieldError> errors) {
    StationPlace place = access.requireEdit(staff, id);
    return new ModelAndView<>(
        "admin/station-deputies",
        new StationDeputiesPage(
            Frame.of(request, staff),
            place,
            deputies.candidates(staff, id),
            chosen,
            FormErrors.byField(Lang.of(request), errors),
            request.getParameters().get("done") == null ? null : "assigned"));
  }

  private ModelAndView<StationDeletePage> deletePage(
      HttpRequest<?> request, Staff staff, String id, List<FieldError> errors) {
    StationPlace place = stations.get(staff, id);
    Lang lang = Lang.of(request);
    return new ModelAndView<>(
        "admin/station-delete",
        new StationDeletePage(
            Frame.of(request, staff),
            place,
            stations.upcoming(staff, id),
            deputies.atStation(staff, id).size(),
            errors.stream().map(e -> lang.text(e.text())).toList()));
  }

  private ModelAndView<StationFormPage> form(
      HttpRequest<?> request,
      Staff staff,
      @Nullable Station current,
      StationDraft draft,
      List<FieldError> errors) {
    return new ModelAndView<>(
        "admin/station-form",
        new StationFormPage(
            Frame.of(request, staff),
            current == null ? null : current.id(),
            draft,
            FormErrors.byField(Lang.of(request), errors),
            stations.townships(staff),
            StationKind.values(),
            // A station manager changes the address, opening hours and sign-plate text only.
            staff.isCountyAdmin(),
            // What residents pressed on the station's screen, beside the station's details.
            current == null ? null : ratings.summary(current.id())));
  }

  /** Fields a station manager's form does not send are shown as they are stored. */
  private static StationDraft keepCurrent(StationDraft d, Station s) {
    StationDraft c = StationDraft.of(s);
    return new StationDraft(
        s.id(),
        d.name() == null ? c.name() : d.name(),
        d.kind() == null ? c.kind() : d.kind(),
        d.townshipId() == null ? c.townshipId() : d.townshipId(),
        d.address() == null ? c.address() : d.address(),
        d.openingHours() == null ? c.openingHours() : d.openingHours(),
        d.signPlate() == null ? c.signPlate() : d.signPlate(),
        d.latitude() == null ? c.latitude() : d.latitude(),
        d.longitude() == null ? c.longitude() : d.longitude());
  }

  private static StationDraft draft(FormData form) {
    return new StationDraft(
        form.get("id"),
        form.get("name"),
        form.get("kind"),
        form.get("townshipId"),
        form.get("address"),
        form.get("openingHours"),
        form.get("signPlate"),
        form.get("latitude"),
        form.get("longitude"));
  }

  private static HttpResponse<?> backToList(String done, String id) {
    return HttpResponse.seeOther(URI.create("/admin/stations?done=" + done + "#" + id));
  }
}
