package liaison.hub.ingest;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import liaison.signage.protocol.StationEvent;
import org.jdbi.v3.core.Handle;

/**
 * A projection for {@link PoisonMessageTest} only: an event of type {@value #TYPE} whose body says
 * {@code "refuse": true} makes its store() write a row the database refuses (a NOT NULL column left
 * null), as a projection whose rows break a constraint would. Everything else it stores nothing
 * for.
 */
@Singleton
@Requires(property = "spec.name", value = "PoisonMessageTest")
class RefusableProjection implements EventProjection<Boolean> {
  static final String TYPE = "test.refusable";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Boolean read(String stationId, StationEvent event) {
    return Boolean.TRUE.equals(event.body().get("refuse"));
  }

  @Override
  public void store(Handle h, List<Boolean> rows) {
    for (boolean refuse : rows) {
      if (refuse) {
        h.execute(
            "INSERT INTO station_event (station_id, event_id, type, occurred_at, body, received_at)"
                + " VALUES ('s-001', 'refused-row', NULL, '', '', '')");
      }
    }
  }
}
