package liaison.hub.publish;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import liaison.hub.security.Staff;
import liaison.hub.web.ApiAnswers;

/** A station's published snapshot over JSON, for staff checking what its screen was sent. */
@Controller
@ApiAnswers.Staff
@ExecuteOn(TaskExecutors.BLOCKING)
public class PublishedContentApiController {
  private final PublishedContent published;

  public PublishedContentApiController(PublishedContent published) {
    this.published = published;
  }

  /** The snapshot as published, byte for byte. */
  @Get(uri = "/api/stations/{id}/content", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "getPublishedContent")
  @ApiAnswers.NotFound
  public HttpResponse<?> content(@Parameter(hidden = true) Staff staff, String id) {
    return HttpResponse.ok(published.payload(staff, id))
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }
}
