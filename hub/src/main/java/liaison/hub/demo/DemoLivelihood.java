package liaison.hub.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import liaison.hub.db.Sql;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * The demo county's livelihood projects collection (民生实事项目征集, docs/LIVELIHOOD.md) for next year:
 * the county's round and 城关镇's, both collecting since ten days ago for three more weeks, with
 * residents' proposals (one accepted, one waiting for staff) and staff's entries.
 */
public final class DemoLivelihood {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  /** 城关镇's round, collecting. */
  public static final String TOWNSHIP_ROUND = "lr-demo000001";

  private DemoLivelihood() {}

  static void load(Handle h, OffsetDateTime now) {
    LocalDate today = now.atZoneSameInstant(SHANGHAI).toLocalDate();
    int year = today.getYear() + 1;
    round(
        h,
        "lr-demo000002",
        null,
        year,
        year + "年度青溪县民生实事项目征集",
        today,
        List.of("EDUCATION", "HEALTH", "TRANSPORT", "ELDERLY_CARE"),
        now);
    round(
        h,
        TOWNSHIP_ROUND,
        "t-chengguan",
        year,
        year + "年度城关镇民生实事项目征集",
        today,
        List.of("TRANSPORT", "URBAN_RURAL", "ENVIRONMENT", "ELDERLY_CARE"),
        now);
    proposal(
        h,
        "lp-demo000001",
        TOWNSHIP_ROUND,
        "RESIDENT",
        "s-001",
        null,
        "TRANSPORT",
        "茶产业园园路硬化",
        "通往茶产业园的是土路，雨天泥泞积水，村民去茶园容易滑倒，农产品也运不出去。希望硬化约 900 米、宽 4.5 米。",
        "路花村茶产业园",
        "ACCEPTED",
        null,
        now.minusDays(8));
    proposal(
        h,
        "lp-demo000002",
        TOWNSHIP_ROUND,
        "RESIDENT",
        "s-003",
        null,
        "URBAN_RURAL",
        "老街排水管网改造",
        "老街一下大雨就积水，排水管太细，建议整体改造。",
        "城关镇老街",
        "SUBMITTED",
        null,
        now.minusDays(2));
    proposal(
        h,
        "lp-demo000003",
        TOWNSHIP_ROUND,
        "RECEPTION",
        "s-001",
        null,
        "ELDERLY_CARE",
        "社区老年食堂",
        "接待日多位老人反映子女不在身边、吃饭不方便，建议在社区办老年食堂。",
        "城关镇中心社区",
        "ACCEPTED",
        "u-chengguan",
        now.minusDays(5));
    proposal(
        h,
        "lp-demo000004",
        "lr-demo000002",
        "DEPUTY",
        null,
        "d-0001",
        "EDUCATION",
        "乡镇中小学食堂改造",
        "多所乡镇学校食堂面积小、设施旧，建议分批改造。",
        "",
        "ACCEPTED",
        "u-admin",
        now.minusDays(6));
  }

  private static void round(
      Handle h,
      String id,
      @Nullable String township,
      int year,
      String title,
      LocalDate today,
      List<String> categories,
      OffsetDateTime now) {
    h.createUpdate(
            """
            INSERT INTO livelihood_round (id, county_id, township_id, year, title, opens_on,
              closes_on, state, created_by, created_at, updated_at)
            VALUES (:id, :county, :township, :year, :title, :opens, :closes, 'COLLECTING',
              'u-admin', :now, :now)
            """)
        .bind("id", id)
        .bind("county", DemoCounty.COUNTY)
        .bind("township", township)
        .bind("year", year)
        .bind("title", title)
        .bind("opens", Sql.date(today.minusDays(10)))
        .bind("closes", Sql.date(today.plusDays(21)))
        .bind("now", Sql.instant(now.minusDays(10)))
        .execute();
    for (int i = 0; i < categories.size(); i++) {
      h.createUpdate(
              "INSERT INTO livelihood_round_category (round_id, position, category)"
                  + " VALUES (:id, :position, :category)")
          .bind("id", id)
          .bind("position", i + 1)
          .bind("category", categories.get(i))
          .execute();
    }
  }

  /** A proposal as its source's path stores it. */
  static void proposal(
      Handle h,
      String id,
      String round,
      String source,
      @Nullable String station,
      @Nullable String deputy,
      String category,
      String title,
      String description,
      String place,
      String status,
      @Nullable String enteredBy,
      OffsetDateTime at) {
    h.createUpdate(
            """
            INSERT INTO livelihood_proposal (id, round_id, source, station_id, deputy_id,
              category, title, description, place, status, entered_by, submitted_at, decided_at)
            VALUES (:id, :round, :source, :station, :deputy, :category, :title, :description,
              :place, :status, :by, :at, :decided)
            """)
        .bind("id", id)
        .bind("round", round)
        .bind("source", source)
        .bind("station", station)
        .bind("deputy", deputy)
        .bind("category", category)
        .bind("title", title)
        .bind("description", description)
        .bind("place", place)
        .bind("status", status)
        .bind("by", enteredBy)
        .bind("at", Sql.instant(at))
        .bind("decided", "SUBMITTED".equals(status) ? null : Sql.instant(at))
        .execute();
  }
}
