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
import java.util.List;
import java.util.Map;
import liaison.hub.dutyrecord.DutyRecord;
import liaison.hub.dutyrecord.DutyRecords;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.text.Text;
import liaison.hub.web.FormData;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;

/**
 * A deputy's duty record (履职档案) for a year: the page (which prints as the A4 file), its PDF, and
 * the form where the county's administrators and the deputy's station managers add a note under an
 * aspect; the deputy reads their own at {@code /me/record}.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class DutyRecordAdminController {
  private static final String PDF = "application/pdf";
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private final DutyRecords records;

  public DutyRecordAdminController(DutyRecords records) {
    this.records = records;
  }

  /** One aspect as the page shows it, in the reader's language. */
  public record ShownSection(
      int number,
      String name,
      String description,
      String summary,
      List<ShownLine> lines,
      List<ShownNote> notes) {}

  public record ShownLine(String date, String what) {}

  public record ShownNote(String text, String by, String at) {}

  /** An aspect a note may go under. */
  public record Choice(String id, String name) {}

  /**
   * admin/duty-record: the record, the year to show, where its PDF is, and (for staff) the form to
   * add a note with what was typed when it came back.
   *
   * @param own the deputy's own record, read at /me/record
   */
  @Introspected
  public record RecordPage(
      Frame frame,
      String deputyId,
      String deputyName,
      String levels,
      String stations,
      String county,
      int year,
      int thisYear,
      boolean own,
      String pdf,
      List<ShownSection> sections,
      boolean mayWrite,
      List<Choice> aspects,
      Map<String, List<String>> errors,
      String aspectValue,
      String textValue,
      boolean saved,
      String printedOn) {}

  @Get(uri = "/admin/deputies/{id}/record", produces = MediaType.TEXT_HTML)
  public ModelAndView<RecordPage> page(
      HttpRequest<?> request,
      Staff staff,
      String id,
      @Nullable @QueryValue String year,
      @Nullable @QueryValue String done) {
    DutyRecord record = records.of(staff, id, records.year(year));
    return view(request, staff, record, false, Map.of(), "", "", "saved".equals(done));
  }

  @Get(uri = "/me/record", produces = MediaType.TEXT_HTML)
  public ModelAndView<RecordPage> own(
      HttpRequest<?> request, Staff staff, @Nullable @QueryValue String year) {
    return view(
        request, staff, records.own(staff, records.year(year)), true, Map.of(), "", "", false);
  }

  @Get(uri = "/admin/deputies/{id}/record.pdf", produces = PDF)
  public HttpResponse<byte[]> pdf(Staff staff, String id, @Nullable @QueryValue String year) {
    return pdf(records.pdf(records.of(staff, id, records.year(year))));
  }

  @Get(uri = "/me/record.pdf", produces = PDF)
  public HttpResponse<byte[]> ownPdf(Staff staff, @Nullable @QueryValue String year) {
    return pdf(records.pdf(records.own(staff, records.year(year))));
  }

  @Post(
      uri = "/admin/deputies/{id}/record/notes",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> note(
      HttpRequest<?> request, Staff staff, String id, @Nullable @Body String body) {
    FormData form = FormData.parse(body);
    try {
      records.addNote(
          staff,
          id,
          form.get("year"),
          new DutyRecords.NoteDraft(form.get("aspectId"), form.get("text")));
      return HttpResponse.seeOther(
          URI.create(
              "/admin/deputies/"
                  + id
                  + "/record?year="
                  + records.year(form.get("year"))
                  + "&done=saved"));
    } catch (ValidationProblem problem) {
      int year = records.year(form.get("year"));
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(
              view(
                  request,
                  staff,
                  records.of(staff, id, year),
                  false,
                  FormErrors.byField(Lang.of(request), problem.errors()),
                  orEmpty(form.get("aspectId")),
                  orEmpty(form.get("text")),
                  false));
    }
  }

  private ModelAndView<RecordPage> view(
      HttpRequest<?> request,
      Staff staff,
      DutyRecord record,
      boolean own,
      Map<String, List<String>> errors,
      String aspectValue,
      String textValue,
      boolean saved) {
    Lang lang = Lang.of(request);
    boolean english = "en".equals(lang.code());
    DutyRecord.Cover cover = record.cover();
    List<ShownSection> sections =
        record.sections().stream()
            .map(
                s ->
                    new ShownSection(
                        s.aspect().position(),
                        s.aspect().name(english),
                        s.aspect().description(),
                        lang.text(s.summary()),
                        s.lines().stream()
                            .map(
                                l ->
                                    new ShownLine(
                                        l.date() == null
                                            ? ""
                                            : lang.text(DutyRecords.day(l.date())),
                                        lang.text(l.what())))
                            .toList(),
                        s.notes().stream()
                            .map(
                                n ->
                                    new ShownNote(
                                        n.text(),
                                        n.by(),
                                        lang.text(
                                            ReceptionAdminController.longDate(
                                                n.at().atZoneSameInstant(SHANGHAI).toLocalDate()))))
                            .toList()))
            .toList();
    String query = "?year=" + cover.year();
    return new ModelAndView<>(
        "admin/duty-record",
        new RecordPage(
            Frame.of(request, staff),
            cover.deputyId(),
            cover.deputyName(),
            String.join(
                english ? ", " : "、",
                cover.levels().stream().map(l -> english ? l.en() : l.zh()).toList()),
            String.join(english ? ", " : "、", cover.stations()),
            cover.countyName(),
            cover.year(),
            record.today().getYear(),
            own,
            (own ? "/me/record.pdf" : "/admin/deputies/" + cover.deputyId() + "/record.pdf")
                + query,
            sections,
            !own && records.mayWrite(staff),
            record.sections().stream()
                .map(DutyRecord.Section::aspect)
                .map(a -> new Choice(a.id(), a.name(english)))
                .toList(),
            errors,
            aspectValue,
            textValue,
            saved,
            lang.text(Text.of("print.dated", ReceptionAdminController.longDate(record.today())))));
  }

  private static HttpResponse<byte[]> pdf(DutyRecords.Printed printed) {
    return HttpResponse.ok(printed.pdf())
        .contentType(PDF)
        .header("Content-Disposition", "inline; filename=\"" + printed.fileName() + "\"")
        .header("Cache-Control", "no-store");
  }

  static String orEmpty(@Nullable String value) {
    return value == null ? "" : value;
  }
}
