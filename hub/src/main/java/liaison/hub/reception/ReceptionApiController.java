package liaison.hub.reception;

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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.text.Text;
import liaison.hub.web.ApiAnswers;

/** Reception slots over JSON: list a station's, read, create, change, delete, mark who arrived. */
@Controller("/api")
@ApiAnswers.Staff
public class ReceptionApiController {
  private final ReceptionService receptions;
  private final AttendanceService attendanceService;
  private final ReceptionDetails details;
  private final Clock clock;

  public ReceptionApiController(
      ReceptionService receptions,
      AttendanceService attendanceService,
      ReceptionDetails details,
      Clock clock) {
    this.receptions = receptions;
    this.attendanceService = attendanceService;
    this.details = details;
    this.clock = clock;
  }

  /**
   * A slot as the API shows it; {@code capacity} is null when it takes no bookings, {@code booked}
   * the places residents have booked.
   */
  public record ReceptionView(
      String id,
      String stationId,
      String date,
      String start,
      String end,
      @Nullable String theme,
      String location,
      String status,
      List<Map<String, String>> deputies,
      List<String> presentDeputyIds,
      @Nullable Integer capacity,
      int booked) {}

  /**
   * A station's receptions from one day to another, earliest first.
   *
   * @param from the first day (2026-11-24), today when absent
   * @param to the last day, included; 13 days after {@code from} when absent
   */
  @Get(uri = "/stations/{stationId}/receptions", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "listReceptions")
  @ApiAnswers.NotFound
  @ApiAnswers.Invalid
  public List<ReceptionView> list(
      @Parameter(hidden = true) Staff staff,
      String stationId,
      @Nullable @QueryValue String from,
      @Nullable @QueryValue String to) {
    LocalDate start = parse("from", from, LocalDate.now(clock));
    LocalDate end = parse("to", to, start.plusDays(13));
    return views(receptions.list(staff, stationId, start, end));
  }

  /** One reception, with its on-duty deputies, who has arrived and its bookings' count. */
  @Get(uri = "/receptions/{id}", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "getReception")
  @ApiAnswers.NotFound
  public ReceptionView one(@Parameter(hidden = true) Staff staff, String id) {
    return views(List.of(receptions.get(staff, id))).getFirst();
  }

  /** Adds a reception at a station; refused (422) when an on-duty deputy would be in two places. */
  @Post(
      uri = "/receptions",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "createReception")
  @ApiResponse(responseCode = "201", description = ApiAnswers.CREATED, useReturnTypeSchema = true)
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Invalid
  public HttpResponse<ReceptionView> create(
      @Parameter(hidden = true) Staff staff, @Body ReceptionDraft draft) {
    ReceptionSlot slot = receptions.create(staff, draft);
    return HttpResponse.created(views(List.of(slot)).getFirst());
  }

  /** Changes a reception: the whole reception is sent, as for a new one. */
  @Put(
      uri = "/receptions/{id}",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "updateReception")
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Invalid
  public ReceptionView update(
      @Parameter(hidden = true) Staff staff, String id, @Body ReceptionDraft draft) {
    return views(List.of(receptions.update(staff, id, draft))).getFirst();
  }

  /** Deletes a reception; the station's screen drops it within seconds. */
  @Delete(uri = "/receptions/{id}")
  @Operation(operationId = "deleteReception")
  @ApiResponse(responseCode = "204", description = ApiAnswers.DONE)
  @ApiAnswers.NotFound
  public HttpResponse<?> delete(@Parameter(hidden = true) Staff staff, String id) {
    receptions.delete(staff, id);
    return HttpResponse.noContent();
  }

  /**
   * Marks an on-duty deputy as arrived (签到) at one of today's receptions; the station's screen
   * shows it within seconds. Marking twice changes nothing. 422 when the reception is not today's,
   * is cancelled, or the deputy is not on duty at it.
   */
  @Put(uri = "/receptions/{id}/present/{deputyId}", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "markDeputyPresent")
  @ApiAnswers.NotFound
  @ApiAnswers.Invalid
  public ReceptionView markPresent(
      @Parameter(hidden = true) Staff staff, String id, String deputyId) {
    return views(List.of(attendanceService.markPresent(staff, id, deputyId))).getFirst();
  }

  /** Takes back a deputy's arrival mark (取消签到) at one of today's receptions. */
  @Delete(uri = "/receptions/{id}/present/{deputyId}", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "markDeputyAbsent")
  @ApiAnswers.NotFound
  @ApiAnswers.Invalid
  public ReceptionView markAbsent(
      @Parameter(hidden = true) Staff staff, String id, String deputyId) {
    return views(List.of(attendanceService.markAbsent(staff, id, deputyId))).getFirst();
  }

  private List<ReceptionView> views(List<ReceptionSlot> slots) {
    return details.of(slots).stream()
        .map(
            d ->
                new ReceptionView(
                    d.slot().id(),
                    d.slot().stationId(),
                    d.slot().date().toString(),
                    d.slot().start().toString(),
                    d.slot().end().toString(),
                    d.slot().theme(),
                    d.slot().location(),
                    d.slot().status().name(),
                    d.onDuty().stream()
                        .map(m -> Map.of("id", m.deputyId(), "name", m.name()))
                        .toList(),
                    d.presentDeputyIds(),
                    d.slot().capacity(),
                    d.booked()))
        .toList();
  }

  private static LocalDate parse(String field, @Nullable String text, LocalDate fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      throw ValidationProblem.of(field, Text.of("problem.date.invalid"));
    }
  }
}
