package liaison.hub.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.TreeMap;
import liaison.hub.db.Ids;
import liaison.hub.db.Sql;
import org.jdbi.v3.core.Handle;

/**
 * Puts a message in the outbox, inside the caller's transaction: the step and its message commit or
 * roll back together. Sending is someone else's work (the outbox's sender, under the jobs' lease).
 */
@Singleton
public class Outbox {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Clock clock;

  public Outbox(Clock clock) {
    this.clock = clock;
  }

  /**
   * Enqueues the message, due now; returns false (and enqueues nothing) when a message with the
   * same {@link Notification#onceKey()} is already there, or when it is an SMS to a number whose
   * owner used the stop link ({@link SmsStops}): a stopped number gets nothing more, so the sender
   * need not ask again.
   */
  public boolean enqueue(Handle h, Notification n) {
    if (n.channel() == Channel.SMS && SmsStops.stopped(h, n.recipient())) {
      return false;
    }
    String now = Sql.instant(OffsetDateTime.now(clock));
    return h.createUpdate(
                "INSERT INTO notification (id, county_id, channel, recipient, kind, subject, body,"
                    + " template, params, unsubscribe, case_id, booking_id, once_key, status,"
                    + " next_attempt_at, created_at) VALUES (:id, :county, :channel, :recipient,"
                    + " :kind, :subject, :body, :template, :params, :unsubscribe, :case, :booking,"
                    + " :once, 'PENDING', :now, :now) ON CONFLICT DO NOTHING")
            .bind("id", Ids.next("n"))
            .bind("county", n.countyId())
            .bind("channel", n.channel().name())
            .bind("recipient", n.recipient())
            .bind("kind", n.kind())
            .bind("subject", n.subject())
            .bind("body", n.body())
            .bind("template", n.template())
            .bind("params", json(n))
            .bind("unsubscribe", n.unsubscribe())
            .bind("case", n.caseId())
            .bind("booking", n.bookingId())
            .bind("once", n.onceKey())
            .bind("now", now)
            .execute()
        == 1;
  }

  private static String json(Notification n) {
    try {
      // Sorted, so the same parameters are always stored the same way.
      return JSON.writeValueAsString(new TreeMap<>(n.params()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("template parameters are strings: " + e.getMessage(), e);
    }
  }
}
