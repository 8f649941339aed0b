/**
 * Every public page (top tier): what a resident's phone opens from a station's QR codes (the
 * station with its opinion form, tracking, booking), the public station JSON and the language
 * switch, and every public page to come. No log-in, no CSRF token (see {@code web.ResidentPages}),
 * rate-limited; personal data only the resident's own, through their code.
 */
@NullMarked
package liaison.hub.resident;

import org.jspecify.annotations.NullMarked;
