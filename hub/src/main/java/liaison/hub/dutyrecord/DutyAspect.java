package liaison.hub.dutyrecord;

import org.jspecify.annotations.Nullable;

/**
 * One aspect of a county's duty list (履职清单).
 *
 * @param position its place in the list, 1 first
 * @param description what the county counts under it, in its own words
 * @param fromYear the first year whose record shows it
 * @param retiredFrom the first year whose record no longer shows it; null while active
 */
public record DutyAspect(
    String id,
    String countyId,
    int position,
    String nameZh,
    String nameEn,
    String description,
    AspectSource source,
    int fromYear,
    @Nullable Integer retiredFrom) {

  /** Whether a record of this year shows it. */
  public boolean shownIn(int year) {
    return fromYear <= year && (retiredFrom == null || retiredFrom > year);
  }

  public boolean active() {
    return retiredFrom == null;
  }

  /** Its name in the reader's language: the English one when asked and given. */
  public String name(boolean english) {
    return english && !nameEn.isBlank() ? nameEn : nameZh;
  }
}
