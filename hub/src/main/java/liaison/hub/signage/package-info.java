/** What the signage screens play: each station's playlist as staff set it on the hub. */
@NullMarked
package liaison.hub.signage;

import org.jspecify.annotations.NullMarked;
