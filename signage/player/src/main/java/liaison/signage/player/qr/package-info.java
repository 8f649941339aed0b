/**
 * QR codes: encoding a URL into modules, and drawing them (the kiosk's links, the signage's vote
 * and sign-in codes).
 */
@NullMarked
package liaison.signage.player.qr;

import org.jspecify.annotations.NullMarked;
