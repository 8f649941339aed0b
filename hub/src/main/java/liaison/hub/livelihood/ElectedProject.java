package liaison.hub.livelihood;

import liaison.hub.opinion.Category;
import org.jspecify.annotations.Nullable;

/** A project as supervision reads it. */
public record ElectedProject(
    String id,
    String roundId,
    int year,
    int position,
    Category category,
    String title,
    String description,
    String place,
    @Nullable String departmentId,
    @Nullable String departmentName,
    String state,
    int progress) {
  public boolean elected() {
    return "ELECTED".equals(state);
  }
}
