package liaison.hub.ledger;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One case in the ledger, every value already as the sheet shows it (Beijing time, Chinese names).
 *
 * @param reception the reception it was received at (date and hours), empty when none
 * @param followUps the follow-up calls (回访) staff made, a line each
 */
public record LedgerEntry(
    String trackingCode,
    String stationName,
    String submittedAt,
    String category,
    String text,
    String summary,
    String status,
    String department,
    String deadline,
    String departmentReply,
    String answer,
    String guidance,
    String mergedInto,
    String escalatedAt,
    String suggestion,
    String rating,
    String closedAt,
    String reception,
    String followUps,
    List<Step> steps) {

  /** One line of the case's timeline. */
  public record Step(String at, String who, String what, String note) {
    public String line() {
      return at + " " + who + " " + what + (note.isBlank() ? "" : "：" + note);
    }
  }

  /** The timeline as one readable cell, a line per step. */
  public String timeline() {
    return String.join("\n", steps.stream().map(Step::line).toList());
  }

  static String orEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }

  /** The header of the one-row-per-case table, in the order of {@link #cells()}. */
  public static final List<String> HEADER =
      List.of(
          "查询码", "站点", "提交时间", "类别", "意见内容", "摘要", "状态", "承办单位", "办理期限", "承办单位回复", "答复群众", "依法引导",
          "合并到", "督办时间", "代表建议", "满意度", "办结时间", "收集于接待", "回访", "办理过程");

  public List<String> cells() {
    return List.of(
        trackingCode,
        stationName,
        submittedAt,
        category,
        text,
        summary,
        status,
        department,
        deadline,
        departmentReply,
        answer,
        guidance,
        mergedInto,
        escalatedAt,
        suggestion,
        rating,
        closedAt,
        reception,
        followUps,
        timeline());
  }
}
