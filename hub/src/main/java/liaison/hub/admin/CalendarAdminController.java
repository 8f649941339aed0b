package liaison.hub.admin;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import liaison.hub.calendar.CalendarDay;
import liaison.hub.calendar.CalendarFile;
import liaison.hub.calendar.CalendarService;
import liaison.hub.calendar.DayKind;
import liaison.hub.calendar.WorkingCalendar;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.text.Text;
import liaison.hub.web.FormData;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;

/**
 * The county's working-day calendar (工作日历): a year's holidays and make-up working days, the
 * national ones and the county's own. County administrators add and remove days, import a year from
 * a CSV file (taken whole or refused whole) and export it; station managers read and export.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin/calendar")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CalendarAdminController {
  static final int MAX_FILE = 256 * 1024;

  private final CalendarService calendar;
  private final WorkingCalendar days;

  public CalendarAdminController(CalendarService calendar, WorkingCalendar days) {
    this.calendar = calendar;
    this.days = days;
  }

  /** A year of the picker. */
  public record YearLink(int year, boolean current) {}

  /** A row as the page shows it, in the page's language. */
  public record DayRow(
      String date, String weekday, String kind, boolean off, String name, boolean national) {}

  /**
   * admin/calendar: the year's rows, whether it has a table, the form's draft and messages ({@code
   * errors} by field: {@code date} for the form, {@code file} for an import).
   */
  @Introspected
  public record CalendarPage(
      Frame frame,
      int year,
      List<YearLink> years,
      boolean known,
      List<DayRow> days,
      boolean canEdit,
      CalendarService.Draft draft,
      Map<String, List<String>> errors,
      @Nullable String done,
      int maxName) {}

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<CalendarPage> page(
      HttpRequest<?> request,
      Staff staff,
      @Nullable @QueryValue Integer year,
      @Nullable @QueryValue String done) {
    return page(
        request,
        staff,
        year == null ? defaultYear() : year,
        new CalendarService.Draft("", "OFF", ""),
        List.of(),
        done != null && List.of("saved", "removed", "imported").contains(done) ? done : null);
  }

  @Get(uri = "/export", produces = "text/csv")
  public HttpResponse<byte[]> export(Staff staff, @Nullable @QueryValue Integer year) {
    int y = year == null ? defaultYear() : year;
    return HttpResponse.ok(calendar.export(staff, y))
        .header("Content-Disposition", "attachment; filename=\"calendar-" + y + ".csv\"");
  }

  @Post(
      uri = "/days",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> put(HttpRequest<?> request, Staff staff, @Body String body) {
    FormData form = FormData.parse(body);
    CalendarService.Draft draft =
        new CalendarService.Draft(form.get("date"), form.get("kind"), form.get("name"));
    try {
      LocalDate saved = calendar.put(staff, draft).date();
      return done(saved.getYear(), "saved");
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(page(request, staff, yearOf(draft.date()), draft, e.errors(), null));
    }
  }

  @Post(
      uri = "/days/{date}/delete",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> remove(Staff staff, String date) {
    calendar.remove(staff, date);
    return done(LocalDate.parse(date).getYear(), "removed");
  }

  @Post(uri = "/import", consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
  public HttpResponse<?> importFile(
      HttpRequest<?> request,
      Staff staff,
      @Nullable @QueryValue Integer year,
      @Nullable @Part("file") CompletedFileUpload file) {
    int y = year == null ? defaultYear() : year;
    try {
      byte[] bytes = file == null ? new byte[0] : file.getBytes();
      if (bytes.length > MAX_FILE) {
        throw ValidationProblem.of("file", Text.of("problem.calendar.file.too-large"));
      }
      List<CalendarDay> taken = calendar.importFile(staff, bytes);
      return done(taken.isEmpty() ? y : taken.getFirst().date().getYear(), "imported");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(
              page(request, staff, y, new CalendarService.Draft("", "OFF", ""), e.errors(), null));
    }
  }

  private static HttpResponse<?> done(int year, String what) {
    return HttpResponse.seeOther(URI.create("/admin/calendar?year=" + year + "&done=" + what));
  }

  /** This year; from November, when the State Council publishes it, the next. */
  private int defaultYear() {
    LocalDate today = days.today();
    return today.getMonthValue() >= 11 ? today.getYear() + 1 : today.getYear();
  }

  private int yearOf(@Nullable String date) {
    try {
      return LocalDate.parse(date == null ? "" : date.strip()).getYear();
    } catch (java.time.format.DateTimeParseException e) {
      return defaultYear();
    }
  }

  private ModelAndView<CalendarPage> page(
      HttpRequest<?> request,
      Staff staff,
      int year,
      CalendarService.Draft draft,
      List<FieldError> errors,
      @Nullable String done) {
    if (year < 2000 || year > 2100) {
      throw ValidationProblem.of("year", Text.of("problem.calendar.year.invalid", year));
    }
    List<CalendarDay> table = calendar.days(staff, year);
    Lang lang = Lang.of(request);
    int thisYear = days.today().getYear();
    List<YearLink> years =
        IntStream.rangeClosed(Math.min(year, thisYear - 1), Math.max(year, thisYear + 1))
            .mapToObj(y -> new YearLink(y, y == year))
            .toList();
    List<DayRow> rows =
        table.stream()
            .map(
                d ->
                    new DayRow(
                        d.date().toString(),
                        lang.text(Text.of("week.weekday." + d.date().getDayOfWeek().getValue())),
                        lang.text(Text.of("calendar.kind." + d.kind().name())),
                        d.kind() == DayKind.OFF,
                        d.name(),
                        d.national()))
            .toList();
    return new ModelAndView<>(
        "admin/calendar",
        new CalendarPage(
            Frame.of(request, staff),
            year,
            years,
            calendar.known(staff, year),
            rows,
            staff.isCountyAdmin(),
            draft,
            FormErrors.byField(lang, errors),
            done,
            CalendarFile.MAX_NAME));
  }
}
