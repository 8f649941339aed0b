package liaison.hub.plan;

import liaison.hub.problem.BadRequestProblem;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;

/** The year a plan is asked for, as a query gives it ({@code ?year=2026}). */
public final class PlanYear {
  /** Years a plan can be kept for: a typo guard, and a bound on the pages' year switch. */
  public static final int FIRST = 2000;

  public static final int LAST = 2100;

  private PlanYear() {}

  /** The year typed, or {@code fallback} when none; 400 when it is not a year. */
  public static int parse(@Nullable String text, int fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      int year = Integer.parseInt(text.strip());
      if (year >= FIRST && year <= LAST) {
        return year;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new BadRequestProblem(
        "bad-year",
        Text.of("problem.activity.year.invalid", String.valueOf(FIRST), String.valueOf(LAST)));
  }
}
