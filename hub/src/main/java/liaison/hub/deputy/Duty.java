package liaison.hub.deputy;

import java.time.LocalDate;
import java.time.LocalTime;

/** A reception to come that a deputy is on duty for. */
public record Duty(
    String slotId, String stationId, String stationName, LocalDate date, LocalTime start) {}
