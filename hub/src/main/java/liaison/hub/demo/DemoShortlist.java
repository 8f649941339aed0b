package liaison.hub.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import liaison.hub.db.Sql;
import org.jdbi.v3.core.Handle;

/**
 * 白沙镇's livelihood round for next year, its shortlist already published (docs/LIVELIHOOD.md,
 * "Projects, the shortlist and the vote"): three projects going to the township congress's vote,
 * one made from two duplicate proposals, and one left out with its reason, so that {@code
 * /livelihood} shows a shortlist in the demo; and a first draft project in 城关镇's round. Loaded
 * after the departments.
 */
public final class DemoShortlist {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  /** 白沙镇's round, its shortlist published. */
  public static final String ROUND = "lr-demo000003";

  /** A draft project of 城关镇's round, still collecting. */
  public static final String DRAFT_PROJECT = "lj-demo000005";

  private DemoShortlist() {}

  static void load(Handle h, OffsetDateTime now) {
    LocalDate today = now.atZoneSameInstant(SHANGHAI).toLocalDate();
    int year = today.getYear() + 1;
    OffsetDateTime opened = now.minusDays(40);
    h.createUpdate(
            """
            INSERT INTO livelihood_round (id, county_id, township_id, year, title, opens_on,
              closes_on, state, created_by, created_at, updated_at)
            VALUES (:id, :county, 't-baisha', :year, :title, :opens, :closes, 'SHORTLISTED',
              'u-admin', :at, :now)
            """)
        .bind("id", ROUND)
        .bind("county", DemoCounty.COUNTY)
        .bind("year", year)
        .bind("title", year + "年度白沙镇民生实事项目征集")
        .bind("opens", Sql.date(today.minusDays(40)))
        .bind("closes", Sql.date(today.minusDays(10)))
        .bind("at", Sql.instant(opened))
        .bind("now", Sql.instant(now.minusDays(2)))
        .execute();
    String[] categories = {"TRANSPORT", "URBAN_RURAL", "ELDERLY_CARE"};
    for (int i = 0; i < categories.length; i++) {
      h.createUpdate(
              "INSERT INTO livelihood_round_category (round_id, position, category)"
                  + " VALUES (:id, :position, :category)")
          .bind("id", ROUND)
          .bind("position", i + 1)
          .bind("category", categories[i])
          .execute();
    }
    String[][] proposals = {
      {"lp-demo000101", "TRANSPORT", "白沙圩至那良村道路拓宽", "村道只有 3.5 米，农忙时货车会车困难，希望拓宽到 6 米。", "那良村"},
      {"lp-demo000102", "TRANSPORT", "那良村道路太窄", "路窄，拉甘蔗的车经常堵在半路。", "那良村"},
      {"lp-demo000103", "URBAN_RURAL", "白沙圩农贸市场改造", "市场棚顶漏雨、地面积水，希望整体改造。", "白沙圩"},
      {"lp-demo000104", "ELDERLY_CARE", "镇敬老院适老化改造", "敬老院没有扶手和无障碍坡道，老人上下楼不便。", "白沙镇敬老院"},
      {"lp-demo000105", "URBAN_RURAL", "建设镇文化广场", "希望在镇中心建一个大广场，晚上可以跳舞。", "白沙镇"}
    };
    for (int i = 0; i < proposals.length; i++) {
      String[] p = proposals[i];
      OffsetDateTime at = opened.plusDays(3 + i);
      h.createUpdate(
              """
              INSERT INTO livelihood_proposal (id, round_id, source, station_id, category, title,
                description, place, status, submitted_at, decided_at)
              VALUES (:id, :round, 'RESIDENT', 's-002', :category, :title, :description, :place,
                'ACCEPTED', :at, :at)
              """)
          .bind("id", p[0])
          .bind("round", ROUND)
          .bind("category", p[1])
          .bind("title", p[2])
          .bind("description", p[3])
          .bind("place", p[4])
          .bind("at", Sql.instant(at))
          .execute();
    }
    project(
        h,
        "lj-demo000001",
        ROUND,
        1,
        "TRANSPORT",
        "白沙圩至那良村道路拓宽",
        "将 2.8 公里村道由 3.5 米拓宽至 6 米，并增设会车道和护栏。",
        "那良村",
        "dep-transport",
        3_200_000L,
        year + "-03-01",
        year + "-11-01",
        "SHORTLISTED",
        "",
        now.minusDays(3),
        "lp-demo000101",
        "lp-demo000102");
    project(
        h,
        "lj-demo000002",
        ROUND,
        2,
        "URBAN_RURAL",
        "白沙圩农贸市场改造",
        "更换棚顶、硬化地面、改造排水，划分摊位。",
        "白沙圩",
        "dep-housing",
        1_500_000L,
        year + "-04-01",
        year + "-09-01",
        "SHORTLISTED",
        "",
        now.minusDays(3),
        "lp-demo000103");
    project(
        h,
        "lj-demo000003",
        ROUND,
        3,
        "ELDERLY_CARE",
        "镇敬老院适老化改造",
        "加装扶手、无障碍坡道和呼叫设备。",
        "白沙镇敬老院",
        "dep-civil",
        480_000L,
        year + "-05-01",
        year + "-08-01",
        "SHORTLISTED",
        "",
        now.minusDays(3),
        "lp-demo000104");
    project(
        h,
        "lj-demo000004",
        ROUND,
        4,
        "URBAN_RURAL",
        "建设镇文化广场",
        "在镇中心新建文化广场。",
        "白沙镇",
        null,
        null,
        null,
        null,
        "LEFT_OUT",
        "镇中心没有可用的建设用地，已列入镇国土空间规划，待用地落实后再议。",
        now.minusDays(3),
        "lp-demo000105");
    // 城关镇's round still collects: staff have begun with a draft from the canteen proposal.
    project(
        h,
        DRAFT_PROJECT,
        DemoLivelihood.TOWNSHIP_ROUND,
        1,
        "ELDERLY_CARE",
        "社区老年食堂",
        "接待日多位老人反映子女不在身边、吃饭不方便，建议在社区办老年食堂。",
        "城关镇中心社区",
        "dep-civil",
        null,
        null,
        null,
        "DRAFT",
        "",
        now.minusDays(3),
        "lp-demo000003");
  }

  /** A project made from {@code proposals}, as staff make it, at {@code at}. */
  static void project(
      Handle h,
      String id,
      String round,
      int position,
      String category,
      String title,
      String description,
      String place,
      @org.jspecify.annotations.Nullable String department,
      @org.jspecify.annotations.Nullable Long cost,
      @org.jspecify.annotations.Nullable String starts,
      @org.jspecify.annotations.Nullable String ends,
      String state,
      String reason,
      OffsetDateTime at,
      String... proposals) {
    h.createUpdate(
            """
            INSERT INTO livelihood_project (id, round_id, position, category, title, description,
              place, department_id, cost_yuan, starts_on, ends_on, state, left_out_reason,
              created_at, updated_at)
            VALUES (:id, :round, :position, :category, :title, :description, :place, :department,
              :cost, :starts, :ends, :state, :reason, :at, :at)
            """)
        .bind("id", id)
        .bind("round", round)
        .bind("position", position)
        .bind("category", category)
        .bind("title", title)
        .bind("description", description)
        .bind("place", place)
        .bind("department", department)
        .bind("cost", cost)
        .bind("starts", starts)
        .bind("ends", ends)
        .bind("state", state)
        .bind("reason", reason)
        .bind("at", Sql.instant(at))
        .execute();
    for (String proposal : proposals) {
      h.createUpdate(
              "INSERT INTO livelihood_project_proposal (proposal_id, project_id)"
                  + " VALUES (:proposal, :project)")
          .bind("proposal", proposal)
          .bind("project", id)
          .execute();
    }
  }
}
