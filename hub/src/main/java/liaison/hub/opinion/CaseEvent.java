package liaison.hub.opinion;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * One line of a case's timeline.
 *
 * @param actor a staff username, {@link #RESIDENT} or {@link #SYSTEM}
 * @param action what happened, e.g. {@code submit}, {@code forwarded}, {@code rate}
 * @param from the status before, for a step of the loop; null for other events
 */
public record CaseEvent(
    String id,
    String caseId,
    OffsetDateTime at,
    String actor,
    String action,
    @Nullable CaseStatus from,
    @Nullable CaseStatus to,
    String note) {
  public static final String RESIDENT = "resident";
  public static final String SYSTEM = "system";

  /** Whether the resident may see who did it: only when it was the resident or the system. */
  public boolean byStaff() {
    return !actor.equals(RESIDENT) && !actor.equals(SYSTEM);
  }
}
