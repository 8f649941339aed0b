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
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.spreadsheet.ImportReport;
import liaison.hub.spreadsheet.SpreadsheetApiController;
import liaison.hub.spreadsheet.SpreadsheetService;
import liaison.hub.text.Text;
import liaison.hub.web.FormData;
import liaison.hub.web.Frame;

/**
 * Spreadsheets in the admin: download the stations or deputies as CSV; upload one, read the dry
 * run's report (rows taken, rows refused and why), then confirm to import the rows taken.
 *
 * <p>The confirmation carries the uploaded file back (base64 in a hidden field) rather than keeping
 * it on the server: nothing to expire or clean up, and the import checks the same bytes again
 * against the database as it is then.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin/spreadsheets")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SpreadsheetAdminController {
  static final int MAX_FILE = 5 * 1024 * 1024;

  private final SpreadsheetService sheets;
  private final Clock clock;

  public SpreadsheetAdminController(SpreadsheetService sheets, Clock clock) {
    this.sheets = sheets;
    this.clock = clock;
  }

  /** admin/spreadsheets: nothing but the frame; the page holds the forms. */
  @Introspected
  public record SpreadsheetsPage(Frame frame) {}

  /**
   * admin/import-report: the dry run's or the import's report; the file rides along ({@code data},
   * base64) for the confirmation.
   */
  @Introspected
  public record ReportPage(
      Frame frame, String kind, ImportReport report, long changes, String data, String filename) {}

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<SpreadsheetsPage> page(HttpRequest<?> request, Staff staff) {
    sheets.requireEditor(staff);
    return new ModelAndView<>("admin/spreadsheets", new SpreadsheetsPage(Frame.of(request, staff)));
  }

  @Get(uri = "/{kind}/export", produces = "text/csv")
  public HttpResponse<byte[]> export(Staff staff, String kind) {
    SpreadsheetService.Kind k = SpreadsheetApiController.kind(kind);
    return SpreadsheetApiController.download(sheets.export(staff, k), k, LocalDate.now(clock));
  }

  @Post(
      uri = "/{kind}/check",
      consumes = MediaType.MULTIPART_FORM_DATA,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> check(
      HttpRequest<?> request,
      Staff staff,
      String kind,
      @Nullable @Part("file") CompletedFileUpload file) {
    SpreadsheetService.Kind k = SpreadsheetApiController.kind(kind);
    sheets.requireEditor(staff);
    byte[] bytes;
    try {
      bytes = file == null ? new byte[0] : file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (bytes.length > MAX_FILE) {
      throw ValidationProblem.of("file", Text.of("problem.sheet.file.too-large"));
    }
    ImportReport report = sheets.importFile(staff, k, bytes, true);
    return HttpResponse.status(report.fileOk() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
        .body(reportPage(request, staff, k, report, bytes, file == null ? "" : file.getFilename()));
  }

  @Post(
      uri = "/{kind}/import",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> importFile(
      HttpRequest<?> request, Staff staff, String kind, @Body String body) {
    SpreadsheetService.Kind k = SpreadsheetApiController.kind(kind);
    sheets.requireEditor(staff);
    FormData form = FormData.parse(body);
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(form.get("data") == null ? "" : form.get("data"));
    } catch (IllegalArgumentException e) {
      throw ValidationProblem.of("data", Text.of("problem.sheet.upload.damaged"));
    }
    ImportReport report = sheets.importFile(staff, k, bytes, false);
    if (report.written()
        || (report.fileOk() && report.changes() == 0 && report.rejected().isEmpty())) {
      return HttpResponse.seeOther(URI.create("/admin/" + k.path() + "?done=imported"));
    }
    String name = form.get("filename") == null ? "" : form.get("filename");
    return HttpResponse.status(report.fileOk() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
        .body(reportPage(request, staff, k, report, bytes, name));
  }

  private ModelAndView<ReportPage> reportPage(
      HttpRequest<?> request,
      Staff staff,
      SpreadsheetService.Kind kind,
      ImportReport report,
      byte[] bytes,
      String filename) {
    return new ModelAndView<>(
        "admin/import-report",
        new ReportPage(
            Frame.of(request, staff),
            kind.path(),
            report,
            report.changes(),
            Base64.getEncoder().encodeToString(bytes),
            filename));
  }
}
