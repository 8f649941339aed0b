package liaison.hub.calendar;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.text.Text;
import liaison.hub.web.ApiAnswers;

/**
 * The county's working-day calendar over JSON: every staff account reads a year (the holidays with
 * their days off, the make-up working days); county administrators set and remove the county's own
 * days. Not public: the public pages show deadlines already counted, never the calendar itself.
 */
@Controller("/api/calendar")
@ApiAnswers.Staff
@ExecuteOn(TaskExecutors.BLOCKING)
public class CalendarApiController {
  private final CalendarService calendar;
  private final WorkingCalendar days;

  public CalendarApiController(CalendarService calendar, WorkingCalendar days) {
    this.calendar = calendar;
    this.days = days;
  }

  /**
   * A year of the county's calendar (this year by default): each holiday with its name and days
   * off, each make-up working day (调休上班), and whether the year has a table at all.
   */
  @Get(produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "getCalendar")
  @ApiAnswers.BadRequest
  @ApiAnswers.Invalid
  public CalendarService.Year year(
      @Parameter(hidden = true) Staff staff, @Nullable @QueryValue Integer year) {
    return calendar.year(staff, year == null ? days.today().getYear() : checked(year));
  }

  /** Sets one of the county's days: 休 (off) or 班 (work), with the holiday's name. */
  @Put(uri = "/days", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "putCalendarDay")
  @ApiAnswers.BadRequest
  @ApiAnswers.Invalid
  public CalendarService.DayView put(
      @Parameter(hidden = true) Staff staff, @Body CalendarService.Draft draft) {
    return CalendarService.DayView.of(calendar.put(staff, draft));
  }

  /** Removes one of the county's own days (a day of the national table is not the county's). */
  @Delete(uri = "/days/{date}")
  @Operation(operationId = "deleteCalendarDay")
  @ApiResponse(responseCode = "204", description = ApiAnswers.DONE)
  @ApiAnswers.NotFound
  @ApiAnswers.Invalid
  public HttpResponse<?> remove(@Parameter(hidden = true) Staff staff, String date) {
    calendar.remove(staff, date);
    return HttpResponse.noContent();
  }

  private static int checked(int year) {
    if (year < 2000 || year > 2100) {
      throw ValidationProblem.of("year", Text.of("problem.calendar.year.invalid", year));
    }
    return year;
  }
}
