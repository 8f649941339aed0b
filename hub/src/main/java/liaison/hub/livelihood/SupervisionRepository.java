package liaison.hub.livelihood;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.opinion.Category;
import liaison.hub.satisfaction.Satisfaction;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * The SQL of supervising and evaluating elected projects (监督, 测评): milestones, the departments'
 * progress reports and their photos, the supervising deputies and their notes, the year's ratings.
 * Methods taking a {@link Handle} run inside the caller's transaction.
 */
@Singleton
public class SupervisionRepository {
  private static final String PROJECT =
      """
      SELECT p.*, d.name AS department_name, r.year AS round_year FROM livelihood_project p
        JOIN livelihood_round r ON r.id = p.round_id
        LEFT JOIN department d ON d.id = p.department_id
      """;

  private final Database database;

  public SupervisionRepository(Database database) {
    this.database = database;
  }

  /** A project's ratings of a year, counted by rater and choice. */
  public record Count(String projectId, String rater, Satisfaction choice, int count) {}

  public List<ElectedProject> projects(String roundId) {
    return database.withHandle(
        h ->
            h.createQuery(PROJECT + " WHERE p.round_id = :round ORDER BY p.position, p.id")
                .bind("round", roundId)
                .map((rs, ctx) -> project(rs))
                .list());
  }

  public Optional<ElectedProject> project(String id) {
    return database.withHandle(
        h ->
            h.createQuery(PROJECT + " WHERE p.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> project(rs))
                .findOne());
  }

  /** A department's elected projects of rounds decided or evaluated, newest year first. */
  public List<ElectedProject> ofDepartment(String departmentId) {
    return database.withHandle(
        h ->
            h.createQuery(
                    PROJECT
                        + " WHERE p.department_id = :department AND p.state = 'ELECTED'"
                        + " AND r.state IN ('DECIDED', 'EVALUATED')"
                        + " ORDER BY r.year DESC, p.position, p.id")
                .bind("department", departmentId)
                .map((rs, ctx) -> project(rs))
                .list());
  }

  /** The elected projects a deputy supervises, newest year first. */
  public List<ElectedProject> supervisedBy(String deputyId) {
    return database.withHandle(
        h ->
            h.createQuery(
                    PROJECT
                        + " JOIN livelihood_supervisor s ON s.project_id = p.id"
                        + " WHERE s.deputy_id = :deputy AND p.state = 'ELECTED'"
                        + " ORDER BY r.year DESC, p.position, p.id")
                .bind("deputy", deputyId)
                .map((rs, ctx) -> project(rs))
                .list());
  }

  private static ElectedProject project(ResultSet rs) throws SQLException {
    return new ElectedProject(
        rs.getString("id"),
        rs.getString("round_id"),
        rs.getInt("round_year"),
        rs.getInt("position"),
        Category.of(rs.getString("category")).orElse(Category.OTHER),
        rs.getString("title"),
        rs.getString("description"),
        rs.getString("place"),
        rs.getString("department_id"),
        rs.getString("department_name"),
        rs.getString("state"),
        rs.getInt("progress"));
  }

  // ---- milestones ----

  public List<Milestone> milestones(String projectId) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT * FROM livelihood_milestone WHERE project_id = :project"
                        + " ORDER BY due_on, position, id")
                .bind("project", projectId)
                .map(
                    (rs, ctx) ->
                        new Milestone(
                            rs.getString("id"),
                            rs.getInt("position"),
                            rs.getString("title"),
                            LocalDate.parse(rs.getString("due_on")),
                            rs.getString("done_on") == null
                                ? null
                                : LocalDate.parse(rs.getString("done_on"))))
                .list());
  }

  public void insertMilestone(Handle h, String projectId, String id, String title, LocalDate due) {
    h.createUpdate(
            """
            INSERT INTO livelihood_milestone (id, project_id, position, title, due_on)
            VALUES (:id, :project,
              (SELECT COALESCE(MAX(position), 0) + 1 FROM livelihood_milestone
                WHERE project_id = :project), :title, :due)
            """)
        .bind("id", id)
        .bind("project", projectId)
        .bind("title", title)
        .bind("due", Sql.date(due))
        .execute();
  }

  /** Changes a milestone of the project; false when it is not the project's. */
  public boolean updateMilestone(
      Handle h,
      String projectId,
      String id,
      String title,
      LocalDate due,
      @Nullable LocalDate done) {
    return h.createUpdate(
                "UPDATE livelihood_milestone SET title = :title, due_on = :due, done_on = :done"
                    + " WHERE id = :id AND project_id = :project")
            .bind("title", title)
            .bind("due", Sql.date(due))
            .bind("done", done == null ? null : Sql.date(done))
            .bind("id", id)
            .bind("project", projectId)
            .execute()
        == 1;
  }

  /** Marks a milestone of the project done on a day (kept if it was done already). */
  public boolean markDone(Handle h, String projectId, String id, LocalDate done) {
    return h.createUpdate(
                "UPDATE livelihood_milestone SET done_on = COALESCE(done_on, :done)"
                    + " WHERE id = :id AND project_id = :project")
            .bind("done", Sql.date(done))
            .bind("id", id)
            .bind("project", projectId)
            .execute()
        == 1;
  }

  public boolean deleteMilestone(Handle h, String projectId, String id) {
    return h.createUpdate(
                "DELETE FROM livelihood_milestone WHERE id = :id AND project_id = :project")
            .bind("id", id)
            .bind("project", projectId)
            .execute()
        == 1;
  }

  // ---- progress ----

  /** The project's reports, newest first, with their photos. */
  public List<ProgressReport> reports(String projectId) {
    return database.withHandle(
        h -> {
          List<ProgressReport> reports = new ArrayList<>();
          for (var row :
              h.createQuery(
                      "SELECT * FROM livelihood_progress WHERE project_id = :project"
                          + " ORDER BY reported_at DESC, id DESC")
                  .bind("project", projectId)
                  .mapToMap()
                  .list()) {
            String id = (String) row.get("id");
            List<ProgressPhoto> photos =
                h.createQuery(
                        "SELECT position, sha256, published_at FROM livelihood_progress_photo"
                            + " WHERE progress_id = :id ORDER BY position")
                    .bind("id", id)
                    .map(
                        (rs, ctx) ->
                            new ProgressPhoto(
                                rs.getInt("position"),
                                rs.getString("sha256"),
                                rs.getString("published_at") != null))
                    .list();
            reports.add(
                new ProgressReport(
                    id,
                    ((Number) row.get("percent")).intValue(),
                    (String) row.get("text"),
                    Sql.instant((String) row.get("reported_at")),
                    photos));
          }
          return reports;
        });
  }

  public void insertReport(
      Handle h,
      String projectId,
      String id,
      int percent,
      String text,
      String by,
      OffsetDateTime at,
      List<String> photos) {
    h.createUpdate(
            """
            INSERT INTO livelihood_progress (id, project_id, percent, text, reported_by, reported_at)
            VALUES (:id, :project, :percent, :text, :by, :at)
            """)
        .bind("id", id)
        .bind("project", projectId)
        .bind("percent", percent)
        .bind("text", text)
        .bind("by", by)
        .bind("at", Sql.instant(at))
        .execute();
    for (int i = 0; i < photos.size(); i++) {
      h.createUpdate(
              "INSERT INTO livelihood_progress_photo (progress_id, position, sha256)"
                  + " VALUES (:id, :position, :sha256)")
          .bind("id", id)
          .bind("position", i + 1)
          .bind("sha256", photos.get(i))
          .execute();
    }
    h.createUpdate(
            "UPDATE livelihood_project SET progress = :percent, updated_at = :at WHERE id = :id")
        .bind("percent", percent)
        .bind("at", Sql.instant(at))
        .bind("id", projectId)
        .execute();
  }

  /** The percent of the project's latest report, read in the reporting transaction. */
  public int progress(Handle h, String projectId) {
    return h.createQuery("SELECT progress FROM livelihood_project WHERE id = :id")
        .bind("id", projectId)
        .mapTo(Integer.class)
        .one();
  }

  /** Publishes a report's photos; false when the report is not the project's. */
  public boolean publishPhotos(Handle h, String projectId, String progressId, OffsetDateTime at) {
    int found =
        h.createQuery(
                "SELECT COUNT(*) FROM livelihood_progress WHERE id = :id AND project_id = :project")
            .bind("id", progressId)
            .bind("project", projectId)
            .mapTo(Integer.class)
            .one();
    if (found == 0) {
      return false;
    }
    h.createUpdate(
            "UPDATE livelihood_progress_photo SET published_at = :at"
                + " WHERE progress_id = :id AND published_at IS NULL")
        .bind("at", Sql.instant(at))
        .bind("id", progressId)
        .execute();
    return true;
  }

  /** Whether the photo belongs to a report of the project (published or not). */
  public boolean hasPhoto(String projectId, String sha256) {
    return countPhotos(projectId, sha256, false) > 0;
  }

  /** Whether the photo belongs to a report of the project and staff have published it. */
  public boolean hasPublishedPhoto(String projectId, String sha256) {
    return countPhotos(projectId, sha256, true) > 0;
  }

  private int countPhotos(String projectId, String sha256, boolean published) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT COUNT(*) FROM livelihood_progress_photo f"
                        + " JOIN livelihood_progress p ON p.id = f.progress_id"
                        + " WHERE p.project_id = :project AND f.sha256 = :sha256"
                        + (published ? " AND f.published_at IS NOT NULL" : ""))
                .bind("project", projectId)
                .bind("sha256", sha256)
                .mapTo(Integer.class)
                .one());
  }

  // ---- supervisors and notes ----

  /** The deputies supervising the project, by name. */
  public List<Supervisor> supervisors(String projectId) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT d.id, d.name FROM livelihood_supervisor s"
                        + " JOIN deputy d ON d.id = s.deputy_id"
                        + " WHERE s.project_id = :project ORDER BY d.name, d.id")
                .bind("project", projectId)
                .map((rs, ctx) -> new Supervisor(rs.getString("id"), rs.getString("name")))
                .list());
  }

  public boolean isSupervisor(String projectId, String deputyId) {
    return database.withHandle(
        h ->
            h.createQuery(
                        "SELECT COUNT(*) FROM livelihood_supervisor"
                            + " WHERE project_id = :project AND deputy_id = :deputy")
                    .bind("project", projectId)
                    .bind("deputy", deputyId)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  public void assign(Handle h, String projectId, String deputyId) {
    h.createUpdate(
            "DELETE FROM livelihood_supervisor WHERE project_id = :project AND deputy_id = :deputy")
        .bind("project", projectId)
        .bind("deputy", deputyId)
        .execute();
    h.createUpdate(
            "INSERT INTO livelihood_supervisor (project_id, deputy_id) VALUES (:project, :deputy)")
        .bind("project", projectId)
        .bind("deputy", deputyId)
        .execute();
  }

  public void unassign(Handle h, String projectId, String deputyId) {
    h.createUpdate(
            "DELETE FROM livelihood_supervisor WHERE project_id = :project AND deputy_id = :deputy")
        .bind("project", projectId)
        .bind("deputy", deputyId)
        .execute();
  }

  public List<SupervisionNote> notes(String projectId) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT n.*, d.name AS deputy_name FROM livelihood_supervision_note n"
                        + " JOIN deputy d ON d.id = n.deputy_id"
                        + " WHERE n.project_id = :project ORDER BY n.written_at DESC, n.id DESC")
                .bind("project", projectId)
                .map(
                    (rs, ctx) ->
                        new SupervisionNote(
                            rs.getString("id"),
                            rs.getString("deputy_id"),
                            rs.getString("deputy_name"),
                            rs.getString("text"),
                            Sql.instant(rs.getString("written_at"))))
                .list());
  }

  public void insertNote(
      Handle h, String id, String projectId, String deputyId, String text, OffsetDateTime at) {
    h.createUpdate(
            "INSERT INTO livelihood_supervision_note (id, project_id, deputy_id, text, written_at)"
                + " VALUES (:id, :project, :deputy, :text, :at)")
        .bind("id", id)
        .bind("project", projectId)
        .bind("deputy", deputyId)
        .bind("text", text)
        .bind("at", Sql.instant(at))
        .execute();
  }

  // ---- the year's ratings ----

  /** When staff opened the round's ratings; empty while they are not open. */
  public Optional<OffsetDateTime> ratingsOpenedAt(String roundId) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT ratings_opened_at FROM livelihood_round WHERE id = :id")
                .bind("id", roundId)
                .map((rs, ctx) -> Optional.ofNullable(Sql.instantOrNull(rs.getString(1))))
                .findOne()
                .flatMap(o -> o));
  }

  /** Opens a decided round's ratings; false when it is not decided or they are open already. */
  public boolean openRatings(Handle h, String roundId, OffsetDateTime at) {
    return h.createUpdate(
                "UPDATE livelihood_round SET ratings_opened_at = :at, updated_at = :at"
                    + " WHERE id = :id AND state = 'DECIDED' AND ratings_opened_at IS NULL")
            .bind("at", Sql.instant(at))
            .bind("id", roundId)
            .execute()
        == 1;
  }

  public boolean hasRated(Handle h, String projectId, int year, String deputyId) {
    return h.createQuery(
                "SELECT COUNT(*) FROM livelihood_rating_deputy"
                    + " WHERE project_id = :project AND year = :year AND deputy_id = :deputy")
            .bind("project", projectId)
            .bind("year", year)
            .bind("deputy", deputyId)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  /** The projects of these a deputy has rated in the year. */
  public List<String> ratedBy(String deputyId, int year) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT project_id FROM livelihood_rating_deputy"
                        + " WHERE deputy_id = :deputy AND year = :year")
                .bind("deputy", deputyId)
                .bind("year", year)
                .mapTo(String.class)
                .list());
  }

  public void insertRatingDeputy(Handle h, String projectId, int year, String deputyId) {
    h.createUpdate(
            "INSERT INTO livelihood_rating_deputy (project_id, year, deputy_id)"
                + " VALUES (:project, :year, :deputy)")
        .bind("project", projectId)
        .bind("year", year)
        .bind("deputy", deputyId)
        .execute();
  }

  public void insertRating(
      Handle h,
      String id,
      String projectId,
      int year,
      String rater,
      Satisfaction choice,
      LocalDate on) {
    h.createUpdate(
            "INSERT INTO livelihood_rating (id, project_id, year, rater, choice, rated_on)"
                + " VALUES (:id, :project, :year, :rater, :choice, :on)")
        .bind("id", id)
        .bind("project", projectId)
        .bind("year", year)
        .bind("rater", rater)
        .bind("choice", choice.name())
        .bind("on", Sql.date(on))
        .execute();
  }

  /** The ratings of the round's projects in its year, counted. */
  public List<Count> counts(String roundId) {
    return database.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT g.project_id, g.rater, g.choice, COUNT(*) AS n FROM livelihood_rating g
                      JOIN livelihood_project p ON p.id = g.project_id
                      JOIN livelihood_round r ON r.id = p.round_id
                     WHERE p.round_id = :round AND g.year = r.year
                     GROUP BY g.project_id, g.rater, g.choice
                    """)
                .bind("round", roundId)
                .map(
                    (rs, ctx) ->
                        new Count(
                            rs.getString("project_id"),
                            rs.getString("rater"),
                            Satisfaction.valueOf(rs.getString("choice")),
                            rs.getInt("n")))
                .list());
  }
}
