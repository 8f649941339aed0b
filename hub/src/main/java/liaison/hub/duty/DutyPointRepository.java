package liaison.hub.duty;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/** The entries of duty points, the closed years, and the deputies a ranking counts. */
@Singleton
public class DutyPointRepository {
  private final Database database;

  public DutyPointRepository(Database database) {
    this.database = database;
  }

  /**
   * Adds the entry unless the deputy already has one of its kind from its source (the V21 unique
   * key): true when it was added.
   */
  public boolean add(Handle h, DutyEntry e) {
    DutyEntry.Evidence evidence = e.evidence();
    return h.createUpdate(
                """
                INSERT INTO duty_point (id, deputy_id, county_id, year, occurred_on, kind, points, status,
                  source_kind, source_id, note, recorded_at, entered_by, evidence_hash, evidence_kind,
                  evidence_name)
                VALUES (:id, :deputy, :county, :year, :on, :kind, :points, :status, :sourceKind,
                  :sourceId, :note, :at, :by, :hash, :evidenceKind, :evidenceName)
                ON CONFLICT (deputy_id, kind, source_kind, source_id) DO NOTHING
                """)
            .bind("id", e.id())
            .bind("deputy", e.deputyId())
            .bind("county", e.countyId())
            .bind("year", e.year())
            .bind("on", Sql.date(e.occurredOn()))
            .bind("kind", e.kind().name())
            .bind("points", e.points())
            .bind("status", e.status().name())
            .bind("sourceKind", e.sourceKind())
            .bind("sourceId", e.sourceId())
            .bind("note", e.note())
            .bind("at", Sql.instant(e.recordedAt()))
            .bind("by", e.enteredBy())
            .bind("hash", evidence == null ? null : evidence.hash())
            .bind("evidenceKind", evidence == null ? null : evidence.kind())
            .bind("evidenceName", evidence == null ? null : evidence.name())
            .execute()
        == 1;
  }

  public Optional<DutyEntry> find(String id) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT * FROM duty_point WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> entry(rs))
                .findOne());
  }

  /** A deputy's entries of a year, newest first. */
  public List<DutyEntry> ofDeputy(String deputyId, int year) {
    return database.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT * FROM duty_point WHERE deputy_id = :deputy AND year = :year
                    ORDER BY occurred_on DESC, recorded_at DESC, id
                    """)
                .bind("deputy", deputyId)
                .bind("year", year)
                .map((rs, ctx) -> entry(rs))
                .list());
  }

  /** The county's approved entries that happened between the two days (both included). */
  public List<DutyEntry> approved(String countyId, LocalDate from, LocalDate to) {
    return database.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT * FROM duty_point WHERE county_id = :county AND status = 'APPROVED'
                      AND occurred_on >= :from AND occurred_on <= :to
                    ORDER BY occurred_on, recorded_at, id
                    """)
                .bind("county", countyId)
                .bind("from", Sql.date(from))
                .bind("to", Sql.date(to))
                .map((rs, ctx) -> entry(rs))
                .list());
  }

  /** The county's hand entries awaiting a decision, oldest first. */
  public List<DutyEntry> pending(String countyId) {
    return database.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT * FROM duty_point WHERE county_id = :county AND status = 'PENDING'
                    ORDER BY recorded_at, id
                    """)
                .bind("county", countyId)
                .map((rs, ctx) -> entry(rs))
                .list());
  }

  public int pendingIn(Handle h, String countyId, int year) {
    return h.createQuery(
            "SELECT COUNT(*) FROM duty_point WHERE county_id = :county AND year = :year AND status = 'PENDING'")
        .bind("county", countyId)
        .bind("year", year)
        .mapTo(Integer.class)
        .one();
  }

  /** Sets a pending entry's decision; false when it is no longer pending. */
  public boolean decide(
      Handle h, String id, DutyEntry.Status status, String by, OffsetDateTime at, String reason) {
    return h.createUpdate(
                """
                UPDATE duty_point SET status = :status, decided_by = :by, decided_at = :at, reason = :reason
                WHERE id = :id AND status = 'PENDING'
                """)
            .bind("status", status.name())
            .bind("by", by)
            .bind("at", Sql.instant(at))
            .bind("reason", reason)
            .bind("id", id)
            .execute()
        == 1;
  }

  public boolean isClosed(Handle h, String countyId, int year) {
    return h.createQuery(
                "SELECT COUNT(*) FROM duty_year_close WHERE county_id = :county AND year = :year")
            .bind("county", countyId)
            .bind("year", year)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  public boolean isClosed(String countyId, int year) {
    return database.withHandle(h -> isClosed(h, countyId, year));
  }

  /** The county's closed years, newest first. */
  public List<Integer> closedYears(String countyId) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT year FROM duty_year_close WHERE county_id = :county ORDER BY year DESC")
                .bind("county", countyId)
                .mapTo(Integer.class)
                .list());
  }

  /** Closes the year; false when it was closed already. */
  public boolean close(Handle h, String countyId, int year, String by, OffsetDateTime at) {
    return h.createUpdate(
                """
                INSERT INTO duty_year_close (county_id, year, closed_at, closed_by)
                VALUES (:county, :year, :at, :by) ON CONFLICT (county_id, year) DO NOTHING
                """)
            .bind("county", countyId)
            .bind("year", year)
            .bind("at", Sql.instant(at))
            .bind("by", by)
            .execute()
        == 1;
  }

  /** A deputy a ranking counts: id and name. */
  public record Member(String id, String name) {}

  /**
   * The deputies a ranking counts: the county's, or those assigned to a station of the township, or
   * to the station.
   */
  public List<Member> members(
      String countyId, @Nullable String townshipId, @Nullable String stationId) {
    String where =
        stationId != null
            ? " AND d.id IN (SELECT deputy_id FROM station_deputy WHERE station_id = :scope)"
            : townshipId != null
                ? " AND d.id IN (SELECT sd.deputy_id FROM station_deputy sd JOIN station s ON s.id ="
                    + " sd.station_id WHERE s.township_id = :scope)"
                : "";
    String scope = stationId != null ? stationId : townshipId;
    return database.withHandle(
        h -> {
          var query =
              h.createQuery(
                      "SELECT d.id, d.name FROM deputy d WHERE d.county_id = :county"
                          + where
                          + " ORDER BY d.id")
                  .bind("county", countyId);
          if (scope != null) {
            query.bind("scope", scope);
          }
          return query
              .map((rs, ctx) -> new Member(rs.getString("id"), rs.getString("name")))
              .list();
        });
  }

  /**
   * What staff recognise an automatic entry's source by: a reception's day and station, a case's
   * day (never its tracking code, which opens the resident's own case; staff follow the link to the
   * case), a suggestion's or a report's title (empty when the record is gone).
   */
  public String sourceLabel(DutyEntry e) {
    String sql =
        switch (e.sourceKind()) {
          case "RECEPTION" ->
              "SELECT r.slot_date || ' ' || r.start_time || ' ' || s.name FROM reception_slot r"
                  + " JOIN station s ON s.id = r.station_id WHERE r.id = :id";
          case "CASE" -> "SELECT substr(submitted_at, 1, 10) FROM opinion_case WHERE id = :id";
          case "SUGGESTION" -> "SELECT title FROM deputy_suggestion WHERE id = :id";
          case "REPORT" ->
              "SELECT substr(starts_at, 1, 10) || ' ' || title FROM voter_report WHERE id = :id";
          default -> null;
        };
    if (sql == null) {
      return "";
    }
    return database.withHandle(
        h -> h.createQuery(sql).bind("id", e.sourceId()).mapTo(String.class).findOne().orElse(""));
  }

  static DutyEntry entry(ResultSet rs) throws SQLException {
    String hash = rs.getString("evidence_hash");
    return new DutyEntry(
        rs.getString("id"),
        rs.getString("deputy_id"),
        rs.getString("county_id"),
        rs.getInt("year"),
        LocalDate.parse(rs.getString("occurred_on")),
        DutyKind.valueOf(rs.getString("kind")),
        rs.getInt("points"),
        DutyEntry.Status.valueOf(rs.getString("status")),
        rs.getString("source_kind"),
        rs.getString("source_id"),
        rs.getString("note"),
        Sql.instant(rs.getString("recorded_at")),
        rs.getString("entered_by"),
        hash == null
            ? null
            : new DutyEntry.Evidence(
                hash, rs.getString("evidence_kind"), rs.getString("evidence_name")),
        rs.getString("decided_by"),
        rs.getString("reason"));
  }
}
