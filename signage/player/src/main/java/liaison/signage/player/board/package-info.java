/** The signage boards (JavaFX views), the screen that shows them and the signage launcher. */
@NullMarked
package liaison.signage.player.board;

import org.jspecify.annotations.NullMarked;
