package liaison.hub.photo;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import liaison.hub.security.Staff;

/** Photos in and out: upload for a deputy (API, raw or multipart), and served to anyone by hash. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class PhotoController {
  private final PhotoStore store;
  private final DeputyPhotos deputies;

  public PhotoController(PhotoStore store, DeputyPhotos deputies) {
    this.store = store;
    this.deputies = deputies;
  }

  /** The photo, cached for a year: its name is its content's hash, so it never changes. */
  @Get(uri = "/photos/{file}")
  public HttpResponse<?> photo(String file, @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    String hash = file.endsWith(".jpg") ? file.substring(0, file.length() - 4) : file;
    String etag = "\"" + hash + "\"";
    if (etag.equals(ifNoneMatch)) {
      return HttpResponse.notModified().header(HttpHeaders.ETAG, etag);
    }
    return store
        .read(hash)
        .<HttpResponse<?>>map(
            bytes ->
                HttpResponse.ok(bytes)
                    .contentType(MediaType.IMAGE_JPEG_TYPE)
                    .header(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable")
                    .header(HttpHeaders.ETAG, etag))
        .orElseGet(HttpResponse::notFound);
  }

  /** Uploads a deputy's photo as the request body ({@code image/jpeg} or {@code image/png}). */
  @Post(uri = "/api/deputies/{id}/photo", consumes = {MediaType.IMAGE_JPEG, MediaType.IMAGE_PNG, MediaType.APPLICATION_OCTET_STREAM})
  public Map<String, String> uploadRaw(@Parameter(hidden = true) Staff staff, String id, @Body byte[] body) {
    return Map.of("photo", deputies.setPhoto(staff, id, body));
  }

  /** The same from a form with a file field named {@code photo}. */
  @Post(uri = "/api/deputies/{id}/photo", consumes = MediaType.MULTIPART_FORM_DATA)
  public Map<String, String> uploadForm(@Parameter(hidden = true) Staff staff, String id, CompletedFileUpload photo) {
    try {
      return Map.of("photo", deputies.setPhoto(staff, id, photo.getBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
