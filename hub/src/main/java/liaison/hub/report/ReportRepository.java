package liaison.hub.report;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.db.Unpairing;
import org.jdbi.v3.core.Handle;

/**
 * Reports to voters, their ballot codes, ballots and counted forms. Methods taking a {@link Handle}
 * run inside the caller's transaction.
 */
@Singleton
public class ReportRepository {
  private final Database database;

  public ReportRepository(Database database) {
    this.database = database;
  }

  /**
   * What the station's tally topic should hold, read in one piece.
   *
   * @param closedAt when the vote closed (a screen times the result it announces from it, so a
   *     republished result after a restart is not announced anew)
   */
  public record Tally(
      String reportId,
      String stationId,
      ReportStatus status,
      long seq,
      int satisfied,
      int basicallySatisfied,
      int dissatisfied,
      @org.jspecify.annotations.Nullable OffsetDateTime closedAt) {}

  public void insert(Handle h, VoterReport r) {
    h.createUpdate(
            """
            INSERT INTO voter_report (id, deputy_id, station_id, starts_at, ends_at, title, status,
                                      created_by, created_at)
            VALUES (:id, :deputy, :station, :starts, :ends, :title, :status, :by, :at)
            """)
        .bind("id", r.id())
        .bind("deputy", r.deputyId())
        .bind("station", r.stationId())
        .bind("starts", Sql.instant(r.startsAt()))
        .bind("ends", Sql.instant(r.endsAt()))
        .bind("title", r.title())
        .bind("status", r.status().name())
        .bind("by", r.createdBy())
        .bind("at", Sql.instant(r.createdAt()))
        .execute();
  }

  /** Changes a report still on the schedule; false once it was held or cancelled. */
  public boolean reschedule(
      Handle h,
      String id,
      String deputyId,
      String stationId,
      OffsetDateTime starts,
      OffsetDateTime ends,
      String title) {
    return h.createUpdate(
                """
                UPDATE voter_report SET deputy_id = :deputy, station_id = :station,
                  starts_at = :starts, ends_at = :ends, title = :title
                WHERE id = :id AND status = 'SCHEDULED'
                """)
            .bind("id", id)
            .bind("deputy", deputyId)
            .bind("station", stationId)
            .bind("starts", Sql.instant(starts))
            .bind("ends", Sql.instant(ends))
            .bind("title", title)
            .execute()
        == 1;
  }

  /** SCHEDULED → CANCELLED; false when it was not on the schedule. */
  public boolean cancel(Handle h, String id) {
    return h.createUpdate(
                "UPDATE voter_report SET status = 'CANCELLED' WHERE id = :id AND status = 'SCHEDULED'")
            .bind("id", id)
            .execute()
        == 1;
  }

  /** SCHEDULED → OPEN, the tally's next number taken; false when it was not on the schedule. */
  public boolean open(Handle h, String id) {
    return h.createUpdate(
                """
                UPDATE voter_report SET status = 'OPEN', tally_seq = tally_seq + 1
                WHERE id = :id AND status = 'SCHEDULED'
                """)
            .bind("id", id)
            .execute()
        == 1;
  }

  /** The report's ballots, used codes and noted forms: rewritten at the close. */
  private static final List<Unpairing.Rows> SECRET_ROWS =
      List.of(
          new Unpairing.Rows("report_ballot", "cast_at", "report_id = :id"),
          new Unpairing.Rows("report_ballot_code", "used", "report_id = :id AND used = TRUE"),
          new Unpairing.Rows("report_ballot_form", "report_id", "report_id = :id"));

  /**
   * OPEN → CLOSED with the counts as they stand; false when it was not open. Closing rewrites the
   * report's ballots, used codes and noted forms in its own transaction ({@link Unpairing}): from
   * then on they all carry the close's id, so PostgreSQL's {@code xmin} pairs no ballot with its
   * code.
   */
  public boolean close(Handle h, String id, OffsetDateTime at) {
    boolean closed =
        h.createUpdate(
                    """
                    UPDATE voter_report SET status = 'CLOSED', closed_at = :at,
                      tally_seq = tally_seq + 1
                    WHERE id = :id AND status = 'OPEN'
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

  /** The reports on the schedule whose start has come, to open. */
  public List<String> dueToOpen(OffsetDateTime now) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT id FROM voter_report WHERE status = 'SCHEDULED' AND starts_at <= :now"
                        + " AND ends_at > :now ORDER BY starts_at, id")
                .bind("now", Sql.instant(now))
                .mapTo(String.class)
                .list());
  }

  /** The votes still open that ended before {@code endedBefore}. */
  public List<String> leftOpen(OffsetDateTime endedBefore) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT id FROM voter_report WHERE status = 'OPEN' AND ends_at < :before"
                        + " ORDER BY ends_at, id")
                .bind("before", Sql.instant(endedBefore))
                .mapTo(String.class)
                .list());
  }

  /**
   * Counts one ballot: the report's count and its tally's number go up, if the vote is open; false
   * (and nothing changed) when it is not. On PostgreSQL the row stays locked until the commit, so
   * ballots of one report queue here and each takes its own number.
   */
  public boolean count(Handle h, String reportId, Choice choice) {
    return h.createUpdate(
                "UPDATE voter_report SET "
                    + choice.column()
                    + " = "
                    + choice.column()
                    + " + 1, tally_seq = tally_seq + 1 WHERE id = :id AND status = 'OPEN'")
            .bind("id", reportId)
            .execute()
        == 1;
  }

  /** Notes a ballot form as counted; false when it was counted before. */
  public boolean rememberForm(Handle h, String reportId, String form) {
    return h.createUpdate(
                """
                INSERT INTO report_ballot_form (report_id, form) VALUES (:report, :form)
                ON CONFLICT DO NOTHING
                """)
            .bind("report", reportId)
            .bind("form", form)
            .execute()
        == 1;
  }

  public boolean formCounted(String reportId, String form) {
    return database.withHandle(
        h ->
            h.createQuery(
                        "SELECT COUNT(*) FROM report_ballot_form WHERE report_id = :report AND form = :form")
                    .bind("report", reportId)
                    .bind("form", form)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  /** Uses a ballot code once; false when there is no such unused code for the report. */
  public boolean useCode(Handle h, String reportId, String codeHash) {
    return h.createUpdate(
                """
                UPDATE report_ballot_code SET used = TRUE
                WHERE report_id = :report AND code_hash = :hash AND used = FALSE
                """)
            .bind("report", reportId)
            .bind("hash", codeHash)
            .execute()
        == 1;
  }

  /** Whether the report has this code, used or not. */
  public boolean hasCode(Handle h, String reportId, String codeHash) {
    return h.createQuery(
                "SELECT COUNT(*) FROM report_ballot_code WHERE report_id = :report AND code_hash = :hash")
            .bind("report", reportId)
            .bind("hash", codeHash)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  /**
   * Stores new codes' hashes; false if one of them was there already (a code drawn twice: the
   * caller draws the batch again).
   */
  public boolean addCodes(Handle h, String reportId, List<String> hashes) {
    int added = 0;
    for (String hash : hashes) {
      added +=
          h.createUpdate(
                  """
                  INSERT INTO report_ballot_code (report_id, code_hash) VALUES (:report, :hash)
                  ON CONFLICT DO NOTHING
                  """)
              .bind("report", reportId)
              .bind("hash", hash)
              .execute();
    }
    if (added != hashes.size()) {
      return false;
    }
    h.createUpdate("UPDATE voter_report SET codes_issued = codes_issued + :n WHERE id = :id")
        .bind("n", hashes.size())
        .bind("id", reportId)
        .execute();
    return true;
  }

  /** Stores a ballot: a random id, the choice, the words, the minute; nothing about its voter. */
  public void insertBallot(
      Handle h, String id, String reportId, Choice choice, String comment, OffsetDateTime minute) {
    h.createUpdate(
            """
            INSERT INTO report_ballot (id, report_id, choice, comment, cast_at)
            VALUES (:id, :report, :choice, :comment, :at)
            """)
        .bind("id", id)
        .bind("report", reportId)
        .bind("choice", choice.name())
        .bind("comment", comment)
        .bind("at", Sql.instant(minute))
        .execute();
  }

  /** The ballots' words, for staff reading the result: no time, in no order that says whose. */
  public List<String> comments(String reportId) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT comment FROM report_ballot WHERE report_id = :report AND comment <> '' ORDER BY comment")
                .bind("report", reportId)
                .mapTo(String.class)
                .list());
  }

  /** How many ballots are stored, per choice: the counts in voter_report must say the same. */
  public int ballotsStored(String reportId) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT COUNT(*) FROM report_ballot WHERE report_id = :report")
                .bind("report", reportId)
                .mapTo(Integer.class)
                .one());
  }

  public Optional<VoterReport> find(String id) {
    return database.withHandle(h -> find(h, id));
  }

  public Optional<VoterReport> find(Handle h, String id) {
    return h.createQuery("SELECT * FROM voter_report WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> report(rs))
        .findOne();
  }

  /** The county's reports, the latest start first. */
  public List<VoterReport> inCounty(String countyId) {
    return database.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT r.* FROM voter_report r
                      JOIN station s ON s.id = r.station_id
                      JOIN township t ON t.id = s.township_id
                    WHERE t.county_id = :county
                    ORDER BY r.starts_at DESC, r.id
                    """)
                .bind("county", countyId)
                .map((rs, ctx) -> report(rs))
                .list());
  }

  /**
   * What the station's tally topic should hold: its open report's tally (the latest to start, if
   * two are open at once), else that of its latest closed report not yet cleared; empty when
   * neither (the topic is cleared).
   */
  public Optional<Tally> tallyAt(String stationId) {
    return database.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT id, station_id, status, tally_seq, satisfied, basically_satisfied,
                           dissatisfied, closed_at
                    FROM voter_report
                    WHERE station_id = :station AND tally_seq > 0
                      AND (status = 'OPEN' OR (status = 'CLOSED' AND tally_cleared = FALSE))
                    ORDER BY CASE status WHEN 'OPEN' THEN 0 ELSE 1 END, starts_at DESC, id
                    LIMIT 1
                    """)
                .bind("station", stationId)
                .map(
                    (rs, ctx) ->
                        new Tally(
                            rs.getString("id"),
                            rs.getString("station_id"),
                            ReportStatus.valueOf(rs.getString("status")),
                            rs.getLong("tally_seq"),
                            rs.getInt("satisfied"),
                            rs.getInt("basically_satisfied"),
                            rs.getInt("dissatisfied"),
                            Sql.instantOrNull(rs.getString("closed_at"))))
                .findOne());
  }

  /** The stations whose tally topic holds something: an open report, or a closed one uncleared. */
  public List<String> stationsWithTallies() {
    return database.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT DISTINCT station_id FROM voter_report
                    WHERE tally_seq > 0
                      AND (status = 'OPEN' OR (status = 'CLOSED' AND tally_cleared = FALSE))
                    ORDER BY station_id
                    """)
                .mapTo(String.class)
                .list());
  }

  /**
   * Marks cleared the tallies of reports closed before {@code before}; the stations whose topic
   * changes come back.
   */
  public List<String> clearClosedBefore(OffsetDateTime before) {
    return database.inTransaction(
        h -> {
          List<String> stations =
              h.createQuery(
                      """
                      SELECT DISTINCT station_id FROM voter_report
                      WHERE status = 'CLOSED' AND tally_cleared = FALSE AND closed_at < :before
                      ORDER BY station_id
                      """)
                  .bind("before", Sql.instant(before))
                  .mapTo(String.class)
                  .list();
          h.createUpdate(
                  """
                  UPDATE voter_report SET tally_cleared = TRUE
                  WHERE status = 'CLOSED' AND tally_cleared = FALSE AND closed_at < :before
                  """)
              .bind("before", Sql.instant(before))
              .execute();
          return stations;
        });
  }

  private static VoterReport report(ResultSet rs) throws SQLException {
    return new VoterReport(
        rs.getString("id"),
        rs.getString("deputy_id"),
        rs.getString("station_id"),
        Sql.instant(rs.getString("starts_at")),
        Sql.instant(rs.getString("ends_at")),
        rs.getString("title"),
        ReportStatus.valueOf(rs.getString("status")),
        Sql.instantOrNull(rs.getString("closed_at")),
        rs.getInt("satisfied"),
        rs.getInt("basically_satisfied"),
        rs.getInt("dissatisfied"),
        rs.getLong("tally_seq"),
        rs.getInt("codes_issued"),
        rs.getString("created_by"),
        Sql.instant(rs.getString("created_at")));
  }
}
