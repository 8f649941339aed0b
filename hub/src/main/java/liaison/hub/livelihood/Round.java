package liaison.hub.livelihood;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import liaison.hub.opinion.Category;
import org.jspecify.annotations.Nullable;

/**
 * One congress's livelihood projects for one year.
 *
 * @param townshipId null for the county's round (decided by the county's 人代会)
 * @param townshipName the township's name; null for the county's round
 */
public record Round(
    String id,
    String countyId,
    @Nullable String townshipId,
    @Nullable String townshipName,
    int year,
    String title,
    LocalDate opensOn,
    LocalDate closesOn,
    RoundState state,
    List<Category> categories,
    String createdBy,
    OffsetDateTime createdAt) {

  public Round {
    categories = List.copyOf(categories);
  }

  public boolean isCounty() {
    return townshipId == null;
  }

  /** Takes residents' proposals on this day: collecting, and the day within its dates. */
  public boolean collectsOn(LocalDate day) {
    return state == RoundState.COLLECTING && !day.isBefore(opensOn) && !day.isAfter(closesOn);
  }
}
