package liaison.hub.livelihood;

import java.time.OffsetDateTime;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.demo.DemoCounty;

/**
 * A county round of the demo county already decided by the vote, made with plain SQL: two projects
 * ELECTED (县交通运输局's and 县住房和城乡建设局's) and one NOT_ELECTED, for the tests of supervision and the
 * browser sweep that need a decided round quickly. {@link LivelihoodJourneyTest} takes a round
 * through the real path (collection, shortlist, vote) to the same state.
 */
public final class ElectedFixture {
  /** The round and its projects' ids. */
  public record Decided(String round, String transport, String housing, String notElected) {}

  private ElectedFixture() {}

  public static Decided decided(Database database, String name, int year) {
    return decided(database, name, year, name);
  }

  /**
   * The round and its projects, {@code name} in their ids, {@code label} after their titles (empty
   * for the plain titles a screenshot shows).
   */
  public static Decided decided(Database database, String name, int year, String label) {
    Decided made =
        new Decided(
            "lr-" + name, "pj-" + name + "-road", "pj-" + name + "-water", "pj-" + name + "-park");
    String at = Sql.instant(OffsetDateTime.parse("2026-12-01T09:00:00+08:00"));
    database.useTransaction(
        h -> {
          h.createUpdate(
                  """
                  INSERT INTO livelihood_round (id, county_id, township_id, year, title, opens_on,
                    closes_on, state, created_by, created_at, updated_at)
                  VALUES (:id, :county, NULL, :year, :title, '2025-10-01', '2025-10-31', 'DECIDED',
                    'u-admin', :at, :at)
                  """)
              .bind("id", made.round())
              .bind("county", DemoCounty.COUNTY)
              .bind("year", year)
              .bind("title", year + "年度青溪县民生实事项目")
              .bind("at", at)
              .execute();
          project(
              h,
              made.transport(),
              made.round(),
              1,
              "东门路路灯改造" + label,
              "dep-transport",
              "ELECTED",
              at);
          project(
              h,
              made.housing(),
              made.round(),
              2,
              "老旧小区供水管网改造" + label,
              "dep-housing",
              "ELECTED",
              at);
          project(h, made.notElected(), made.round(), 3, "城西口袋公园" + label, null, "NOT_ELECTED", at);
        });
    return made;
  }

  private static void project(
      org.jdbi.v3.core.Handle h,
      String id,
      String round,
      int position,
      String title,
      String department,
      String state,
      String at) {
    h.createUpdate(
            """
            INSERT INTO livelihood_project (id, round_id, position, category, title, description,
              place, department_id, cost_yuan, starts_on, ends_on, state, created_at, updated_at)
            VALUES (:id, :round, :position, 'TRANSPORT', :title, '群众反映强烈，人大代表票决通过。',
              '城关镇', :department, 1200000, '2026-01-01', '2026-12-31', :state, :at, :at)
            """)
        .bind("id", id)
        .bind("round", round)
        .bind("position", position)
        .bind("title", title)
        .bind("department", department)
        .bind("state", state)
        .bind("at", at)
        .execute();
  }

  /**
   * Supervision under way on the round's road project: two milestones (the first done), the
   * department's report at 60 %, 陈秀兰 (d-0001) supervising it with a note; the ratings open when
   * asked.
   */
  public static void underway(Database database, Decided round, boolean ratingsOpen) {
    String at = Sql.instant(OffsetDateTime.parse("2026-06-01T10:00:00+08:00"));
    String p = round.transport();
    database.useTransaction(
        h -> {
          h.execute(
              "INSERT INTO livelihood_milestone (id, project_id, position, title, due_on, done_on)"
                  + " VALUES (?, ?, 1, '完成施工设计和招标', '2026-03-31', '2026-03-28')",
              "lm-" + p + "-1",
              p);
          h.execute(
              "INSERT INTO livelihood_milestone (id, project_id, position, title, due_on)"
                  + " VALUES (?, ?, 2, '120 盏路灯安装完工', '2026-10-31')",
              "lm-" + p + "-2",
              p);
          h.execute(
              "INSERT INTO livelihood_progress (id, project_id, percent, text, reported_by,"
                  + " reported_at) VALUES (?, ?, 60, '东门路北段 70 盏路灯已立杆通电，南段管线开挖中。',"
                  + " 'u-jiaotong', ?)",
              "lpg-" + p,
              p,
              at);
          h.execute("UPDATE livelihood_project SET progress = 60 WHERE id = ?", p);
          h.execute(
              "INSERT INTO livelihood_supervisor (project_id, deputy_id) VALUES (?, 'd-0001')", p);
          h.execute(
              "INSERT INTO livelihood_supervision_note (id, project_id, deputy_id, text, written_at)"
                  + " VALUES (?, ?, 'd-0001', '南段施工围挡不全，夜间需加警示灯。', ?)",
              "ln-" + p,
              p,
              at);
          if (ratingsOpen) {
            h.execute(
                "UPDATE livelihood_round SET ratings_opened_at = ? WHERE id = ?",
                at,
                round.round());
          }
        });
  }
}
