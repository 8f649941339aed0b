package liaison.hub.media;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.server.types.files.SystemFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.file.Path;
import java.util.Optional;
import liaison.signage.protocol.MediaSlide.MediaFile;

/**
 * The media library's files as stations download them ({@code MediaSlide.MediaFile.path()}): by
 * hash, without an account (what is on a public screen is public, and a hash cannot be guessed),
 * with HTTP Range so a download cut half-way resumes, and cached for good (a file never changes
 * under its name).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class MediaFilesController {
  static final String FOREVER = "public, max-age=31536000, immutable";

  private final MediaLibrary files;
  private final MediaStore store;

  public MediaFilesController(MediaLibrary files, MediaStore store) {
    this.files = files;
    this.store = store;
  }

  @Get(uri = "/media/{sha256}")
  @Operation(
      operationId = "getMediaFile",
      summary = "A media file by its hash, for stations",
      security = {})
  @ApiResponse(responseCode = "200", description = "文件 · The file")
  @ApiResponse(responseCode = "206", description = "所请求的部分 · The part the Range asked for")
  @ApiResponse(responseCode = "304", description = "未改变 · Not modified (no body)")
  @ApiResponse(responseCode = "404", description = "没有这个文件 · No such file (no body)")
  public HttpResponse<?> file(
      String sha256, @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    if (!MediaStore.isHash(sha256)) {
      return HttpResponse.notFound();
    }
    String etag = "\"" + sha256 + "\"";
    Optional<MediaFile> known = files.file(sha256);
    Optional<Path> path = store.find(sha256);
    if (known.isEmpty() || path.isEmpty()) {
      return HttpResponse.notFound();
    }
    if (etag.equals(ifNoneMatch)) {
      return HttpResponse.notModified()
          .header(HttpHeaders.ETAG, etag)
          .header(HttpHeaders.CACHE_CONTROL, FOREVER);
    }
    return HttpResponse.ok(
            new SystemFile(path.get().toFile(), MediaType.of(known.get().contentType())))
        .header(HttpHeaders.ETAG, etag)
        .header(HttpHeaders.CACHE_CONTROL, FOREVER);
  }
}
