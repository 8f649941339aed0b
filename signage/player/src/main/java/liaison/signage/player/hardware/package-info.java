/**
 * GPIO through Pi4J: the motion sensor, the call button, the LED and the screen's power; the only
 * package that imports Pi4J.
 */
@NullMarked
package liaison.signage.player.hardware;

import org.jspecify.annotations.NullMarked;
