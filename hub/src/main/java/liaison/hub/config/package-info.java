/** Settings, start-up checks and the clock (base). */
@NullMarked
package liaison.hub.config;

import org.jspecify.annotations.NullMarked;
