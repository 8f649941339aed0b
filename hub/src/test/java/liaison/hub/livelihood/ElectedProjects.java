package liaison.hub.livelihood;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * Decided rounds with elected projects, their milestones and the department's progress reports,
 * written as plain rows: the pages that write them (the vote's result, the department's reports)
 * are other stages'; the boards only read them.
 */
final class ElectedProjects {
  private final Database database;
  private final OffsetDateTime now;

  ElectedProjects(Database database, OffsetDateTime now) {
    this.database = database;
    this.now = now;
  }

  void department(String id, String countyId, String name) {
    database.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO department (id, county_id, name, created_at, updated_at)"
                        + " VALUES (:id, :county, :name, :at, :at)")
                .bind("id", id)
                .bind("county", countyId)
                .bind("name", name)
                .bind("at", Sql.instant(now))
                .execute());
  }

  void decidedRound(String id, String countyId, @Nullable String townshipId, int year) {
    database.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO livelihood_round (id, county_id, township_id, year, title,
                      opens_on, closes_on, state, created_by, created_at, updated_at)
                    VALUES (:id, :county, :township, :year, :title, :opens, :closes, 'DECIDED',
                      'u-admin', :at, :at)
                    """)
                .bind("id", id)
                .bind("county", countyId)
                .bind("township", townshipId)
                .bind("year", year)
                .bind("title", year + "年度民生实事项目")
                .bind("opens", Sql.date(LocalDate.of(year - 1, 10, 1)))
                .bind("closes", Sql.date(LocalDate.of(year - 1, 10, 31)))
                .bind("at", Sql.instant(now))
                .execute());
  }

  void project(
      String id,
      String roundId,
      int position,
      String title,
      @Nullable String departmentId,
      String state,
      int progress) {
    database.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO livelihood_project (id, round_id, position, category, title,
                      description, department_id, state, progress, created_at, updated_at)
                    VALUES (:id, :round, :position, 'URBAN_RURAL', :title, '', :department,
                      :state, :progress, :at, :at)
                    """)
                .bind("id", id)
                .bind("round", roundId)
                .bind("position", position)
                .bind("title", title)
                .bind("department", departmentId)
                .bind("state", state)
                .bind("progress", progress)
                .bind("at", Sql.instant(now))
                .execute());
  }

  void progress(String id, String projectId, int percent, OffsetDateTime at) {
    database.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO livelihood_progress (id, project_id, percent, text, reported_by,
                      reported_at) VALUES (:id, :project, :percent, '按计划推进', 'u-dept', :at)
                    """)
                .bind("id", id)
                .bind("project", projectId)
                .bind("percent", percent)
                .bind("at", Sql.instant(at))
                .execute());
  }

  void milestone(
      String id,
      String projectId,
      int position,
      String title,
      LocalDate due,
      @Nullable LocalDate done) {
    database.useHandle(
        (Handle h) ->
            h.createUpdate(
                    """
                    INSERT INTO livelihood_milestone (id, project_id, position, title, due_on,
                      done_on) VALUES (:id, :project, :position, :title, :due, :done)
                    """)
                .bind("id", id)
                .bind("project", projectId)
                .bind("position", position)
                .bind("title", title)
                .bind("due", Sql.date(due))
                .bind("done", done == null ? null : Sql.date(done))
                .execute());
  }
}
