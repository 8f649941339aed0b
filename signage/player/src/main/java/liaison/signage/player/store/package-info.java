/** The station's local SQLite store: the last content snapshot and what the station remembers. */
@NullMarked
package liaison.signage.player.store;

import org.jspecify.annotations.NullMarked;
