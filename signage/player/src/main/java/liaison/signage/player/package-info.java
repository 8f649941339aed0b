/**
 * The station runtime shared by the kiosk and the standalone signage screen: it keeps the local
 * content store and the link to the hub in step and tells views what to show.
 */
@NullMarked
package liaison.signage.player;

import org.jspecify.annotations.NullMarked;
