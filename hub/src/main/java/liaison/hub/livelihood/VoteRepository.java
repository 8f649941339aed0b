package liaison.hub.livelihood;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.db.Unpairing;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * The deputies' vote on a round's projects (票决): sessions, codes (only their hashes), who received
 * one, ballots with no link to either, the counts. Methods taking a {@link Handle} run inside the
 * caller's transaction.
 */
@Singleton
public class VoteRepository {
  private static final String SESSION =
      """
      SELECT v.*, (SELECT COUNT(*) FROM livelihood_ballot b WHERE b.session_id = v.id) AS ballots
      FROM livelihood_vote_session v
      """;

  private final Database database;

  public VoteRepository(Database database) {
    this.database = database;
  }

  /** A deputy of the congress: who may receive a code. */
  public record Voter(String deputyId, String name) {}

  public void insertSession(Handle h, VoteSession s) {
    h.createUpdate(
            """
            INSERT INTO livelihood_vote_session (id, round_id, title, held_on, choices, rule,
              deputies_total, elects, station_id, state, created_by, created_at)
            VALUES (:id, :round, :title, :held, :choices, :rule, :total, :elects, :station, :state,
              :by, :at)
            """)
        .bind("id", s.id())
        .bind("round", s.roundId())
        .bind("title", s.title())
        .bind("held", Sql.date(s.heldOn()))
        .bind("choices", s.choices())
        .bind("rule", s.rule())
        .bind("total", s.deputiesTotal())
        .bind("elects", s.elects())
        .bind("station", s.stationId())
        .bind("state", s.state().name())
        .bind("by", s.createdBy())
        .bind("at", Sql.instant(s.createdAt()))
        .execute();
  }

  public Optional<VoteSession> find(String id) {
    return database.withHandle(h -> find(h, id));
  }

  public Optional<VoteSession> find(Handle h, String id) {
    return h.createQuery(SESSION + " WHERE v.id = :id")
        .bind("id", id)
        .map((rs, ctx) -> session(rs))
        .findOne();
  }

  /** The round's session, if one was planned (a round has one). */
  public Optional<VoteSession> ofRound(String roundId) {
    return database.withHandle(
        h ->
            h.createQuery(SESSION + " WHERE v.round_id = :round ORDER BY v.created_at DESC, v.id")
                .bind("round", roundId)
                .map((rs, ctx) -> session(rs))
                .findFirst());
  }

  /** The projects on the round's ballot, in the ballot's order: shortlisted, or decided. */
  public List<VoteProject> ballotProjects(String roundId) {
    return database.withHandle(h -> ballotProjects(h, roundId));
  }

  /** The same, inside the caller's transaction (the close counts what its transaction sees). */
  public List<VoteProject> ballotProjects(Handle h, String roundId) {
    return h.createQuery(
            """
                    SELECT id, position, title, category, place, state, votes_for, votes_against,
                           votes_abstain
                    FROM livelihood_project
                    WHERE round_id = :round AND state IN ('SHORTLISTED', 'ELECTED', 'NOT_ELECTED')
                    ORDER BY position, id
                    """)
        .bind("round", roundId)
        .map(
            (rs, ctx) ->
                new VoteProject(
                    rs.getString("id"),
                    rs.getInt("position"),
                    rs.getString("title"),
                    rs.getString("category"),
                    rs.getString("place"),
                    rs.getString("state"),
                    rs.getInt("votes_for"),
                    rs.getInt("votes_against"),
                    rs.getInt("votes_abstain")))
        .list();
  }

  /**
   * The deputies of the congress that decides a round: the county's deputies (level COUNTY) for a
   * county round; for a township's, its township deputies (level TOWNSHIP) assigned to a station of
   * that township. By name.
   */
  public List<Voter> congress(String countyId, @Nullable String townshipId) {
    return database.withHandle(h -> congress(h, countyId, townshipId));
  }

  /** The same, inside the caller's transaction. */
  public List<Voter> congress(Handle h, String countyId, @Nullable String townshipId) {
    String sql =
        townshipId == null
            ? """
              SELECT d.id, d.name FROM deputy d
                JOIN deputy_level l ON l.deputy_id = d.id AND l.level = 'COUNTY'
              WHERE d.county_id = :county
              ORDER BY d.name, d.id
              """
            : """
              SELECT d.id, d.name FROM deputy d
                JOIN deputy_level l ON l.deputy_id = d.id AND l.level = 'TOWNSHIP'
              WHERE d.county_id = :county AND EXISTS (
                SELECT 1 FROM station_deputy sd JOIN station s ON s.id = sd.station_id
                WHERE sd.deputy_id = d.id AND s.township_id = :township)
              ORDER BY d.name, d.id
              """;
    return h.createQuery(sql)
        .bind("county", countyId)
        .bind("township", townshipId)
        .map((rs, ctx) -> new Voter(rs.getString("id"), rs.getString("name")))
        .list();
  }

  /** PLANNED → OPEN, the tally's first number taken; false when it was not planned. */
  public boolean open(Handle h, String id, OffsetDateTime at) {
    return h.createUpdate(
                """
                UPDATE livelihood_vote_session SET state = 'OPEN', opened_at = :at,
                  tally_seq = tally_seq + 1
                WHERE id = :id AND state = 'PLANNED'
                """)
            .bind("id", id)
            .bind("at", Sql.instant(at))
            .execute()
        == 1;
  }

  /** The session's ballots, their choices, used codes and noted forms: rewritten at the close. */
  private static final List<Unpairing.Rows> SECRET_ROWS =
      List.of(
          new Unpairing.Rows("livelihood_ballot", "cast_at", "session_id = :id"),
          new Unpairing.Rows(
              "livelihood_ballot_choice",
              "choice",
              "ballot_id IN (SELECT id FROM livelihood_ballot WHERE session_id = :id)"),
          new Unpairing.Rows("livelihood_vote_code", "used", "session_id = :id AND used = TRUE"),
          new Unpairing.Rows("livelihood_ballot_form", "form", "session_id = :id"));

  /**
   * OPEN → CLOSED; false when it was not open. Then the session's ballots, their choices, used
   * codes and noted forms are rewritten in this transaction ({@link Unpairing}), so no transaction
   * id pairs a ballot with the code it used.
   */
  public boolean close(Handle h, String id, OffsetDateTime at) {
    boolean closed =
        h.createUpdate(
                    """
                    UPDATE livelihood_vote_session SET state = 'CLOSED', closed_at = :at,
                      tally_seq = tally_seq + 1
                    WHERE id = :id AND state = 'OPEN'
                    """)
                .bind("id", id)
                .bind("at", Sql.instant(at))
                .execute()
            == 1;
    if (closed) {
      Unpairing.rewrite(h, id, SECRET_ROWS);
    }
    return closed;
  }

  /**
   * Counts one ballot: the session's tally number goes up if the vote is open, and each project's
   * count; false (nothing changed) when it is not open. On PostgreSQL the session's row stays
   * locked until the commit, so ballots of one session queue here.
   */
  public boolean count(Handle h, String sessionId, Map<String, VoteChoice> choices) {
    boolean open =
        h.createUpdate(
                    "UPDATE livelihood_vote_session SET tally_seq = tally_seq + 1"
                        + " WHERE id = :id AND state = 'OPEN'")
                .bind("id", sessionId)
                .execute()
            == 1;
    if (!open) {
      return false;
    }
    for (Map.Entry<String, VoteChoice> c : choices.entrySet()) {
      String column = c.getValue().column();
      h.createUpdate(
              "UPDATE livelihood_project SET "
                  + column
                  + " = "
                  + column
                  + " + 1 WHERE id = :id AND state = 'SHORTLISTED'")
          .bind("id", c.getKey())
          .execute();
    }
    return true;
  }

  /** Notes a ballot form as counted; false when it was counted before. */
  public boolean rememberForm(Handle h, String sessionId, String form) {
    return h.createUpdate(
                """
                INSERT INTO livelihood_ballot_form (session_id, form) VALUES (:session, :form)
                ON CONFLICT DO NOTHING
                """)
            .bind("session", sessionId)
            .bind("form", form)
            .execute()
        == 1;
  }

  public boolean formCounted(String sessionId, String form) {
    return database.withHandle(
        h ->
            h.createQuery(
                        "SELECT COUNT(*) FROM livelihood_ballot_form"
                            + " WHERE session_id = :session AND form = :form")
                    .bind("session", sessionId)
                    .bind("form", form)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  /** Uses a code once; false when the session has no such unused code. */
  public boolean useCode(Handle h, String sessionId, String codeHash) {
    return h.createUpdate(
                """
                UPDATE livelihood_vote_code SET used = TRUE
                WHERE session_id = :session AND code_hash = :hash AND used = FALSE
                """)
            .bind("session", sessionId)
            .bind("hash", codeHash)
            .execute()
        == 1;
  }

  /** Whether the session has this code, used or not. */
  public boolean hasCode(Handle h, String sessionId, String codeHash) {
    return h.createQuery(
                "SELECT COUNT(*) FROM livelihood_vote_code"
                    + " WHERE session_id = :session AND code_hash = :hash")
            .bind("session", sessionId)
            .bind("hash", codeHash)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  /**
   * Stores codes' hashes and the deputies who received them; false if a hash was there already (a
   * code drawn twice: the caller draws again) or a deputy had one. The hashes go in sorted, not in
   * the deputies' order, so not even the rows' order pairs a code with its deputy.
   */
  public boolean issue(
      Handle h, String sessionId, List<String> hashes, List<String> deputyIds, OffsetDateTime at) {
    int added = 0;
    for (String hash : hashes.stream().sorted().toList()) {
      added +=
          h.createUpdate(
                  """
                  INSERT INTO livelihood_vote_code (session_id, code_hash) VALUES (:session, :hash)
                  ON CONFLICT DO NOTHING
                  """)
              .bind("session", sessionId)
              .bind("hash", hash)
              .execute();
    }
    for (String deputy : deputyIds) {
      added +=
          h.createUpdate(
                  """
                  INSERT INTO livelihood_vote_voter (session_id, deputy_id, issued_at)
                  VALUES (:session, :deputy, :at) ON CONFLICT DO NOTHING
                  """)
              .bind("session", sessionId)
              .bind("deputy", deputy)
              .bind("at", Sql.instant(at))
              .execute();
    }
    if (added != hashes.size() + deputyIds.size()) {
      return false;
    }
    h.createUpdate(
            "UPDATE livelihood_vote_session SET codes_issued = codes_issued + :n WHERE id = :id")
        .bind("n", hashes.size())
        .bind("id", sessionId)
        .execute();
    return true;
  }

  /** The deputies who received a code of the session. */
  public List<String> issuedTo(String sessionId) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT deputy_id FROM livelihood_vote_voter WHERE session_id = :session"
                        + " ORDER BY deputy_id")
                .bind("session", sessionId)
                .mapTo(String.class)
                .list());
  }

  /** Stores a ballot: a random id, the minute, an answer per project; nothing about its voter. */
  public void insertBallot(
      Handle h,
      String id,
      String sessionId,
      OffsetDateTime minute,
      Map<String, VoteChoice> choices) {
    h.createUpdate(
            "INSERT INTO livelihood_ballot (id, session_id, cast_at) VALUES (:id, :session, :at)")
        .bind("id", id)
        .bind("session", sessionId)
        .bind("at", Sql.instant(minute))
        .execute();
    for (Map.Entry<String, VoteChoice> c : choices.entrySet()) {
      h.createUpdate(
              "INSERT INTO livelihood_ballot_choice (ballot_id, project_id, choice)"
                  + " VALUES (:ballot, :project, :choice)")
          .bind("ballot", id)
          .bind("project", c.getKey())
          .bind("choice", c.getValue().name())
          .execute();
    }
  }

  /** A shortlisted project's result at the close. */
  public void decide(Handle h, String projectId, boolean elected, OffsetDateTime at) {
    h.createUpdate(
            "UPDATE livelihood_project SET state = :state, updated_at = :at"
                + " WHERE id = :id AND state = 'SHORTLISTED'")
        .bind("state", elected ? "ELECTED" : "NOT_ELECTED")
        .bind("at", Sql.instant(at))
        .bind("id", projectId)
        .execute();
  }

  /**
   * The session whose tally the station's screen shows: the open one, else the latest closed since
   * {@code closedSince} (its result stays on the screen that long).
   */
  public Optional<VoteSession> tallyAt(String stationId, OffsetDateTime closedSince) {
    return database.withHandle(
        h ->
            h.createQuery(
                    SESSION
                        + """
                         WHERE v.station_id = :station AND v.tally_seq > 0
                          AND (v.state = 'OPEN' OR (v.state = 'CLOSED' AND v.closed_at >= :since))
                        ORDER BY CASE v.state WHEN 'OPEN' THEN 0 ELSE 1 END, v.opened_at DESC, v.id
                        """)
                .bind("station", stationId)
                .bind("since", Sql.instant(closedSince))
                .map((rs, ctx) -> session(rs))
                .findFirst());
  }

  /** The stations whose project-tally topic may hold something: a session's screen, ever. */
  public List<String> stationsWithTallies() {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT DISTINCT station_id FROM livelihood_vote_session"
                        + " WHERE station_id IS NOT NULL AND tally_seq > 0 ORDER BY station_id")
                .mapTo(String.class)
                .list());
  }

  private static VoteSession session(ResultSet rs) throws SQLException {
    int elects = rs.getInt("elects");
    Integer electsOrNull = rs.wasNull() ? null : elects;
    return new VoteSession(
        rs.getString("id"),
        rs.getString("round_id"),
        rs.getString("title"),
        LocalDate.parse(rs.getString("held_on")),
        rs.getInt("choices"),
        rs.getString("rule"),
        rs.getInt("deputies_total"),
        electsOrNull,
        rs.getString("station_id"),
        VoteState.valueOf(rs.getString("state")),
        Sql.instantOrNull(rs.getString("opened_at")),
        Sql.instantOrNull(rs.getString("closed_at")),
        rs.getInt("codes_issued"),
        rs.getLong("tally_seq"),
        rs.getInt("ballots"),
        rs.getString("created_by"),
        Sql.instant(rs.getString("created_at")));
  }
}
