package liaison.hub.mywork;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import java.util.Map;
import liaison.hub.security.Staff;
import liaison.hub.web.ApiAnswers;
import liaison.hub.web.ApiTimes;

/**
 * 我的 over JSON: what a deputy's landing page shows, for the deputy behind a deputy's account (any
 * other account is answered 404: it has no such page). Opinions carry their words with long numbers
 * hidden and never the resident's name or phone.
 */
@Controller
@ApiAnswers.Staff
@ExecuteOn(TaskExecutors.BLOCKING)
public class MyWorkApiController {
  private final MyWork myWork;

  public MyWorkApiController(MyWork myWork) {
    this.myWork = myWork;
  }

  /**
   * A reception the deputy is on duty at.
   *
   * @param signedIn whether they signed in (签到)
   * @param signedInByPhone signed in from their own phone (else staff marked it)
   */
  public record ReceptionView(
      String id,
      String station,
      String date,
      String start,
      String end,
      @Nullable String theme,
      String location,
      String status,
      List<String> otherDeputies,
      boolean signedIn,
      boolean signedInByPhone) {
    static ReceptionView of(MyWork.Reception r, Staff staff) {
      return new ReceptionView(
          r.id(),
          r.station(),
          ApiTimes.date(r.date()),
          ApiTimes.time(r.start()),
          ApiTimes.time(r.end()),
          r.theme(),
          r.location(),
          r.status().name(),
          r.others(),
          r.signedIn(),
          r.attendance() != null && staff.id().equals(r.attendance().markedBy()));
    }
  }

  /**
   * An opinion the deputy is involved in.
   *
   * @param forMe left through the deputy's own QR link (else taken at their reception)
   */
  public record OpinionView(
      String submittedAt,
      String category,
      String categoryZh,
      String status,
      String statusZh,
      String text,
      boolean forMe) {}

  /** A suggestion of the deputy. */
  public record SuggestionView(String id, String title, String status, String submittedAt) {}

  /** The year's approved points; rank 0 while there are none. */
  public record PointsView(int year, int total, int rank, int ranked) {}

  /** A report to voters, with the counts kept when its vote closed. */
  public record ReportView(
      String id,
      String station,
      String startsAt,
      String endsAt,
      String title,
      String status,
      int satisfied,
      int basicallySatisfied,
      int dissatisfied) {
    static ReportView of(MyWork.Report r) {
      return new ReportView(
          r.id(),
          r.station(),
          ApiTimes.instant(r.startsAt()),
          ApiTimes.instant(r.endsAt()),
          r.title(),
          r.status(),
          r.satisfied(),
          r.basicallySatisfied(),
          r.dissatisfied());
    }
  }

  /** The deputy's own work. */
  public record MeView(
      String deputyId,
      String name,
      List<ReceptionView> comingReceptions,
      List<ReceptionView> pastReceptions,
      List<OpinionView> opinions,
      Map<String, Integer> suggestionCounts,
      List<SuggestionView> latestSuggestions,
      PointsView points,
      List<ReportView> comingReports,
      List<ReportView> pastReports) {}

  @Get(uri = "/api/me", produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "getMyWork",
      summary =
          "我的: a deputy's own work (receptions of the last and next 30 days with their 签到, opinions"
              + " left for them or taken at their receptions, suggestions, this year's points and"
              + " rank, reports to voters); a deputy's account only")
  @ApiAnswers.NotFound
  public MeView me(@Parameter(hidden = true) Staff staff) {
    MyWork.Home h = myWork.home(staff);
    MyWork.Points p = h.points();
    return new MeView(
        h.deputy().id(),
        h.deputy().name(),
        h.coming().stream().map(r -> ReceptionView.of(r, staff)).toList(),
        h.past().stream().map(r -> ReceptionView.of(r, staff)).toList(),
        h.opinions().stream()
            .map(
                o ->
                    new OpinionView(
                        ApiTimes.instant(o.submitted()),
                        o.category().name(),
                        o.category().zh(),
                        o.status().name(),
                        o.status().zh(),
                        o.text(),
                        o.forMe()))
            .toList(),
        h.suggestionCounts(),
        h.latestSuggestions().stream()
            .map(
                s ->
                    new SuggestionView(
                        s.id(), s.title(), s.status(), ApiTimes.instant(s.submitted())))
            .toList(),
        new PointsView(p.year(), p.total(), p.rank(), p.ranked()),
        h.comingReports().stream().map(ReportView::of).toList(),
        h.pastReports().stream().map(ReportView::of).toList());
  }
}
