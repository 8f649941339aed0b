/** Remote commands from the hub: checked, answered once, carried out by the app's handler. */
@NullMarked
package liaison.signage.player.command;

import org.jspecify.annotations.NullMarked;
