package liaison.hub.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import liaison.hub.OnBothStores;
import liaison.hub.TestDatabases;
import liaison.hub.opinion.CaseStatus;
import liaison.hub.opinion.Category;
import liaison.hub.opinion.OpinionCase;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.ForbiddenProblem;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.security.Role;
import liaison.hub.security.Staff;
import liaison.hub.station.StationsChanged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * Published summaries: a station's latest for its screens, a county's filtered by month, category
 * and station and paged, and the withdrawal by a county administrator of the county only.
 */
@OnBothStores
class PublishedSummariesTest {
  private static final Staff ADMIN =
      new Staff("a-1", "county", "县代表工委", Role.COUNTY_ADMIN, "c-1", null, Set.of());
  private static final Staff OTHER_ADMIN =
      new Staff("a-2", "faraway", "外县", Role.COUNTY_ADMIN, "c-2", null, Set.of());
  private static final Staff MANAGER =
      new Staff("m-1", "manager", "站长", Role.STATION_MANAGER, "c-1", null, Set.of("s-a"));

  @Parameter TestDatabases.Store store;

  private static OpinionCase answered(ResultsCounty k, String station, String day) {
    OpinionCase c = k.sent(station, day + "T09:00:00+08:00", "张三家门口的路灯坏了，电话13800001111");
    k.forwarded(c, day + "T10:00:00+08:00", "2026-04-30");
    k.step(c, CaseStatus.DEPARTMENT_REPLIED, day + "T11:00:00+08:00");
    k.answered(c, day + "T16:00:00+08:00");
    return c;
  }

  @Test
  void shouldListTheNewestFirstFilteredAndPagedWithoutTheResidentsWords(@TempDir Path dir) {
    try (ResultsCounty k = new ResultsCounty(store, dir)) {
      OpinionCase feb = answered(k, "s-a", "2026-02-03");
      k.published(feb, "二月：反映路灯损坏，县交通运输局已修复。", "2026-02-04T09:00:00+08:00");
      OpinionCase march1 = answered(k, "s-a", "2026-03-02");
      k.published(march1, "三月一：反映路面破损，已修补。", "2026-03-03T09:00:00+08:00");
      OpinionCase march2 = answered(k, "s-b", "2026-03-05");
      k.published(march2, "三月二：反映公交班次少，已加密。", "2026-03-06T09:00:00+08:00");
      answered(k, "s-a", "2026-03-07"); // answered without 公开: never listed
      OpinionCase far = answered(k, "s-x", "2026-03-02");
      k.published(far, "外县的摘要", "2026-03-03T10:00:00+08:00");
      k.at("2026-03-20T10:00:00+08:00");
      PublishedSummaries summaries = k.summaries();

      assertThat(summaries.latest("s-a", 20))
          .extracting(PublishedSummary::text)
          .containsExactly("三月一：反映路面破损，已修补。", "二月：反映路灯损坏，县交通运输局已修复。");
      PublishedSummary first = summaries.latest("s-a", 1).getFirst();
      assertThat(first.department()).isEqualTo("县交通运输局");
      assertThat(first.category()).isEqualTo(Category.TRANSPORT);
      assertThat(first.received()).isEqualTo(LocalDate.of(2026, 3, 2));
      assertThat(first.answered()).isEqualTo(LocalDate.of(2026, 3, 2));
      assertThat(first.stationName()).isEqualTo("城关站");
      assertThat(first.toString()).doesNotContain("张三", "13800001111", "路灯坏了");
      // Several stations' at once (a chunk's snapshots): each its own newest, the limit per station
      assertThat(summaries.latestAt(List.of("s-a", "s-b", "s-x", "s-none"), 1))
          .containsOnlyKeys("s-a", "s-b", "s-x")
          .satisfies(
              at -> {
                assertThat(at.get("s-a"))
                    .extracting(PublishedSummary::text)
                    .containsExactly("三月一：反映路面破损，已修补。");
                assertThat(at.get("s-b"))
                    .extracting(PublishedSummary::text)
                    .containsExactly("三月二：反映公交班次少，已加密。");
                assertThat(at.get("s-x"))
                    .extracting(PublishedSummary::text)
                    .containsExactly("外县的摘要");
              });

      PublishedSummaries.Page county =
          summaries.page(new PublishedSummaries.Filter("c-1", null, null, null), 1, 2);
      assertThat(county.total()).isEqualTo(3);
      assertThat(county.pages()).isEqualTo(2);
      assertThat(county.items())
          .extracting(PublishedSummary::caseId)
          .containsExactly(march2.id(), march1.id());
      assertThat(
              summaries.page(new PublishedSummaries.Filter("c-1", null, null, null), 2, 2).items())
          .extracting(PublishedSummary::caseId)
          .containsExactly(feb.id());
      assertThat(
              summaries
                  .page(
                      new PublishedSummaries.Filter("c-1", null, YearMonth.of(2026, 3), null),
                      1,
                      10)
                  .items())
          .extracting(PublishedSummary::caseId)
          .containsExactly(march2.id(), march1.id());
      assertThat(
              summaries
                  .page(
                      new PublishedSummaries.Filter("c-1", "s-a", YearMonth.of(2026, 3), null),
                      1,
                      10)
                  .items())
          .extracting(PublishedSummary::caseId)
          .containsExactly(march1.id());
      assertThat(
              summaries
                  .page(new PublishedSummaries.Filter("c-1", null, null, Category.EDUCATION), 1, 10)
                  .total())
          .isZero();
    }
  }

  @Test
  void shouldLetOnlyTheCountysAdministratorWithdrawOnceAndAnnounceTheStation(@TempDir Path dir) {
    try (ResultsCounty k = new ResultsCounty(store, dir)) {
      OpinionCase c = answered(k, "s-a", "2026-03-02");
      k.published(c, "反映路面破损，已修补。", "2026-03-03T09:00:00+08:00");
      PublishedSummaries summaries = k.summaries();

      assertThatThrownBy(() -> summaries.withdraw(MANAGER, c.id()))
          .isInstanceOf(ForbiddenProblem.class);
      assertThatThrownBy(() -> summaries.withdraw(OTHER_ADMIN, c.id()))
          .isInstanceOf(NotFoundProblem.class);
      assertThat(k.announced).isEmpty();

      PublishedSummary withdrawn = summaries.withdraw(ADMIN, c.id());

      assertThat(withdrawn.isWithdrawn()).isTrue();
      assertThat(summaries.latest("s-a", 20)).isEmpty();
      assertThat(
              summaries.page(new PublishedSummaries.Filter("c-1", null, null, null), 1, 10).total())
          .isZero();
      assertThat(k.announced).containsExactly(StationsChanged.of("s-a"));
      int audited =
          k.db.withHandle(
              h ->
                  h.createQuery(
                          "SELECT COUNT(*) FROM audit_entry WHERE action = 'withdraw-summary'"
                              + " AND entity_id = :id AND actor_id = 'a-1'")
                      .bind("id", c.id())
                      .mapTo(Integer.class)
                      .one());
      assertThat(audited).isEqualTo(1);
      assertThatThrownBy(() -> summaries.withdraw(ADMIN, c.id()))
          .isInstanceOf(ConflictProblem.class);
      assertThat(k.find(c.id()).status()).isEqualTo(CaseStatus.ANSWERED);
    }
  }
}
