/** Stations, their townships and county, and {@link liaison.hub.station.Access}: who may see or change what, decided per station. */
@NullMarked
package liaison.hub.station;

import org.jspecify.annotations.NullMarked;
