/** Deputies' photos: checked, re-encoded, shrunk, and served by content hash. */
@NullMarked
package liaison.hub.photo;

import org.jspecify.annotations.NullMarked;
