package liaison.hub.plan;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One activity of a station's annual plan.
 *
 * @param deputyIds the deputies taking part, in order; may be empty
 * @param notes for the public, as the theme and place are: never a resident's details
 */
public record Activity(
    String id,
    String stationId,
    LocalDate date,
    ActivityKind kind,
    String theme,
    String place,
    List<String> deputyIds,
    @Nullable String notes) {

  public Activity {
    deputyIds = List.copyOf(deputyIds);
  }
}
