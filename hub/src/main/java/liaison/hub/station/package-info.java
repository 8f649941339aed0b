/**
 * Stations, their townships and county (the lowest feature), {@link liaison.hub.station.Access}
 * (who may see or change what, decided per station) and {@link liaison.hub.station.StationsChanged}
 * (how features announce what screens must show).
 */
@NullMarked
package liaison.hub.station;

import org.jspecify.annotations.NullMarked;
