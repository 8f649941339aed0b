/**
 * Reception booking (预约接待): residents book a place at an announced reception from the station's QR
 * link and cancel it by code; staff see who booked; the station's screen shows how many.
 */
@NullMarked
package liaison.hub.booking;

import org.jspecify.annotations.NullMarked;
