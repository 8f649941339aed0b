/** Residents' satisfaction ratings (满意度): pressed on a station's screen, counted per station. */
@NullMarked
package liaison.hub.satisfaction;

import org.jspecify.annotations.NullMarked;
