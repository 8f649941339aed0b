package liaison.hub.media;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import liaison.hub.security.Staff;
import liaison.hub.web.ApiAnswers;
import liaison.hub.web.ApiTimes;

/**
 * Media slides over JSON: the library's items scheduled on screens, their order, their proofs of
 * display; and each station's volume and media cache.
 */
@Controller("/api")
@ApiAnswers.Staff
public class MediaSlideApiController {
  private final MediaSlides slides;

  public MediaSlideApiController(MediaSlides slides) {
    this.slides = slides;
  }

  /** A window of the day, {@code HH:mm} Beijing time. */
  public record DaypartView(String from, String until) {}

  /**
   * A slide as the API shows it; times in Beijing time with their offset.
   *
   * @param kind IMAGE, VIDEO or DOCUMENT
   * @param seconds how long it stays each time (each page of a document)
   * @param target ALL (the county), TOWNSHIP or STATIONS
   * @param reaches the stations whose screens it reaches
   * @param position its place in the order slides play, 1 first
   */
  public record SlideView(
      String id,
      String itemId,
      String title,
      String kind,
      int pages,
      int seconds,
      String validFrom,
      @Nullable String validUntil,
      List<DaypartView> dayparts,
      String target,
      @Nullable String townshipId,
      List<String> stationIds,
      List<String> reaches,
      int position,
      String createdBy,
      String createdAt) {}

  /** One station's proof of display of a slide: how often, how many seconds, first and last. */
  public record ProofView(
      String stationId, String stationName, int times, long seconds, String first, String last) {}

  /** How the slide moves in the order: {@code up} (earlier) or {@code down} (later). */
  @Introspected
  public record Move(@Nullable String direction) {}

  /** A station's volume for videos, 0 (silent) to 100. */
  @Introspected
  public record Volume(@Nullable Integer volume) {}

  /** The slides the staff member may see, in the order the screens play them after the boards. */
  @Get(uri = "/media-slides", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "listMediaSlides")
  public List<SlideView> list(@Parameter(hidden = true) Staff staff) {
    return slides.listed(staff).stream().map(l -> view(l.slide(), l.reached())).toList();
  }

  /** One slide. */
  @Get(uri = "/media-slides/{id}", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "getMediaSlide")
  @ApiAnswers.NotFound
  public SlideView one(@Parameter(hidden = true) Staff staff, String id) {
    return view(slides.get(staff, id));
  }

  /**
   * Puts a library item on screens; it plays last in the order, and the screens it reaches get it
   * within seconds (once they have downloaded its files).
   */
  @Post(
      uri = "/media-slides",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "createMediaSlide")
  @ApiResponse(responseCode = "201", description = ApiAnswers.CREATED, useReturnTypeSchema = true)
  @ApiAnswers.BadRequest
  @ApiAnswers.Invalid
  public HttpResponse<SlideView> create(
      @Parameter(hidden = true) Staff staff, @Body SlideDraft draft) {
    return HttpResponse.created(view(slides.create(staff, draft)));
  }

  /** Changes a slide: the whole slide is sent, as for a new one; it keeps its place. */
  @Put(
      uri = "/media-slides/{id}",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "updateMediaSlide")
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Invalid
  public SlideView update(
      @Parameter(hidden = true) Staff staff, String id, @Body SlideDraft draft) {
    return view(slides.update(staff, id, draft));
  }

  /**
   * Takes a slide off the screens: one with proofs of display ends now and keeps them; one never
   * shown is deleted.
   */
  @Delete(uri = "/media-slides/{id}")
  @Operation(operationId = "deleteMediaSlide")
  @ApiResponse(responseCode = "204", description = ApiAnswers.DONE)
  @ApiAnswers.NotFound
  public HttpResponse<?> delete(@Parameter(hidden = true) Staff staff, String id) {
    slides.delete(staff, id);
    return HttpResponse.noContent();
  }

  /** Moves a slide one place earlier or later among the slides the staff member sees. */
  @Post(uri = "/media-slides/{id}/move", consumes = MediaType.APPLICATION_JSON)
  @Operation(operationId = "moveMediaSlide")
  @ApiResponse(responseCode = "204", description = ApiAnswers.DONE)
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Invalid
  public HttpResponse<?> move(@Parameter(hidden = true) Staff staff, String id, @Body Move move) {
    slides.move(staff, id, move.direction() == null ? "" : move.direction());
    return HttpResponse.noContent();
  }

  /** Per station: how often and how many seconds in all the slide was on screen, first and last. */
  @Get(uri = "/media-slides/{id}/proofs", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "listMediaSlideProofs")
  @ApiAnswers.NotFound
  public List<ProofView> proofs(@Parameter(hidden = true) Staff staff, String id) {
    return slides.proofs(staff, id).stream()
        .map(
            p ->
                new ProofView(
                    p.stationId(),
                    p.stationName(),
                    p.times(),
                    p.seconds(),
                    ApiTimes.instant(p.first()),
                    ApiTimes.instant(p.last())))
        .toList();
  }

  /** A station's volume for videos and its media cache as it last reported it. */
  @Get(uri = "/stations/{id}/media", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "getStationMedia")
  @ApiAnswers.NotFound
  public StationMedia stationMedia(@Parameter(hidden = true) Staff staff, String id) {
    return slides.stationMedia(staff, id);
  }

  /** Sets how loud the station plays videos: 0 (silent, the default) to 100. */
  @Put(
      uri = "/stations/{id}/media-volume",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "setStationMediaVolume")
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Invalid
  public StationMedia setVolume(
      @Parameter(hidden = true) Staff staff, String id, @Body Volume volume) {
    slides.setVolume(staff, id, volume.volume());
    return slides.stationMedia(staff, id);
  }

  private SlideView view(ScheduledSlide s) {
    return view(s, slides.reached(s));
  }

  private static SlideView view(ScheduledSlide s, List<String> reached) {
    return new SlideView(
        s.id(),
        s.item().id(),
        s.item().title(),
        s.item().kind().name(),
        s.item().files().size(),
        s.seconds(),
        ApiTimes.instant(s.validFrom()),
        ApiTimes.instantOrNull(s.validUntil()),
        s.dayparts().stream()
            .map(w -> new DaypartView(ApiTimes.time(w.from()), ApiTimes.time(w.until())))
            .toList(),
        s.reach().target().name(),
        s.reach().townshipId(),
        s.reach().stationIds(),
        reached,
        s.position(),
        s.createdBy(),
        ApiTimes.instant(s.createdAt()));
  }
}
