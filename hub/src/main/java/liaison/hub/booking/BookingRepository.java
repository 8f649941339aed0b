package liaison.hub.booking;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import org.jdbi.v3.core.Handle;

/**
 * Bookings of reception slots. Methods taking a {@link Handle} run inside the caller's transaction.
 */
@Singleton
public class BookingRepository {
  private final Database database;

  public BookingRepository(Database database) {
    this.database = database;
  }

  /**
   * Takes the slot's row lock before counting its places, so two bookings for the last place queue
   * up: PostgreSQL locks the row until commit, SQLite (transactions begin IMMEDIATE) holds the
   * database's write lock already. Returns false when the slot is gone.
   */
  public boolean lockSlot(Handle h, String slotId) {
    return h.createUpdate("UPDATE reception_slot SET capacity = capacity WHERE id = :id")
            .bind("id", slotId)
            .execute()
        == 1;
  }

  /** Places held at the slot: party sizes of the bookings not cancelled. */
  public int bookedPlaces(Handle h, String slotId) {
    return h.createQuery(
            "SELECT COALESCE(SUM(party_size), 0) FROM reception_booking WHERE slot_id = :slot AND status = 'BOOKED'")
        .bind("slot", slotId)
        .mapTo(Integer.class)
        .one();
  }

  public boolean codeExists(Handle h, String code) {
    return h.createQuery("SELECT COUNT(*) FROM reception_booking WHERE code = :code")
            .bind("code", code)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  /**
   * @param notifySms the resident ticked "text me to confirm": the booking's confirmation and its
   *     cancellation go to the phone by SMS
   */
  public void insert(Handle h, Booking b, boolean notifySms) {
    h.createUpdate(
            """
            INSERT INTO reception_booking (id, slot_id, code, name, phone, party_size, topic, status, booked_at, notify_sms)
            VALUES (:id, :slot, :code, :name, :phone, :party, :topic, :status, :at, :sms)
            """)
        .bind("id", b.id())
        .bind("slot", b.slotId())
        .bind("code", b.code())
        .bind("name", b.name())
        .bind("phone", b.phone())
        .bind("party", b.partySize())
        .bind("topic", b.topic())
        .bind("status", b.status().name())
        .bind("at", Sql.instant(b.bookedAt()))
        .bind("sms", notifySms)
        .execute();
  }

  /** Marks a booking cancelled if it still holds its places; false when it did not. */
  public boolean cancel(Handle h, String id, OffsetDateTime at) {
    return h.createUpdate(
                "UPDATE reception_booking SET status = 'CANCELLED', cancelled_at = :at WHERE id = :id AND status = 'BOOKED'")
            .bind("id", id)
            .bind("at", Sql.instant(at))
            .execute()
        == 1;
  }

  public Optional<Booking> byCode(Handle h, String code) {
    return h.createQuery("SELECT * FROM reception_booking WHERE code = :code")
        .bind("code", code)
        .map((rs, ctx) -> booking(rs))
        .findOne();
  }

  public Optional<Booking> byCode(String code) {
    return database.withHandle(h -> byCode(h, code));
  }

  public Optional<Booking> find(String id) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT * FROM reception_booking WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> booking(rs))
                .findOne());
  }

  /** A slot's bookings, the earliest first. */
  public List<Booking> forSlot(String slotId) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT * FROM reception_booking WHERE slot_id = :slot ORDER BY booked_at, id")
                .bind("slot", slotId)
                .map((rs, ctx) -> booking(rs))
                .list());
  }

  /**
   * Erases name, phone and topic of the bookings of receptions held before {@code before} (the
   * retention period); the bookings stay, so the counts do. {@code erasing} hears each booking's id
   * first, in the same transaction. Returns how many were erased.
   */
  public int eraseContactsBefore(
      Handle h, LocalDate before, OffsetDateTime now, Consumer<String> erasing) {
    h.createQuery(
            """
            SELECT id FROM reception_booking WHERE erased_at IS NULL
              AND slot_id IN (SELECT id FROM reception_slot WHERE slot_date < :before)
            """)
        .bind("before", Sql.date(before))
        .mapTo(String.class)
        .list()
        .forEach(erasing);
    return h.createUpdate(
            """
            UPDATE reception_booking SET name = '', phone = '', topic = NULL, erased_at = :now
            WHERE erased_at IS NULL
              AND slot_id IN (SELECT id FROM reception_slot WHERE slot_date < :before)
            """)
        .bind("now", Sql.instant(now))
        .bind("before", Sql.date(before))
        .execute();
  }

  private static Booking booking(ResultSet rs) throws SQLException {
    return new Booking(
        rs.getString("id"),
        rs.getString("slot_id"),
        rs.getString("code"),
        rs.getString("name"),
        rs.getString("phone"),
        rs.getInt("party_size"),
        rs.getString("topic"),
        BookingStatus.valueOf(rs.getString("status")),
        Sql.instant(rs.getString("booked_at")),
        Sql.instantOrNull(rs.getString("cancelled_at")),
        Sql.instantOrNull(rs.getString("erased_at")));
  }
}
