/**
 * The stations' screens as a fleet (feature, above publish and ingest, which it reads): presence,
 * versions published and shown, telemetry and alerts per station, and the overview rows the admin's
 * front page and the start-up summary print; it answers the station API's {@link
 * liaison.hub.station.ScreenReports}.
 */
@NullMarked
package liaison.hub.fleet;

import org.jspecify.annotations.NullMarked;
