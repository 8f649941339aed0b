package liaison.hub.reception;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import liaison.signage.protocol.ReceptionStatus;
import org.jspecify.annotations.Nullable;

/**
 * A reception at a station: on-duty deputies, date, time window, theme, place, status.
 *
 * @param capacity how many people may book a place; null when the reception takes no bookings
 */
public record ReceptionSlot(
    String id,
    String stationId,
    LocalDate date,
    LocalTime start,
    LocalTime end,
    @Nullable String theme,
    String location,
    ReceptionStatus status,
    List<String> deputyIds,
    @Nullable Integer capacity) {

  public ReceptionSlot {
    deputyIds = List.copyOf(deputyIds);
  }

  /** The slot as an audit entry names it: {@code s-001 2026-03-02 09:00–11:30}. */
  public String auditName() {
    return stationId + " " + date + " " + start + "–" + end;
  }

  /** A reception that takes no bookings. */
  public ReceptionSlot(
      String id,
      String stationId,
      LocalDate date,
      LocalTime start,
      LocalTime end,
      @Nullable String theme,
      String location,
      ReceptionStatus status,
      List<String> deputyIds) {
    this(id, stationId, date, start, end, theme, location, status, deputyIds, null);
  }
}
