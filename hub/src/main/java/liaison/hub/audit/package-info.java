/** Who changed what, and when. */
@NullMarked
package liaison.hub.audit;

import org.jspecify.annotations.NullMarked;
