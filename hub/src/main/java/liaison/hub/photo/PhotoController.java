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
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import liaison.hub.security.Staff;
import liaison.hub.web.ApiAnswers;

/**
 * Photos in and out: upload for a deputy (API, raw or multipart); a deputy's photo served to anyone
 * by hash (screens show it; cached a year). Residents' photos (attached to their opinions) are not
 * served here: only through their case's tracking link or to staff who may see the case, privately
 * ({@link #privately}).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class PhotoController {
  /** How a resident's photo may be kept: by the one browser that fetched it, for an hour. */
  public static final String PRIVATE = "private, max-age=3600";

  private final PhotoStore store;
  private final DeputyPhotos deputies;

  public PhotoController(PhotoStore store, DeputyPhotos deputies) {
    this.store = store;
    this.deputies = deputies;
  }

  /**
   * A deputy's photo, cached for a year: its name is its content's hash, so it never changes. Any
   * other hash (a resident's photo, say) is not found here.
   */
  @Get(uri = "/photos/{file}")
  @Operation(
      operationId = "getDeputyPhoto",
      security = {})
  @ApiAnswers.Photo
  @ApiResponse(
      responseCode = "404",
      description = "没有这张照片 · No deputy's photo by that name (no body)")
  public HttpResponse<?> photo(
      String file, @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    String hash = hashOf(file);
    if (!deputies.isDeputyPhoto(hash)) {
      return HttpResponse.notFound();
    }
    return serve(store, hash, ifNoneMatch, "public, max-age=31536000, immutable");
  }

  /** {@code <hash>.jpg} or {@code <hash>} → the hash. */
  public static String hashOf(String file) {
    return file.endsWith(".jpg") ? file.substring(0, file.length() - 4) : file;
  }

  /**
   * A resident's photo, for someone the caller has let see it: never public, never immutable, so no
   * shared cache (a proxy, a carrier's cache) keeps it for the next person.
   */
  public static HttpResponse<?> privately(
      PhotoStore store, String hash, @Nullable String ifNoneMatch) {
    return serve(store, hash, ifNoneMatch, PRIVATE);
  }

  /** The photo by its hash with its ETag and the given caching, 304 when the browser has it. */
  private static HttpResponse<?> serve(
      PhotoStore store, String hash, @Nullable String ifNoneMatch, String cacheControl) {
    String etag = "\"" + hash + "\"";
    if (etag.equals(ifNoneMatch)) {
      return HttpResponse.notModified()
          .header(HttpHeaders.ETAG, etag)
          .header(HttpHeaders.CACHE_CONTROL, cacheControl);
    }
    return store
        .read(hash)
        .<HttpResponse<?>>map(
            bytes ->
                HttpResponse.ok(bytes)
                    .contentType(MediaType.IMAGE_JPEG_TYPE)
                    .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                    .header(HttpHeaders.ETAG, etag))
        .orElseGet(HttpResponse::notFound);
  }

  /**
   * Uploads a deputy's photo as the request body ({@code image/jpeg} or {@code image/png}, at most
   * 8 MB); answers its name ({@code photo}), the hash under which {@code /photos/} serves it. The
   * same is taken from a form ({@code multipart/form-data} with a file field named {@code photo}).
   */
  @Post(
      uri = "/api/deputies/{id}/photo",
      consumes = {MediaType.IMAGE_JPEG, MediaType.IMAGE_PNG, MediaType.APPLICATION_OCTET_STREAM})
  @Operation(operationId = "uploadDeputyPhoto")
  @ApiAnswers.Staff
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Invalid
  public Map<String, String> uploadRaw(
      @Parameter(hidden = true) Staff staff,
      String id,
      @Body @Schema(type = "string", format = "binary") byte[] body) {
    return Map.of("photo", deputies.setPhoto(staff, id, body));
  }

  /**
   * The same from a form with a file field named {@code photo}. Left out of the API document (the
   * upload above mentions it): a second request body on the same operation is more than the
   * document's generator can merge cleanly, and generated clients send one kind anyway.
   */
  @Post(uri = "/api/deputies/{id}/photo", consumes = MediaType.MULTIPART_FORM_DATA)
  @Hidden
  public Map<String, String> uploadForm(
      @Parameter(hidden = true) Staff staff, String id, CompletedFileUpload photo) {
    try {
      return Map.of("photo", deputies.setPhoto(staff, id, photo.getBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
