package liaison.hub.department;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import org.jdbi.v3.core.Handle;

/** Departments of a county, by name. */
@Singleton
public class DepartmentRepository {
  private final Database database;
  private final Clock clock;

  public DepartmentRepository(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  public List<Department> inCounty(String countyId) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT * FROM department WHERE county_id = :county ORDER BY name, id")
                .bind("county", countyId)
                .map(
                    (rs, ctx) ->
                        new Department(
                            rs.getString("id"),
                            rs.getString("county_id"),
                            rs.getString("name"),
                            rs.getString("contact"),
                            rs.getString("email")))
                .list());
  }

  public Optional<Department> find(String id) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT * FROM department WHERE id = :id")
                .bind("id", id)
                .map(
                    (rs, ctx) ->
                        new Department(
                            rs.getString("id"),
                            rs.getString("county_id"),
                            rs.getString("name"),
                            rs.getString("contact"),
                            rs.getString("email")))
                .findOne());
  }

  public boolean nameTaken(String countyId, String name, String exceptId) {
    return database.withHandle(
        h ->
            h.createQuery(
                        "SELECT COUNT(*) FROM department WHERE county_id = :county AND name = :name AND id <> :id")
                    .bind("county", countyId)
                    .bind("name", name)
                    .bind("id", exceptId)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  public void insert(Handle h, Department d) {
    String now = Sql.instant(OffsetDateTime.now(clock));
    h.createUpdate(
            "INSERT INTO department (id, county_id, name, contact, email, created_at, updated_at) VALUES (:id, :county, :name, :contact, :email, :now, :now)")
        .bind("id", d.id())
        .bind("county", d.countyId())
        .bind("name", d.name())
        .bind("contact", d.contact())
        .bind("email", d.email())
        .bind("now", now)
        .execute();
  }

  public void update(Handle h, Department d) {
    h.createUpdate(
            "UPDATE department SET name = :name, contact = :contact, email = :email, updated_at = :now WHERE id = :id")
        .bind("id", d.id())
        .bind("name", d.name())
        .bind("contact", d.contact())
        .bind("email", d.email())
        .bind("now", Sql.instant(OffsetDateTime.now(clock)))
        .execute();
  }
}
