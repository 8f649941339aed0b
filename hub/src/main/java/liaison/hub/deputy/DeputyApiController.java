package liaison.hub.deputy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.Map;
import liaison.hub.security.Staff;
import liaison.hub.station.StationPlace;
import liaison.hub.web.ApiAnswers;

/**
 * Deputies over JSON: list (with search and filters), read, create, change, delete, assignments.
 */
@Controller("/api/deputies")
@ApiAnswers.Staff
@ExecuteOn(TaskExecutors.BLOCKING)
public class DeputyApiController {
  private final DeputyDirectory directory;
  private final DeputyService deputies;
  private final DeputyAssignments assignments;

  public DeputyApiController(
      DeputyDirectory directory, DeputyService deputies, DeputyAssignments assignments) {
    this.directory = directory;
    this.deputies = deputies;
    this.assignments = assignments;
  }

  /**
   * A deputy as the API shows it. The phone is given to the deputy themself and the staff of their
   * stations, and to others only when it is public.
   *
   * @param stationIds the stations (among those the reader may see) the deputy is assigned to
   */
  public record DeputyView(
      String id,
      String name,
      List<String> levels,
      List<String> levelNames,
      String constituency,
      String occupation,
      String workUnit,
      List<String> specialties,
      @Nullable String phone,
      boolean phonePublic,
      List<String> stationIds) {}

  /**
   * The deputies the staff member may see.
   *
   * @param q text in the id, name, constituency, occupation, work unit or specialties
   * @param level NATIONAL, PROVINCIAL, MUNICIPAL, COUNTY or TOWNSHIP; another value answers 400
   *     listing them
   * @param station a station's id: only the deputies sitting there
   */
  @Get(produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "listDeputies")
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  public List<DeputyView> list(
      @Parameter(hidden = true) Staff staff,
      @Nullable @QueryValue String q,
      @Nullable @QueryValue String level,
      @Nullable @QueryValue String station) {
    return directory.list(staff, new DeputyDirectory.Filter(q, level, station)).stream()
        .map(l -> view(l.deputy(), l.stationIds(), l.phoneVisible()))
        .toList();
  }

  /** One deputy, with the stations (of those the reader may see) they sit at. */
  @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "getDeputy")
  @ApiAnswers.NotFound
  public DeputyView one(@Parameter(hidden = true) Staff staff, String id) {
    return view(
        directory.get(staff, id),
        ids(directory.stationsOf(staff, id)),
        directory.maySeePhone(staff, id));
  }

  /** Adds a deputy, sitting at the stations the draft names. */
  @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "createDeputy")
  @ApiResponse(responseCode = "201", description = ApiAnswers.CREATED, useReturnTypeSchema = true)
  @ApiAnswers.BadRequest
  @ApiAnswers.Invalid
  public HttpResponse<DeputyView> create(
      @Parameter(hidden = true) Staff staff, @Body DeputyDraft draft) {
    Deputy created = deputies.create(staff, draft);
    return HttpResponse.created(
        view(created, ids(directory.stationsOf(staff, created.id())), true));
  }

  /** Changes a deputy: the whole deputy is sent, as for a new one. */
  @Put(uri = "/{id}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "updateDeputy")
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Invalid
  public DeputyView update(
      @Parameter(hidden = true) Staff staff, String id, @Body DeputyDraft draft) {
    Deputy changed = deputies.update(staff, id, draft);
    return view(changed, ids(directory.stationsOf(staff, id)), true);
  }

  /**
   * Deletes a deputy; refused (422) while they are on duty at a reception to come, at any station.
   */
  @Delete(uri = "/{id}")
  @Operation(operationId = "deleteDeputy")
  @ApiResponse(responseCode = "204", description = ApiAnswers.DONE)
  @ApiAnswers.NotFound
  @ApiAnswers.Invalid
  public HttpResponse<?> delete(@Parameter(hidden = true) Staff staff, String id) {
    deputies.delete(staff, id);
    return HttpResponse.noContent();
  }

  /** The stations (of those the reader may see) the deputy sits at: id and name. */
  @Get(uri = "/{id}/stations", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "listDeputyStations")
  @ApiAnswers.NotFound
  public List<Map<String, String>> stations(@Parameter(hidden = true) Staff staff, String id) {
    return stationList(directory.stationsOf(staff, id));
  }

  /** Assigns the deputy to the station; answers the deputy's stations. */
  @Put(uri = "/{id}/stations/{stationId}", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "assignDeputy")
  @ApiAnswers.NotFound
  @ApiAnswers.Invalid
  public List<Map<String, String>> assign(
      @Parameter(hidden = true) Staff staff, String id, String stationId) {
    assignments.assign(staff, id, stationId);
    return stationList(directory.stationsOf(staff, id));
  }

  /**
   * Takes the deputy off the station; refused (422) while they are on duty there at a reception to
   * come.
   */
  @Delete(uri = "/{id}/stations/{stationId}")
  @Operation(operationId = "unassignDeputy")
  @ApiResponse(responseCode = "204", description = ApiAnswers.DONE)
  @ApiAnswers.NotFound
  @ApiAnswers.Invalid
  public HttpResponse<?> unassign(
      @Parameter(hidden = true) Staff staff, String id, String stationId) {
    assignments.unassign(staff, id, stationId);
    return HttpResponse.noContent();
  }

  /**
   * @param phoneVisible the reader may see the phone even when it is not public (they just wrote
   *     it, or Access says so)
   */
  private static DeputyView view(Deputy d, List<String> stationIds, boolean phoneVisible) {
    boolean showPhone = d.phonePublic() || phoneVisible;
    return new DeputyView(
        d.id(),
        d.name(),
        d.levels().stream().map(Enum::name).toList(),
        d.levels().stream().map(l -> l.zh()).toList(),
        d.constituency(),
        d.occupation(),
        d.workUnit(),
        d.specialties(),
        showPhone ? d.phone() : null,
        d.phonePublic(),
        stationIds);
  }

  private static List<String> ids(List<StationPlace> places) {
    return places.stream().map(StationPlace::id).toList();
  }

  private static List<Map<String, String>> stationList(List<StationPlace> places) {
    return places.stream().map(p -> Map.of("id", p.id(), "name", p.station().name())).toList();
  }
}
