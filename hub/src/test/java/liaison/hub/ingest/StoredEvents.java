package liaison.hub.ingest;

import liaison.hub.RunningHub;
import liaison.hub.db.Database;
import liaison.signage.protocol.StationEvent;

/** Whether the hub stored a given event of a station (the ingest tests wait on it). */
final class StoredEvents {
  private StoredEvents() {}

  static boolean has(RunningHub hub, String stationId, StationEvent event) {
    int rows =
        hub.bean(Database.class)
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT COUNT(*) FROM station_event WHERE station_id = :s AND event_id = :id")
                        .bind("s", stationId)
                        .bind("id", event.id().toString())
                        .mapTo(Integer.class)
                        .one());
    return rows == 1;
  }
}
