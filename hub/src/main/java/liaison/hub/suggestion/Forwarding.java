package liaison.hub.suggestion;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import liaison.hub.satisfaction.Satisfaction;
import org.jspecify.annotations.Nullable;

/**
 * A suggestion forwarded to one department in one round (交办, 再交办), with the department's reply and
 * the deputy's rating of it once they come.
 *
 * @param lead 主办 (true) or 协办
 */
public record Forwarding(
    String suggestionId,
    String departmentId,
    String departmentName,
    int round,
    boolean lead,
    OffsetDateTime forwardedAt,
    String forwardedBy,
    LocalDate deadline,
    @Nullable String reply,
    @Nullable OffsetDateTime repliedAt,
    @Nullable String repliedBy,
    @Nullable Satisfaction rating,
    String ratingComment,
    @Nullable OffsetDateTime ratedAt) {

  public boolean replied() {
    return repliedAt != null;
  }

  public boolean rated() {
    return rating != null;
  }
}
