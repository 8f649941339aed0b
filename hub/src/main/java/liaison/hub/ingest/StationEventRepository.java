package liaison.hub.ingest;

import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Stored station events; each (station, event id) once. */
@Singleton
public class StationEventRepository {
  private final Database database;

  public StationEventRepository(Database database) {
    this.database = database;
  }

  /** An event as it is stored. */
  public record StoredEvent(
      String stationId,
      String eventId,
      String type,
      OffsetDateTime occurredAt,
      String body,
      OffsetDateTime receivedAt) {}

  /**
   * Stores the events in one transaction; ones already stored are skipped. Returns how many were
   * new.
   */
  public int storeAll(List<StoredEvent> events) {
    return storeAll(events, h -> {});
  }

  /**
   * Stores the events as {@link #storeAll(List)} does, then runs {@code alsoStore} in the same
   * transaction: what the events add (a proof of display) is committed with them or not at all.
   */
  public int storeAll(List<StoredEvent> events, Consumer<Handle> alsoStore) {
    if (events.isEmpty()) {
      return 0;
    }
    return database.inTransaction(
        h -> {
          PreparedBatch batch =
              h.prepareBatch(
                  """
                  INSERT INTO station_event (station_id, event_id, type, occurred_at, body, received_at)
                  VALUES (:station, :id, :type, :at, :body, :received)
                  ON CONFLICT (station_id, event_id) DO NOTHING
                  """);
          for (StoredEvent e : events) {
            batch
                .bind("station", e.stationId())
                .bind("id", e.eventId())
                .bind("type", e.type())
                .bind("at", Sql.instant(e.occurredAt()))
                .bind("body", e.body())
                .bind("received", Sql.instant(e.receivedAt()))
                .add();
          }
          int stored = 0;
          for (int n : batch.execute()) {
            stored += Math.max(n, 0);
          }
          alsoStore.accept(h);
          return stored;
        });
  }

  public long count(String stationId) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT COUNT(*) FROM station_event WHERE station_id = :s")
                .bind("s", stationId)
                .mapTo(Long.class)
                .one());
  }

  public long countAll() {
    return database.withHandle(
        h -> h.createQuery("SELECT COUNT(*) FROM station_event").mapTo(Long.class).one());
  }
}
