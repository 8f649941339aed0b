/** Stations, their townships and county. */
@NullMarked
package liaison.hub.station;

import org.jspecify.annotations.NullMarked;
