package liaison.hub.department;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import liaison.hub.security.Staff;

/** The county's departments over JSON: everyone reads, county admins add and change. */
@Controller("/api/departments")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DepartmentApiController {
  private final DepartmentService departments;

  public DepartmentApiController(DepartmentService departments) {
    this.departments = departments;
  }

  @Get(produces = MediaType.APPLICATION_JSON)
  public List<Department> list(@Parameter(hidden = true) Staff staff) {
    return departments.list(staff);
  }

  @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  public HttpResponse<Department> create(@Parameter(hidden = true) Staff staff, @Body DepartmentService.Draft draft) {
    return HttpResponse.created(departments.create(staff, draft));
  }

  @Put(uri = "/{id}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  public Department update(@Parameter(hidden = true) Staff staff, String id, @Body DepartmentService.Draft draft) {
    return departments.update(staff, id, draft);
  }
}
