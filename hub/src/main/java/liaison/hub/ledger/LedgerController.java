package liaison.hub.ledger;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import liaison.hub.security.Staff;
import liaison.hub.web.ApiAnswers;

/**
 * The ledger (台账) as files, over the API (Basic) and for the admin's download buttons (session).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class LedgerController {
  private final CaseLedger ledger;

  public LedgerController(CaseLedger ledger) {
    this.ledger = ledger;
  }

  @Get(uri = "/api/ledger.csv", produces = "text/csv")
  @Operation(
      operationId = "downloadLedgerCsv",
      summary =
          "台账 as CSV (UTF-8 with BOM): cases submitted from..to (yyyy-MM-dd, both included), one station or all visible;"
              + " no contact details")
  @ApiAnswers.Staff
  @ApiAnswers.CsvFile
  @ApiAnswers.NotFound
  @ApiAnswers.Invalid
  public HttpResponse<byte[]> csv(
      @Parameter(hidden = true) Staff staff,
      @Nullable @QueryValue String from,
      @Nullable @QueryValue String to,
      @Nullable @QueryValue String station) {
    return file(staff, from, to, station, "csv");
  }

  @Get(uri = "/api/ledger.xlsx", produces = LedgerFiles.XLSX_TYPE)
  @Operation(
      operationId = "downloadLedgerXlsx",
      summary =
          "台账 as XLSX: sheet 台账 one row per case, sheet 办理过程 one row per step; no contact details")
  @ApiResponse(
      responseCode = "200",
      description = "台账 XLSX · The workbook",
      content =
          @Content(
              mediaType = LedgerFiles.XLSX_TYPE,
              schema = @Schema(type = "string", format = "binary")))
  @ApiAnswers.Staff
  @ApiAnswers.NotFound
  @ApiAnswers.Invalid
  public HttpResponse<byte[]> xlsx(
      @Parameter(hidden = true) Staff staff,
      @Nullable @QueryValue String from,
      @Nullable @QueryValue String to,
      @Nullable @QueryValue String station) {
    return file(staff, from, to, station, "xlsx");
  }

  @io.swagger.v3.oas.annotations.Hidden
  @Get(
      uri = "/admin/ledger/export",
      produces = {"text/csv", LedgerFiles.XLSX_TYPE})
  public HttpResponse<byte[]> admin(
      Staff staff,
      @Nullable @QueryValue String from,
      @Nullable @QueryValue String to,
      @Nullable @QueryValue String station,
      @Nullable @QueryValue String format) {
    return file(staff, from, to, station, LedgerDownload.format(format));
  }

  private HttpResponse<byte[]> file(
      Staff staff,
      @Nullable String from,
      @Nullable String to,
      @Nullable String station,
      String format) {
    CaseLedger.Period period = ledger.period(staff, from, to, station);
    List<LedgerEntry> entries = ledger.entries(staff, period);
    String base = period.from() + "_" + period.to();
    return LedgerDownload.of(
        format,
        () -> LedgerFiles.xlsx(entries),
        () -> LedgerFiles.csv(entries),
        "ledger-" + base,
        "意见台账-" + base);
  }
}
