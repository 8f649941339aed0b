package liaison.hub.dutyrecord;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import liaison.hub.security.Staff;
import liaison.hub.web.ApiAnswers;

/**
 * A deputy's duty record (履职档案) for a year as JSON: the county's aspects of that year, each with
 * what the hub knows in both languages and staff's notes.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class DutyRecordApiController {
  private final DutyRecords records;

  public DutyRecordApiController(DutyRecords records) {
    this.records = records;
  }

  /** A sentence in both languages. */
  public record Words(String zh, String en) {
    static Words of(liaison.hub.text.Text text) {
      return new Words(text.zh(), text.en());
    }
  }

  /**
   * One aspect of the record.
   *
   * @param source what fills it: a source the hub knows, or MANUAL (staff's notes only)
   * @param lines each thing recorded; {@code date} is null for a total by kind
   */
  public record SectionView(
      String aspectId,
      int position,
      String nameZh,
      String nameEn,
      String description,
      String source,
      Words summary,
      List<LineView> lines,
      List<NoteView> notes) {}

  public record LineView(@Nullable String date, Words what) {}

  public record NoteView(String text, String by, String at) {}

  /** The record: the deputy, their levels and stations, the county, the year, the aspects. */
  public record RecordView(
      String deputyId,
      String deputyName,
      List<String> levels,
      List<String> stations,
      String county,
      int year,
      List<SectionView> sections) {
    static RecordView of(DutyRecord r) {
      DutyRecord.Cover c = r.cover();
      return new RecordView(
          c.deputyId(),
          c.deputyName(),
          c.levels().stream().map(Enum::name).toList(),
          c.stations(),
          c.countyName(),
          c.year(),
          r.sections().stream()
              .map(
                  s ->
                      new SectionView(
                          s.aspect().id(),
                          s.aspect().position(),
                          s.aspect().nameZh(),
                          s.aspect().nameEn(),
                          s.aspect().description(),
                          s.aspect().source().name(),
                          Words.of(s.summary()),
                          s.lines().stream()
                              .map(
                                  l ->
                                      new LineView(
                                          l.date() == null
                                              ? null
                                              : liaison.hub.web.ApiTimes.date(l.date()),
                                          Words.of(l.what())))
                              .toList(),
                          s.notes().stream()
                              .map(
                                  n ->
                                      new NoteView(
                                          n.text(),
                                          n.by(),
                                          liaison.hub.web.ApiTimes.instant(n.at())))
                              .toList()))
              .toList());
    }
  }

  @Get(uri = "/api/deputies/{id}/record", produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "getDutyRecord",
      summary =
          "履职档案: a deputy's record for a year, a section per aspect of the county's duty list"
              + " with what the hub knows and staff's notes (the deputy, the county's"
              + " administrators, the managers of the deputy's stations)")
  @ApiAnswers.Staff
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  public RecordView record(
      @Parameter(hidden = true) Staff staff,
      String id,
      @Parameter(description = "the year, e.g. 2026; this year when absent") @Nullable @QueryValue
          String year) {
    return RecordView.of(records.of(staff, id, records.year(year)));
  }
}
