package liaison.hub.suggestion;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import liaison.hub.db.Database;
import liaison.hub.db.Ids;
import liaison.hub.db.Sql;
import liaison.hub.opinion.Category;
import liaison.hub.opinion.ReplyFiles;
import liaison.hub.satisfaction.Satisfaction;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * The suggestions' tables: V21's {@code deputy_suggestion} and V23's forwardings, promises, reviews
 * and files. Reads take a {@link Handle} so a step reads what its own transaction wrote; who may
 * read what is decided by the callers ({@link Suggestions}, {@link Promises}).
 */
@Singleton
public class SuggestionRepository {
  private static final String SUGGESTION =
      "SELECT s.*, d.name AS deputy_name FROM deputy_suggestion s JOIN deputy d ON d.id = s.deputy_id";

  private static final String PROMISE =
      """
      SELECT p.*, s.title AS suggestion_title, s.county_id, d.name AS deputy_name, dep.name AS department_name
      FROM suggestion_promise p
      JOIN deputy_suggestion s ON s.id = p.suggestion_id
      JOIN deputy d ON d.id = s.deputy_id
      JOIN department dep ON dep.id = p.department_id
      """;

  private final Database database;

  public SuggestionRepository(Database database) {
    this.database = database;
  }

  // ---- suggestions ----

  public Optional<Suggestion> find(Handle h, String id) {
    return h.createQuery(SUGGESTION + " WHERE s.id = :id")
        .bind("id", id)
        .map((rs, ctx) -> suggestion(rs))
        .findOne();
  }

  /**
   * The suggestions matching a condition on {@code s} (and its bindings), newest first.
   *
   * @param where SQL over {@code s} (deputy_suggestion) with named parameters from {@code binds}
   */
  public List<Suggestion> list(String where, Map<String, Object> binds) {
    return database.withHandle(
        h -> {
          var q =
              h.createQuery(SUGGESTION + " WHERE " + where + " ORDER BY s.submitted_at DESC, s.id");
          binds.forEach(q::bind);
          return q.map((rs, ctx) -> suggestion(rs)).list();
        });
  }

  public void insert(Handle h, Suggestion s) {
    h.createUpdate(
            """
            INSERT INTO deputy_suggestion (id, deputy_id, county_id, title, body, status, submitted_at,
                                           category, made_by, updated_at)
            VALUES (:id, :deputy, :county, :title, :body, :status, :at, :category, :by, :at)
            """)
        .bind("id", s.id())
        .bind("deputy", s.deputyId())
        .bind("county", s.countyId())
        .bind("title", s.title())
        .bind("body", s.body())
        .bind("status", s.status().name())
        .bind("at", Sql.instant(s.submittedAt()))
        .bind("category", s.category().name())
        .bind("by", s.madeBy())
        .execute();
  }

  public void setStatus(Handle h, String id, SuggestionStatus status, OffsetDateTime at) {
    h.createUpdate("UPDATE deputy_suggestion SET status = :status, updated_at = :at WHERE id = :id")
        .bind("status", status.name())
        .bind("at", Sql.instant(at))
        .bind("id", id)
        .execute();
  }

  private static Suggestion suggestion(ResultSet rs) throws SQLException {
    OffsetDateTime submitted = Sql.instant(rs.getString("submitted_at"));
    String updated = rs.getString("updated_at");
    return new Suggestion(
        rs.getString("id"),
        rs.getString("deputy_id"),
        rs.getString("deputy_name"),
        rs.getString("county_id"),
        rs.getString("title"),
        rs.getString("body"),
        Category.of(rs.getString("category")).orElse(Category.OTHER),
        SuggestionStatus.valueOf(rs.getString("status")),
        submitted,
        rs.getString("made_by"),
        updated == null || updated.isBlank() ? submitted : Sql.instant(updated));
  }

  // ---- forwardings ----

  /** Every forwarding of the suggestion: by round, the lead department first. */
  public List<Forwarding> forwardings(Handle h, String suggestionId) {
    return h.createQuery(
            """
            SELECT f.*, dep.name AS department_name FROM suggestion_forwarding f
            JOIN department dep ON dep.id = f.department_id
            WHERE f.suggestion_id = :id ORDER BY f.round, f.lead DESC, dep.name, f.department_id
            """)
        .bind("id", suggestionId)
        .map((rs, ctx) -> forwarding(rs))
        .list();
  }

  /** Each department's latest round: the replies and ratings that count now. */
  public static List<Forwarding> latest(List<Forwarding> all) {
    Map<String, Forwarding> latest = new LinkedHashMap<>();
    for (Forwarding f : all) {
      latest.merge(f.departmentId(), f, (a, b) -> b.round() > a.round() ? b : a);
    }
    return List.copyOf(latest.values());
  }

  public void forward(
      Handle h,
      String suggestionId,
      String departmentId,
      int round,
      boolean lead,
      OffsetDateTime at,
      String by,
      LocalDate deadline) {
    h.createUpdate(
            """
            INSERT INTO suggestion_forwarding (suggestion_id, department_id, round, lead, forwarded_at,
                                               forwarded_by, deadline)
            VALUES (:suggestion, :department, :round, :lead, :at, :by, :deadline)
            """)
        .bind("suggestion", suggestionId)
        .bind("department", departmentId)
        .bind("round", round)
        .bind("lead", lead ? 1 : 0)
        .bind("at", Sql.instant(at))
        .bind("by", by)
        .bind("deadline", Sql.date(deadline))
        .execute();
  }

  public void reply(Handle h, Forwarding f, String text, OffsetDateTime at, String by) {
    h.createUpdate(
            """
            UPDATE suggestion_forwarding SET reply = :text, replied_at = :at, replied_by = :by
            WHERE suggestion_id = :suggestion AND department_id = :department AND round = :round
            """)
        .bind("text", text)
        .bind("at", Sql.instant(at))
        .bind("by", by)
        .bind("suggestion", f.suggestionId())
        .bind("department", f.departmentId())
        .bind("round", f.round())
        .execute();
  }

  public void rate(Handle h, Forwarding f, Satisfaction rating, String comment, OffsetDateTime at) {
    h.createUpdate(
            """
            UPDATE suggestion_forwarding SET rating = :rating, rating_comment = :comment, rated_at = :at
            WHERE suggestion_id = :suggestion AND department_id = :department AND round = :round
            """)
        .bind("rating", rating.name())
        .bind("comment", comment)
        .bind("at", Sql.instant(at))
        .bind("suggestion", f.suggestionId())
        .bind("department", f.departmentId())
        .bind("round", f.round())
        .execute();
  }

  private static Forwarding forwarding(ResultSet rs) throws SQLException {
    String rating = rs.getString("rating");
    String comment = rs.getString("rating_comment");
    return new Forwarding(
        rs.getString("suggestion_id"),
        rs.getString("department_id"),
        rs.getString("department_name"),
        rs.getInt("round"),
        rs.getInt("lead") == 1,
        Sql.instant(rs.getString("forwarded_at")),
        rs.getString("forwarded_by"),
        LocalDate.parse(rs.getString("deadline")),
        rs.getString("reply"),
        Sql.instantOrNull(rs.getString("replied_at")),
        rs.getString("replied_by"),
        rating == null ? null : Satisfaction.valueOf(rating),
        comment == null ? "" : comment,
        Sql.instantOrNull(rs.getString("rated_at")));
  }

  // ---- promises ----

  /** A promise made in a reply; returns its id. */
  public String promise(Handle h, Forwarding f, String text, LocalDate dueOn, OffsetDateTime at) {
    String id = Ids.next("pr");
    h.createUpdate(
            """
            INSERT INTO suggestion_promise (id, suggestion_id, department_id, round, text, due_on, created_at)
            VALUES (:id, :suggestion, :department, :round, :text, :due, :at)
            """)
        .bind("id", id)
        .bind("suggestion", f.suggestionId())
        .bind("department", f.departmentId())
        .bind("round", f.round())
        .bind("text", text)
        .bind("due", Sql.date(dueOn))
        .bind("at", Sql.instant(at))
        .execute();
    return id;
  }

  public Optional<Promise> promise(Handle h, String id) {
    return promises(h, "p.id = :id", Map.of("id", id)).stream().findFirst();
  }

  /**
   * The promises matching a condition on {@code p} and {@code s}, by due day, each with its
   * reviews.
   */
  public List<Promise> promises(Handle h, String where, Map<String, Object> binds) {
    var q = h.createQuery(PROMISE + " WHERE " + where + " ORDER BY p.due_on, p.created_at, p.id");
    binds.forEach(q::bind);
    List<Promise> found = q.map((rs, ctx) -> promise(rs)).list();
    if (found.isEmpty()) {
      return found;
    }
    Map<String, List<Promise.Review>> reviews = new LinkedHashMap<>();
    var r =
        h.createQuery(
            "SELECT r.* FROM promise_review r JOIN suggestion_promise p ON p.id = r.promise_id"
                + " JOIN deputy_suggestion s ON s.id = p.suggestion_id WHERE "
                + where
                + " ORDER BY r.reviewed_on DESC, r.recorded_at DESC");
    binds.forEach(r::bind);
    r.map(
            (rs, ctx) ->
                Map.entry(
                    rs.getString("promise_id"),
                    new Promise.Review(
                        LocalDate.parse(rs.getString("reviewed_on")),
                        rs.getString("finding"),
                        rs.getString("reviewed_by"))))
        .forEach(
            e -> reviews.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return found.stream()
        .map(
            p ->
                new Promise(
                    p.id(),
                    p.suggestionId(),
                    p.suggestionTitle(),
                    p.deputyName(),
                    p.countyId(),
                    p.departmentId(),
                    p.departmentName(),
                    p.round(),
                    p.text(),
                    p.dueOn(),
                    p.nextReviewOn(),
                    p.reviewMonths(),
                    p.keptAt(),
                    p.keptBy(),
                    p.keptNote(),
                    reviews.getOrDefault(p.id(), List.of())))
        .toList();
  }

  public void scheduleReview(Handle h, String id, @Nullable LocalDate on, int months) {
    h.createUpdate(
            "UPDATE suggestion_promise SET next_review_on = :on, review_months = :months WHERE id = :id")
        .bind("on", on == null ? null : Sql.date(on))
        .bind("months", months)
        .bind("id", id)
        .execute();
  }

  public void review(
      Handle h, String promiseId, LocalDate on, String finding, String by, OffsetDateTime at) {
    h.createUpdate(
            """
            INSERT INTO promise_review (id, promise_id, reviewed_on, finding, reviewed_by, recorded_at)
            VALUES (:id, :promise, :on, :finding, :by, :at)
            """)
        .bind("id", Ids.next("rv"))
        .bind("promise", promiseId)
        .bind("on", Sql.date(on))
        .bind("finding", finding)
        .bind("by", by)
        .bind("at", Sql.instant(at))
        .execute();
  }

  public void kept(Handle h, String id, String note, String by, OffsetDateTime at) {
    h.createUpdate(
            "UPDATE suggestion_promise SET kept_at = :at, kept_by = :by, kept_note = :note,"
                + " next_review_on = NULL WHERE id = :id")
        .bind("at", Sql.instant(at))
        .bind("by", by)
        .bind("note", note)
        .bind("id", id)
        .execute();
  }

  private static Promise promise(ResultSet rs) throws SQLException {
    String next = rs.getString("next_review_on");
    return new Promise(
        rs.getString("id"),
        rs.getString("suggestion_id"),
        rs.getString("suggestion_title"),
        rs.getString("deputy_name"),
        rs.getString("county_id"),
        rs.getString("department_id"),
        rs.getString("department_name"),
        rs.getInt("round"),
        rs.getString("text"),
        LocalDate.parse(rs.getString("due_on")),
        next == null ? null : LocalDate.parse(next),
        rs.getInt("review_months"),
        Sql.instantOrNull(rs.getString("kept_at")),
        rs.getString("kept_by"),
        rs.getString("kept_note"),
        List.of());
  }

  // ---- files ----

  public void attach(
      Handle h, String suggestionId, ReplyFiles.Checked file, String by, OffsetDateTime at) {
    h.createUpdate(
            """
            INSERT INTO suggestion_attachment (suggestion_id, hash, kind, file_name, size_bytes, added_by, added_at)
            VALUES (:suggestion, :hash, :kind, :name, :size, :by, :at)
            ON CONFLICT (suggestion_id, hash) DO NOTHING
            """)
        .bind("suggestion", suggestionId)
        .bind("hash", file.hash())
        .bind("kind", file.kind().name())
        .bind("name", file.name())
        .bind("size", (long) file.bytes().length)
        .bind("by", by)
        .bind("at", Sql.instant(at))
        .execute();
  }

  public List<SuggestionFile> files(Handle h, String suggestionId) {
    return h.createQuery(
            "SELECT * FROM suggestion_attachment WHERE suggestion_id = :id ORDER BY added_at, file_name")
        .bind("id", suggestionId)
        .map(
            (rs, ctx) ->
                new SuggestionFile(
                    rs.getString("hash"),
                    ReplyFiles.Kind.valueOf(rs.getString("kind")),
                    rs.getString("file_name"),
                    rs.getLong("size_bytes"),
                    rs.getString("added_by")))
        .list();
  }
}
