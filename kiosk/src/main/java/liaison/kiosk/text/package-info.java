/**
 * Words the kiosk's pages share (bookings, deputies' levels), so two pages never say it
 * differently.
 */
@NullMarked
package liaison.kiosk.text;

import org.jspecify.annotations.NullMarked;
