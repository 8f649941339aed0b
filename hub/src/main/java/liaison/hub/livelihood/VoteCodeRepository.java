package liaison.hub.livelihood;

import jakarta.inject.Singleton;
import java.util.List;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import org.jdbi.v3.core.Handle;

/**
 * The SQL of the vote's codes in practice ({@link VoteCodeRenewal}, {@link DeputyVotes}): a planned
 * session's codes forgotten before new ones are drawn, the record of who renewed them and when (the
 * audit log's lines), the sessions open now.
 */
@Singleton
public class VoteCodeRepository {
  /** The audit log's kind of record and action of a renewal. */
  static final String ENTITY = "livelihood_vote_session";

  static final String RENEWED = "renew-codes";

  private final Database database;

  public VoteCodeRepository(Database database) {
    this.database = database;
  }

  /**
   * Forgets every code of a planned session and who received one; false (nothing changed) when it
   * is not planned. The session's row is written first, so on PostgreSQL an opening waits for this
   * transaction, and after its commit finds the new codes.
   */
  public boolean discard(Handle h, String sessionId) {
    boolean planned =
        h.createUpdate(
                    "UPDATE livelihood_vote_session SET codes_issued = 0"
                        + " WHERE id = :id AND state = 'PLANNED'")
                .bind("id", sessionId)
                .execute()
            == 1;
    if (planned) {
      h.createUpdate("DELETE FROM livelihood_vote_code WHERE session_id = :id")
          .bind("id", sessionId)
          .execute();
      h.createUpdate("DELETE FROM livelihood_vote_voter WHERE session_id = :id")
          .bind("id", sessionId)
          .execute();
    }
    return planned;
  }

  /** The session's renewals, oldest first. */
  public List<VoteCodeRenewal.Renewal> renewals(String sessionId) {
    return database.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT a.at, COALESCE(s.display_name, a.actor_name) AS by_name
                    FROM audit_entry a LEFT JOIN staff_account s ON s.id = a.actor_id
                    WHERE a.entity = :entity AND a.entity_id = :id AND a.action = :action
                    ORDER BY a.at, a.id
                    """)
                .bind("entity", ENTITY)
                .bind("id", sessionId)
                .bind("action", RENEWED)
                .map(
                    (rs, ctx) ->
                        new VoteCodeRenewal.Renewal(
                            Sql.instant(rs.getString("at")), rs.getString("by_name")))
                .list());
  }

  /** The sessions open now, by their day and id. */
  public List<String> openSessions() {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT id FROM livelihood_vote_session WHERE state = 'OPEN'"
                        + " ORDER BY held_on, id")
                .mapTo(String.class)
                .list());
  }
}
