package liaison.hub.photo;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.util.List;
import liaison.hub.audit.AuditLog;
import liaison.hub.db.Database;
import liaison.hub.deputy.DeputyService;
import liaison.hub.security.Staff;
import liaison.hub.station.StationsChanged;

/**
 * Sets a deputy's photo. A photo is one of the deputy's personal details, shown on every station
 * they sit at: whoever may change those details may change it (a county administrator; a station
 * manager while the deputy sits at none but their stations), asked before the upload is looked at.
 * The stations that show the deputy republish.
 */
@Singleton
public class DeputyPhotos {
  private final PhotoStore store;
  private final Database database;
  private final DeputyService deputies;
  private final AuditLog audit;
  private final ApplicationEventPublisher<StationsChanged> stationsChanged;

  public DeputyPhotos(
      PhotoStore store,
      Database database,
      DeputyService deputies,
      AuditLog audit,
      ApplicationEventPublisher<StationsChanged> stationsChanged) {
    this.store = store;
    this.database = database;
    this.deputies = deputies;
    this.audit = audit;
    this.stationsChanged = stationsChanged;
  }

  /** Whether some deputy's photo has this hash (and so is public, as the screens show it). */
  public boolean isDeputyPhoto(String hash) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT COUNT(*) FROM deputy WHERE photo_hash = :hash")
                    .bind("hash", hash)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  public String setPhoto(Staff staff, String deputyId, byte[] upload) {
    List<String> at = deputies.requireChange(staff, deputyId);
    String hash = store.store(upload);
    database.useTransaction(
        h -> {
          h.createUpdate("UPDATE deputy SET photo_hash = :hash WHERE id = :id")
              .bind("hash", hash)
              .bind("id", deputyId)
              .execute();
          audit.record(h, staff, "update", "deputy", deputyId, "photo " + hash);
        });
    stationsChanged.publishEvent(new StationsChanged(at));
    return hash;
  }
}
