package liaison.hub.reception;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/** Recurring reception rules, their on-duty deputies and exception dates. */
@Singleton
public class ReceptionRuleRepository {
  private final Database database;
  private final Clock clock;

  public ReceptionRuleRepository(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  public List<ReceptionRule> forStation(String stationId) {
    return database.withHandle(h -> load(h, " WHERE station_id = :v", stationId));
  }

  public List<ReceptionRule> all() {
    return database.withHandle(h -> load(h, "", null));
  }

  public Optional<ReceptionRule> find(String id) {
    return database.withHandle(h -> load(h, " WHERE id = :v", id).stream().findFirst());
  }

  public void insert(Handle h, ReceptionRule r) {
    write(
        h,
        r,
        """
        INSERT INTO reception_rule (id, station_id, kind, weekday, month_day, start_time, end_time, theme,
                                    location, valid_from, valid_until, created_at, updated_at)
        VALUES (:id, :station, :kind, :weekday, :monthDay, :start, :end, :theme, :location, :from, :until, :now, :now)
        """);
  }

  /** Changes a rule in place: the slots it made stay linked to it. */
  public void replace(Handle h, ReceptionRule r) {
    h.createUpdate("DELETE FROM reception_rule_deputy WHERE rule_id = :id")
        .bind("id", r.id())
        .execute();
    h.createUpdate("DELETE FROM reception_rule_exception WHERE rule_id = :id")
        .bind("id", r.id())
        .execute();
    write(
        h,
        r,
        """
        UPDATE reception_rule SET station_id = :station, kind = :kind, weekday = :weekday, month_day = :monthDay,
               start_time = :start, end_time = :end, theme = :theme, location = :location, valid_from = :from,
               valid_until = :until, updated_at = :now
        WHERE id = :id
        """);
  }

  private void write(Handle h, ReceptionRule r, String sql) {
    String now = Sql.instant(OffsetDateTime.now(clock));
    h.createUpdate(sql)
        .bind("id", r.id())
        .bind("station", r.stationId())
        .bind("kind", r.kind().name())
        .bind("weekday", r.weekday() == null ? null : r.weekday().getValue())
        .bind("monthDay", r.monthDay())
        .bind("start", Sql.time(r.start()))
        .bind("end", Sql.time(r.end()))
        .bind("theme", r.theme())
        .bind("location", r.location())
        .bind("from", Sql.date(r.validFrom()))
        .bind("until", r.validUntil() == null ? null : Sql.date(r.validUntil()))
        .bind("now", now)
        .execute();
    int position = 0;
    for (String deputy : r.deputyIds()) {
      h.createUpdate(
              "INSERT INTO reception_rule_deputy (rule_id, deputy_id, position) VALUES (:r, :d, :p)")
          .bind("r", r.id())
          .bind("d", deputy)
          .bind("p", position++)
          .execute();
    }
    for (LocalDate date : r.exceptions()) {
      h.createUpdate(
              "INSERT INTO reception_rule_exception (rule_id, exception_date) VALUES (:r, :d)")
          .bind("r", r.id())
          .bind("d", Sql.date(date))
          .execute();
    }
  }

  public void delete(Handle h, String id) {
    h.createUpdate("DELETE FROM reception_rule_deputy WHERE rule_id = :id")
        .bind("id", id)
        .execute();
    h.createUpdate("DELETE FROM reception_rule_exception WHERE rule_id = :id")
        .bind("id", id)
        .execute();
    // Slots it made stay (held ones are history); they only lose their link to the rule.
    h.createUpdate("UPDATE reception_slot SET rule_id = NULL WHERE rule_id = :id")
        .bind("id", id)
        .execute();
    h.createUpdate("DELETE FROM reception_rule WHERE id = :id").bind("id", id).execute();
  }

  private static List<ReceptionRule> load(Handle h, String where, @Nullable String value) {
    var query = h.createQuery("SELECT * FROM reception_rule" + where + " ORDER BY station_id, id");
    if (value != null) {
      query.bind("v", value);
    }
    List<Map<String, Object>> rows = query.mapToMap().list();
    if (rows.isEmpty()) {
      return List.of();
    }
    List<String> ids = rows.stream().map(r -> (String) r.get("id")).toList();
    Map<String, List<String>> deputies = new HashMap<>();
    h.createQuery(
            "SELECT rule_id, deputy_id FROM reception_rule_deputy WHERE rule_id IN (<ids>) ORDER BY rule_id, position")
        .bindList("ids", ids)
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
        .forEach(
            e -> deputies.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    Map<String, Set<LocalDate>> exceptions = new HashMap<>();
    h.createQuery(
            "SELECT rule_id, exception_date FROM reception_rule_exception WHERE rule_id IN (<ids>)")
        .bindList("ids", ids)
        .map((rs, ctx) -> Map.entry(rs.getString(1), LocalDate.parse(rs.getString(2))))
        .forEach(
            e -> exceptions.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
    return rows.stream()
        .map(
            r -> {
              String id = (String) r.get("id");
              Object weekday = r.get("weekday");
              Object monthDay = r.get("month_day");
              Object until = r.get("valid_until");
              return new ReceptionRule(
                  id,
                  (String) r.get("station_id"),
                  ReceptionRule.Kind.valueOf((String) r.get("kind")),
                  weekday == null ? null : DayOfWeek.of(((Number) weekday).intValue()),
                  monthDay == null ? null : ((Number) monthDay).intValue(),
                  LocalTime.parse((String) r.get("start_time")),
                  LocalTime.parse((String) r.get("end_time")),
                  (String) r.get("theme"),
                  (String) r.get("location"),
                  LocalDate.parse((String) r.get("valid_from")),
                  until == null ? null : LocalDate.parse((String) until),
                  deputies.getOrDefault(id, List.of()),
                  exceptions.getOrDefault(id, Set.of()));
            })
        .toList();
  }
}
