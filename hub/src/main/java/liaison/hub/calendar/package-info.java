/**
 * The working-day calendar (工作日历): which days count when a deadline is set in working days. Monday
 * to Friday, except the public holidays (放假) and the weekend days worked in exchange for them
 * (调休上班) that the State Council announces each November for the next year. The 2025 and 2026 tables
 * are built in (国办发明电〔2024〕12号, 2024-11-12; the 2026 notice of 2025-11-04); a county administrator
 * enters a later year and the county's own days. A low feature: {@code opinion} and whatever else
 * counts deadlines import it.
 */
@NullMarked
package liaison.hub.calendar;

import org.jspecify.annotations.NullMarked;
