package liaison.hub.demo;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import liaison.hub.calendar.WorkingCalendar;
import liaison.hub.db.Sql;
import liaison.hub.department.Department;
import liaison.hub.department.DepartmentRepository;
import liaison.hub.opinion.CaseContact;
import liaison.hub.opinion.CaseEvent;
import liaison.hub.opinion.CaseRepository;
import liaison.hub.opinion.CaseStatus;
import liaison.hub.opinion.Category;
import liaison.hub.opinion.OpinionCase;
import liaison.hub.opinion.TrackingCodes;
import liaison.hub.text.ResidentText;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * The demo county's departments and a handful of residents' opinions at every stage of the loop, so
 * that the inbox, a case's timeline and the overdue list have something to show: two new, one
 * registered, forwarded ones (one escalated, one just past its deadline, one in time), one the
 * department replied to, one answered, one closed and rated, one legal matter closed with guidance.
 * Histories are written as they would have happened, days ago.
 */
@Singleton
public class DemoCases {
  /** Fixed ids so tests and the README can point at them. */
  public static final String NEW_CASE = "case-demo0001";

  public static final String ESCALATED_CASE = "case-demo0004";

  private final CaseRepository cases;
  private final DepartmentRepository departments;
  private final WorkingCalendar calendar;

  public DemoCases(
      CaseRepository cases, DepartmentRepository departments, WorkingCalendar calendar) {
    this.cases = cases;
    this.departments = departments;
    this.calendar = calendar;
  }

  static final List<String[]> DEPARTMENTS =
      List.of(
          new String[] {
            "dep-housing", "县住房和城乡建设局", "0771-5560101 办公室", "zhujian@example.cn", "zhujian"
          },
          new String[] {
            "dep-transport", "县交通运输局", "0771-5560202 办公室", "jiaotong@example.cn", "jiaotong"
          },
          new String[] {"dep-education", "县教育局", "0771-5560303 办公室", "jiaoyu@example.cn", "jiaoyu"},
          new String[] {
            "dep-health", "县卫生健康局", "0771-5560404 办公室", "weijian@example.cn", "weijian"
          },
          new String[] {"dep-civil", "县民政局", "0771-5560505 办公室", "minzheng@example.cn", "minzheng"},
          new String[] {
            "dep-environment", "县生态环境局", "0771-5560606 办公室", "shengtai@example.cn", "huanjing"
          });

  /** The user name of each department's demo account (承办单位), by department id. */
  public static java.util.Map<String, String> departmentAccounts() {
    java.util.Map<String, String> accounts = new java.util.LinkedHashMap<>();
    DEPARTMENTS.forEach(d -> accounts.put(d[0], d[4]));
    return accounts;
  }

  void load(Handle h, String countyId, OffsetDateTime now) {
    for (String[] d : DEPARTMENTS) {
      departments.insert(h, new Department(d[0], countyId, d[1], d[2], d[3]));
    }
    LocalDate today = now.atZoneSameInstant(Sql.ZONE).toLocalDate();

    Demo c1 =
        open(
            h,
            NEW_CASE,
            "s-001",
            Category.TRANSPORT,
            "人民路与新华路交叉口的人行绿灯只有15秒，老人过马路走到一半就变红灯了，希望延长。",
            now.minusHours(3),
            true,
            "13812341234",
            false);
    Demo c2 =
        open(
            h,
            "case-demo0002",
            "s-002",
            Category.URBAN_RURAL,
            "桃源村三组这一周经常停水，来水时水压也很低，三楼以上基本没水。",
            now.minusDays(1).minusHours(2),
            false,
            null,
            false);

    Demo c3 =
        open(
            h,
            "case-demo0003",
            "s-001",
            Category.EDUCATION,
            "城关二小放学时校门口接孩子的车停满两边，学生过马路很危险。",
            now.minusDays(4),
            true,
            "13900005678",
            true);
    c3.step(
        h,
        CaseStatus.REGISTERED,
        "chengguan",
        now.minusDays(3),
        "教育：城关二小放学时段校门口交通拥堵",
        "summary = '城关二小放学时段校门口交通拥堵'");

    Demo c4 =
        open(
            h,
            ESCALATED_CASE,
            "s-001",
            Category.TRANSPORT,
            "老城区东门路的路灯坏了一个多月，晚上一片漆黑，已经有人摔倒。",
            now.minusDays(40),
            true,
            "13712349876",
            true);
    LocalDate due4 = today.minusDays(6);
    c4.step(
        h,
        CaseStatus.REGISTERED,
        "chengguan",
        now.minusDays(39),
        "道路交通：东门路路灯损坏",
        "summary = '东门路路灯损坏一个多月'");
    c4.step(
        h,
        CaseStatus.FORWARDED,
        "chengguan",
        now.minusDays(38),
        "交办 县交通运输局，期限 " + due4 + "（居民同意转交联系方式）",
        "department_id = 'dep-transport', deadline = '" + due4 + "'");
    c4.line(
        h, CaseEvent.SYSTEM, "escalated", now.minusDays(5), "超过办理期限 " + due4 + " 已 1 天，提交县人大常委会督办");
    h.createUpdate("UPDATE opinion_case SET escalated_at = :at WHERE id = :id")
        .bind("at", Sql.instant(now.minusDays(5)))
        .bind("id", c4.id)
        .execute();

    Demo c5 =
        open(
            h,
            "case-demo0005",
            "s-003",
            Category.EMPLOYMENT,
            "政务服务中心的招工信息屏好几天没更新了，找工作的人白跑一趟。",
            now.minusDays(25),
            false,
            null,
            false);
    LocalDate due5 = today.minusDays(2);
    c5.step(
        h,
        CaseStatus.REGISTERED,
        "chengguan",
        now.minusDays(24),
        "就业创业：招工信息屏未更新",
        "summary = '招工信息屏未及时更新'");
    c5.step(
        h,
        CaseStatus.FORWARDED,
        "admin",
        now.minusDays(23),
        "交办 县民政局，期限 " + due5 + "（不转交联系方式）",
        "department_id = 'dep-civil', deadline = '" + due5 + "'");

    Demo c6 =
        open(
            h,
            "case-demo0006",
            "s-002",
            Category.URBAN_RURAL,
            "村里通往白沙镇的桥栏杆松动，孩子上学要经过。",
            now.minusDays(6),
            true,
            "13600001234",
            false);
    LocalDate due6 = calendar.after(DemoCounty.COUNTY, today.minusDays(5), 15);
    c6.step(
        h,
        CaseStatus.REGISTERED,
        "baisha",
        now.minusDays(5).minusHours(3),
        "城乡建设：桃源桥栏杆松动",
        "summary = '桃源桥栏杆松动，存在安全隐患'");
    c6.step(
        h,
        CaseStatus.FORWARDED,
        "baisha",
        now.minusDays(5),
        "交办 县住房和城乡建设局，期限 " + due6 + "（不转交联系方式）",
        "department_id = 'dep-housing', deadline = '" + due6 + "'");

    Demo c7 =
        open(
            h,
            "case-demo0007",
            "s-003",
            Category.HEALTH,
            "社区卫生服务站周末不开门，老人周末看病要跑到县医院。",
            now.minusDays(15),
            false,
            null,
            false);
    c7.step(
        h,
        CaseStatus.REGISTERED,
        "chengguan",
        now.minusDays(14),
        "医疗卫生：社区卫生服务站周末不开诊",
        "summary = '社区卫生服务站周末不开诊'");
    c7.step(
        h,
        CaseStatus.FORWARDED,
        "chengguan",
        now.minusDays(14).plusHours(1),
        "交办 县卫生健康局",
        "department_id = 'dep-health', deadline = '"
            + calendar.after(DemoCounty.COUNTY, today.minusDays(14), 10)
            + "'");
    c7.step(
        h,
        CaseStatus.DEPARTMENT_REPLIED,
        "chengguan",
        now.minusDays(2),
        "自下月起，城关社区卫生服务站周六上午开诊。",
        "department_reply = '自下月起，城关社区卫生服务站周六上午开诊，周日安排家庭医生电话值班。'");

    Demo c8 =
        open(
            h,
            "case-demo0008",
            "s-001",
            Category.ENVIRONMENT,
            "河堤公园旁边的烧烤摊晚上油烟很大，附近居民不敢开窗。",
            now.minusDays(20),
            false,
            null,
            false);
    // Left through 陈秀兰's own QR link: her page (我的, /me) shows it among the messages for her.
    h.execute("UPDATE opinion_case SET deputy_id = ? WHERE id = ?", "d-0001", c8.id);
    c8.step(
        h,
        CaseStatus.REGISTERED,
        "chengguan",
        now.minusDays(19),
        "生态环境：河堤公园烧烤油烟扰民",
        "summary = '河堤公园夜间烧烤油烟扰民'");
    c8.step(
        h,
        CaseStatus.FORWARDED,
        "chengguan",
        now.minusDays(19).plusHours(2),
        "交办 县生态环境局",
        "department_id = 'dep-environment', deadline = '"
            + calendar.after(DemoCounty.COUNTY, today.minusDays(19), 15)
            + "'");
    c8.step(
        h,
        CaseStatus.DEPARTMENT_REPLIED,
        "chengguan",
        now.minusDays(6),
        "已约谈摊主，要求安装油烟净化设备。",
        "department_reply = '已约谈摊主，限期安装油烟净化设备，并增加夜间巡查。'");
    c8.step(
        h,
        CaseStatus.ANSWERED,
        "chengguan",
        now.minusDays(5),
        "已答复",
        "answer = '县生态环境局已约谈摊主，要求限期安装油烟净化设备，并增加夜间巡查。感谢您的反映！'");

    Demo c9 =
        open(
            h,
            "case-demo0009",
            "s-003",
            Category.SOCIAL_SECURITY,
            "退休人员资格认证能不能在政务服务中心现场办，手机上不会操作。",
            now.minusDays(30),
            true,
            "13512345678",
            false);
    c9.step(
        h,
        CaseStatus.REGISTERED,
        "chengguan",
        now.minusDays(29),
        "社会保障：退休人员资格认证现场办理",
        "summary = '希望退休资格认证可现场办理'");
    c9.step(
        h,
        CaseStatus.ANSWERED,
        "chengguan",
        now.minusDays(27),
        "已答复",
        "answer = '政务服务中心三楼社保窗口可现场办理资格认证，工作日均可，请带身份证。'");
    c9.line(h, CaseEvent.RESIDENT, "rate", now.minusDays(26), "满意");
    c9.step(
        h,
        CaseStatus.CLOSED,
        "chengguan",
        now.minusDays(25),
        "群众满意",
        "rating = 'SATISFIED', rated_at = '" + Sql.instant(now.minusDays(26)) + "'");

    Demo c10 =
        open(
            h,
            "case-demo0010",
            "s-001",
            Category.LEGAL,
            "我和邻居因宅基地边界打官司，法院判决后对方一直不执行。",
            now.minusDays(10),
            false,
            null,
            false);
    c10.step(
        h,
        CaseStatus.REGISTERED,
        "chengguan",
        now.minusDays(9),
        "法律诉讼：宅基地纠纷判决执行",
        "summary = '宅基地纠纷判决未执行'");
    c10.step(
        h,
        CaseStatus.CLOSED_WITH_GUIDANCE,
        "chengguan",
        now.minusDays(9).plusHours(1),
        "引导申请强制执行",
        "guidance = '判决生效后对方不履行的，可向青溪县人民法院申请强制执行；可到县公共法律服务中心（新华路88号一楼）免费咨询。'");
    // Every forwarded case is on its department's desk (the demo's department accounts read them).
    h.execute(
        """
        INSERT INTO case_forwarding (id, case_id, department_id, forwarded_at, deadline, replied_at)
        SELECT 'cf-' || c.id, c.id, c.department_id,
               (SELECT MIN(e.at) FROM case_event e WHERE e.case_id = c.id AND e.to_status = 'FORWARDED'),
               c.deadline,
               (SELECT MIN(e.at) FROM case_event e WHERE e.case_id = c.id AND e.to_status = 'DEPARTMENT_REPLIED')
        FROM opinion_case c WHERE c.department_id IS NOT NULL AND c.deadline IS NOT NULL
        """);
  }

  private Demo open(
      Handle h,
      String id,
      String station,
      Category category,
      String text,
      OffsetDateTime at,
      boolean withContact,
      @Nullable String phone,
      boolean toDepartment) {
    OffsetDateTime t = at.withNano(0);
    cases.insert(
        h,
        OpinionCase.submitted(
            id, TrackingCodes.next(), station, null, category, text, t, toDepartment));
    if (withContact && phone != null) {
      // The demo's residents with a mobile ticked "text me": their tracking pages say so.
      cases.insertContact(
          h, new CaseContact(id, "居民", phone, t, !ResidentText.mobile(phone).isEmpty()));
    }
    Demo d = new Demo(id, CaseStatus.SUBMITTED);
    d.line(h, CaseEvent.RESIDENT, "submit", t, "");
    return d;
  }

  /** A demo case being walked through its history, with the times it happened. */
  private final class Demo {
    final String id;
    CaseStatus status;

    Demo(String id, CaseStatus status) {
      this.id = id;
      this.status = status;
    }

    void step(Handle h, CaseStatus to, String actor, OffsetDateTime at, String note, String set) {
      if (!status.canBecome(to)) {
        throw new IllegalStateException(
            "demo case " + id + " cannot go from " + status + " to " + to);
      }
      String closed = to.isClosed() ? ", closed_at = '" + Sql.instant(at) + "'" : "";
      h.execute(
          "UPDATE opinion_case SET status = ?, updated_at = ?, " + set + closed + " WHERE id = ?",
          to.name(),
          Sql.instant(at),
          id);
      cases.insertEvent(
          h,
          new CaseEvent(
              eventId(at),
              id,
              at.withNano(0),
              actor,
              to.name().toLowerCase(java.util.Locale.ROOT),
              status,
              to,
              note));
      status = to;
    }

    void line(Handle h, String actor, String action, OffsetDateTime at, String note) {
      cases.insertEvent(
          h, new CaseEvent(eventId(at), id, at.withNano(0), actor, action, null, null, note));
    }
  }

  private static String eventId(OffsetDateTime at) {
    return String.format(
        "%016x-%s",
        at.toInstant().toEpochMilli() * 1000,
        java.util.UUID.randomUUID().toString().substring(0, 8));
  }
}
