package liaison.hub.opinion;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.satisfaction.Satisfaction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;
import org.jspecify.annotations.Nullable;

/**
 * Cases, their photos, timelines and contacts. Writes take the caller's handle (its transaction).
 */
@Singleton
public class CaseRepository {
  private final Database database;

  public CaseRepository(Database database) {
    this.database = database;
  }

  public Optional<OpinionCase> find(String id) {
    return database.withHandle(h -> find(h, id));
  }

  public Optional<OpinionCase> find(Handle h, String id) {
    return h.createQuery("SELECT * FROM opinion_case WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> opinion(rs))
        .findOne();
  }

  public Optional<OpinionCase> findByCode(String trackingCode) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT * FROM opinion_case WHERE tracking_code = :code")
                .bind("code", trackingCode)
                .map((rs, ctx) -> opinion(rs))
                .findOne());
  }

  public boolean codeExists(Handle h, String trackingCode) {
    return h.createQuery("SELECT COUNT(*) FROM opinion_case WHERE tracking_code = :code")
            .bind("code", trackingCode)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  public void insert(Handle h, OpinionCase c) {
    bindCase(
            h.createUpdate(
                """
            INSERT INTO opinion_case (id, tracking_code, station_id, deputy_id, category, text, status, summary,
                                      submitted_at, updated_at, suggestion, contact_to_department, rating_comment)
            VALUES (:id, :code, :station, :deputy, :category, :text, :status, :summary,
                    :at, :at, FALSE, :toDepartment, '')
            """),
            c)
        .execute();
  }

  /** Binds the case's own columns, as both inserts name them. */
  private static Update bindCase(Update insert, OpinionCase c) {
    return insert
        .bind("id", c.id())
        .bind("code", c.trackingCode())
        .bind("station", c.stationId())
        .bind("deputy", c.deputyId())
        .bind("category", c.category().name())
        .bind("text", c.text())
        .bind("status", c.status().name())
        .bind("summary", c.summary())
        .bind("at", Sql.instant(c.submittedAt()))
        .bind("toDepartment", c.contactToDepartment());
  }

  /**
   * Writes a case a resident just sent, linked to the reception held at its station at that minute
   * ({@link CaseReceptions#HELD_AT}), in one statement; when {@code token} is given, only while
   * that QR token still leads to the case's station (and deputy), as checked in the same statement
   * (another hub may have withdrawn it since this hub looked it up). False when nothing was
   * written: the tracking code was taken, or the token leads elsewhere now.
   */
  public boolean insertSubmitted(Handle h, OpinionCase c, @Nullable String token) {
    Update insert =
        bindCase(
                h.createUpdate(
                    """
                INSERT INTO opinion_case (id, tracking_code, station_id, deputy_id, category, text,
                                          status, summary, submitted_at, updated_at, suggestion,
                                          contact_to_department, rating_comment, reception_id)
                SELECT :id, :code, :station, :deputy, :category, :text, :status, :summary, :at, :at,
                       FALSE, :toDepartment, '', """
                        + CaseReceptions.HELD_AT
                        + """

                WHERE CAST(:token AS TEXT) IS NULL
                   OR EXISTS (SELECT 1 FROM station WHERE id = :station AND public_token = :token
                                                      AND CAST(:deputy AS TEXT) IS NULL)
                   OR EXISTS (SELECT 1 FROM deputy_link WHERE token = :token
                                                          AND station_id = :station
                                                          AND deputy_id = :deputy)
                ON CONFLICT (tracking_code) DO NOTHING
                """),
                c)
            .bind("token", token);
    CaseReceptions.bindHeldAt(insert, c.submittedAt());
    return insert.execute() == 1;
  }

  public void insertContact(Handle h, CaseContact contact) {
    h.createUpdate(
            "INSERT INTO case_contact (case_id, name, phone, consent_at, notify_sms) VALUES (:case, :name, :phone, :at, :sms)")
        .bind("case", contact.caseId())
        .bind("name", contact.name())
        .bind("phone", contact.phone())
        .bind("at", Sql.instant(contact.consentAt()))
        .bind("sms", contact.notifySms())
        .execute();
  }

  /** A forwarding of the case to a department (which reads the case from then on). */
  public void insertForwarding(
      Handle h,
      String caseId,
      String departmentId,
      java.time.OffsetDateTime at,
      LocalDate deadline) {
    h.createUpdate(
            """
            INSERT INTO case_forwarding (id, case_id, department_id, forwarded_at, deadline)
            VALUES (:id, :case, :department, :at, :deadline)
            """)
        .bind("id", "cf-" + UUID.randomUUID())
        .bind("case", caseId)
        .bind("department", departmentId)
        .bind("at", Sql.instant(at))
        .bind("deadline", Sql.date(deadline))
        .execute();
  }

  /**
   * Writes on the forwarding that brought the case here how it ended: replied, or handed back with
   * the reason (when {@code returnReason} is given).
   */
  public void endForwarding(
      Handle h,
      String caseId,
      String department,
      java.time.OffsetDateTime now,
      @org.jspecify.annotations.Nullable String returnReason) {
    String set =
        returnReason == null ? "replied_at = :now" : "returned_at = :now, return_reason = :reason";
    var update =
        h.createUpdate(
                "UPDATE case_forwarding SET "
                    + set
                    + " WHERE case_id = :case AND department_id = :department"
                    + " AND returned_at IS NULL AND replied_at IS NULL")
            .bind("now", Sql.instant(now))
            .bind("case", caseId)
            .bind("department", department);
    if (returnReason != null) {
      update.bind("reason", returnReason);
    }
    update.execute();
  }

  public void insertPhoto(Handle h, String caseId, int position, String hash) {
    h.createUpdate(
            "INSERT INTO case_photo (case_id, position, hash) VALUES (:case, :position, :hash)")
        .bind("case", caseId)
        .bind("position", position)
        .bind("hash", hash)
        .execute();
  }

  public List<String> photos(String caseId) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT hash FROM case_photo WHERE case_id = :case ORDER BY position")
                .bind("case", caseId)
                .mapTo(String.class)
                .list());
  }

  /**
   * Whether any case shows this photo (so the photo route may serve it to whoever has the hash).
   */
  public boolean photoInUse(String hash) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT COUNT(*) FROM case_photo WHERE hash = :hash")
                    .bind("hash", hash)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  public Optional<CaseContact> contact(String caseId) {
    return database.withHandle(h -> contact(h, caseId));
  }

  public Optional<CaseContact> contact(Handle h, String caseId) {
    return h.createQuery("SELECT * FROM case_contact WHERE case_id = :case")
        .bind("case", caseId)
        .map(
            (rs, ctx) ->
                new CaseContact(
                    rs.getString("case_id"),
                    rs.getString("name"),
                    rs.getString("phone"),
                    Sql.instant(rs.getString("consent_at")),
                    rs.getBoolean("notify_sms")))
        .findOne();
  }

  /** The resident's "text me" tick, turned off from the tracking page; false when there is none. */
  public boolean stopNotifying(String caseId) {
    return database.inTransaction(
        h ->
            h.createUpdate(
                        "UPDATE case_contact SET notify_sms = FALSE WHERE case_id = :case AND notify_sms")
                    .bind("case", caseId)
                    .execute()
                == 1);
  }

  /** The timeline, oldest first. */
  public List<CaseEvent> events(String caseId) {
    return database.withHandle(h -> events(h, caseId));
  }

  public List<CaseEvent> events(Handle h, String caseId) {
    return h.createQuery("SELECT * FROM case_event WHERE case_id = :case ORDER BY at, id")
        .bind("case", caseId)
        .map(
            (rs, ctx) ->
                new CaseEvent(
                    rs.getString("id"),
                    rs.getString("case_id"),
                    Sql.instant(rs.getString("at")),
                    rs.getString("actor"),
                    rs.getString("action"),
                    status(rs.getString("from_status")),
                    status(rs.getString("to_status")),
                    rs.getString("note")))
        .list();
  }

  public void insertEvent(Handle h, CaseEvent e) {
    h.createUpdate(
            """
            INSERT INTO case_event (id, case_id, at, actor, action, from_status, to_status, note)
            VALUES (:id, :case, :at, :actor, :action, :from, :to, :note)
            """)
        .bind("id", e.id())
        .bind("case", e.caseId())
        .bind("at", Sql.instant(e.at()))
        .bind("actor", e.actor())
        .bind("action", e.action())
        .bind("from", e.from() == null ? null : e.from().name())
        .bind("to", e.to() == null ? null : e.to().name())
        .bind("note", e.note())
        .execute();
  }

  private static final java.util.concurrent.atomic.AtomicLong LAST_EVENT =
      new java.util.concurrent.atomic.AtomicLong();

  /**
   * The machine's clock, not the injected one, on purpose: an id is not a time, and ids must keep
   * sorting after the earlier ones after a restart even when a test holds the hub's clock still.
   */
  private static final java.time.Clock ID_CLOCK = java.time.Clock.systemUTC();

  /**
   * A new id for a timeline line: it sorts after every earlier one of this hub (times are stored to
   * the second, so several lines of one second keep their order by id), then a random part.
   */
  static String eventId() {
    long micros = ID_CLOCK.millis() * 1000;
    long next = LAST_EVENT.updateAndGet(last -> Math.max(last + 1, micros));
    return String.format("%016x-%s", next, UUID.randomUUID().toString().substring(0, 8));
  }

  private static @Nullable CaseStatus status(@Nullable String name) {
    return name == null ? null : CaseStatus.valueOf(name);
  }

  static OpinionCase opinion(ResultSet rs) throws SQLException {
    String deadline = rs.getString("deadline");
    String rating = rs.getString("rating");
    return new OpinionCase(
        rs.getString("id"),
        rs.getString("tracking_code"),
        rs.getString("station_id"),
        rs.getString("deputy_id"),
        Category.of(rs.getString("category")).orElse(Category.OTHER),
        rs.getString("text"),
        CaseStatus.valueOf(rs.getString("status")),
        rs.getString("summary"),
        rs.getString("department_id"),
        deadline == null ? null : LocalDate.parse(deadline),
        rs.getString("department_reply"),
        rs.getString("answer"),
        rs.getString("guidance"),
        Sql.instant(rs.getString("submitted_at")),
        Sql.instant(rs.getString("updated_at")),
        Sql.instantOrNull(rs.getString("closed_at")),
        rs.getString("merged_into"),
        Sql.instantOrNull(rs.getString("escalated_at")),
        rs.getBoolean("suggestion"),
        rs.getBoolean("contact_to_department"),
        rating == null ? null : Satisfaction.valueOf(rating),
        rs.getString("rating_comment"),
        Sql.instantOrNull(rs.getString("rated_at")));
  }
}
