package liaison.hub.reception;

import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import liaison.hub.db.BoundLists;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import org.jdbi.v3.core.Handle;

/** Which on-duty deputies were marked present (签到) at which reception slot. */
@Singleton
public class AttendanceRepository {
  private final Database database;

  public AttendanceRepository(Database database) {
    this.database = database;
  }

  /**
   * The deputies marked present per slot, in the order they were marked; slots without any are left
   * out.
   */
  public Map<String, List<String>> present(Collection<String> slotIds) {
    if (slotIds.isEmpty()) {
      return Map.of();
    }
    return database.withHandle(
        h ->
            BoundLists.grouped(
                h,
                "SELECT slot_id, deputy_id FROM reception_attendance WHERE slot_id IN (<ids>) ORDER BY slot_id, marked_at, deputy_id",
                List.copyOf(slotIds)));
  }

  /** Marks the deputy present; false when they already were. */
  public boolean mark(Handle h, String slotId, String deputyId, String staffId, OffsetDateTime at) {
    return h.createUpdate(
                """
                INSERT INTO reception_attendance (slot_id, deputy_id, marked_at, marked_by)
                VALUES (:slot, :deputy, :at, :by)
                ON CONFLICT (slot_id, deputy_id) DO NOTHING
                """)
            .bind("slot", slotId)
            .bind("deputy", deputyId)
            .bind("at", Sql.instant(at))
            .bind("by", staffId)
            .execute()
        > 0;
  }

  /** Takes the mark back; false when there was none. */
  public boolean unmark(Handle h, String slotId, String deputyId) {
    return h.createUpdate(
                "DELETE FROM reception_attendance WHERE slot_id = :slot AND deputy_id = :deputy")
            .bind("slot", slotId)
            .bind("deputy", deputyId)
            .execute()
        > 0;
  }
}
