package liaison.hub.calendar;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import org.jdbi.v3.core.Handle;

/** The national table and each county's own days. */
@Singleton
public class CalendarRepository {
  private final Database database;
  private final Clock clock;

  public CalendarRepository(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** Both tables of a county, read together: what {@link WorkingDays} is made of. */
  public record Rows(List<CalendarDay> national, List<CalendarDay> county) {}

  public Rows rows(String countyId) {
    return database.withHandle(
        h ->
            new Rows(
                h.createQuery("SELECT day, kind, name FROM national_calendar_day ORDER BY day")
                    .map((rs, ctx) -> day(rs, true))
                    .list(),
                h.createQuery(
                        "SELECT day, kind, name FROM county_calendar_day WHERE county_id = :county ORDER BY day")
                    .bind("county", countyId)
                    .map((rs, ctx) -> day(rs, false))
                    .list()));
  }

  private static CalendarDay day(ResultSet rs, boolean national) throws SQLException {
    return new CalendarDay(
        LocalDate.parse(rs.getString("day")),
        DayKind.valueOf(rs.getString("kind")),
        rs.getString("name"),
        national);
  }

  /**
   * Adds the national days not yet stored; a day already there stays as it is. Safe when several
   * hubs start at once. Returns how many were added.
   */
  public int addNational(List<CalendarDay> days) {
    return database.inTransaction(
        h -> {
          int added = 0;
          for (CalendarDay d : days) {
            added +=
                h.createUpdate(
                        "INSERT INTO national_calendar_day (day, kind, name) VALUES (:day, :kind, :name)"
                            + " ON CONFLICT (day) DO NOTHING")
                    .bind("day", Sql.date(d.date()))
                    .bind("kind", d.kind().name())
                    .bind("name", d.name())
                    .execute();
          }
          return added;
        });
  }

  /** Sets a county's day, replacing what the county had for it. */
  public void put(Handle h, String countyId, CalendarDay d, String staffId) {
    h.createUpdate(
            """
            INSERT INTO county_calendar_day (county_id, day, kind, name, changed_at, changed_by)
            VALUES (:county, :day, :kind, :name, :now, :staff)
            ON CONFLICT (county_id, day) DO UPDATE SET kind = excluded.kind, name = excluded.name,
              changed_at = excluded.changed_at, changed_by = excluded.changed_by
            """)
        .bind("county", countyId)
        .bind("day", Sql.date(d.date()))
        .bind("kind", d.kind().name())
        .bind("name", d.name())
        .bind("now", Sql.instant(OffsetDateTime.now(clock)))
        .bind("staff", staffId)
        .execute();
  }

  /** Removes a county's day; false when the county had none for it. */
  public boolean remove(Handle h, String countyId, LocalDate day) {
    return h.createUpdate(
                "DELETE FROM county_calendar_day WHERE county_id = :county AND day = :day")
            .bind("county", countyId)
            .bind("day", Sql.date(day))
            .execute()
        == 1;
  }

  /** Every county, for the December check. */
  public List<String> counties() {
    return database.withHandle(
        h -> h.createQuery("SELECT id FROM county ORDER BY id").mapTo(String.class).list());
  }
}
