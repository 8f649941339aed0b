/** QR codes: encoding a URL into modules, and drawing them. */
@NullMarked
package liaison.kiosk.qr;

import org.jspecify.annotations.NullMarked;
