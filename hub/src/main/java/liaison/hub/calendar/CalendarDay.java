package liaison.hub.calendar;

import java.time.LocalDate;

/**
 * One row of a calendar.
 *
 * @param name the holiday's name (元旦, 春节…); for a make-up working day, the holiday it makes up for,
 *     or empty
 * @param national from the State Council's table built into the hub, rather than the county's own
 */
public record CalendarDay(LocalDate date, DayKind kind, String name, boolean national) {}
