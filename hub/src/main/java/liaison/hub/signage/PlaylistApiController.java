package liaison.hub.signage;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import liaison.hub.security.Staff;
import liaison.hub.web.ApiAnswers;
import liaison.hub.web.ApiTimes;
import liaison.signage.protocol.Playlist;
import org.jspecify.annotations.Nullable;

/**
 * A station's signage playlist over JSON. The body of a PUT has the shape GET answers with (extra
 * fields are ignored); a refused one answers 422 with a message per field, as every API form does.
 */
@Controller("/api/stations/{id}/playlist")
@ApiAnswers.Staff
@ExecuteOn(TaskExecutors.BLOCKING)
public class PlaylistApiController {
  private final StationPlaylists playlists;

  public PlaylistApiController(StationPlaylists playlists) {
    this.playlists = playlists;
  }

  /**
   * What a station's screen plays, as its snapshot carries it.
   *
   * @param custom false: no playlist set, the entries are the defaults and the snapshot has none
   * @param updatedAt when it was set (+08:00)
   */
  public record PlaylistView(
      String stationId,
      boolean custom,
      List<EntryView> entries,
      List<DaypartView> dayparts,
      @Nullable String updatedAt,
      @Nullable String updatedBy) {
    static PlaylistView of(StationPlaylists.Current c) {
      Playlist p = c.playlist();
      return new PlaylistView(
          c.place().id(),
          c.custom(),
          entries(p.entries()),
          p.dayparts().stream()
              .map(
                  d ->
                      new DaypartView(
                          ApiTimes.time(d.from()), ApiTimes.time(d.until()), entries(d.entries())))
              .toList(),
          ApiTimes.instantOrNull(c.updatedAt()),
          c.updatedBy());
    }

    private static List<EntryView> entries(List<Playlist.Entry> entries) {
      return entries.stream().map(e -> new EntryView(e.board(), e.seconds())).toList();
    }
  }

  /**
   * @param board TODAY, WEEK, ROSTER, NOTICES, RESULTS, PLAN, STARS, MEDIA, LIVELIHOOD or
   *     LIVELIHOOD_PROGRESS
   */
  public record EntryView(String board, int seconds) {}

  /**
   * @param from HH:mm, Beijing time; {@code until} before {@code from} runs past midnight
   */
  public record DaypartView(String from, String until, List<EntryView> entries) {}

  @Get(produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "getPlaylist",
      summary = "The station's signage playlist, or the defaults (custom: false) when none is set")
  @ApiAnswers.NotFound
  public PlaylistView get(@Parameter(hidden = true) Staff staff, String id) {
    return PlaylistView.of(playlists.get(staff, id));
  }

  @Put(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "setPlaylist",
      summary =
          "Sets the playlist: boards TODAY/WEEK/ROSTER/NOTICES/RESULTS/PLAN/STARS/MEDIA/LIVELIHOOD/LIVELIHOOD_PROGRESS of 3–600 s each; dayparts (HH:mm) must not overlap"
              + " and need a board each; the station gets it in its next snapshot")
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Invalid
  public PlaylistView put(
      @Parameter(hidden = true) Staff staff, String id, @Body PlaylistDraft playlist) {
    return PlaylistView.of(playlists.save(staff, id, playlist));
  }

  @Delete(produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "resetPlaylist",
      summary =
          "Back to the defaults: the station's snapshot carries no playlist; answers what it now plays")
  @ApiAnswers.NotFound
  public PlaylistView reset(@Parameter(hidden = true) Staff staff, String id) {
    return PlaylistView.of(playlists.reset(staff, id));
  }
}
