/**
 * Residents' opinions (意见建议) as cases through the closed loop: the statuses and their steps, the
 * timeline, tracking codes, contact details kept apart, and the QR tokens that address a station or
 * one of its deputies.
 */
@NullMarked
package liaison.hub.opinion;

import org.jspecify.annotations.NullMarked;
