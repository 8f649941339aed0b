/** Notices and the stations they target. */
@NullMarked
package liaison.hub.notice;

import org.jspecify.annotations.NullMarked;
