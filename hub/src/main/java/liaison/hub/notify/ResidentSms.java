package liaison.hub.notify;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import liaison.hub.text.ResidentText;
import liaison.hub.text.Text;
import org.jdbi.v3.core.Handle;

/**
 * The SMS a resident asked for by ticking "text me": their case answered, their booking confirmed
 * or cancelled. Each is enqueued in the caller's transaction, in the step that causes it, with the
 * number's stop link; none carries a name, a topic, an address or the resident's words, only codes
 * the resident already holds, a date and the station. Links are paths ({@code t/<code>}, {@code
 * n/<token>}): the provider's approved template holds the hub's address in front of them (providers
 * accept a link only on a domain fixed in the template, and limit a parameter to about 35
 * characters). The template texts, as the county submits them, are the bundles' {@code
 * sms.template.*} and docs/NOTIFICATIONS.md.
 */
@Singleton
public class ResidentSms {
  public static final String CASE_ANSWERED = "case-answered";
  public static final String BOOKING_CONFIRMED = "booking-confirmed";
  public static final String BOOKING_CANCELLED = "booking-cancelled";

  /** The longest station name a message carries; a longer one is cut (a provider's limit). */
  static final int MAX_STATION = 20;

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm");

  private final Outbox outbox;
  private final SmsStops stops;

  public ResidentSms(Outbox outbox, SmsStops stops) {
    this.outbox = outbox;
    this.stops = stops;
  }

  /**
   * 答复: the case's tracking code and its page, when its resident ticked "text me"; once per answer,
   * counted in the case's timeline (the answer's own line is there already): an answer given again
   * after the resident reopened the case is a new message, the same answer never twice. False when
   * nothing was enqueued (no tick, not a mobile number, stopped, or enqueued already).
   */
  public boolean caseAnswered(Handle h, String caseId) {
    int answers =
        h.createQuery(
                "SELECT COUNT(*) FROM case_event WHERE case_id = :id AND to_status = 'ANSWERED'")
            .bind("id", caseId)
            .mapTo(Integer.class)
            .one();
    return h.createQuery(
            """
            SELECT c.tracking_code, k.phone, t.county_id FROM opinion_case c
            JOIN case_contact k ON k.case_id = c.id
            JOIN station s ON s.id = c.station_id JOIN township t ON t.id = s.township_id
            WHERE c.id = :id AND k.notify_sms
            """)
        .bind("id", caseId)
        .map(
            (rs, ctx) ->
                new To(
                    rs.getString("phone"),
                    rs.getString("county_id"),
                    Map.of(
                        "code",
                        rs.getString("tracking_code"),
                        "link",
                        "t/" + rs.getString("tracking_code"))))
        .findOne()
        .map(
            to ->
                enqueue(
                    h,
                    CASE_ANSWERED,
                    to,
                    n -> n.aboutCase(caseId).once(CASE_ANSWERED + ":" + caseId + ":" + answers)))
        .orElse(false);
  }

  /** The booking made, with its code, when and where; when its resident ticked "text me". */
  public boolean bookingConfirmed(Handle h, String bookingId) {
    return booking(h, BOOKING_CONFIRMED, bookingId);
  }

  /** The booking cancelled, by the resident or with its reception; when they ticked "text me". */
  public boolean bookingCancelled(Handle h, String bookingId) {
    return booking(h, BOOKING_CANCELLED, bookingId);
  }

  /**
   * The station cancelled the reception: each booking still holding places whose resident ticked
   * "text me" is told. Returns how many messages were enqueued.
   */
  public int receptionCancelled(Handle h, String slotId) {
    List<String> booked =
        h.createQuery(
                "SELECT id FROM reception_booking WHERE slot_id = :slot AND status = 'BOOKED'"
                    + " AND notify_sms AND erased_at IS NULL ORDER BY booked_at, id")
            .bind("slot", slotId)
            .mapTo(String.class)
            .list();
    return (int) booked.stream().filter(id -> bookingCancelled(h, id)).count();
  }

  /**
   * The case's contact was deleted: its messages forget the number, and those not sent yet never
   * will be. Returns how many were waiting.
   */
  public int forgetCase(Handle h, String caseId) {
    return forget(h, "case_id", caseId);
  }

  /** The booking's phone was erased: as {@link #forgetCase}. */
  public int forgetBooking(Handle h, String bookingId) {
    return forget(h, "booking_id", bookingId);
  }

  private int forget(Handle h, String column, String id) {
    int waiting =
        h.createUpdate(
                "UPDATE notification SET recipient = '', status = 'GIVEN_UP', last_error = :why"
                    + " WHERE channel = 'SMS' AND status = 'PENDING' AND "
                    + column
                    + " = :id")
            .bind("why", Text.of("notify.sms.contact-erased").zh())
            .bind("id", id)
            .execute();
    h.createUpdate(
            "UPDATE notification SET recipient = '' WHERE channel = 'SMS' AND " + column + " = :id")
        .bind("id", id)
        .execute();
    return waiting;
  }

  private boolean booking(Handle h, String kind, String bookingId) {
    return h.createQuery(
            """
            SELECT b.code, b.phone, r.slot_date, r.start_time, s.name, t.county_id
            FROM reception_booking b JOIN reception_slot r ON r.id = b.slot_id
            JOIN station s ON s.id = r.station_id JOIN township t ON t.id = s.township_id
            WHERE b.id = :id AND b.notify_sms
            """)
        .bind("id", bookingId)
        .map(
            (rs, ctx) -> {
              String station = rs.getString("name");
              LocalDateTime at =
                  LocalDate.parse(rs.getString("slot_date"))
                      .atTime(LocalTime.parse(rs.getString("start_time")));
              return new To(
                  rs.getString("phone"),
                  rs.getString("county_id"),
                  Map.of(
                      "code",
                      rs.getString("code"),
                      "time",
                      WHEN.format(at),
                      "station",
                      station.length() > MAX_STATION
                          ? station.substring(0, MAX_STATION)
                          : station));
            })
        .findOne()
        .map(
            to -> enqueue(h, kind, to, n -> n.aboutBooking(bookingId).once(kind + ":" + bookingId)))
        .orElse(false);
  }

  /** Whom a message goes to, and what it says, read before anything is written. */
  private record To(String phone, String countyId, Map<String, String> params) {}

  private boolean enqueue(
      Handle h, String kind, To to, java.util.function.UnaryOperator<Notification> about) {
    String mobile = ResidentText.mobile(to.phone());
    if (mobile.isEmpty()) {
      return false;
    }
    Map<String, String> withStop = new java.util.HashMap<>(to.params());
    String stop = stops.link(h, mobile);
    withStop.put("stop", stop);
    return outbox.enqueue(
        h,
        about.apply(
            Notification.sms(to.countyId(), mobile, kind, kind, withStop).withUnsubscribe(stop)));
  }
}
