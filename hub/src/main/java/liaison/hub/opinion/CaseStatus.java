package liaison.hub.opinion;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a resident's opinion stands in the closed loop 收集 → 登记 → 交办 → 办理 → 答复 → 回访, and
 * every step it may take from there: the one place that says which transitions are allowed.
 *
 * <p>A legal or litigation matter (涉法涉诉) is not forwarded but closed with guidance. Any open case
 * may be merged into another. A 不满意 rating reopens an answered or closed case; staff then treat
 * it as registered.
 */
public enum CaseStatus {
  /** 收集: the resident sent it. */
  SUBMITTED("已提交", "Submitted", "已收到您的意见", "We received your opinion"),
  /** 登记: staff read it, gave it a category and a summary. */
  REGISTERED("已登记", "Registered", "工作人员已登记", "Registered by the station"),
  /** 交办: forwarded to the responsible department with a deadline. */
  FORWARDED("已交办", "Forwarded", "已转交承办单位办理", "Passed to the responsible department"),
  /** 办理: the department replied to the station. */
  DEPARTMENT_REPLIED("承办单位已回复", "Department replied", "承办单位已办理并回复", "The department has handled it and replied"),
  /** 答复: the station answered the resident. */
  ANSWERED("已答复", "Answered", "已答复，请您评价", "Answered: please rate the handling"),
  /** 回访 / 办结: followed up and closed. */
  CLOSED("已办结", "Closed", "已办结", "Closed"),
  /** 涉法涉诉: closed with guidance to the legal channels instead of being forwarded. */
  CLOSED_WITH_GUIDANCE("已办结（依法引导）", "Closed with guidance", "已办结，请按指引通过法律途径解决", "Closed: please follow the guidance to the legal channels"),
  /** Merged into another case about the same matter; that case carries on. */
  MERGED("已合并", "Merged", "已与同类意见合并办理", "Handled together with a similar opinion"),
  /** Reopened after a 不满意 rating; staff handle it as registered. */
  REOPENED("已重新办理", "Reopened", "已重新办理", "Being handled again");

  private static final Map<CaseStatus, Set<CaseStatus>> NEXT =
      Map.of(
          SUBMITTED, EnumSet.of(REGISTERED, MERGED),
          REGISTERED, EnumSet.of(FORWARDED, ANSWERED, CLOSED_WITH_GUIDANCE, MERGED),
          REOPENED, EnumSet.of(FORWARDED, ANSWERED, CLOSED_WITH_GUIDANCE, MERGED),
          // The department's reply may not do: forward again (to it or another one).
          FORWARDED, EnumSet.of(DEPARTMENT_REPLIED, MERGED),
          DEPARTMENT_REPLIED, EnumSet.of(ANSWERED, FORWARDED, MERGED),
          ANSWERED, EnumSet.of(CLOSED, REOPENED),
          CLOSED, EnumSet.of(REOPENED),
          CLOSED_WITH_GUIDANCE, EnumSet.noneOf(CaseStatus.class),
          MERGED, EnumSet.noneOf(CaseStatus.class));

  private final String zh;
  private final String en;
  private final String residentZh;
  private final String residentEn;

  CaseStatus(String zh, String en, String residentZh, String residentEn) {
    this.zh = zh;
    this.en = en;
    this.residentZh = residentZh;
    this.residentEn = residentEn;
  }

  /** The statuses this one may change to; empty for a final one. */
  public Set<CaseStatus> next() {
    return EnumSet.copyOf(NEXT.get(this));
  }

  public boolean canBecome(CaseStatus to) {
    return NEXT.get(this).contains(to);
  }

  /** Staff still have work to do on it (what an inbox and the overdue list show). */
  public boolean isOpen() {
    return this == SUBMITTED || this == REGISTERED || this == REOPENED || this == FORWARDED || this == DEPARTMENT_REPLIED;
  }

  /** Finished: the case has a {@code closed_at}; contact retention counts from it. */
  public boolean isClosed() {
    return this == CLOSED || this == CLOSED_WITH_GUIDANCE || this == MERGED;
  }

  /** The resident may rate the handling (回访). */
  public boolean canBeRated() {
    return this == ANSWERED || this == CLOSED;
  }

  /** Staff's name of the status. */
  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }

  /** What the tracking page says to the resident. */
  public String residentZh() {
    return residentZh;
  }

  public String residentEn() {
    return residentEn;
  }
}
