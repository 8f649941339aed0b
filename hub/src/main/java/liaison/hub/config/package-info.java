/** Settings, start-up checks and the clock. */
@NullMarked
package liaison.hub.config;

import org.jspecify.annotations.NullMarked;
