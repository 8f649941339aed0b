package liaison.hub.notice;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liaison.hub.notice.DisplayProofs.AtStation;
import liaison.hub.notice.DisplayProofs.Kind;
import liaison.hub.security.Staff;
import liaison.hub.spreadsheet.CsvText;
import liaison.hub.web.ApiAnswers;
import liaison.hub.web.ApiTimes;
import org.jspecify.annotations.Nullable;

/** A notice's proof of display over JSON and as a CSV file, for the stations the caller may see. */
@Controller("/api/notices/{id}")
@ApiAnswers.Staff
@ExecuteOn(TaskExecutors.BLOCKING)
public class DisplayProofApiController {
  static final String CSV_TYPE = "text/csv; charset=utf-8";

  private final NoticeService notices;

  public DisplayProofApiController(NoticeService notices) {
    this.notices = notices;
  }

  /** How often and how many seconds in all. */
  public record TallyView(int times, long seconds) {}

  /** Times on screen on one day (Asia/Shanghai). */
  public record DayView(String day, int times) {}

  /**
   * One station's proof of display.
   *
   * @param byKind LOOP (in the loop), URGENT_INTERRUPT, EMERGENCY_HOLD
   * @param first when the notice first came on screen there (+08:00); absent when never
   * @param last when it last left the screen there
   * @param days the last 7 days, oldest first
   */
  public record ProofView(
      String stationId,
      String stationName,
      int times,
      long seconds,
      Map<String, TallyView> byKind,
      @Nullable String first,
      @Nullable String last,
      List<DayView> days) {
    static ProofView of(AtStation s) {
      Map<String, TallyView> byKind = new LinkedHashMap<>();
      for (Kind kind : Kind.values()) {
        byKind.put(kind.name(), new TallyView(s.of(kind).times(), s.of(kind).seconds()));
      }
      return new ProofView(
          s.stationId(),
          s.stationName(),
          s.total().times(),
          s.total().seconds(),
          byKind,
          ApiTimes.instantOrNull(s.first()),
          ApiTimes.instantOrNull(s.last()),
          s.days().stream().map(d -> new DayView(ApiTimes.date(d.day()), d.times())).toList());
    }
  }

  @Get(uri = "/proofs", produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "listDisplayProofs",
      summary =
          "展示记录 / proof of display: per station how often and how long the notice was on screen, by kind and per day")
  @ApiAnswers.NotFound
  public List<ProofView> proofs(@Parameter(hidden = true) Staff staff, String id) {
    return notices.displayProofs(staff, id).stream().map(ProofView::of).toList();
  }

  @Get(uri = "/proofs.csv", produces = "text/csv")
  @Operation(
      operationId = "downloadDisplayProofs",
      summary =
          "The proof of display as CSV (UTF-8 with BOM): one row per day and station, with times and seconds by kind")
  @ApiAnswers.CsvFile
  @ApiAnswers.NotFound
  public HttpResponse<byte[]> csv(@Parameter(hidden = true) Staff staff, String id) {
    List<List<String>> rows = new ArrayList<>();
    for (DisplayProofs.DayRow r : notices.displayProofDays(staff, id)) {
      List<String> row =
          new ArrayList<>(List.of(ApiTimes.date(r.day()), r.stationId(), r.stationName()));
      row.add(String.valueOf(r.total().times()));
      row.add(String.valueOf(r.total().seconds()));
      for (Kind kind : Kind.values()) {
        row.add(String.valueOf(r.of(kind).times()));
      }
      rows.add(row);
    }
    byte[] file =
        CsvText.write(
            List.of("日期", "站点编号", "站点", "展示次数", "展示秒数", "轮播次数", "紧急插播次数", "特急锁屏次数"), rows);
    return HttpResponse.ok(file)
        .contentType(CSV_TYPE)
        .header("Content-Disposition", "attachment; filename=\"proof-of-display-" + id + ".csv\"");
  }
}
