package liaison.hub.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import liaison.hub.OnBothStores;
import liaison.hub.TestDatabases;
import liaison.hub.opinion.ReplyFiles;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * A county's year of duty points on both stores: receptions attended and missed (a cancelled one
 * counting neither way), a closed case, a suggestion, a closed report with its vote, hand entries
 * approved, refused and pending, a rule changed mid-year, the recorder run twice, the rankings with
 * ties, the year's close with the next at zero, and the stars chosen by the county's rule.
 */
@OnBothStores
class DutyPointsTest {
  @Parameter TestDatabases.Store store;

  private final TestClock clock = TestClock.at("2025-12-20T10:00:00+08:00");

  /** The seeded year 2025, recorded. */
  private DutyCounty seeded(Path dir) {
    DutyCounty c = new DutyCounty(store, dir, clock);
    c.reception("r-1", "2025-03-10", "HELD", List.of("d-1", "d-2"), List.of("d-1"));
    c.reception("r-cancelled", "2025-03-17", "CANCELLED", List.of("d-1"), List.of());
    c.reception("r-coming", "2025-12-27", "ANNOUNCED", List.of("d-1"), List.of());
    c.db.useTransaction(
        h ->
            c.rules.put(
                h,
                DutyCounty.COUNTY,
                DutyKind.RECEPTION_ATTENDED,
                LocalDate.of(2025, 7, 1),
                6,
                "u-admin"));
    c.reception("r-4", "2025-08-05", "ANNOUNCED", List.of("d-1"), List.of("d-1"));
    c.closedCase("case-1", "d-2", "CLOSED", "2025-04-01T15:00:00+08:00");
    c.closedCase("case-open", "d-2", "FORWARDED", "2025-04-01T15:00:00+08:00");
    c.suggestion("sg-1", "d-3", "SUBMITTED", "2025-05-01T10:00:00+08:00");
    c.suggestion("sg-withdrawn", "d-3", "WITHDRAWN", "2025-05-02T10:00:00+08:00");
    c.report("vr-1", "d-3", "2025-06-01T11:00:00+08:00", 8, 1, 1);
    return c;
  }

  private static Map<DutyKind, Integer> byKind(DutyPoints.DeputyYear y) {
    return y.byKind().stream()
        .collect(Collectors.toMap(DutyPoints.KindTotal::kind, DutyPoints.KindTotal::points));
  }

  @Test
  void shouldRecordTheYearFromTheHubsRecordsOnceWithTheRuleInForceOnTheDay(@TempDir Path dir) {
    try (DutyCounty c = seeded(dir)) {
      assertThat(c.recorder.record()).isEqualTo(7);
      assertThat(c.recorder.record()).as("running it again changes nothing").isZero();

      DutyPoints.DeputyYear d1 = c.points.deputyYear(c.admin, "d-1", 2025);
      assertThat(d1.entries())
          .extracting(DutyEntry::sourceId, DutyEntry::kind, DutyEntry::points)
          .as("the rule changed on 1 July: March keeps 5, August gets 6; cancelled and coming none")
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("r-4", DutyKind.RECEPTION_ATTENDED, 6),
              org.assertj.core.groups.Tuple.tuple("r-1", DutyKind.RECEPTION_ATTENDED, 5));
      assertThat(d1.total()).isEqualTo(11);
      assertThat(byKind(c.points.deputyYear(c.admin, "d-2", 2025)))
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(DutyKind.RECEPTION_MISSED, -2, DutyKind.CASE_CLOSED, 2));
      DutyPoints.DeputyYear d3 = c.points.deputyYear(c.admin, "d-3", 2025);
      assertThat(byKind(d3))
          .as("9 of 10 voters 满意 or 基本满意: 9 of the rule's 10")
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  DutyKind.SUGGESTION_MADE, 3, DutyKind.REPORT_HELD, 10, DutyKind.REPORT_RATED, 9));
      assertThat(d3.entries())
          .allMatch(e -> e.status() == DutyEntry.Status.APPROVED)
          .extracting(DutyEntry::sourceKind)
          .containsOnly("SUGGESTION", "REPORT");

      c.db.useTransaction(
          h ->
              c.rules.put(
                  h,
                  DutyCounty.COUNTY,
                  DutyKind.RECEPTION_ATTENDED,
                  LocalDate.of(2025, 1, 1),
                  50,
                  "u-admin"));
      c.recorder.record();
      assertThat(c.points.deputyYear(c.admin, "d-1", 2025).total())
          .as("a rule changed later never rewrites entries made")
          .isEqualTo(11);
    }
  }

  @Test
  void shouldCountHandEntriesOnlyOnceApprovedAndRankTiesTogether(@TempDir Path dir) {
    try (DutyCounty c = seeded(dir)) {
      c.recorder.record();
      DutyEntry training =
          c.points.enter(
              c.manager,
              new DutyPoints.Draft("d-1", "2025-09-01", "TRAINING", "县人大代表履职培训"),
              List.of(new ReplyFiles.Upload("签到表.pdf", pdf())));
      DutyEntry visit =
          c.points.enter(
              c.manager, new DutyPoints.Draft("d-1", "2025-09-02", "VISIT", "走访社区"), List.of());
      c.points.enter(
          c.admin, new DutyPoints.Draft("d-2", "2025-10-09", "MEETING", "列席常委会"), List.of());
      assertThat(training.status()).isEqualTo(DutyEntry.Status.PENDING);
      assertThat(training.points()).isEqualTo(2);
      assertThat(training.evidence()).isNotNull();
      assertThat(c.points.evidence(c.deputy, training.id(), training.evidence().file()))
          .as("the deputy reads the evidence of their own entry")
          .hasValueSatisfying(d -> assertThat(d.fileName()).isEqualTo("签到表.pdf"));
      assertThat(c.points.deputyYear(c.admin, "d-1", 2025).total()).as("pending").isEqualTo(11);

      c.points.decide(c.admin, training.id(), new DutyPoints.Decision("APPROVE", ""));
      assertThatThrownBy(
              () -> c.points.decide(c.admin, visit.id(), new DutyPoints.Decision("REFUSE", " ")))
          .isInstanceOf(ValidationProblem.class);
      DutyEntry refused =
          c.points.decide(c.admin, visit.id(), new DutyPoints.Decision("REFUSE", "无佐证材料"));
      assertThat(refused.reason()).isEqualTo("无佐证材料");
      assertThatThrownBy(
              () -> c.points.decide(c.admin, visit.id(), new DutyPoints.Decision("APPROVE", "")))
          .isInstanceOf(ConflictProblem.class);
      assertThat(c.points.deputyYear(c.admin, "d-1", 2025).total())
          .as("approved counts, refused and pending do not")
          .isEqualTo(13);

      assertThatThrownBy(
              () ->
                  c.points.enter(
                      c.manager,
                      new DutyPoints.Draft("d-3", "2026-01-10", "REPORT_HELD", ""),
                      List.of()))
          .as("another station's deputy, a day to come, an automatic kind, no note: all said")
          .isInstanceOfSatisfying(
              ValidationProblem.class,
              e ->
                  assertThat(e.errors())
                      .extracting(liaison.hub.problem.FieldError::field)
                      .containsExactlyInAnyOrder("deputyId", "date", "kind", "note"));
      assertThat(c.badInput.count("points.entry")).isEqualTo(1);

      assertThat(c.points.rankings(c.admin, DutyPoints.Period.year(2025), null, null))
          .extracting(
              DutyPoints.Standing::rank, DutyPoints.Standing::deputyId, DutyPoints.Standing::points)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(1, "d-3", 22),
              org.assertj.core.groups.Tuple.tuple(2, "d-1", 13),
              org.assertj.core.groups.Tuple.tuple(3, "d-2", 0),
              org.assertj.core.groups.Tuple.tuple(3, "d-4", 0));
      assertThat(c.points.rankings(c.admin, DutyPoints.Period.year(2025), "t-b", null))
          .extracting(DutyPoints.Standing::rank, DutyPoints.Standing::deputyId)
          .as("d-2 counts at each station they are assigned to")
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(1, "d-3"),
              org.assertj.core.groups.Tuple.tuple(2, "d-2"),
              org.assertj.core.groups.Tuple.tuple(2, "d-4"));
      assertThat(c.points.rankings(c.manager, new DutyPoints.Period(2025, 3), null, "s-a"))
          .extracting(DutyPoints.Standing::deputyId, DutyPoints.Standing::points)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("d-1", 5),
              org.assertj.core.groups.Tuple.tuple("d-2", -2));

      assertThat(c.points.deputyYear(c.deputy, "d-1", 2025).rank()).isEqualTo(2);
      assertThatThrownBy(() -> c.points.deputyYear(c.deputy, "d-2", 2025))
          .as("a deputy's account reads its own points only")
          .isInstanceOf(NotFoundProblem.class);
    }
  }

  @Test
  void shouldCloseAYearOnceNothingAwaitsAndStartTheNextAtZero(@TempDir Path dir) {
    try (DutyCounty c = seeded(dir)) {
      c.recorder.record();
      DutyEntry meeting =
          c.points.enter(
              c.admin, new DutyPoints.Draft("d-1", "2025-11-03", "MEETING", "人代会"), List.of());
      assertThatThrownBy(() -> c.points.closeYear(c.admin, 2025))
          .as("the year is not over")
          .isInstanceOf(ValidationProblem.class);

      clock.set(Instant.parse("2026-01-05T02:00:00Z"));
      assertThatThrownBy(() -> c.points.closeYear(c.admin, 2025))
          .isInstanceOfSatisfying(
              ConflictProblem.class, e -> assertThat(e.zh()).contains("1 条积分记录待审核"));
      c.points.decide(c.admin, meeting.id(), new DutyPoints.Decision("APPROVE", ""));
      c.points.closeYear(c.admin, 2025);

      c.reception("r-late", "2025-12-30", "HELD", List.of("d-1"), List.of("d-1"));
      c.reception("r-new", "2026-01-04", "HELD", List.of("d-3"), List.of("d-3"));
      assertThat(c.recorder.record()).as("the late 2025 reception goes nowhere").isEqualTo(1);
      DutyPoints.DeputyYear last = c.points.deputyYear(c.admin, "d-1", 2025);
      assertThat(last.closed()).isTrue();
      assertThat(last.total()).as("history kept, frozen").isEqualTo(14);
      assertThat(c.points.deputyYear(c.admin, "d-1", 2026).total()).isZero();
      assertThat(c.points.rankings(c.admin, DutyPoints.Period.year(2026), null, null))
          .extracting(DutyPoints.Standing::deputyId, DutyPoints.Standing::points)
          .startsWith(org.assertj.core.groups.Tuple.tuple("d-3", 6));
      assertThatThrownBy(
              () ->
                  c.points.enter(
                      c.admin, new DutyPoints.Draft("d-1", "2025-12-31", "VISIT", "走访"), List.of()))
          .isInstanceOf(ValidationProblem.class);
      assertThatThrownBy(() -> c.points.closeYear(c.admin, 2025))
          .isInstanceOf(ConflictProblem.class);
      assertThatThrownBy(() -> c.points.closeYear(c.manager, 2024))
          .isInstanceOf(liaison.hub.problem.ForbiddenProblem.class);
    }
  }

  @Test
  void shouldChooseStarsByTheRuleAndKeepPeriodsChosen(@TempDir Path dir) {
    try (DutyCounty c = new DutyCounty(store, dir, clock)) {
      // March: d-1 and d-2 level on 5 points; d-1 from two kinds, d-2 from one. d-3 and d-4
      // level with d-2 on points and kinds, d-3 reaching it earlier.
      c.reception("r-1", "2025-03-10", "HELD", List.of("d-2"), List.of("d-2"));
      c.reception("r-2", "2025-03-04", "HELD", List.of("d-3"), List.of("d-3"));
      c.reception("r-3", "2025-03-20", "HELD", List.of("d-4"), List.of("d-4"));
      c.closedCase("case-1", "d-1", "CLOSED", "2025-03-05T10:00:00+08:00");
      c.suggestion("sg-1", "d-1", "SUBMITTED", "2025-03-06T10:00:00+08:00");
      c.reception("r-april", "2025-04-07", "HELD", List.of("d-4", "d-3"), List.of("d-4", "d-3"));
      c.recorder.record();
      c.stars.setRule(c.admin, new DutyStars.RuleDraft("2", "5", "1"));
      c.db.useHandle(
          h ->
              h.execute(
                  "INSERT INTO duty_star (county_id, period_kind, period, deputy_id, points, chosen_at)"
                      + " VALUES (?, 'MONTH', '2025-04', 'd-4', 5, ?)",
                  DutyCounty.COUNTY,
                  DutyCounty.T));

      List<DutyStars.Star> chosen = c.stars.chooseDue(DutyCounty.COUNTY);

      assertThat(chosen)
          .filteredOn(s -> s.period().equals("2025-03"))
          .extracting(DutyStars.Star::deputyId)
          .as("more kinds first, then who reached the total earlier")
          .containsExactly("d-1", "d-3");
      assertThat(chosen)
          .filteredOn(s -> s.period().equals("2025-04"))
          .as("a month already chosen stays as it was")
          .isEmpty();
      assertThat(c.announced).as("the county's stations told").isNotEmpty();
      assertThat(c.announced.getLast().stationIds()).containsExactlyInAnyOrder("s-a", "s-b");

      c.stars.setRule(c.admin, new DutyStars.RuleDraft("4", "5", "1"));
      assertThat(c.stars.chooseDue(DutyCounty.COUNTY))
          .as("chosen periods are not chosen again")
          .isEmpty();
      assertThat(c.stars.stars(DutyCounty.COUNTY))
          .filteredOn(s -> s.period().equals("2025-03"))
          .hasSize(2);
      assertThatThrownBy(() -> c.stars.setRule(c.admin, new DutyStars.RuleDraft("0", "x", "1")))
          .isInstanceOfSatisfying(ValidationProblem.class, e -> assertThat(e.errors()).hasSize(2));
    }
  }

  /** A small PDF as a scanner writes one. */
  static byte[] pdf() {
    return "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
