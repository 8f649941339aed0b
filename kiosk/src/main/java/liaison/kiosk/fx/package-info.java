/** The JavaFX toolkit seam: its thread, its fonts. */
@NullMarked
package liaison.kiosk.fx;

import org.jspecify.annotations.NullMarked;
