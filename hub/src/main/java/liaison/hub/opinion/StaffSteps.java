package liaison.hub.opinion;

import java.util.ArrayList;
import java.util.List;

/**
 * Which staff actions a case offers now, derived from {@link CaseStatus#next()} so that pages and
 * the API never offer a step the loop refuses. Reopening is the resident's (不满意), not staff's.
 */
public final class StaffSteps {
  private StaffSteps() {}

  /** A staff action and the address part that takes it ({@code /api/cases/{id}/<path>}). */
  public enum Step {
    REGISTER("register"),
    FORWARD("forward"),
    DEPARTMENT_REPLY("department-reply"),
    ANSWER("answer"),
    CLOSE("close"),
    GUIDANCE("guidance"),
    MERGE("merge"),
    SUGGESTION("suggestion");

    private final String path;

    Step(String path) {
      this.path = path;
    }

    public String path() {
      return path;
    }
  }

  public static List<Step> allowed(OpinionCase c) {
    CaseStatus s = c.status();
    List<Step> steps = new ArrayList<>();
    if (s.canBecome(CaseStatus.REGISTERED)) {
      steps.add(Step.REGISTER);
    }
    if (s.canBecome(CaseStatus.FORWARDED) && c.category() != Category.LEGAL) {
      steps.add(Step.FORWARD);
    }
    if (s.canBecome(CaseStatus.DEPARTMENT_REPLIED)) {
      steps.add(Step.DEPARTMENT_REPLY);
    }
    if (s.canBecome(CaseStatus.ANSWERED)) {
      steps.add(Step.ANSWER);
    }
    if (s.canBecome(CaseStatus.CLOSED)) {
      steps.add(Step.CLOSE);
    }
    if (s.canBecome(CaseStatus.CLOSED_WITH_GUIDANCE)) {
      steps.add(Step.GUIDANCE);
    }
    if (s.canBecome(CaseStatus.MERGED)) {
      steps.add(Step.MERGE);
    }
    if (!c.suggestion() && s != CaseStatus.MERGED) {
      steps.add(Step.SUGGESTION);
    }
    return steps;
  }
}
