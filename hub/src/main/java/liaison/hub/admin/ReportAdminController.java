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
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import liaison.hub.deputy.DeputyDirectory;
import liaison.hub.poster.BallotSlips;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.report.BallotPrints;
import liaison.hub.report.ReportSchedule;
import liaison.hub.report.ReportVote;
import liaison.hub.report.VoterReport;
import liaison.hub.security.Staff;
import liaison.hub.station.StationPlace;
import liaison.hub.web.FormData;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;

/**
 * Reports to voters (述职评议) for the county's administrators and the station's managers: the list,
 * scheduling and changing one, its page with the vote's counts, the steps (开始评议, 结束评议, cancel), the
 * ballot slips to print and, once closed, the result with the voters' words.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin/reports")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReportAdminController {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final ReportSchedule schedule;
  private final BallotPrints prints;
  private final ReportVote vote;

  public ReportAdminController(ReportSchedule schedule, BallotPrints prints, ReportVote vote) {
    this.schedule = schedule;
    this.prints = prints;
    this.vote = vote;
  }

  /** A report as the list and its page show it: its day and times in Asia/Shanghai. */
  public record Row(ReportSchedule.Listed listed, String day, String times) {
    public VoterReport report() {
      return listed.report();
    }
  }

  /** admin/reports: the reports, the latest first, and what was just done. */
  @Introspected
  public record ReportsPage(Frame frame, List<Row> rows, @Nullable String done) {}

  /** admin/report: one report, its counts, its steps, the slips' form and the voters' words. */
  @Introspected
  public record ReportPage(
      Frame frame,
      Row row,
      String voteUrl,
      List<String> comments,
      List<Integer> perPage,
      int maxSlips,
      Map<String, List<String>> errors,
      @Nullable String done) {}

  /** admin/report-form: a new report ({@code id} null) or one to change, as typed. */
  @Introspected
  public record ReportFormPage(
      Frame frame,
      @Nullable String id,
      ReportSchedule.Draft draft,
      List<DeputyDirectory.Listed> deputies,
      List<StationPlace> stations,
      Map<String, List<String>> errors) {}

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<ReportsPage> list(
      HttpRequest<?> request, Staff staff, @Nullable @QueryValue String done) {
    return new ModelAndView<>(
        "admin/reports",
        new ReportsPage(
            Frame.of(request, staff),
            schedule.list(staff).stream().map(ReportAdminController::row).toList(),
            "cancelled".equals(done) ? done : null));
  }

  @Get(uri = "/new", produces = MediaType.TEXT_HTML)
  public ModelAndView<ReportFormPage> newForm(HttpRequest<?> request, Staff staff) {
    return form(
        request,
        staff,
        null,
        new ReportSchedule.Draft("", "", "", "09:00", "11:00", ""),
        List.of());
  }

  @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  public HttpResponse<?> create(HttpRequest<?> request, Staff staff, @Body @Nullable String body) {
    ReportSchedule.Draft draft = draft(FormData.parse(body));
    try {
      VoterReport made = schedule.schedule(staff, draft);
      return HttpResponse.seeOther(URI.create("/admin/reports/" + made.id() + "?done=created"));
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(form(request, staff, null, draft, e.errors()));
    }
  }

  @Get(uri = "/{id}", produces = MediaType.TEXT_HTML)
  public ModelAndView<ReportPage> page(
      HttpRequest<?> request, Staff staff, String id, @Nullable @QueryValue String done) {
    return report(request, staff, id, List.of(), done);
  }

  @Get(uri = "/{id}/edit", produces = MediaType.TEXT_HTML)
  public ModelAndView<ReportFormPage> editForm(HttpRequest<?> request, Staff staff, String id) {
    Row row = row(schedule.get(staff, id));
    VoterReport r = row.report();
    return form(
        request,
        staff,
        id,
        new ReportSchedule.Draft(
            r.deputyId(),
            r.stationId(),
            DAY.format(r.startsAt().atZoneSameInstant(SHANGHAI)),
            TIME.format(r.startsAt().atZoneSameInstant(SHANGHAI)),
            TIME.format(r.endsAt().atZoneSameInstant(SHANGHAI)),
            r.title()),
        List.of());
  }

  @Post(
      uri = "/{id}",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> update(
      HttpRequest<?> request, Staff staff, String id, @Body @Nullable String body) {
    ReportSchedule.Draft draft = draft(FormData.parse(body));
    try {
      schedule.reschedule(staff, id, draft);
      return HttpResponse.seeOther(URI.create("/admin/reports/" + id + "?done=saved"));
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(form(request, staff, id, draft, e.errors()));
    }
  }

  @Post(uri = "/{id}/open", produces = MediaType.TEXT_HTML)
  public HttpResponse<?> open(Staff staff, String id) {
    schedule.open(staff, id);
    return HttpResponse.seeOther(URI.create("/admin/reports/" + id + "?done=opened"));
  }

  @Post(uri = "/{id}/close", produces = MediaType.TEXT_HTML)
  public HttpResponse<?> close(Staff staff, String id) {
    schedule.close(staff, id);
    return HttpResponse.seeOther(URI.create("/admin/reports/" + id + "?done=closed"));
  }

  @Post(uri = "/{id}/cancel", produces = MediaType.TEXT_HTML)
  public HttpResponse<?> cancel(Staff staff, String id) {
    schedule.cancel(staff, id);
    return HttpResponse.seeOther(URI.create("/admin/reports?done=cancelled"));
  }

  /** The slips as a PDF to print; the form again with its messages if the numbers are wrong. */
  @Post(
      uri = "/{id}/slips.pdf",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = {"application/pdf", MediaType.TEXT_HTML})
  public HttpResponse<?> slips(
      HttpRequest<?> request, Staff staff, String id, @Body @Nullable String body) {
    FormData form = FormData.parse(body);
    try {
      BallotPrints.Printed printed =
          prints.print(staff, id, form.get("count"), form.get("perPage"));
      return HttpResponse.ok(printed.pdf())
          .contentType("application/pdf")
          .header("Content-Disposition", "attachment; filename=\"" + printed.fileName() + "\"")
          .header("Cache-Control", "no-store");
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .contentType(MediaType.TEXT_HTML_TYPE)
          .body(report(request, staff, id, e.errors(), null));
    }
  }

  private ModelAndView<ReportPage> report(
      HttpRequest<?> request,
      Staff staff,
      String id,
      List<FieldError> errors,
      @Nullable String done) {
    Row row = row(schedule.get(staff, id));
    return new ModelAndView<>(
        "admin/report",
        new ReportPage(
            Frame.of(request, staff),
            row,
            vote.voteUrl(id),
            row.report().closed() ? schedule.comments(staff, id) : List.of(),
            BallotSlips.PER_PAGE,
            prints.maxSlips(),
            FormErrors.byField(Lang.of(request), errors),
            done != null && done.matches("created|saved|opened|closed") ? done : null));
  }

  private ModelAndView<ReportFormPage> form(
      HttpRequest<?> request,
      Staff staff,
      @Nullable String id,
      ReportSchedule.Draft draft,
      List<FieldError> errors) {
    return new ModelAndView<>(
        "admin/report-form",
        new ReportFormPage(
            Frame.of(request, staff),
            id,
            draft,
            schedule.deputies(staff),
            schedule.stations(staff),
            FormErrors.byField(Lang.of(request), errors)));
  }

  private static ReportSchedule.Draft draft(FormData form) {
    return new ReportSchedule.Draft(
        form.get("deputyId"),
        form.get("stationId"),
        form.get("date"),
        form.get("start"),
        form.get("end"),
        form.get("title"));
  }

  private static Row row(ReportSchedule.Listed listed) {
    VoterReport r = listed.report();
    return new Row(
        listed,
        DAY.format(r.startsAt().atZoneSameInstant(SHANGHAI)),
        TIME.format(r.startsAt().atZoneSameInstant(SHANGHAI))
            + "—"
            + TIME.format(r.endsAt().atZoneSameInstant(SHANGHAI)));
  }
}
