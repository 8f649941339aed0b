/** Deputies' photos fetched from the hub by content hash and kept on the station's disk. */
@NullMarked
package liaison.signage.player.photos;

import org.jspecify.annotations.NullMarked;
