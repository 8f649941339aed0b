package liaison.hub.photo;

import jakarta.inject.Singleton;
import java.util.List;
import liaison.hub.audit.AuditLog;
import liaison.hub.problem.ForbiddenProblem;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.publish.ContentPublisher;
import liaison.hub.security.Access;
import liaison.hub.security.Staff;
import liaison.hub.station.StationRepository;
import org.jdbi.v3.core.Jdbi;

/**
 * Sets a deputy's photo: a county administrator for any deputy of the county, a station manager for
 * deputies assigned to one of their stations. The stations that show the deputy republish.
 */
@Singleton
public class DeputyPhotos {
  private final PhotoStore store;
  private final Jdbi jdbi;
  private final StationRepository stations;
  private final Access access;
  private final AuditLog audit;
  private final ContentPublisher publisher;

  public DeputyPhotos(
      PhotoStore store, Jdbi jdbi, StationRepository stations, Access access, AuditLog audit, ContentPublisher publisher) {
    this.store = store;
    this.jdbi = jdbi;
    this.stations = stations;
    this.access = access;
    this.audit = audit;
    this.publisher = publisher;
  }

  /** Whether some deputy's photo has this hash (and so is public, as the screens show it). */
  public boolean isDeputyPhoto(String hash) {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT COUNT(*) FROM deputy WHERE photo_hash = :hash").bind("hash", hash).mapTo(Integer.class).one() > 0);
  }

  public String setPhoto(Staff staff, String deputyId, byte[] upload) {
    List<String> at =
        jdbi.withHandle(
            h -> {
              if (h.createQuery("SELECT COUNT(*) FROM deputy WHERE id = :id").bind("id", deputyId).mapTo(Integer.class).one() == 0) {
                throw new NotFoundProblem("没有代表 " + deputyId, "no deputy " + deputyId);
              }
              return h.createQuery("SELECT station_id FROM station_deputy WHERE deputy_id = :id")
                  .bind("id", deputyId)
                  .mapTo(String.class)
                  .list();
            });
    boolean allowed =
        staff.canEdit()
            && at.stream().map(stations::find).flatMap(java.util.Optional::stream).anyMatch(p -> access.canEdit(staff, p))
            || staff.isCountyAdmin() && at.isEmpty();
    if (!allowed) {
      throw new ForbiddenProblem("您无权更换这位代表的照片", "you may not change this deputy's photo");
    }
    String hash = store.store(upload);
    jdbi.useTransaction(
        h -> {
          h.createUpdate("UPDATE deputy SET photo_hash = :hash WHERE id = :id").bind("hash", hash).bind("id", deputyId).execute();
          audit.record(h, staff, "update", "deputy", deputyId, "photo " + hash);
        });
    publisher.stationsChanged(at);
    return hash;
  }
}
