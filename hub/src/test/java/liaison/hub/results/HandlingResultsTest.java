package liaison.hub.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import liaison.hub.OnBothStores;
import liaison.hub.TestDatabases;
import liaison.hub.opinion.CaseStatus;
import liaison.hub.opinion.OpinionCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * The handling figures counted exactly over a seeded set of cases: every status, answers on time
 * and late, every rating, a case reopened and closed again, one reopened and waiting, merged cases,
 * cases of other stations and counties, and cases before the periods. Today is 2026-03-20.
 */
@OnBothStores
class HandlingResultsTest {
  @Parameter TestDatabases.Store store;

  private static HandlingFigures figures(int... n) {
    return new HandlingFigures(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8]);
  }

  /** The seeded county; see the class comment of each case for what it adds. */
  private static void seed(ResultsCounty k) {
    // Station s-a, March 2026.
    k.sent("s-a", "2026-03-02T09:00:00+08:00", "收集：还没登记");
    OpinionCase registered = k.sent("s-a", "2026-03-03T09:00:00+08:00", "已登记");
    k.step(registered, CaseStatus.REGISTERED, "2026-03-03T10:00:00+08:00");
    OpinionCase forwarded = k.sent("s-a", "2026-03-04T09:00:00+08:00", "已交办");
    k.forwarded(forwarded, "2026-03-04T10:00:00+08:00", "2026-03-30");
    OpinionCase replied = k.sent("s-a", "2026-03-05T09:00:00+08:00", "部门已回复");
    k.forwarded(replied, "2026-03-05T10:00:00+08:00", "2026-03-25");
    k.step(replied, CaseStatus.DEPARTMENT_REPLIED, "2026-03-10T10:00:00+08:00");
    OpinionCase onTime = k.sent("s-a", "2026-03-01T09:00:00+08:00", "按期答复，未评价");
    k.forwarded(onTime, "2026-03-01T10:00:00+08:00", "2026-03-10");
    k.step(onTime, CaseStatus.DEPARTMENT_REPLIED, "2026-03-06T10:00:00+08:00");
    k.answered(onTime, "2026-03-10T17:00:00+08:00"); // the deadline day itself is in time
    OpinionCase late = k.sent("s-a", "2026-03-01T09:30:00+08:00", "逾期答复，满意");
    k.forwarded(late, "2026-03-01T10:00:00+08:00", "2026-03-05");
    k.step(late, CaseStatus.DEPARTMENT_REPLIED, "2026-03-06T10:00:00+08:00");
    k.answered(late, "2026-03-09T10:00:00+08:00");
    k.rated(late, "SATISFIED", "2026-03-10T10:00:00+08:00");
    OpinionCase waiting = k.sent("s-a", "2026-03-06T09:00:00+08:00", "不满意，重新办理中");
    k.step(waiting, CaseStatus.REGISTERED, "2026-03-06T10:00:00+08:00");
    k.answered(waiting, "2026-03-07T10:00:00+08:00");
    k.rated(waiting, "DISSATISFIED", "2026-03-08T10:00:00+08:00");
    OpinionCase mergedOpen = k.sent("s-a", "2026-03-07T09:00:00+08:00", "同一件事，合并");
    k.merged(mergedOpen, forwarded, "2026-03-07T10:00:00+08:00");

    // Station s-a, earlier this year.
    OpinionCase direct = k.sent("s-a", "2026-02-10T09:00:00+08:00", "站里直接答复，基本满意");
    k.step(direct, CaseStatus.REGISTERED, "2026-02-10T10:00:00+08:00");
    k.answered(direct, "2026-02-12T10:00:00+08:00");
    k.rated(direct, "BASICALLY_SATISFIED", "2026-02-13T10:00:00+08:00");
    OpinionCase legal = k.sent("s-a", "2026-02-11T09:00:00+08:00", "涉法涉诉");
    k.step(legal, CaseStatus.REGISTERED, "2026-02-11T10:00:00+08:00");
    k.step(legal, CaseStatus.CLOSED_WITH_GUIDANCE, "2026-02-12T10:00:00+08:00");
    OpinionCase again = k.sent("s-a", "2026-01-05T09:00:00+08:00", "不满意后重办，满意");
    k.forwarded(again, "2026-01-05T10:00:00+08:00", "2026-01-20");
    k.step(again, CaseStatus.DEPARTMENT_REPLIED, "2026-01-15T10:00:00+08:00");
    k.answered(again, "2026-01-18T10:00:00+08:00");
    k.rated(again, "DISSATISFIED", "2026-01-19T10:00:00+08:00");
    k.at("2026-01-20T10:00:00+08:00");
    k.db.useTransaction(
        h -> {
          k.cases.transition(h, again.id(), CaseStatus.FORWARDED, "staff", "");
          h.execute("UPDATE opinion_case SET deadline = '2026-02-05' WHERE id = ?", again.id());
        });
    k.step(again, CaseStatus.DEPARTMENT_REPLIED, "2026-02-01T10:00:00+08:00");
    k.answered(again, "2026-02-10T10:00:00+08:00"); // after the new deadline
    k.rated(again, "SATISFIED", "2026-02-11T10:00:00+08:00");
    OpinionCase mergedRegistered = k.sent("s-a", "2026-02-20T09:00:00+08:00", "登记后合并");
    k.step(mergedRegistered, CaseStatus.REGISTERED, "2026-02-20T10:00:00+08:00");
    k.merged(mergedRegistered, registered, "2026-02-21T10:00:00+08:00");

    // Station s-a, last year: December within the last 12 months, March 2025 before them.
    OpinionCase december = k.sent("s-a", "2025-12-10T09:00:00+08:00", "去年十二月，办结未评价");
    k.step(december, CaseStatus.REGISTERED, "2025-12-10T10:00:00+08:00");
    k.answered(december, "2025-12-12T10:00:00+08:00");
    k.step(december, CaseStatus.CLOSED, "2025-12-20T10:00:00+08:00");
    OpinionCase old = k.sent("s-a", "2025-03-15T09:00:00+08:00", "十三个月前");
    k.step(old, CaseStatus.REGISTERED, "2025-03-15T10:00:00+08:00");
    k.answered(old, "2025-03-16T10:00:00+08:00");
    k.rated(old, "DISSATISFIED", "2025-03-17T10:00:00+08:00");

    // Another station of the county, and a station of another county.
    OpinionCase other = k.sent("s-b", "2026-03-02T09:00:00+08:00", "河西站，按期，满意");
    k.forwarded(other, "2026-03-02T10:00:00+08:00", "2026-03-20");
    k.step(other, CaseStatus.DEPARTMENT_REPLIED, "2026-03-11T10:00:00+08:00");
    k.answered(other, "2026-03-12T10:00:00+08:00");
    k.rated(other, "SATISFIED", "2026-03-13T10:00:00+08:00");
    OpinionCase elsewhere = k.sent("s-x", "2026-03-02T09:00:00+08:00", "外县");
    k.step(elsewhere, CaseStatus.REGISTERED, "2026-03-02T10:00:00+08:00");
    k.answered(elsewhere, "2026-03-03T10:00:00+08:00");

    k.at("2026-03-20T18:00:00+08:00");
  }

  @Test
  void shouldCountTheStationsThreePeriodsExactly(@TempDir Path dir) {
    try (ResultsCounty k = new ResultsCounty(store, dir)) {
      seed(k);
      HandlingResults results = new HandlingResults(k.db, k.clock);

      HandlingResults.Periods a = results.forStation("s-a");

      // received, registered, forwarded, answered, on time, closed, 满意, 基本满意, 不满意
      assertThat(a.month()).as("March 2026").isEqualTo(figures(7, 6, 4, 2, 1, 1, 1, 0, 1));
      assertThat(a.year()).as("2026").isEqualTo(figures(10, 9, 5, 4, 2, 4, 2, 1, 1));
      assertThat(a.last12Months())
          .as("April 2025 to March 2026")
          .isEqualTo(figures(11, 10, 5, 5, 3, 5, 2, 1, 1));
      assertThat(a.monthPeriod().from()).isEqualTo(LocalDate.of(2026, 3, 1));
      assertThat(a.yearPeriod().until()).isEqualTo(LocalDate.of(2027, 1, 1));
      assertThat(a.last12MonthsPeriod().from()).isEqualTo(LocalDate.of(2025, 4, 1));
      assertThat(a.month().onTimeRate()).isEqualTo(50);
      assertThat(a.year().satisfiedShare()).isEqualTo(50);
      assertThat(a.year().basicallySatisfiedShare()).isEqualTo(25);
    }
  }

  @Test
  void shouldCountPerCountyTownshipAndStationAndMonth(@TempDir Path dir) {
    try (ResultsCounty k = new ResultsCounty(store, dir)) {
      seed(k);
      HandlingResults results = new HandlingResults(k.db, k.clock);
      ReportingPeriod march = ReportingPeriod.month(results.today());

      assertThat(results.county("c-1", march)).isEqualTo(figures(8, 7, 5, 3, 2, 2, 2, 0, 1));
      assertThat(results.county("c-2", march)).isEqualTo(figures(1, 1, 0, 1, 1, 0, 0, 0, 0));
      assertThat(results.byTownship("c-1", march))
          .containsOnlyKeys("t-1", "t-2")
          .containsEntry("t-2", figures(1, 1, 1, 1, 1, 1, 1, 0, 0));
      assertThat(results.byStation("c-1", march)).containsOnlyKeys("s-a", "s-b");
      assertThat(results.station("s-b", march)).isEqualTo(figures(1, 1, 1, 1, 1, 1, 1, 0, 0));
      assertThat(results.byMonth("c-1", ReportingPeriod.year(results.today())))
          .hasSize(12)
          .containsEntry(YearMonth.of(2026, 1), figures(1, 1, 1, 1, 0, 1, 1, 0, 0))
          .containsEntry(YearMonth.of(2026, 2), figures(2, 2, 0, 1, 1, 2, 0, 1, 0))
          .containsEntry(YearMonth.of(2026, 12), HandlingFigures.NONE);
      assertThat(
              results.county(
                  "c-1", new ReportingPeriod(YearMonth.of(2025, 3), YearMonth.of(2025, 3))))
          .as("before the last 12 months, in its own month: reopened after 不满意, not answered")
          .isEqualTo(figures(1, 1, 0, 0, 0, 0, 0, 0, 1));
    }
  }

  @Test
  void shouldShowNothingForAStationWithoutCases(@TempDir Path dir) {
    try (ResultsCounty k = new ResultsCounty(store, dir)) {
      HandlingResults.Periods none = new HandlingResults(k.db, k.clock).forStation("s-a");

      assertThat(none.month()).isEqualTo(HandlingFigures.NONE);
      assertThat(none.last12Months().isEmpty()).isTrue();
      assertThat(none.year().answerRate()).isZero();
    }
  }
}
