/**
 * The station's state as plain values that tell their watchers when they change: what views,
 * hardware and tests watch, with no UI toolkit in it. Below every other package of the player.
 */
@NullMarked
package liaison.signage.player.model;

import org.jspecify.annotations.NullMarked;
