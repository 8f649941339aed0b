/** Reception slots: who receives visitors at a station, when. */
@NullMarked
package liaison.hub.reception;

import org.jspecify.annotations.NullMarked;
