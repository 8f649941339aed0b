package liaison.hub.dutyrecord;

import java.util.Optional;
import liaison.hub.duty.DutyKind;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;

/**
 * What fills an aspect of the duty list: one of the things the hub knows, or nothing but staff's
 * notes ({@link #MANUAL}). A county may add manual aspects only; the others are the hub's, each at
 * most once in a county's list.
 */
public enum AspectSource {
  /** 参加会议: hand entries of duty points of kind {@link DutyKind#MEETING}, with their notes. */
  MEETINGS(DutyKind.MEETING),
  /** 联系群众: the messages residents left for the deputy through the deputy's own link. */
  CONTACT(null),
  /** 进站接待: the receptions the deputy was on duty at, and whether they signed in. */
  RECEPTIONS(null),
  /** 意见办理: the opinions left for the deputy or received at their receptions, and the outcome. */
  OPINIONS(null),
  /** 提出建议: the suggestions (代表建议) the deputy made. */
  SUGGESTIONS(null),
  /** 代表建议办理与评价: how far the deputy's suggestions have been handled. */
  SUGGESTION_HANDLING(null),
  /** 向选民述职: the reports to voters the deputy held. */
  REPORTS(null),
  /** 述职评议结果: the voters' evaluation of each report whose vote closed. */
  REPORT_RESULTS(null),
  /** 学习培训. */
  TRAINING(DutyKind.TRAINING),
  /** 代表小组活动. */
  GROUP_ACTIVITIES(DutyKind.GROUP_ACTIVITY),
  /** 视察调研与走访. */
  VISITS(DutyKind.VISIT),
  /** 其他履职: duty points of kind {@link DutyKind#OTHER}. */
  OTHER_DUTIES(DutyKind.OTHER),
  /** 履职积分: the year's approved points by kind and their total. */
  POINTS(null),
  /** 履职之星: the months (and the year) the county chose the deputy. */
  STARS(null),
  /** Staff's notes only. */
  MANUAL(null);

  private final @Nullable DutyKind handEntries;

  AspectSource(@Nullable DutyKind handEntries) {
    this.handEntries = handEntries;
  }

  /** The kind of hand-entered duty points that fill it, if it is filled by those. */
  public Optional<DutyKind> handEntries() {
    return Optional.ofNullable(handEntries);
  }

  /** What fills it, as people read it ({@code duty-record.source.*}). */
  public Text text() {
    return Text.of("duty-record.source." + name());
  }
}
