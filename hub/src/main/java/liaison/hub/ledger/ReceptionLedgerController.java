package liaison.hub.ledger;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.YearMonth;
import java.util.List;
import liaison.hub.security.Staff;
import liaison.hub.web.ApiAnswers;

/**
 * The reception ledger (接待台账) over the API (Basic) and for the admin's download buttons (session):
 * a reception's entry to read and write, and a month's ledger as CSV and XLSX.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReceptionLedgerController {
  private final ReceptionLedger ledger;

  public ReceptionLedgerController(ReceptionLedger ledger) {
    this.ledger = ledger;
  }

  /**
   * A reception's ledger entry. {@code visitors} is null until staff counted; {@code motions} is
   * the station's motion sensor's count during its hours (a hint, not a head count).
   */
  public record EntryView(
      String id,
      String stationId,
      String date,
      String start,
      String end,
      List<String> onDuty,
      List<String> signedIn,
      @Nullable Integer visitors,
      int motions,
      List<String> collectedTrackingCodes,
      String note) {
    static EntryView of(ReceptionLedger.Entry e) {
      return new EntryView(
          e.slot().id(),
          e.slot().stationId(),
          e.slot().date().toString(),
          e.slot().start().toString(),
          e.slot().end().toString(),
          e.onDuty(),
          e.signedIn(),
          e.visitors(),
          e.motions(),
          e.collected().stream().map(ReceptionLedger.Collected::trackingCode).toList(),
          e.note());
    }
  }

  @Get(uri = "/api/receptions/{id}/ledger", produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "getReceptionLedgerEntry",
      summary =
          "接待台账: a reception's on-duty and signed-in deputies, visitors, opinions received, notes")
  @ApiAnswers.Staff
  @ApiAnswers.NotFound
  public EntryView entry(@Parameter(hidden = true) Staff staff, String id) {
    return EntryView.of(ledger.entry(staff, id));
  }

  @Put(
      uri = "/api/receptions/{id}/ledger",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "writeReceptionLedgerEntry",
      summary =
          "接待台账: how many residents came (a whole number, empty when not counted; not for a reception still to come) and notes")
  @ApiAnswers.Staff
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Invalid
  public EntryView write(
      @Parameter(hidden = true) Staff staff, String id, @Body ReceptionLedger.Written written) {
    return EntryView.of(ledger.write(staff, id, written));
  }

  @Get(uri = "/api/reception-ledger.csv", produces = "text/csv")
  @Operation(
      operationId = "downloadReceptionLedgerCsv",
      summary =
          "接待台账 as CSV (UTF-8 with BOM): the receptions of a month (yyyy-MM, this month when absent), one station or all visible")
  @ApiAnswers.Staff
  @ApiAnswers.CsvFile
  @ApiAnswers.NotFound
  @ApiAnswers.Invalid
  public HttpResponse<byte[]> csv(
      @Parameter(hidden = true) Staff staff,
      @Nullable @QueryValue String month,
      @Nullable @QueryValue String station) {
    return file(staff, month, station, "csv");
  }

  @Get(uri = "/api/reception-ledger.xlsx", produces = LedgerFiles.XLSX_TYPE)
  @Operation(
      operationId = "downloadReceptionLedgerXlsx",
      summary = "接待台账 as XLSX: sheet 接待台账, one row per reception of the month")
  @ApiResponse(
      responseCode = "200",
      description = "接待台账 XLSX · The workbook",
      content =
          @Content(
              mediaType = LedgerFiles.XLSX_TYPE,
              schema = @Schema(type = "string", format = "binary")))
  @ApiAnswers.Staff
  @ApiAnswers.NotFound
  @ApiAnswers.Invalid
  public HttpResponse<byte[]> xlsx(
      @Parameter(hidden = true) Staff staff,
      @Nullable @QueryValue String month,
      @Nullable @QueryValue String station) {
    return file(staff, month, station, "xlsx");
  }

  @io.swagger.v3.oas.annotations.Hidden
  @Get(
      uri = "/admin/reception-ledger/export",
      produces = {"text/csv", LedgerFiles.XLSX_TYPE})
  public HttpResponse<byte[]> admin(
      Staff staff,
      @Nullable @QueryValue String month,
      @Nullable @QueryValue String station,
      @Nullable @QueryValue String format) {
    return file(staff, month, station, LedgerDownload.format(format));
  }

  private HttpResponse<byte[]> file(
      Staff staff, @Nullable String month, @Nullable String station, String format) {
    YearMonth chosen = ledger.month(month);
    List<ReceptionLedger.Entry> entries = ledger.month(staff, station, chosen);
    return LedgerDownload.of(
        format,
        () -> ReceptionLedgerFiles.xlsx(entries),
        () -> ReceptionLedgerFiles.csv(entries),
        "reception-ledger-" + chosen,
        "接待台账-" + chosen);
  }
}
