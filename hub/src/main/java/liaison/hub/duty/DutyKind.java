package liaison.hub.duty;

import liaison.hub.text.Text;

/**
 * What a deputy did that earns (or costs) duty points (履职积分). The county's rule table gives each
 * kind its points from a date on. The hub records the automatic kinds itself from what it already
 * knows; staff enter the others by hand, with a note and evidence, for a county administrator to
 * approve.
 */
public enum DutyKind {
  /** On duty at a reception and signed in (签到). */
  RECEPTION_ATTENDED(true),
  /** On duty at a reception that took place, and not signed in. */
  RECEPTION_MISSED(true),
  /** An opinion left for the deputy (or at the deputy's reception) followed to closure (办结). */
  CASE_CLOSED(true),
  /** A suggestion (代表建议) made. */
  SUGGESTION_MADE(true),
  /** A report to voters (述职) held and its vote closed. */
  REPORT_HELD(true),
  /** The voters' evaluation of the report: the county's rule scores the share satisfied. */
  REPORT_RATED(true),
  /** 参加会议: a session of the congress or its standing committee attended. */
  MEETING(false),
  /** 学习培训. */
  TRAINING(false),
  /** 代表小组活动. */
  GROUP_ACTIVITY(false),
  /** 走访 / 视察 / 调研. */
  VISIT(false),
  /** Anything else the county counts, described in the note. */
  OTHER(false);

  private final boolean automatic;

  DutyKind(boolean automatic) {
    this.automatic = automatic;
  }

  /** Whether the hub records it from its own data rather than staff by hand. */
  public boolean automatic() {
    return automatic;
  }

  /** Its name as people read it ({@code duty.kind.*} in the bundles). */
  public Text text() {
    return Text.of("duty.kind." + name());
  }
}
