/**
 * Signage media on the station (issue 20): the files of the hub's media slides downloaded by hash
 * into a bounded cache, and what of them is ready to play. docs/MEDIA.md.
 */
@NullMarked
package liaison.signage.player.media;

import org.jspecify.annotations.NullMarked;
