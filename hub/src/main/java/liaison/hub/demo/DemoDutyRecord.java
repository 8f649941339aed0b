package liaison.hub.demo;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import liaison.hub.db.Sql;
import liaison.hub.duty.DutyKind;
import liaison.hub.dutyrecord.DutyList;
import org.jdbi.v3.core.Handle;

/**
 * The demo's duty records (履职档案): the county's default duty list, and for 陈秀兰 (d-0001) this year's
 * meeting, training, group activity and inspection as approved hand entries of her duty points, and
 * two notes staff wrote under the aspects that only notes fill (民生实事监督, 履职保障). Her receptions,
 * opinions and the rest come from the demo's other records.
 */
@Singleton
class DemoDutyRecord {
  private final DutyList list;

  DemoDutyRecord(DutyList list) {
    this.list = list;
  }

  void load(Handle h, String countyId, OffsetDateTime now) {
    list.startWithDefaults(h, countyId, "demo");
    LocalDate today = now.atZoneSameInstant(Sql.ZONE).toLocalDate();
    entry(h, countyId, "dp-rec-meeting", today, 40, DutyKind.MEETING, 3, "列席县人大常委会第二十三次会议");
    entry(h, countyId, "dp-rec-training", today, 30, DutyKind.TRAINING, 2, "参加全县人大代表履职能力培训班");
    entry(
        h, countyId, "dp-rec-group", today, 20, DutyKind.GROUP_ACTIVITY, 2, "城关镇代表小组活动：老旧小区加装电梯座谈");
    entry(h, countyId, "dp-rec-visit", today, 10, DutyKind.VISIT, 2, "视察城区学校周边交通安全");
    note(h, DutyList.defaultId(countyId, "livelihood"), now, "参与县城区老旧小区改造民生实事项目票决，并随县人大常委会跟踪监督两次。");
    note(h, DutyList.defaultId(countyId, "support"), now, "所在单位支持每月参加一次进站接待；县人大常委会配发了履职学习资料。");
  }

  /**
   * An approved hand entry {@code daysAgo} days before today, kept in this year (on the first days
   * of January it falls on New Year's Day).
   */
  private static void entry(
      Handle h,
      String countyId,
      String id,
      LocalDate today,
      int daysAgo,
      DutyKind kind,
      int points,
      String note) {
    LocalDate day = today.minusDays(daysAgo);
    if (day.getYear() != today.getYear()) {
      day = LocalDate.of(today.getYear(), 1, 1);
    }
    h.createUpdate(
            """
            INSERT INTO duty_point (id, deputy_id, county_id, year, occurred_on, kind, points,
                                    status, source_kind, source_id, note, recorded_at)
            VALUES (:id, 'd-0001', :county, :year, :day, :kind, :points, 'APPROVED', 'HAND', :id,
                    :note, :at)
            """)
        .bind("id", id)
        .bind("county", countyId)
        .bind("year", today.getYear())
        .bind("day", Sql.date(day))
        .bind("kind", kind.name())
        .bind("points", points)
        .bind("note", note)
        .bind("at", Sql.instant(day.atTime(18, 0).atZone(Sql.ZONE).toOffsetDateTime()))
        .execute();
  }

  private static void note(Handle h, String aspectId, OffsetDateTime now, String text) {
    h.createUpdate(
            """
            INSERT INTO duty_record_note (id, deputy_id, year, aspect_id, text, written_by,
                                          written_at)
            VALUES (:id, 'd-0001', :year, :aspect, :text, '林晓梅', :at)
            """)
        .bind("id", "drn-demo-" + aspectId)
        .bind("year", now.atZoneSameInstant(Sql.ZONE).getYear())
        .bind("aspect", aspectId)
        .bind("text", text)
        .bind("at", Sql.instant(now))
        .execute();
  }
}
