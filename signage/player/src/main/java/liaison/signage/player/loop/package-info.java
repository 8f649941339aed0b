/**
 * The signage loop without a toolkit: which board is on screen, by the station's playlist and
 * dayparts, interrupted by urgent and emergency alerts, with a proof each time a notice leaves the
 * screen. Driven by instants so it is tested with a controllable clock; views only render it.
 */
@NullMarked
package liaison.signage.player.loop;

import org.jspecify.annotations.NullMarked;
