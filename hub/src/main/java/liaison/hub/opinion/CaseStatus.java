package liaison.hub.opinion;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import liaison.hub.text.Text;

/**
 * Where a resident's opinion stands in the closed loop 收集 → 登记 → 交办 → 办理 → 答复 → 回访, and every step
 * it may take from there: the one place that says which transitions are allowed.
 *
 * <p>A legal or litigation matter (涉法涉诉) is not forwarded but closed with guidance. Any open case
 * may be merged into another. A 不满意 rating reopens an answered or closed case; staff then treat it
 * as registered.
 */
public enum CaseStatus {
  /** 收集: the resident sent it. */
  SUBMITTED,
  /** 登记: staff read it, gave it a category and a summary. */
  REGISTERED,
  /** 交办: forwarded to the responsible department with a deadline. */
  FORWARDED,
  /** 办理: the department replied to the station. */
  DEPARTMENT_REPLIED,
  /** 答复: the station answered the resident. */
  ANSWERED,
  /** 回访 / 办结: followed up and closed. */
  CLOSED,
  /** 涉法涉诉: closed with guidance to the legal channels instead of being forwarded. */
  CLOSED_WITH_GUIDANCE,
  /** Merged into another case about the same matter; that case carries on. */
  MERGED,
  /** Reopened after a 不满意 rating; staff handle it as registered. */
  REOPENED,
  /**
   * 退回: the department handed it back as not theirs (with its reason); staff forward it elsewhere
   * or handle it themselves.
   */
  RETURNED;

  private static final Map<CaseStatus, Set<CaseStatus>> NEXT =
      Map.of(
          SUBMITTED, EnumSet.of(REGISTERED, MERGED),
          REGISTERED, EnumSet.of(FORWARDED, ANSWERED, CLOSED_WITH_GUIDANCE, MERGED),
          REOPENED, EnumSet.of(FORWARDED, ANSWERED, CLOSED_WITH_GUIDANCE, MERGED),
          // The department replies, or hands it back as not theirs (退回).
          FORWARDED, EnumSet.of(DEPARTMENT_REPLIED, RETURNED, MERGED),
          // Handed back: forwarded elsewhere, or handled as a registered case is.
          RETURNED, EnumSet.of(FORWARDED, ANSWERED, CLOSED_WITH_GUIDANCE, MERGED),
          DEPARTMENT_REPLIED, EnumSet.of(ANSWERED, FORWARDED, MERGED),
          ANSWERED, EnumSet.of(CLOSED, REOPENED),
          CLOSED, EnumSet.of(REOPENED),
          CLOSED_WITH_GUIDANCE, EnumSet.noneOf(CaseStatus.class),
          MERGED, EnumSet.noneOf(CaseStatus.class));

  /** The statuses this one may change to; empty for a final one. */
  public Set<CaseStatus> next() {
    return EnumSet.copyOf(NEXT.get(this));
  }

  public boolean canBecome(CaseStatus to) {
    return NEXT.get(this).contains(to);
  }

  /** Staff still have work to do on it (what an inbox and the overdue list show). */
  public boolean isOpen() {
    return this == SUBMITTED
        || this == REGISTERED
        || this == REOPENED
        || this == FORWARDED
        || this == DEPARTMENT_REPLIED
        || this == RETURNED;
  }

  /** The statuses staff still have work on, as SQL's list ({@code 'SUBMITTED', …}). */
  public static String openInSql() {
    return java.util.Arrays.stream(values())
        .filter(CaseStatus::isOpen)
        .map(s -> "'" + s.name() + "'")
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /** Finished: the case has a {@code closed_at}; contact retention counts from it. */
  public boolean isClosed() {
    return this == CLOSED || this == CLOSED_WITH_GUIDANCE || this == MERGED;
  }

  /** The resident may rate the handling (回访). */
  public boolean canBeRated() {
    return this == ANSWERED || this == CLOSED;
  }

  /** Staff's name of the status ({@code case.status.*} in the bundles). */
  public Text text() {
    return Text.of("case.status." + name());
  }

  public String zh() {
    return text().zh();
  }

  public String en() {
    return text().en();
  }

  /** What the tracking page says to the resident ({@code case.status.resident.*}). */
  public Text residentText() {
    return Text.of("case.status.resident." + name());
  }

  public String residentZh() {
    return residentText().zh();
  }

  public String residentEn() {
    return residentText().en();
  }
}
