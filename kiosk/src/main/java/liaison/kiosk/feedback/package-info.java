/**
 * Rating a visit (满意 / 基本满意 / 不满意), then thanks. The page has no content to present: what it shows,
 * the question or the thanks, is the {@code Navigator}'s state, and a rating goes through the
 * station's outbox.
 */
@NullMarked
package liaison.kiosk.feedback;

import org.jspecify.annotations.NullMarked;
