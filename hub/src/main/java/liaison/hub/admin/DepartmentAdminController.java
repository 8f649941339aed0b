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
import liaison.hub.department.Department;
import liaison.hub.department.DepartmentService;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.station.Access;
import liaison.hub.security.Staff;
import liaison.hub.web.FormData;
import liaison.hub.web.Lang;
import liaison.hub.web.Pages;

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

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> list(HttpRequest<?> request, Staff staff, @Nullable @QueryValue String done) {
    Map<String, Object> model = Pages.model(request, staff);
    model.put("departments", departments.list(staff));
    model.put("done", "created".equals(done) || "saved".equals(done) ? done : null);
    return new ModelAndView<>("admin/departments", model);
  }

  @Get(uri = "/new", produces = MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> newForm(HttpRequest<?> request, Staff staff) {
    access.requireCountyAdmin(staff);
    return form(request, staff, null, new DepartmentService.Draft("", ""), List.of());
  }

  @Get(uri = "/{id}/edit", produces = MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> editForm(HttpRequest<?> request, Staff staff, String id) {
    access.requireCountyAdmin(staff);
    Department d = departments.get(staff, id);
    return form(request, staff, id, new DepartmentService.Draft(d.name(), d.contact()), List.of());
  }

  @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  public HttpResponse<?> create(HttpRequest<?> request, Staff staff, @Body String body) {
    return save(request, staff, null, FormData.parse(body));
  }

  @Post(uri = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  public HttpResponse<?> update(HttpRequest<?> request, Staff staff, String id, @Body String body) {
    return save(request, staff, id, FormData.parse(body));
  }

  private HttpResponse<?> save(HttpRequest<?> request, Staff staff, @Nullable String id, FormData form) {
    DepartmentService.Draft draft = new DepartmentService.Draft(form.get("name"), form.get("contact"));
    try {
      if (id == null) {
        departments.create(staff, draft);
      } else {
        departments.update(staff, id, draft);
      }
      return HttpResponse.seeOther(URI.create("/admin/departments?done=" + (id == null ? "created" : "saved")));
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(form(request, staff, id, draft, e.errors()));
    }
  }

  private ModelAndView<Map<String, Object>> form(
      HttpRequest<?> request, Staff staff, @Nullable String id, DepartmentService.Draft draft, List<FieldError> errors) {
    Map<String, Object> model = Pages.model(request, staff);
    model.put("id", id);
    model.put("draft", draft);
    model.put("errors", FormErrors.byField(Lang.of(request), errors));
    model.put("maxName", DepartmentService.MAX_NAME);
    model.put("maxContact", DepartmentService.MAX_CONTACT);
    return new ModelAndView<>("admin/department-form", model);
  }
}
