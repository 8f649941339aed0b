package liaison.hub.reception;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import liaison.signage.protocol.ReceptionStatus;
import org.jspecify.annotations.Nullable;

/** A reception at a station: on-duty deputies, date, time window, theme, place, status. */
public record ReceptionSlot(
    String id,
    String stationId,
    LocalDate date,
    LocalTime start,
    LocalTime end,
    @Nullable String theme,
    String location,
    ReceptionStatus status,
    List<String> deputyIds) {

  public ReceptionSlot {
    deputyIds = List.copyOf(deputyIds);
  }
}
