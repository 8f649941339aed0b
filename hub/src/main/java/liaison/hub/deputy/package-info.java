/** Deputies, their levels and their stations. */
@NullMarked
package liaison.hub.deputy;

import org.jspecify.annotations.NullMarked;
