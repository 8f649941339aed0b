package liaison.hub.notify;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.text.Masks;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/** The outbox as staff read it: a case's messages, a county's, counts by state. */
@Singleton
public class NotificationRepository {
  private static final String SELECT =
      "SELECT n.id, n.channel, n.recipient, n.kind, n.subject, n.status, n.attempts, n.created_at,"
          + " n.next_attempt_at, n.sent_at, n.last_error, n.case_id, c.tracking_code"
          + " FROM notification n LEFT JOIN opinion_case c ON c.id = n.case_id";

  private final Database database;

  public NotificationRepository(Database database) {
    this.database = database;
  }

  /** A county's messages, filtered, newest first. */
  public record Filter(String countyId, @Nullable NotificationState state, @Nullable String kind) {}

  public List<SentMessage> aboutCase(String caseId) {
    return database.withHandle(
        h ->
            h.createQuery(SELECT + " WHERE n.case_id = :case ORDER BY n.created_at, n.id")
                .bind("case", caseId)
                .map((rs, ctx) -> message(rs))
                .list());
  }

  public List<SentMessage> list(Filter filter, int offset, int limit) {
    return database.withHandle(
        h ->
            h.createQuery(
                    SELECT
                        + where(filter)
                        + " ORDER BY n.created_at DESC, n.id DESC LIMIT :limit OFFSET :offset")
                .bindMap(binds(filter))
                .bind("limit", limit)
                .bind("offset", offset)
                .map((rs, ctx) -> message(rs))
                .list());
  }

  public int count(Filter filter) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT COUNT(*) FROM notification n" + where(filter))
                .bindMap(binds(filter))
                .mapTo(Integer.class)
                .one());
  }

  public Optional<SentMessage> find(String id) {
    return database.withHandle(h -> find(h, id));
  }

  public Optional<SentMessage> find(Handle h, String id) {
    return h.createQuery(SELECT + " WHERE n.id = :id")
        .bind("id", id)
        .map((rs, ctx) -> message(rs))
        .findOne();
  }

  public Optional<String> countyOf(String id) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT county_id FROM notification WHERE id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .findOne());
  }

  /**
   * Puts a given-up message back in the queue, due now, with its tries counted afresh; false when
   * it was not given up (already put back, or sent).
   */
  public boolean requeue(Handle h, String id, String now) {
    return h.createUpdate(
                "UPDATE notification SET status = 'PENDING', attempts = 0, next_attempt_at = :now"
                    + " WHERE id = :id AND status = 'GIVEN_UP'")
            .bind("id", id)
            .bind("now", now)
            .execute()
        == 1;
  }

  private static String where(Filter f) {
    return " WHERE n.county_id = :county"
        + (f.state() == null ? "" : " AND n.status = :state")
        + (f.kind() == null ? "" : " AND n.kind = :kind");
  }

  private static Map<String, Object> binds(Filter f) {
    Map<String, Object> binds = new HashMap<>();
    binds.put("county", f.countyId());
    if (f.state() != null) {
      binds.put("state", f.state().name());
    }
    if (f.kind() != null) {
      binds.put("kind", f.kind());
    }
    return binds;
  }

  private static SentMessage message(ResultSet rs) throws SQLException {
    // A channel the hub does not know (a row written by hand) is shown masked, as an SMS would be.
    Channel channel = "EMAIL".equals(rs.getString("channel")) ? Channel.EMAIL : Channel.SMS;
    String recipient = rs.getString("recipient");
    return new SentMessage(
        rs.getString("id"),
        channel,
        channel == Channel.SMS ? Masks.phone(recipient) : recipient,
        rs.getString("kind"),
        rs.getString("subject"),
        NotificationState.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        Sql.instant(rs.getString("created_at")),
        Sql.instant(rs.getString("next_attempt_at")),
        Sql.instantOrNull(rs.getString("sent_at")),
        rs.getString("last_error"),
        rs.getString("case_id"),
        rs.getString("tracking_code"));
  }
}
