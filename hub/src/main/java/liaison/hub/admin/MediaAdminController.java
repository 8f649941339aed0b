package liaison.hub.admin;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import liaison.hub.config.TimeFactory;
import liaison.hub.media.MediaApiController;
import liaison.hub.media.MediaItem;
import liaison.hub.media.MediaLibrary;
import liaison.hub.problem.BadRequestProblem;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.StationPlace;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;
import liaison.signage.protocol.MediaSlide;

/**
 * The media library: the county's and the stations' posters, videos and documents as cards with
 * their thumbnails, the upload form (no script: the file goes up with the form, the answer shows
 * the new card or each reason beside its field), filters, and per card "put on screens", retire and
 * delete.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin/media")
@ExecuteOn(TaskExecutors.BLOCKING)
public class MediaAdminController {
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final List<String> KINDS = List.of("IMAGE", "VIDEO", "DOCUMENT");
  private static final List<String> DONE = List.of("uploaded", "existing", "retired", "deleted");

  private final MediaLibrary library;
  private final Access access;

  public MediaAdminController(MediaLibrary library, Access access) {
    this.library = library;
    this.access = access;
  }

  /** A library to pick: {@code county} or a station's id, and its name. */
  public record Choice(String value, String name) {}

  /**
   * A card of the grid; what people read, already written out.
   *
   * @param kind {@code image}, {@code video} or {@code document}: a message key's last part
   * @param length a video's length ("1:05"), else null
   * @param pages a document's pages, else 0
   */
  public record Card(
      String id,
      String title,
      String kind,
      String thumbnail,
      String fileName,
      String pixels,
      @Nullable String length,
      int pages,
      String size,
      String library,
      String uploadedBy,
      String uploadedAt,
      boolean retired,
      boolean changeable,
      int slides,
      String slideForm) {}

  /**
   * admin/media: the cards as filtered, the upload form with what was typed and the messages beside
   * its fields, the libraries this person may upload to and filter on.
   */
  @Introspected
  public record MediaPage(
      Frame frame,
      List<Card> cards,
      @Nullable String done,
      @Nullable String item,
      Map<String, List<String>> errors,
      String title,
      String target,
      List<Choice> uploadTo,
      List<Choice> libraries,
      String library,
      String kind,
      boolean retired,
      List<String> kinds,
      int maxTitle) {}

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<MediaPage> page(
      HttpRequest<?> request,
      Staff staff,
      @Nullable @QueryValue String done,
      @Nullable @QueryValue String item,
      @Nullable @QueryValue String library,
      @Nullable @QueryValue String kind,
      @Nullable @QueryValue Boolean retired) {
    BadRequestProblem.choice("kind", kind, KINDS);
    return page(
        request,
        staff,
        done != null && DONE.contains(done) ? done : null,
        item,
        List.of(),
        "",
        "",
        library == null ? "" : library,
        kind == null ? "" : kind,
        Boolean.TRUE.equals(retired));
  }

  @Post(consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
  public HttpResponse<?> upload(
      HttpRequest<?> request,
      Staff staff,
      @Nullable @Part("file") CompletedFileUpload file,
      @Nullable @Part("title") String title,
      @Nullable @Part("library") String target) {
    String station = target == null || target.isBlank() || "county".equals(target) ? null : target;
    try {
      MediaLibrary.Uploaded done =
          library.upload(staff, MediaApiController.upload(file, title, station));
      return HttpResponse.seeOther(
          URI.create(
              "/admin/media?done="
                  + (done.created() ? "uploaded" : "existing")
                  + "&item="
                  + done.item().id()
                  + "#"
                  + done.item().id()));
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(
              page(
                  request,
                  staff,
                  null,
                  null,
                  e.errors(),
                  title == null ? "" : title,
                  target == null ? "" : target,
                  "",
                  "",
                  false));
    }
  }

  @Post(
      uri = "/{id}/retire",
      consumes = {
        MediaType.APPLICATION_FORM_URLENCODED,
        MediaType.MULTIPART_FORM_DATA,
        MediaType.TEXT_PLAIN
      },
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> retire(Staff staff, String id) {
    library.retire(staff, id);
    return HttpResponse.seeOther(URI.create("/admin/media?done=retired"));
  }

  @Post(
      uri = "/{id}/delete",
      consumes = {
        MediaType.APPLICATION_FORM_URLENCODED,
        MediaType.MULTIPART_FORM_DATA,
        MediaType.TEXT_PLAIN
      },
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> delete(Staff staff, String id) {
    library.delete(staff, id);
    return HttpResponse.seeOther(URI.create("/admin/media?done=deleted"));
  }

  private ModelAndView<MediaPage> page(
      HttpRequest<?> request,
      Staff staff,
      @Nullable String done,
      @Nullable String item,
      List<FieldError> errors,
      String title,
      String target,
      String libraryFilter,
      String kindFilter,
      boolean retired) {
    Lang lang = Lang.of(request);
    List<StationPlace> visible = access.visibleStations(staff);
    Map<String, String> names =
        visible.stream().collect(Collectors.toMap(StationPlace::id, p -> p.station().name()));
    String county = lang.text(liaison.hub.text.Text.of("media.library.county"));
    List<Choice> uploadTo = new ArrayList<>();
    if (staff.isCountyAdmin()) {
      uploadTo.add(new Choice("county", county));
    }
    access
        .editableStations(staff)
        .forEach(p -> uploadTo.add(new Choice(p.id(), p.station().name())));
    List<Choice> libraries = new ArrayList<>();
    libraries.add(new Choice("county", county));
    visible.forEach(p -> libraries.add(new Choice(p.id(), p.station().name())));
    List<Card> cards =
        library
            .list(
                staff,
                new MediaLibrary.Filter(
                    libraryFilter.isBlank() ? null : libraryFilter,
                    kindFilter.isBlank() ? null : MediaSlide.Kind.valueOf(kindFilter),
                    retired))
            .stream()
            .map(i -> card(staff, i, i.isCounty() ? county : names.getOrDefault(i.stationId(), "")))
            .toList();
    return new ModelAndView<>(
        "admin/media",
        new MediaPage(
            Frame.of(request, staff),
            cards,
            done,
            item,
            FormErrors.byField(lang, errors),
            title,
            target,
            uploadTo,
            libraries,
            libraryFilter,
            kindFilter,
            retired,
            KINDS,
            MediaLibrary.MAX_TITLE));
  }

  private Card card(Staff staff, MediaItem i, String libraryName) {
    var first = i.first();
    return new Card(
        i.id(),
        i.title(),
        i.kind().name().toLowerCase(java.util.Locale.ROOT),
        i.thumbnail().path(),
        i.fileName(),
        first.width() + "×" + first.height(),
        i.kind() == MediaSlide.Kind.VIDEO ? MediaItem.clockLength(first.durationMillis()) : null,
        i.kind() == MediaSlide.Kind.DOCUMENT ? i.files().size() : 0,
        size(i.kind() == MediaSlide.Kind.VIDEO ? first.size() : i.playedBytes()),
        libraryName,
        i.uploaderName(),
        SHOWN.format(i.uploadedAt().atZoneSameInstant(TimeFactory.ZONE)),
        i.isRetired(),
        library.canChange(staff, i),
        i.slides(),
        MediaApiController.slideForm(i.id()));
  }

  /** "820 KB", "3.2 MB". */
  static String size(long bytes) {
    if (bytes < 1024 * 1024) {
      return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
    }
    // Locale.ROOT: a decimal point whatever the server's locale (a German one would write "3,2").
    return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
  }
}
