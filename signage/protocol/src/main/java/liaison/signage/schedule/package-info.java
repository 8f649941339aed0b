/** Who is on duty at a station at a given instant, read from a content snapshot and a clock. */
@NullMarked
package liaison.signage.schedule;

import org.jspecify.annotations.NullMarked;
