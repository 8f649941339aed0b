package liaison.hub.demo;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import liaison.hub.calendar.WorkingCalendar;
import liaison.hub.db.Sql;
import liaison.hub.opinion.Category;
import liaison.hub.satisfaction.Satisfaction;
import liaison.hub.suggestion.Forwarding;
import liaison.hub.suggestion.Suggestion;
import liaison.hub.suggestion.SuggestionRepository;
import liaison.hub.suggestion.SuggestionStatus;
import org.jdbi.v3.core.Handle;

/**
 * The demo county's deputies' suggestions (代表建议) at every stage, so that 陈秀兰's 我的建议, the county's
 * list and promise ledger, and 县交通运输局's desk have something to show: one just made, one replied by
 * its lead department and waiting for her rating (its co-handling department not yet), one waiting
 * for 县交通运输局's reply, and one closed after a 不满意 and a second round, with a promise kept, one
 * overdue and one with a review date.
 */
@Singleton
public class DemoSuggestions {
  /** 陈秀兰's, replied by 县交通运输局, rated by nobody yet. */
  public static final String REPLIED = "sg-demo0001";

  /** 陈秀兰's, waiting for 县交通运输局's reply. */
  public static final String WAITING = "sg-demo0002";

  private final SuggestionRepository repository;
  private final WorkingCalendar calendar;

  public DemoSuggestions(SuggestionRepository repository, WorkingCalendar calendar) {
    this.repository = repository;
    this.calendar = calendar;
  }

  void load(Handle h, String county, OffsetDateTime now) {
    LocalDate today = now.atZoneSameInstant(Sql.ZONE).toLocalDate();
    suggestion(
        h,
        county,
        "sg-demo0004",
        "d-0001",
        "关于在城关镇农贸市场增设公共厕所的建议",
        "农贸市场每天人流量大，周边没有公共厕所，群众反映强烈。建议在市场东侧空地增设一座公共厕所，并安排专人保洁。",
        Category.URBAN_RURAL,
        SuggestionStatus.SUBMITTED,
        now.minusDays(1));

    suggestion(
        h,
        county,
        REPLIED,
        "d-0001",
        "关于在城关镇中学门口增设公交站台的建议",
        "城关镇中学门口没有公交站台，学生上下学要步行一公里到老车站，早晚高峰路边候车存在安全隐患。建议在学校门口增设公交站台，并在上下学时段加密班次。",
        Category.TRANSPORT,
        SuggestionStatus.FORWARDED,
        now.minusDays(30));
    LocalDate due1 = calendar.after(county, today.minusDays(28), 60);
    forward(h, REPLIED, "dep-transport", 1, true, now.minusDays(28), due1);
    forward(h, REPLIED, "dep-housing", 1, false, now.minusDays(28), due1);
    Forwarding transport = latest(h, REPLIED, "dep-transport");
    repository.reply(
        h,
        transport,
        "经现场勘察，已将城关镇中学站纳入今年公交站点规划，站台由我局负责建设；上下学时段 3 路公交加密至 10 分钟一班。",
        now.minusDays(5),
        "jiaotong");
    repository.promise(h, transport, "年底前在城关镇中学门口建成公交站台", today.plusMonths(2), now.minusDays(5));
    repository.promise(
        h, transport, "上下学时段 3 路公交加密至 10 分钟一班", today.plusDays(14), now.minusDays(5));

    suggestion(
        h,
        county,
        WAITING,
        "d-0001",
        "关于整治城关镇老街占道经营的建议",
        "老街两侧商户占道经营，行人只能走机动车道。建议划定经营区域，加强日常巡查。",
        Category.SAFETY,
        SuggestionStatus.FORWARDED,
        now.minusDays(12));
    forward(
        h,
        WAITING,
        "dep-transport",
        1,
        true,
        now.minusDays(10),
        calendar.after(county, today.minusDays(10), 60));

    suggestion(
        h,
        county,
        "sg-demo0003",
        "d-0001",
        "关于改造城关镇老旧小区供水管网的建议",
        "幸福小区供水管网建于上世纪九十年代，经常爆管停水。建议列入老旧小区改造计划，整体更换供水管网。",
        Category.URBAN_RURAL,
        SuggestionStatus.CLOSED,
        now.minusDays(200));
    LocalDate due3 = calendar.after(county, today.minusDays(198), 60);
    forward(h, "sg-demo0003", "dep-housing", 1, true, now.minusDays(198), due3);
    Forwarding first = latest(h, "sg-demo0003", "dep-housing");
    repository.reply(h, first, "已列入明年改造计划。", now.minusDays(150), "zhujian");
    repository.rate(h, first, Satisfaction.DISSATISFIED, "没有说明何时开工。", now.minusDays(148));
    forward(
        h,
        "sg-demo0003",
        "dep-housing",
        2,
        true,
        now.minusDays(147),
        calendar.after(county, today.minusDays(147), 20));
    Forwarding second = latest(h, "sg-demo0003", "dep-housing");
    repository.reply(
        h, second, "已完成设计，今年开工，分两期更换幸福小区全部供水管网，施工期间提前公告停水安排。", now.minusDays(120), "zhujian");
    repository.rate(h, second, Satisfaction.SATISFIED, "", now.minusDays(118));
    String kept =
        repository.promise(h, second, "一期工程（1—4 号楼）完工通水", today.minusDays(40), now.minusDays(120));
    repository.kept(h, kept, "一期工程已完工通水，居民验收满意。", "林晓梅", now.minusDays(45));
    String late =
        repository.promise(h, second, "二期工程（5—8 号楼）完工通水", today.minusDays(3), now.minusDays(120));
    repository.review(h, late, today.minusDays(30), "二期已开工，进度约六成。", "林晓梅", now.minusDays(30));
    String next = repository.promise(h, second, "更换小区消防栓", today.plusMonths(4), now.minusDays(120));
    repository.scheduleReview(h, next, today.plusDays(20), 3);
    repository.setStatus(h, "sg-demo0003", SuggestionStatus.CLOSED, now.minusDays(118));
  }

  private void suggestion(
      Handle h,
      String county,
      String id,
      String deputy,
      String title,
      String body,
      Category category,
      SuggestionStatus status,
      OffsetDateTime at) {
    repository.insert(
        h, new Suggestion(id, deputy, "", county, title, body, category, status, at, "chenxl", at));
  }

  private void forward(
      Handle h,
      String id,
      String department,
      int round,
      boolean lead,
      OffsetDateTime at,
      LocalDate deadline) {
    repository.forward(h, id, department, round, lead, at, "admin", deadline);
  }

  private Forwarding latest(Handle h, String id, String department) {
    List<Forwarding> latest = SuggestionRepository.latest(repository.forwardings(h, id));
    return latest.stream()
        .filter(f -> f.departmentId().equals(department))
        .findFirst()
        .orElseThrow();
  }
}
