package liaison.hub.audit;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.security.Staff;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/** Appends an entry in the same transaction as the change it records, and lists them. */
@Singleton
public class AuditLog {
  /** One change. */
  public record Entry(
      OffsetDateTime at,
      String actorId,
      String actorName,
      String action,
      String entity,
      String entityId,
      String summary) {}

  private final Database database;
  private final Clock clock;

  public AuditLog(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  public void record(
      Handle h, Staff actor, String action, String entity, String entityId, String summary) {
    h.createUpdate(
            """
            INSERT INTO audit_entry (id, at, actor_id, actor_name, action, entity, entity_id, summary)
            VALUES (:id, :at, :actor, :name, :action, :entity, :entityId, :summary)
            """)
        .bind("id", UUID.randomUUID().toString())
        .bind("at", Sql.instant(OffsetDateTime.now(clock)))
        .bind("actor", actor.id())
        .bind("name", actor.displayName() + " (" + actor.username() + ")")
        .bind("action", action)
        .bind("entity", entity)
        .bind("entityId", entityId)
        .bind("summary", summary.length() > 500 ? summary.substring(0, 500) + "…" : summary)
        .execute();
  }

  /** The newest entries first, optionally of one kind of record. */
  public List<Entry> latest(int limit, @Nullable String entity) {
    return latest(limit, entity, null);
  }

  /**
   * The newest entries of one county first (what its staff did), optionally of one kind of record:
   * a county administrator reads their own county's log, not another's.
   */
  public List<Entry> latest(int limit, @Nullable String entity, @Nullable String countyId) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT a.* FROM audit_entry a"
                        + (countyId == null
                            ? ""
                            : " JOIN staff_account s ON s.id = a.actor_id AND s.county_id = :county")
                        + (entity == null ? "" : " WHERE a.entity = :entity")
                        + " ORDER BY a.at DESC, a.id LIMIT :limit")
                .bind("entity", entity)
                .bind("county", countyId)
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new Entry(
                            Sql.instant(rs.getString("at")),
                            rs.getString("actor_id"),
                            rs.getString("actor_name"),
                            rs.getString("action"),
                            rs.getString("entity"),
                            rs.getString("entity_id"),
                            rs.getString("summary")))
                .list());
  }
}
