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
import java.util.stream.Collectors;
import liaison.hub.deputy.Deputy;
import liaison.hub.deputy.DeputyDirectory;
import liaison.hub.deputy.DeputyDraft;
import liaison.hub.deputy.DeputyService;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.StationPlace;
import liaison.hub.text.Masks;
import liaison.hub.web.FormData;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;
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
  public record Row(
      Deputy deputy, String levels, String stations, String maskedPhone, boolean editable) {}

  /** admin/deputies: the list with its filters as chosen. */
  @Introspected
  public record DeputiesPage(
      Frame frame,
      List<Row> rows,
      String q,
      String level,
      String station,
      DeputyLevel[] levels,
      List<StationPlace> stations,
      boolean canEdit,
      @Nullable String done) {}

  /**
   * admin/deputy-form: a new deputy ({@code id} null) or one to change, with the messages beside
   * the fields.
   */
  @Introspected
  public record DeputyFormPage(
      Frame frame,
      @Nullable String id,
      DeputyDraft draft,
      List<String> chosenLevels,
      List<String> chosenStations,
      String specialties,
      Map<String, List<String>> errors,
      DeputyLevel[] levels,
      List<StationPlace> stations,
      @Nullable String photo,
      boolean photoDone) {}

  /** admin/deputy-delete: what deleting the deputy takes away, and why it was refused if it was. */
  @Introspected
  public record DeputyDeletePage(
      Frame frame, Deputy deputy, String levels, String stations, List<String> problems) {}

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<DeputiesPage> list(
      HttpRequest<?> request,
      Staff staff,
      @Nullable @QueryValue String q,
      @Nullable @QueryValue String level,
      @Nullable @QueryValue String station,
      @Nullable @QueryValue String done) {
    Lang lang = Lang.of(request);
    List<StationPlace> visible = access.visibleStations(staff);
    Map<String, String> names =
        visible.stream().collect(Collectors.toMap(StationPlace::id, p -> p.station().name()));
    List<Row> rows =
        directory.list(staff, new DeputyDirectory.Filter(q, level, station)).stream()
            .map(
                l ->
                    new Row(
                        l.deputy(),
                        levels(lang, l.deputy()),
                        l.stationIds().stream()
                            .map(id -> names.getOrDefault(id, id))
                            .collect(Collectors.joining("、")),
                        mask(l.deputy(), l.phoneVisible()),
                        l.changeable()))
            .toList();
    return new ModelAndView<>(
        "admin/deputies",
        new DeputiesPage(
            Frame.of(request, staff),
            rows,
            q == null ? "" : q,
            level == null ? "" : level,
            station == null ? "" : station,
            DeputyLevel.values(),
            visible,
            staff.canEdit(),
            done != null && DONE.contains(done) ? done : null));
  }

  @Get(uri = "/new", produces = MediaType.TEXT_HTML)
  public ModelAndView<DeputyFormPage> newForm(
      HttpRequest<?> request, Staff staff, @Nullable @QueryValue String station) {
    access.requireEditor(staff);
    List<String> at = station == null || station.isBlank() ? List.of() : List.of(station);
    DeputyDraft draft = new DeputyDraft("", List.of(), "", "", "", List.of(), "", false, at);
    return form(request, staff, null, draft, List.of());
  }

  @Get(uri = "/{id}/edit", produces = MediaType.TEXT_HTML)
  public ModelAndView<DeputyFormPage> editForm(HttpRequest<?> request, Staff staff, String id) {
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
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(form(request, staff, null, draft, e.errors()));
    }
  }

  @Post(
      uri = "/{id}",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> update(HttpRequest<?> request, Staff staff, String id, @Body String body) {
    DeputyDraft draft = draft(FormData.parse(body));
    try {
      deputies.update(staff, id, draft);
      return HttpResponse.seeOther(URI.create("/admin/deputies?done=saved"));
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(form(request, staff, id, draft, e.errors()));
    }
  }

  @Get(uri = "/{id}/delete", produces = MediaType.TEXT_HTML)
  public ModelAndView<DeputyDeletePage> confirmDelete(
      HttpRequest<?> request, Staff staff, String id) {
    deputies.requireChange(staff, id);
    return deletePage(request, staff, id, List.of());
  }

  @Post(
      uri = "/{id}/delete",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> delete(HttpRequest<?> request, Staff staff, String id) {
    try {
      deputies.delete(staff, id);
      return HttpResponse.seeOther(URI.create("/admin/deputies?done=deleted"));
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(deletePage(request, staff, id, e.errors()));
    }
  }

  private ModelAndView<DeputyDeletePage> deletePage(
      HttpRequest<?> request, Staff staff, String id, List<FieldError> errors) {
    Lang lang = Lang.of(request);
    Deputy d = directory.get(staff, id);
    return new ModelAndView<>(
        "admin/deputy-delete",
        new DeputyDeletePage(
            Frame.of(request, staff),
            d,
            levels(lang, d),
            directory.stationsOf(staff, id).stream()
                .map(p -> p.station().name())
                .collect(Collectors.joining("、")),
            errors.stream().map(e -> lang.text(e.text())).toList()));
  }

  private ModelAndView<DeputyFormPage> form(
      HttpRequest<?> request,
      Staff staff,
      @Nullable String id,
      DeputyDraft draft,
      List<FieldError> errors) {
    return new ModelAndView<>(
        "admin/deputy-form",
        new DeputyFormPage(
            Frame.of(request, staff),
            id,
            draft,
            draft.levels() == null ? List.of() : draft.levels(),
            draft.stationIds() == null ? List.of() : draft.stationIds(),
            draft.specialties() == null ? "" : String.join("、", draft.specialties()),
            FormErrors.byField(Lang.of(request), errors),
            DeputyLevel.values(),
            directory.assignableStations(staff),
            id == null ? null : directory.get(staff, id).photoHash(),
            "photo".equals(request.getParameters().get("done"))));
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
