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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import liaison.hub.security.Staff;
import liaison.hub.web.ApiAnswers;

/** The county's departments over JSON: everyone reads, county admins add and change. */
@Controller("/api/departments")
@ApiAnswers.Staff
@ExecuteOn(TaskExecutors.BLOCKING)
public class DepartmentApiController {
  private final DepartmentService departments;

  public DepartmentApiController(DepartmentService departments) {
    this.departments = departments;
  }

  /** The county's departments (承办单位), to forward cases to. */
  @Get(produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "listDepartments")
  public List<Department> list(@Parameter(hidden = true) Staff staff) {
    return departments.list(staff);
  }

  /** Adds a department (county administrators). */
  @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "createDepartment")
  @ApiResponse(responseCode = "201", description = ApiAnswers.CREATED, useReturnTypeSchema = true)
  @ApiAnswers.BadRequest
  @ApiAnswers.Invalid
  public HttpResponse<Department> create(
      @Parameter(hidden = true) Staff staff, @Body DepartmentService.Draft draft) {
    return HttpResponse.created(departments.create(staff, draft));
  }

  /** Changes a department (county administrators). */
  @Put(uri = "/{id}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "updateDepartment")
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Invalid
  public Department update(
      @Parameter(hidden = true) Staff staff, String id, @Body DepartmentService.Draft draft) {
    return departments.update(staff, id, draft);
  }
}
