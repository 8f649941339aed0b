package liaison.hub.duty;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.text.Text;
import liaison.hub.web.ApiAnswers;
import liaison.hub.web.ApiTimes;

/**
 * Duty points (履职积分) over JSON: a deputy's year with every entry traceable to its source, the
 * rankings, hand entries and a county administrator's decision on them, and the year's close.
 */
@Controller("/api")
@ApiAnswers.Staff
@ExecuteOn(TaskExecutors.BLOCKING)
public class DutyPointsApiController {
  private final DutyPoints points;

  public DutyPointsApiController(DutyPoints points) {
    this.points = points;
  }

  /**
   * An entry: its kind (a {@code DutyKind} code and its name), points, status (PENDING, APPROVED,
   * REFUSED), source (RECEPTION, CASE, SUGGESTION, REPORT with that record's id, or HAND), the
   * note, the evidence's file (under the admin's entry page) and a refusal's reason.
   */
  public record EntryView(
      String id,
      String deputyId,
      String date,
      String kind,
      String kindName,
      int points,
      String status,
      String sourceKind,
      String sourceId,
      String note,
      @Nullable String evidence,
      String reason) {
    static EntryView of(DutyEntry e) {
      return new EntryView(
          e.id(),
          e.deputyId(),
          ApiTimes.date(e.occurredOn()),
          e.kind().name(),
          e.kind().text().both(" / "),
          e.points(),
          e.status().name(),
          e.sourceKind(),
          e.sourceId(),
          e.note(),
          e.evidence() == null ? null : e.evidence().file(),
          e.reason());
    }
  }

  /** A kind's part of the total. */
  public record KindView(String kind, String kindName, int points, int entries) {}

  /**
   * A deputy's year: the total of approved entries, by kind, every entry, the rank in the county
   * ({@code of} deputies) and whether the year is closed (frozen history).
   */
  public record DeputyPointsView(
      String deputyId,
      String name,
      int year,
      boolean closed,
      int total,
      List<KindView> byKind,
      List<EntryView> entries,
      int rank,
      int of) {}

  /** A deputy's place in a ranking; equal points share a rank. */
  public record StandingView(int rank, String deputyId, String name, int points) {}

  /**
   * A deputy's points of a year (this year without {@code year}): the total, by kind, every entry
   * with its source, and the rank in the county.
   */
  @Get(uri = "/deputies/{id}/points", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "getDeputyPoints")
  @ApiAnswers.NotFound
  @ApiAnswers.Invalid
  public DeputyPointsView deputy(
      @Parameter(hidden = true) Staff staff, String id, @Nullable @QueryValue Integer year) {
    DutyPoints.DeputyYear y =
        points.deputyYear(staff, id, year == null ? points.today().getYear() : checked(year));
    return new DeputyPointsView(
        y.deputyId(),
        y.name(),
        y.year(),
        y.closed(),
        y.total(),
        y.byKind().stream()
            .map(
                k ->
                    new KindView(
                        k.kind().name(), k.kind().text().both(" / "), k.points(), k.entries()))
            .toList(),
        y.entries().stream().map(EntryView::of).toList(),
        y.rank(),
        y.of());
  }

  /** The ranking of a year or a month, of the county, a township or a station. */
  @Get(uri = "/points/rankings", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "getPointsRankings")
  @ApiAnswers.NotFound
  @ApiAnswers.Invalid
  public List<StandingView> rankings(
      @Parameter(hidden = true) Staff staff,
      @Nullable @QueryValue Integer year,
      @Nullable @QueryValue Integer month,
      @Nullable @QueryValue String township,
      @Nullable @QueryValue String station) {
    return points
        .rankings(
            staff,
            period(year == null ? points.today().getYear() : year, month),
            blankToNull(township),
            blankToNull(station))
        .stream()
        .map(s -> new StandingView(s.rank(), s.deputyId(), s.name(), s.points()))
        .toList();
  }

  /**
   * Enters an activity by hand (without evidence; the admin's form takes a file); it awaits
   * approval.
   */
  @Post(
      uri = "/points/entries",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "createPointsEntry")
  @ApiResponse(responseCode = "201", description = ApiAnswers.CREATED, useReturnTypeSchema = true)
  @ApiAnswers.BadRequest
  @ApiAnswers.Invalid
  public HttpResponse<EntryView> enter(
      @Parameter(hidden = true) Staff staff, @Body DutyPoints.Draft draft) {
    return HttpResponse.created(EntryView.of(points.enter(staff, draft, List.of())));
  }

  /**
   * A county administrator approves ({@code APPROVE}) or refuses ({@code REFUSE}, with a reason).
   */
  @Post(
      uri = "/points/entries/{id}/decision",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "decidePointsEntry")
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  @ApiAnswers.Invalid
  public EntryView decide(
      @Parameter(hidden = true) Staff staff, String id, @Body DutyPoints.Decision decision) {
    return EntryView.of(points.decide(staff, id, decision));
  }

  /** Closes a year that is over (积分跨年清零); refused while entries of it await a decision. */
  @Post(uri = "/points/years/{year}/close")
  @Operation(operationId = "closePointsYear")
  @ApiResponse(responseCode = "204", description = ApiAnswers.DONE)
  @ApiAnswers.Conflict
  @ApiAnswers.Invalid
  public HttpResponse<?> close(@Parameter(hidden = true) Staff staff, int year) {
    points.closeYear(staff, checked(year));
    return HttpResponse.noContent();
  }

  static DutyPoints.Period period(int year, @Nullable Integer month) {
    checked(year);
    if (month != null && (month < 1 || month > 12)) {
      throw ValidationProblem.of("month", Text.of("problem.points.month.invalid", month));
    }
    return new DutyPoints.Period(year, month);
  }

  static int checked(int year) {
    if (year < 2000 || year > 2100) {
      throw ValidationProblem.of("year", Text.of("problem.calendar.year.invalid", year));
    }
    return year;
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
