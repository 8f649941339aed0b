/**
 * Printable posters and deputies' desk cards with their QR codes (feature: renders, reads nothing).
 */
@NullMarked
package liaison.hub.poster;

import org.jspecify.annotations.NullMarked;
