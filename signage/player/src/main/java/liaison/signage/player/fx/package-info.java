/**
 * The JavaFX toolkit seam shared by the signage screen and the kiosk: its thread, its fonts,
 * portraits.
 */
@NullMarked
package liaison.signage.player.fx;

import org.jspecify.annotations.NullMarked;
