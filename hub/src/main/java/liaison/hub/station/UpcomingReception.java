package liaison.hub.station;

import java.time.LocalDate;
import java.time.LocalTime;

/** A reception still to come, named where a change or a deletion would leave it dangling. */
public record UpcomingReception(
    String id, String stationId, String stationName, LocalDate date, LocalTime start) {}
