package liaison.hub.duty;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import org.jdbi.v3.core.Handle;

/**
 * A county's rule table (积分规则): the points of each kind of duty activity from a date on. The rule
 * in force on the day an activity happened gives its points; a kind the county never set counts
 * with {@link #DEFAULTS}, so a new county scores from its first day without setting anything.
 */
@Singleton
public class DutyRules {
  /** The hub's defaults, in force from the beginning for every kind a county has not set. */
  public static final Map<DutyKind, Integer> DEFAULTS = defaults();

  /** The day the defaults count from. */
  static final LocalDate BEGINNING = LocalDate.of(2000, 1, 1);

  private final Database database;
  private final Clock clock;

  public DutyRules(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /**
   * One line of the table: a kind's points from a day on; {@code setBy} empty for a default.
   *
   * @param setAt when it was set, ISO-8601; empty for a default
   */
  public record Rule(
      DutyKind kind, LocalDate effectiveFrom, int points, String setBy, String setAt) {
    public boolean isDefault() {
      return setBy.isEmpty();
    }
  }

  private static Map<DutyKind, Integer> defaults() {
    Map<DutyKind, Integer> d = new EnumMap<>(DutyKind.class);
    d.put(DutyKind.RECEPTION_ATTENDED, 5);
    d.put(DutyKind.RECEPTION_MISSED, -2);
    d.put(DutyKind.CASE_CLOSED, 2);
    d.put(DutyKind.SUGGESTION_MADE, 3);
    d.put(DutyKind.REPORT_HELD, 10);
    // the most a report's rating gives: all voters 满意 or 基本满意
    d.put(DutyKind.REPORT_RATED, 10);
    d.put(DutyKind.MEETING, 3);
    d.put(DutyKind.TRAINING, 2);
    d.put(DutyKind.GROUP_ACTIVITY, 3);
    d.put(DutyKind.VISIT, 2);
    d.put(DutyKind.OTHER, 1);
    return Map.copyOf(d);
  }

  /** Every rule the county set, and the defaults of the kinds it did not, by kind then date. */
  public List<Rule> table(String countyId) {
    return database.withHandle(h -> table(h, countyId));
  }

  List<Rule> table(Handle h, String countyId) {
    List<Rule> set =
        h.createQuery(
                """
                SELECT kind, effective_from, points, set_by, set_at FROM duty_rule
                WHERE county_id = :county ORDER BY kind, effective_from
                """)
            .bind("county", countyId)
            .map(
                (rs, ctx) ->
                    new Rule(
                        DutyKind.valueOf(rs.getString("kind")),
                        LocalDate.parse(rs.getString("effective_from")),
                        rs.getInt("points"),
                        rs.getString("set_by"),
                        rs.getString("set_at")))
            .list();
    List<Rule> table = new ArrayList<>();
    for (DutyKind kind : DutyKind.values()) {
      List<Rule> ofKind = set.stream().filter(r -> r.kind() == kind).toList();
      if (ofKind.isEmpty() || ofKind.getFirst().effectiveFrom().isAfter(BEGINNING)) {
        table.add(new Rule(kind, BEGINNING, DEFAULTS.get(kind), "", ""));
      }
      table.addAll(ofKind);
    }
    return table;
  }

  /** The points of the rule in force for this kind on that day. */
  public int pointsOn(Handle h, String countyId, DutyKind kind, LocalDate day) {
    return h.createQuery(
            """
            SELECT points FROM duty_rule
            WHERE county_id = :county AND kind = :kind AND effective_from <= :day
            ORDER BY effective_from DESC LIMIT 1
            """)
        .bind("county", countyId)
        .bind("kind", kind.name())
        .bind("day", Sql.date(day))
        .mapTo(Integer.class)
        .findOne()
        .orElse(DEFAULTS.get(kind));
  }

  /**
   * Sets a kind's points from a day on, replacing a rule of the same kind and day. Entries already
   * made keep their points: they were written when recorded.
   */
  public void put(Handle h, String countyId, DutyKind kind, LocalDate from, int points, String by) {
    h.createUpdate(
            """
            INSERT INTO duty_rule (county_id, kind, effective_from, points, set_by, set_at)
            VALUES (:county, :kind, :from, :points, :by, :at)
            ON CONFLICT (county_id, kind, effective_from) DO UPDATE SET points = excluded.points,
              set_by = excluded.set_by, set_at = excluded.set_at
            """)
        .bind("county", countyId)
        .bind("kind", kind.name())
        .bind("from", Sql.date(from))
        .bind("points", points)
        .bind("by", by)
        .bind("at", Sql.instant(OffsetDateTime.now(clock)))
        .execute();
  }
}
