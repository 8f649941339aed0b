package liaison.hub.admin;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import liaison.hub.photo.DeputyPhotos;
import liaison.hub.security.Staff;

/**
 * The photo upload on a deputy's page (the CSRF token rides in the form's address, as everywhere).
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin/deputies")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PhotoAdminController {
  private final DeputyPhotos photos;

  public PhotoAdminController(DeputyPhotos photos) {
    this.photos = photos;
  }

  @Post(
      uri = "/{id}/photo",
      consumes = MediaType.MULTIPART_FORM_DATA,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> upload(Staff staff, String id, CompletedFileUpload photo) {
    try {
      photos.setPhoto(staff, id, photo.getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HttpResponse.seeOther(URI.create("/admin/deputies/" + id + "/edit?done=photo"));
  }
}
