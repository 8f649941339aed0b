package liaison.hub.dutyrecord;

import java.util.List;

/**
 * The duty list a county starts with: sixteen aspects, as Guangling keeps (参加会议、联系群众、提出建议、 履职保障 are
 * the seeds' own words; the others are what the hub can fill and what a 代表工委 asks of a deputy's
 * year). Every aspect the hub can fill is in it once; 民生实事监督 and 履职保障 are for staff's notes. A
 * county renames, reorders, describes, retires and adds to it at {@code
 * /admin/duty-record/aspects}.
 */
final class DefaultAspects {
  /** One default aspect; its id in a county is {@link DutyList#defaultId}. */
  record Default(
      String key, String nameZh, String nameEn, AspectSource source, String description) {}

  static final List<Default> LIST =
      List.of(
          new Default(
              "meetings",
              "参加会议",
              "Attending meetings",
              AspectSource.MEETINGS,
              "出席人民代表大会会议，列席常委会会议及其他会议的情况。"),
          new Default(
              "contact",
              "联系群众",
              "Keeping in touch with voters",
              AspectSource.CONTACT,
              "群众通过代表本人的二维码、联络站留给代表的意见，以及入户走访、线上联络等联系选民的情况。"),
          new Default(
              "receptions",
              "进站接待",
              "Receiving voters at the station",
              AspectSource.RECEPTIONS,
              "在联络站（代表之家）值班接待选民的次数和到岗签到情况。"),
          new Default(
              "opinions",
              "意见办理",
              "Opinions followed up",
              AspectSource.OPINIONS,
              "留给代表或在代表接待时收集的群众意见及其办理结果。"),
          new Default(
              "suggestions",
              "提出建议",
              "Suggestions made",
              AspectSource.SUGGESTIONS,
              "代表提出的建议、批评和意见。"),
          new Default(
              "suggestion-handling",
              "代表建议办理与评价",
              "Handling of suggestions",
              AspectSource.SUGGESTION_HANDLING,
              "代表建议交办、答复和办结的情况。"),
          new Default(
              "reports", "向选民述职", "Reports to voters", AspectSource.REPORTS, "代表向原选区选民报告履职情况。"),
          new Default(
              "report-results",
              "述职评议结果",
              "Voters' evaluation",
              AspectSource.REPORT_RESULTS,
              "选民对代表述职的无记名测评结果。"),
          new Default(
              "training", "学习培训", "Study and training", AspectSource.TRAINING, "参加履职学习和培训的情况。"),
          new Default(
              "group-activities",
              "代表小组活动",
              "Deputies' group activities",
              AspectSource.GROUP_ACTIVITIES,
              "参加所在代表小组活动的情况。"),
          new Default(
              "visits",
              "视察调研与走访",
              "Inspections, surveys and visits",
              AspectSource.VISITS,
              "参加视察、专题调研、执法检查和走访选民的情况。"),
          new Default(
              "livelihood",
              "民生实事监督",
              "Overseeing livelihood projects",
              AspectSource.MANUAL,
              "参与民生实事项目票决、监督和评议的情况。"),
          new Default("other", "其他履职", "Other duties", AspectSource.OTHER_DUTIES, "县里认可的其他履职活动。"),
          new Default("points", "履职积分", "Duty points", AspectSource.POINTS, "本年度经审核的履职积分，按活动类别合计。"),
          new Default("stars", "履职之星", "Duty star", AspectSource.STARS, "获评月度、年度“履职之星”的情况。"),
          new Default(
              "support",
              "履职保障",
              "Support for the deputy's work",
              AspectSource.MANUAL,
              "代表履职所需的时间、经费、学习资料等保障情况，以及所在单位的支持。"));

  private DefaultAspects() {}
}
