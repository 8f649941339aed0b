package liaison.hub.admin;

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
import java.util.stream.Collectors;
import liaison.hub.deputy.Deputy;
import liaison.hub.deputy.DeputyDraft;
import liaison.hub.deputy.DeputyDirectory;
import liaison.hub.deputy.DeputyService;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.station.Access;
import liaison.hub.security.Staff;
import liaison.hub.station.StationPlace;
import liaison.hub.web.FormData;
import liaison.hub.text.Masks;
import liaison.hub.web.Lang;
import liaison.hub.web.Pages;
import liaison.signage.protocol.DeputyLevel;

/** The deputies: a list with search and filters, the form to add or change one, deletion. */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin/deputies")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DeputyAdminController {
  private static final List<String> DONE = List.of("created", "saved", "deleted", "imported");

  private final DeputyDirectory directory;
  private final DeputyService deputies;
  private final Access access;

  public DeputyAdminController(DeputyDirectory directory, DeputyService deputies, Access access) {
    this.directory = directory;
    this.deputies = deputies;
    this.access = access;
  }

  /**
   * A row of the list: the phone masked (contact details are not shown in lists); {@code editable}
   * when the reader may change the deputy's details.
   */
  public record Row(Deputy deputy, String levels, String stations, String maskedPhone, boolean editable) {}

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> list(
      HttpRequest<?> request,
      Staff staff,
      @Nullable @QueryValue String q,
      @Nullable @QueryValue String level,
      @Nullable @QueryValue String station,
      @Nullable @QueryValue String done) {
    Lang lang = Lang.of(request);
    List<StationPlace> visible = access.visibleStations(staff);
    Map<String, String> names = visible.stream().collect(Collectors.toMap(StationPlace::id, p -> p.station().name()));
    Map<String, Object> model = Pages.model(request, staff);
    model.put(
        "rows",
        directory.list(staff, new DeputyDirectory.Filter(q, level, station)).stream()
            .map(
                l ->
                    new Row(
                        l.deputy(),
                        levels(lang, l.deputy()),
                        l.stationIds().stream().map(id -> names.getOrDefault(id, id)).collect(Collectors.joining("、")),
                        mask(l.deputy(), l.phoneVisible()),
                        l.changeable()))
            .toList());
    model.put("q", q == null ? "" : q);
    model.put("level", level == null ? "" : level);
    model.put("station", station == null ? "" : station);
    model.put("levels", DeputyLevel.values());
    model.put("stations", visible);
    model.put("canEdit", staff.canEdit());
    model.put("done", done != null && DONE.contains(done) ? done : null);
    return new ModelAndView<>("admin/deputies", model);
  }

  @Get(uri = "/new", produces = MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> newForm(
      HttpRequest<?> request, Staff staff, @Nullable @QueryValue String station) {
    access.requireEditor(staff);
    List<String> at = station == null || station.isBlank() ? List.of() : List.of(station);
    DeputyDraft draft = new DeputyDraft("", List.of(), "", "", "", List.of(), "", false, at);
    return form(request, staff, null, draft, List.of());
  }

  @Get(uri = "/{id}/edit", produces = MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> editForm(HttpRequest<?> request, Staff staff, String id) {
    deputies.requireChange(staff, id);
    Deputy d = directory.get(staff, id);
    List<String> at = directory.stationsOf(staff, id).stream().map(StationPlace::id).toList();
    return form(request, staff, id, DeputyDraft.of(d, at), List.of());
  }

  @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  public HttpResponse<?> create(HttpRequest<?> request, Staff staff, @Body String body) {
    DeputyDraft draft = draft(FormData.parse(body));
    try {
      deputies.create(staff, draft);
      return HttpResponse.seeOther(URI.create("/admin/deputies?done=created"));
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(form(request, staff, null, draft, e.errors()));
    }
  }

  @Post(uri = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  public HttpResponse<?> update(HttpRequest<?> request, Staff staff, String id, @Body String body) {
    DeputyDraft draft = draft(FormData.parse(body));
    try {
      deputies.update(staff, id, draft);
      return HttpResponse.seeOther(URI.create("/admin/deputies?done=saved"));
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(form(request, staff, id, draft, e.errors()));
    }
  }

  @Get(uri = "/{id}/delete", produces = MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> confirmDelete(HttpRequest<?> request, Staff staff, String id) {
    deputies.requireChange(staff, id);
    return deletePage(request, staff, id, List.of());
  }

  @Post(uri = "/{id}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  public HttpResponse<?> delete(HttpRequest<?> request, Staff staff, String id) {
    try {
      deputies.delete(staff, id);
      return HttpResponse.seeOther(URI.create("/admin/deputies?done=deleted"));
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(deletePage(request, staff, id, e.errors()));
    }
  }

  private ModelAndView<Map<String, Object>> deletePage(
      HttpRequest<?> request, Staff staff, String id, List<FieldError> errors) {
    Lang lang = Lang.of(request);
    Deputy d = directory.get(staff, id);
    Map<String, Object> model = Pages.model(request, staff);
    model.put("deputy", d);
    model.put("levels", levels(lang, d));
    model.put(
        "stations", directory.stationsOf(staff, id).stream().map(p -> p.station().name()).collect(Collectors.joining("、")));
    model.put("problems", errors.stream().map(e -> lang.pick(e.zh(), e.en())).toList());
    return new ModelAndView<>("admin/deputy-delete", model);
  }

  private ModelAndView<Map<String, Object>> form(
      HttpRequest<?> request, Staff staff, @Nullable String id, DeputyDraft draft, List<FieldError> errors) {
    Map<String, Object> model = Pages.model(request, staff);
    model.put("id", id);
    model.put("draft", draft);
    model.put("chosenLevels", draft.levels() == null ? List.of() : draft.levels());
    model.put("chosenStations", draft.stationIds() == null ? List.of() : draft.stationIds());
    model.put("specialties", draft.specialties() == null ? "" : String.join("、", draft.specialties()));
    model.put("errors", FormErrors.byField(Lang.of(request), errors));
    model.put("levels", DeputyLevel.values());
    model.put("stations", directory.assignableStations(staff));
    model.put("photo", id == null ? null : directory.get(staff, id).photoHash());
    model.put("photoDone", "photo".equals(request.getParameters().get("done")));
    return new ModelAndView<>("admin/deputy-form", model);
  }

  private static DeputyDraft draft(FormData form) {
    return new DeputyDraft(
        form.get("name"),
        form.all("levels"),
        form.get("constituency"),
        form.get("occupation"),
        form.get("workUnit"),
        form.get("specialties") == null ? List.of() : List.of(form.get("specialties")),
        form.get("phone") == null ? "" : form.get("phone"),
        "true".equals(form.get("phonePublic")),
        form.all("stationIds"));
  }

  private static String levels(Lang lang, Deputy d) {
    return d.levels().stream().map(l -> lang.pick(l.zh(), l.en())).collect(Collectors.joining("、"));
  }

  /**
   * The phone in a list: a public one in full, a private one masked ({@link Masks#phone}) for those
   * who may see it, nothing for the others.
   */
  static String mask(Deputy d, boolean phoneVisible) {
    String phone = d.phone();
    if (phone == null || !d.phonePublic() && !phoneVisible) {
      return "";
    }
    return d.phonePublic() ? phone : Masks.phone(phone);
  }
}
