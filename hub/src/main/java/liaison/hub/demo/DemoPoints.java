package liaison.hub.demo;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import liaison.hub.db.Database;
import liaison.hub.db.Ids;
import liaison.hub.db.Sql;
import liaison.hub.duty.DutyEntry;
import liaison.hub.duty.DutyKind;
import liaison.hub.duty.DutyPointRepository;
import liaison.hub.duty.DutyRules;
import liaison.hub.duty.DutyStars;

/**
 * The demo county's duty points: activities staff entered by hand over the past months, approved,
 * and one awaiting the county administrator today; the stars of the months that ended. The
 * receptions' entries come from the recorder's own run, as in a real county.
 */
@Singleton
class DemoPoints {
  /** Who did what, how many days ago, and whether the county administrator approved it yet. */
  private record Done(String deputy, int daysAgo, DutyKind kind, String note, boolean approved) {}

  private static final List<Done> DONE =
      List.of(
          new Done("d-0001", 75, DutyKind.TRAINING, "参加县人大代表履职能力培训", true),
          new Done("d-0001", 40, DutyKind.VISIT, "走访城关社区困难家庭", true),
          new Done("d-0001", 12, DutyKind.GROUP_ACTIVITY, "代表小组视察农贸市场改造", true),
          new Done("d-0002", 70, DutyKind.MEETING, "列席县人大常委会会议", true),
          new Done("d-0002", 38, DutyKind.TRAINING, "参加县人大代表履职能力培训", true),
          new Done("d-0003", 45, DutyKind.VISIT, "调研老旧小区加装电梯", true),
          new Done("d-0006", 66, DutyKind.GROUP_ACTIVITY, "代表小组专题调研乡村道路", true),
          new Done("d-0006", 35, DutyKind.MEETING, "列席县人大常委会会议", true),
          new Done("d-0007", 33, DutyKind.VISIT, "走访白沙镇养老院", true),
          new Done("d-0003", 0, DutyKind.TRAINING, "参加市人大代表网上学习", false));

  private final Database database;
  private final DutyPointRepository points;
  private final DutyRules rules;
  private final DutyStars stars;
  private final Clock clock;

  DemoPoints(
      Database database,
      DutyPointRepository points,
      DutyRules rules,
      DutyStars stars,
      Clock clock) {
    this.database = database;
    this.points = points;
    this.rules = rules;
    this.stars = stars;
    this.clock = clock;
  }

  void load() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    LocalDate today = now.atZoneSameInstant(Sql.ZONE).toLocalDate();
    database.useTransaction(
        h -> {
          for (Done d : DONE) {
            LocalDate on = today.minusDays(d.daysAgo());
            String id = Ids.next("dp");
            points.add(
                h,
                new DutyEntry(
                    id,
                    d.deputy(),
                    DemoCounty.COUNTY,
                    on.getYear(),
                    on,
                    d.kind(),
                    rules.pointsOn(h, DemoCounty.COUNTY, d.kind(), on),
                    d.approved() ? DutyEntry.Status.APPROVED : DutyEntry.Status.PENDING,
                    DutyEntry.HAND,
                    id,
                    d.note(),
                    now,
                    "u-admin",
                    null,
                    null,
                    ""));
          }
        });
    stars.chooseDue(DemoCounty.COUNTY);
  }
}
