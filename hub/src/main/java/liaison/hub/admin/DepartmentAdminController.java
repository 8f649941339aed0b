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
import liaison.hub.department.Department;
import liaison.hub.department.DepartmentService;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.web.FormData;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;

/** The county's departments (承办单位): everyone sees the list, county admins add and edit. */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin/departments")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DepartmentAdminController {
  private final DepartmentService departments;
  private final Access access;

  public DepartmentAdminController(DepartmentService departments, Access access) {
    this.departments = departments;
    this.access = access;
  }

  /** admin/departments: the county's departments, and what was just done. */
  @Introspected
  public record DepartmentsPage(Frame frame, List<Department> departments, @Nullable String done) {}

  /**
   * admin/department-form: a new department ({@code id} null) or one to change, with the messages
   * beside the fields.
   */
  @Introspected
  public record DepartmentFormPage(
      Frame frame,
      @Nullable String id,
      DepartmentService.Draft draft,
      Map<String, List<String>> errors,
      int maxName,
      int maxContact,
      int maxEmail) {}

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<DepartmentsPage> list(
      HttpRequest<?> request, Staff staff, @Nullable @QueryValue String done) {
    return new ModelAndView<>(
        "admin/departments",
        new DepartmentsPage(
            Frame.of(request, staff),
            departments.list(staff),
            "created".equals(done) || "saved".equals(done) ? done : null));
  }

  @Get(uri = "/new", produces = MediaType.TEXT_HTML)
  public ModelAndView<DepartmentFormPage> newForm(HttpRequest<?> request, Staff staff) {
    access.requireCountyAdmin(staff);
    return form(request, staff, null, new DepartmentService.Draft("", "", ""), List.of());
  }

  @Get(uri = "/{id}/edit", produces = MediaType.TEXT_HTML)
  public ModelAndView<DepartmentFormPage> editForm(HttpRequest<?> request, Staff staff, String id) {
    access.requireCountyAdmin(staff);
    Department d = departments.get(staff, id);
    return form(
        request,
        staff,
        id,
        new DepartmentService.Draft(d.name(), d.contact(), d.email()),
        List.of());
  }

  @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  public HttpResponse<?> create(HttpRequest<?> request, Staff staff, @Body String body) {
    return save(request, staff, null, FormData.parse(body));
  }

  @Post(
      uri = "/{id}",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> update(HttpRequest<?> request, Staff staff, String id, @Body String body) {
    return save(request, staff, id, FormData.parse(body));
  }

  private HttpResponse<?> save(
      HttpRequest<?> request, Staff staff, @Nullable String id, FormData form) {
    DepartmentService.Draft draft =
        new DepartmentService.Draft(form.get("name"), form.get("contact"), form.get("email"));
    try {
      if (id == null) {
        departments.create(staff, draft);
      } else {
        departments.update(staff, id, draft);
      }
      return HttpResponse.seeOther(
          URI.create("/admin/departments?done=" + (id == null ? "created" : "saved")));
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(form(request, staff, id, draft, e.errors()));
    }
  }

  private ModelAndView<DepartmentFormPage> form(
      HttpRequest<?> request,
      Staff staff,
      @Nullable String id,
      DepartmentService.Draft draft,
      List<FieldError> errors) {
    return new ModelAndView<>(
        "admin/department-form",
        new DepartmentFormPage(
            Frame.of(request, staff),
            id,
            draft,
            FormErrors.byField(Lang.of(request), errors),
            DepartmentService.MAX_NAME,
            DepartmentService.MAX_CONTACT,
            DepartmentService.MAX_EMAILS * (DepartmentService.MAX_EMAIL + 2)));
  }
}
