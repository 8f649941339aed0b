package liaison.hub.media;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import liaison.hub.problem.BadRequestProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.text.Text;
import liaison.hub.web.ApiAnswers;
import liaison.hub.web.ApiTimes;
import liaison.signage.protocol.MediaSlide;
import liaison.signage.protocol.MediaSlide.MediaFile;

/**
 * The media libraries over JSON: upload (multipart, streamed to disk), list, read, retire, delete.
 * The files themselves are at {@code /media/{sha256}} ({@link MediaFilesController}).
 */
@Controller("/api/media")
@ApiAnswers.Staff
@ExecuteOn(TaskExecutors.BLOCKING)
public class MediaApiController {
  private static final List<String> KINDS =
      java.util.Arrays.stream(MediaSlide.Kind.values()).map(Enum::name).toList();

  private final MediaLibrary library;

  public MediaApiController(MediaLibrary library) {
    this.library = library;
  }

  /** A file of an entry, with where a station downloads it. */
  public record FileView(
      String sha256,
      long size,
      String contentType,
      int width,
      int height,
      long durationMillis,
      String path) {
    static FileView of(MediaFile f) {
      return new FileView(
          f.sha256(),
          f.size(),
          f.contentType(),
          f.width(),
          f.height(),
          f.durationMillis(),
          f.path());
    }
  }

  /**
   * An entry as the API shows it; times in Beijing time with their offset.
   *
   * @param library {@code county}, or the station's id for a station's own
   * @param files what a station plays: one file, or a document's pages in order
   * @param slides how many slides are scheduled from it (delete refuses while there are any)
   * @param putOnScreens the page that schedules it as a slide
   */
  public record MediaView(
      String id,
      String library,
      String kind,
      String title,
      String fileName,
      String uploadSha256,
      long uploadSize,
      String thumbnail,
      List<FileView> files,
      String uploadedBy,
      String uploadedAt,
      @Nullable String retiredAt,
      int slides,
      String putOnScreens) {
    public static MediaView of(MediaItem i) {
      return new MediaView(
          i.id(),
          i.isCounty() ? "county" : i.stationId(),
          i.kind().name(),
          i.title(),
          i.fileName(),
          i.uploadSha256(),
          i.uploadSize(),
          i.thumbnail().path(),
          i.files().stream().map(FileView::of).toList(),
          i.uploaderName(),
          ApiTimes.instant(i.uploadedAt()),
          ApiTimes.instantOrNull(i.retiredAt()),
          i.slides(),
          slideForm(i.id()));
    }
  }

  /** The page of the slides' part that schedules an entry on screens. */
  public static String slideForm(String itemId) {
    return "/admin/media/slides/new?item=" + itemId;
  }

  /**
   * Uploads a poster (JPEG, PNG, WebP: at most 30 MB and 50 megapixels), a video (an H.264 MP4 of
   * at most 500 MB) or a PDF (at most 50 MB) as the request body, streamed to disk, into the
   * county's library (county administrators) or a station's own ({@code station}: its managers).
   * The content decides what it is, never the name or the Content-Type. The same file again to the
   * same library answers the entry already there (200). The same is taken from a form ({@code
   * multipart/form-data} with the fields {@code file}, {@code title}, {@code station}).
   */
  @Post(
      consumes = {
        MediaType.APPLICATION_OCTET_STREAM,
        MediaType.IMAGE_JPEG,
        MediaType.IMAGE_PNG,
        "image/webp",
        "video/mp4",
        MediaType.APPLICATION_PDF
      },
      produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "uploadMedia",
      summary = "Uploads a poster, a video or a PDF into a media library")
  @ApiResponse(
      responseCode = "201",
      description = "已收入媒体库 · Taken into the library",
      useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "200",
      description = "同一文件已在此媒体库 · The same file is in this library already: its entry")
  @ApiResponse(responseCode = "413", description = "文件超过上传上限 · Larger than any upload may be")
  @ApiResponse(
      responseCode = "503",
      description =
          "正在处理另一张图片或另一个 PDF，未保存 · Another picture or PDF is being prepared; nothing"
              + " was kept: send it again after Retry-After (seconds)")
  @ApiAnswers.NotFound
  @ApiAnswers.Invalid
  public HttpResponse<MediaView> uploadRaw(
      @Parameter(hidden = true) Staff staff,
      @Parameter(description = "the file's name, as the manager knows it") @QueryValue
          String fileName,
      @Parameter(description = "不填则用文件名 · empty: the file's name") @Nullable @QueryValue
          String title,
      @Parameter(description = "a station's id for its own library; empty: the county's")
          @Nullable
          @QueryValue
          String station,
      @Body @Schema(type = "string", format = "binary") InputStream body) {
    return answer(library.upload(staff, new MediaLibrary.Upload(body, fileName, title, station)));
  }

  /**
   * The same from a form. Left out of the API document (the upload above mentions it), as the
   * deputy's photo upload is: a second request body on the same operation is more than the
   * document's generator merges cleanly, and a form's parts would make the generated client need a
   * multipart library.
   */
  @Post(consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.APPLICATION_JSON)
  @Hidden
  public HttpResponse<MediaView> upload(
      Staff staff,
      @Nullable @Part("file") CompletedFileUpload file,
      @Nullable @Part("title") String title,
      @Nullable @Part("station") String station) {
    return answer(library.upload(staff, upload(file, title, station)));
  }

  private static HttpResponse<MediaView> answer(MediaLibrary.Uploaded done) {
    return HttpResponse.<MediaView>status(done.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(MediaView.of(done.item()));
  }

  /**
   * The form's file as the library reads it: from the disk where the server put it (parts above a
   * megabyte wait there), never as one array in memory.
   */
  public static MediaLibrary.Upload upload(
      @Nullable CompletedFileUpload file, @Nullable String title, @Nullable String station) {
    if (file == null || file.getFilename() == null || file.getSize() == 0) {
      throw ValidationProblem.of("file", Text.of("problem.media.missing"));
    }
    InputStream body;
    try {
      body = file.getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new MediaLibrary.Upload(body, file.getFilename(), title, station);
  }

  @Get(produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "listMedia",
      summary =
          "The entries of the libraries the caller may use, newest first: the county's and their"
              + " stations' own")
  @ApiResponse(responseCode = "200", description = "媒体库 · The entries")
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  public List<MediaView> list(
      @Parameter(hidden = true) Staff staff,
      @Parameter(description = "county, or a station's id; empty: every library")
          @Nullable
          @QueryValue
          String library,
      @Parameter(description = "IMAGE, VIDEO or DOCUMENT") @Nullable @QueryValue String kind,
      @Parameter(description = "true: the retired ones instead") @Nullable @QueryValue
          Boolean retired) {
    String k = BadRequestProblem.choice("kind", kind, KINDS);
    MediaLibrary.Filter filter =
        new MediaLibrary.Filter(
            library == null || library.isBlank() ? null : library,
            k == null ? null : MediaSlide.Kind.valueOf(k),
            Boolean.TRUE.equals(retired));
    return library(staff, filter);
  }

  private List<MediaView> library(Staff staff, MediaLibrary.Filter filter) {
    return this.library.list(staff, filter).stream().map(MediaView::of).toList();
  }

  @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "getMedia", summary = "One entry of a library, with its files")
  @ApiResponse(responseCode = "200", description = "媒体 · The entry")
  @ApiAnswers.NotFound
  public MediaView get(@Parameter(hidden = true) Staff staff, String id) {
    return MediaView.of(library.get(staff, id));
  }

  @Post(uri = "/{id}/retire", produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "retireMedia",
      summary =
          "Takes an entry out of use: its slides stop on every screen; kept for the proofs of"
              + " display")
  @ApiResponse(responseCode = "200", description = "已停用 · Retired")
  @ApiAnswers.NotFound
  public MediaView retire(@Parameter(hidden = true) Staff staff, String id) {
    return MediaView.of(library.retire(staff, id));
  }

  @Delete(uri = "/{id}")
  @Operation(
      operationId = "deleteMedia",
      summary = "Deletes an entry no slide uses, and its files nothing else uses")
  @ApiResponse(responseCode = "204", description = ApiAnswers.DONE)
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  public HttpResponse<Void> delete(@Parameter(hidden = true) Staff staff, String id) {
    library.delete(staff, id);
    return HttpResponse.noContent();
  }
}
