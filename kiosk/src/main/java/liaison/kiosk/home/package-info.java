/** The kiosk's home screen: station, today's reception, the opinion QR code, notices. */
@NullMarked
package liaison.kiosk.home;

import org.jspecify.annotations.NullMarked;
