package liaison.hub.livelihood;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.opinion.Category;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * Projects of a round (初定 and 审议), and the round's own changes of this stage: its dates and
 * categories while collecting, its cancellation. Methods taking a {@link Handle} run inside the
 * caller's transaction.
 */
@Singleton
public class ShortlistRepository {
  private static final String PROJECT =
      """
      SELECT p.*, d.name AS department_name FROM livelihood_project p
        LEFT JOIN department d ON d.id = p.department_id
      """;

  private final Database database;

  public ShortlistRepository(Database database) {
    this.database = database;
  }

  /** A round's projects in their shortlist order. */
  public List<Project> projects(String roundId) {
    return database.withHandle(h -> projects(h, roundId));
  }

  public List<Project> projects(Handle h, String roundId) {
    return h.createQuery(PROJECT + " WHERE p.round_id = :round ORDER BY p.position, p.id")
        .bind("round", roundId)
        .map((rs, ctx) -> project(h, rs))
        .list();
  }

  public Optional<Project> find(Handle h, String roundId, String projectId) {
    return h.createQuery(PROJECT + " WHERE p.id = :id AND p.round_id = :round")
        .bind("id", projectId)
        .bind("round", roundId)
        .map((rs, ctx) -> project(h, rs))
        .findOne();
  }

  /**
   * Marks the round changed if it is in one of these states, so that a project's change and the
   * publishing of the shortlist take turns on the round's row; false when it is in none of them.
   */
  public boolean touchIf(Handle h, String roundId, List<RoundState> states, OffsetDateTime at) {
    return h.createUpdate(
                "UPDATE livelihood_round SET updated_at = :at WHERE id = :id AND state IN (<states>)")
            .bind("at", Sql.instant(at))
            .bind("id", roundId)
            .bindList("states", states.stream().map(Enum::name).toList())
            .execute()
        == 1;
  }

  /** The round's proposals already in one of its projects. */
  public List<String> linkedProposals(Handle h, String roundId) {
    return h.createQuery(
            """
            SELECT l.proposal_id FROM livelihood_project_proposal l
              JOIN livelihood_project p ON p.id = l.project_id WHERE p.round_id = :round
            """)
        .bind("round", roundId)
        .mapTo(String.class)
        .list();
  }

  public void insert(Handle h, Project p, OffsetDateTime at) {
    h.createUpdate(
            """
            INSERT INTO livelihood_project (id, round_id, position, category, title, description,
              place, state, created_at, updated_at)
            VALUES (:id, :round, :position, :category, :title, :description, :place, :state, :at,
              :at)
            """)
        .bind("id", p.id())
        .bind("round", p.roundId())
        .bind("position", p.position())
        .bind("category", p.category().name())
        .bind("title", p.title())
        .bind("description", p.description())
        .bind("place", p.place())
        .bind("state", p.state().name())
        .bind("at", Sql.instant(at))
        .execute();
    link(h, p.id(), p.proposals().stream().map(Project.ProposalRef::id).toList());
  }

  public void link(Handle h, String projectId, List<String> proposalIds) {
    for (String proposal : proposalIds) {
      h.createUpdate(
              "INSERT INTO livelihood_project_proposal (proposal_id, project_id)"
                  + " VALUES (:proposal, :project)")
          .bind("proposal", proposal)
          .bind("project", projectId)
          .execute();
    }
  }

  /** Writes what staff edit of a project: its words, department, cost and timetable. */
  public void update(Handle h, Project p, OffsetDateTime at) {
    h.createUpdate(
            """
            UPDATE livelihood_project SET category = :category, title = :title,
              description = :description, place = :place, department_id = :department,
              cost_yuan = :cost, starts_on = :starts, ends_on = :ends, updated_at = :at
            WHERE id = :id
            """)
        .bind("category", p.category().name())
        .bind("title", p.title())
        .bind("description", p.description())
        .bind("place", p.place())
        .bind("department", p.departmentId())
        .bind("cost", p.costYuan())
        .bind("starts", p.startsOn() == null ? null : Sql.date(p.startsOn().atDay(1)))
        .bind("ends", p.endsOn() == null ? null : Sql.date(p.endsOn().atDay(1)))
        .bind("at", Sql.instant(at))
        .bind("id", p.id())
        .execute();
  }

  /** Moves a project from one state to another with its reason; false when it was not in from. */
  public boolean state(
      Handle h,
      String projectId,
      ProjectState from,
      ProjectState to,
      String reason,
      OffsetDateTime at) {
    return h.createUpdate(
                "UPDATE livelihood_project SET state = :to, left_out_reason = :reason,"
                    + " updated_at = :at WHERE id = :id AND state = :from")
            .bind("to", to.name())
            .bind("from", from.name())
            .bind("reason", reason)
            .bind("at", Sql.instant(at))
            .bind("id", projectId)
            .execute()
        == 1;
  }

  /** Every project of the round in one state moved to another (publishing, withdrawing). */
  public void stateAll(
      Handle h, String roundId, ProjectState from, ProjectState to, OffsetDateTime at) {
    h.createUpdate(
            "UPDATE livelihood_project SET state = :to, updated_at = :at"
                + " WHERE round_id = :round AND state = :from")
        .bind("to", to.name())
        .bind("from", from.name())
        .bind("at", Sql.instant(at))
        .bind("round", roundId)
        .execute();
  }

  /** Numbers the round's projects 1, 2, … in this order. */
  public void order(Handle h, List<String> projectIds) {
    for (int i = 0; i < projectIds.size(); i++) {
      h.createUpdate("UPDATE livelihood_project SET position = :position WHERE id = :id")
          .bind("position", i + 1)
          .bind("id", projectIds.get(i))
          .execute();
    }
  }

  /** A round's new dates and categories. */
  public void reschedule(
      Handle h,
      String roundId,
      LocalDate opensOn,
      LocalDate closesOn,
      List<Category> categories,
      OffsetDateTime at) {
    h.createUpdate(
            "UPDATE livelihood_round SET opens_on = :opens, closes_on = :closes, updated_at = :at"
                + " WHERE id = :id")
        .bind("opens", Sql.date(opensOn))
        .bind("closes", Sql.date(closesOn))
        .bind("at", Sql.instant(at))
        .bind("id", roundId)
        .execute();
    h.createUpdate("DELETE FROM livelihood_round_category WHERE round_id = :id")
        .bind("id", roundId)
        .execute();
    for (int i = 0; i < categories.size(); i++) {
      h.createUpdate(
              "INSERT INTO livelihood_round_category (round_id, position, category)"
                  + " VALUES (:round, :position, :category)")
          .bind("round", roundId)
          .bind("position", i + 1)
          .bind("category", categories.get(i).name())
          .execute();
    }
  }

  /** The categories the round's proposals are in. */
  public List<String> categoriesInUse(Handle h, String roundId) {
    return h.createQuery(
            "SELECT DISTINCT category FROM livelihood_proposal WHERE round_id = :round"
                + " ORDER BY category")
        .bind("round", roundId)
        .mapTo(String.class)
        .list();
  }

  /** Cancels a round not yet voting on, with the reason; false when it was no longer so. */
  public boolean cancel(Handle h, String roundId, String reason, OffsetDateTime at) {
    return h.createUpdate(
                """
                UPDATE livelihood_round SET state = 'CANCELLED', cancel_reason = :reason,
                  updated_at = :at
                WHERE id = :id AND state IN ('COLLECTING', 'REVIEWING', 'SHORTLISTED')
                """)
            .bind("reason", reason)
            .bind("at", Sql.instant(at))
            .bind("id", roundId)
            .execute()
        == 1;
  }

  /** Why a round was cancelled (empty unless it was). */
  public String cancelReason(String roundId) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT cancel_reason FROM livelihood_round WHERE id = :id")
                .bind("id", roundId)
                .mapTo(String.class)
                .findOne()
                .orElse(""));
  }

  private static Project project(Handle h, ResultSet rs) throws SQLException {
    String id = rs.getString("id");
    List<Project.ProposalRef> proposals =
        h.createQuery(
                """
                SELECT l.proposal_id, q.title FROM livelihood_project_proposal l
                  JOIN livelihood_proposal q ON q.id = l.proposal_id
                WHERE l.project_id = :id ORDER BY q.submitted_at, q.id
                """)
            .bind("id", id)
            .map((r, ctx) -> new Project.ProposalRef(r.getString(1), r.getString(2)))
            .list();
    long cost = rs.getLong("cost_yuan");
    Long costYuan = rs.wasNull() ? null : cost;
    return new Project(
        id,
        rs.getString("round_id"),
        rs.getInt("position"),
        Category.of(rs.getString("category")).orElse(Category.OTHER),
        rs.getString("title"),
        rs.getString("description"),
        rs.getString("place"),
        rs.getString("department_id"),
        rs.getString("department_name"),
        costYuan,
        month(rs.getString("starts_on")),
        month(rs.getString("ends_on")),
        ProjectState.valueOf(rs.getString("state")),
        rs.getString("left_out_reason"),
        proposals);
  }

  private static @Nullable YearMonth month(@Nullable String day) {
    return day == null ? null : YearMonth.from(LocalDate.parse(day));
  }
}
