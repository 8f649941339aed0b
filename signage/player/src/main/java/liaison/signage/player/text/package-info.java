/** Texts in Chinese with their English, for every screen. */
@NullMarked
package liaison.signage.player.text;

import org.jspecify.annotations.NullMarked;
