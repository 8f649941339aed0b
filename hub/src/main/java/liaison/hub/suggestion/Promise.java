package liaison.hub.suggestion;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A promise a department made in its reply (答复承诺事项), with its reviews (定期回头看), newest first.
 *
 * @param reviewMonths 0 when reviews are not regular; else the next review date moves this many
 *     months on after each review
 */
public record Promise(
    String id,
    String suggestionId,
    String suggestionTitle,
    String deputyName,
    String countyId,
    String departmentId,
    String departmentName,
    int round,
    String text,
    LocalDate dueOn,
    @Nullable LocalDate nextReviewOn,
    int reviewMonths,
    @Nullable OffsetDateTime keptAt,
    @Nullable String keptBy,
    String keptNote,
    List<Review> reviews) {

  public Promise {
    reviews = List.copyOf(reviews);
  }

  /** One review of the promise: the day, what was found, by whom. */
  public record Review(LocalDate on, String finding, String by) {}

  /** Kept once marked so; overdue once its day has passed unkept; pending until then. */
  public PromiseState state(LocalDate today) {
    if (keptAt != null) {
      return PromiseState.KEPT;
    }
    return today.isAfter(dueOn) ? PromiseState.OVERDUE : PromiseState.PENDING;
  }
}
