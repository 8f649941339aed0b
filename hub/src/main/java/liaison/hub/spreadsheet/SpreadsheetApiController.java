package liaison.hub.spreadsheet;

import io.micronaut.core.annotation.Nullable;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.LocalDate;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.security.Staff;
import liaison.hub.text.Text;
import liaison.hub.web.ApiAnswers;

/**
 * Spreadsheets over HTTP for scripts: {@code GET /api/export/stations} gives the CSV file; {@code
 * POST /api/import/stations} with the file as a {@code text/csv} body checks it and answers the
 * report. Nothing is written unless {@code dryRun=false} is given: an import is checked first.
 */
@Controller
@ApiAnswers.Staff
@ExecuteOn(TaskExecutors.BLOCKING)
public class SpreadsheetApiController {
  static final MediaType CSV = new MediaType("text/csv;charset=utf-8");

  private final SpreadsheetService sheets;
  private final Clock clock;

  public SpreadsheetApiController(SpreadsheetService sheets, Clock clock) {
    this.sheets = sheets;
    this.clock = clock;
  }

  /** The stations or the deputies as a CSV file, Chinese column names, as the import reads it. */
  @Get(uri = "/api/export/{kind}", produces = "text/csv")
  @Operation(operationId = "exportSpreadsheet")
  @ApiAnswers.CsvFile
  @ApiAnswers.NotFound
  public HttpResponse<byte[]> export(@Parameter(hidden = true) Staff staff, String kind) {
    SpreadsheetService.Kind k = kind(kind);
    return download(sheets.export(staff, k), k, LocalDate.now(clock));
  }

  /**
   * Checks a CSV file of stations or deputies row by row and, with {@code dryRun=false}, imports
   * its accepted rows; answers the report (422 with the report when the file cannot be used).
   *
   * @param kind stations or deputies
   * @param dryRun false to import; anything else, or nothing, only checks
   */
  @Post(
      uri = "/api/import/{kind}",
      consumes = {"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM},
      produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "importSpreadsheet")
  @ApiResponse(
      responseCode = "200",
      description = "检查结果 · The report, row by row",
      useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "422",
      description =
          "文件无法使用 · The file cannot be used (unreadable, wrong columns): the report says why",
      useReturnTypeSchema = true)
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  public HttpResponse<ImportReport> importFile(
      @Parameter(hidden = true) Staff staff,
      String kind,
      @Nullable @QueryValue String dryRun,
      @Body @Schema(type = "string", format = "binary") byte[] body) {
    boolean dry = dryRun == null || !dryRun.equalsIgnoreCase("false");
    ImportReport report = sheets.importFile(staff, kind(kind), body, dry);
    return HttpResponse.status(report.fileOk() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
        .body(report);
  }

  public static SpreadsheetService.Kind kind(String path) {
    return SpreadsheetService.Kind.of(path)
        .orElseThrow(() -> new NotFoundProblem(Text.of("problem.sheet.unknown", path)));
  }

  /** The file with a name Excel and browsers keep: 站点-2026-11-24.csv. */
  public static HttpResponse<byte[]> download(
      byte[] csv, SpreadsheetService.Kind kind, LocalDate day) {
    String chinese = (kind == SpreadsheetService.Kind.STATIONS ? "站点" : "代表") + "-" + day + ".csv";
    String ascii = kind.path() + "-" + day + ".csv";
    return HttpResponse.ok(csv)
        .contentType(CSV)
        .header(
            "Content-Disposition",
            "attachment; filename=\""
                + ascii
                + "\"; filename*=UTF-8''"
                + java.net.URLEncoder.encode(chinese, java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20"));
  }
}
