package liaison.hub.reception;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import liaison.hub.db.BoundLists;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.signage.protocol.ReceptionStatus;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** Reception slots and their on-duty deputies. */
@Singleton
public class ReceptionRepository {
  private final Database database;
  private final Clock clock;

  public ReceptionRepository(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** A slot that overlaps the one being checked, for one of its deputies. */
  public record Clash(
      String slotId, String deputyId, String stationName, LocalTime start, LocalTime end) {}

  /** The station's slots with dates in [from, to], in time order. */
  public List<ReceptionSlot> forStation(String stationId, LocalDate from, LocalDate to) {
    return forStations(List.of(stationId), from, to).getOrDefault(stationId, List.of());
  }

  /**
   * The slots of these stations with dates in [from, to], each station's in time order, by station
   * id (absent when it has none): one query for them all, and one for their deputies.
   */
  public Map<String, List<ReceptionSlot>> forStations(
      Collection<String> stationIds, LocalDate from, LocalDate to) {
    if (stationIds.isEmpty()) {
      return Map.of();
    }
    Map<String, List<ReceptionSlot>> byStation = new HashMap<>();
    database
        .withHandle(
            h ->
                load(
                    h,
                    "station_id IN (<stations>) AND slot_date >= :from AND slot_date <= :to",
                    q ->
                        q.bindList("stations", List.copyOf(stationIds))
                            .bind("from", Sql.date(from))
                            .bind("to", Sql.date(to))))
        .forEach(s -> byStation.computeIfAbsent(s.stationId(), k -> new ArrayList<>()).add(s));
    return byStation;
  }

  public Optional<ReceptionSlot> find(String id) {
    return database.withHandle(h -> find(h, id));
  }

  /** As above, inside the caller's transaction. */
  public Optional<ReceptionSlot> find(Handle h, String id) {
    return load(h, "id = :id", Map.of("id", id)).stream().findFirst();
  }

  /**
   * Slots other than {@code exceptSlotId}, not cancelled, on the same date, overlapping [start,
   * end), with any of the deputies on duty.
   */
  public List<Clash> clashes(
      String exceptSlotId, LocalDate date, LocalTime start, LocalTime end, List<String> deputyIds) {
    return clashes(exceptSlotId, "", date, start, end, deputyIds);
  }

  /** As above, also leaving out every slot made by the rule {@code exceptRuleId}. */
  public List<Clash> clashes(
      String exceptSlotId,
      String exceptRuleId,
      LocalDate date,
      LocalTime start,
      LocalTime end,
      List<String> deputyIds) {
    if (deputyIds.isEmpty()) {
      return List.of();
    }
    return database.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT s.id, d.deputy_id, st.name AS station_name, s.start_time, s.end_time
                    FROM reception_slot s
                    JOIN reception_deputy d ON d.slot_id = s.id
                    JOIN station st ON st.id = s.station_id
                    WHERE s.id <> :except AND (s.rule_id IS NULL OR s.rule_id <> :exceptRule)
                      AND s.slot_date = :date AND s.status <> 'CANCELLED'
                      AND s.start_time < :end AND :start < s.end_time AND d.deputy_id IN (<deputies>)
                    ORDER BY s.start_time, s.id, d.deputy_id
                    """)
                .bind("except", exceptSlotId)
                .bind("exceptRule", exceptRuleId)
                .bind("date", Sql.date(date))
                .bind("start", Sql.time(start))
                .bind("end", Sql.time(end))
                .bindList("deputies", deputyIds)
                .map(
                    (rs, ctx) ->
                        new Clash(
                            rs.getString("id"),
                            rs.getString("deputy_id"),
                            rs.getString("station_name"),
                            LocalTime.parse(rs.getString("start_time")),
                            LocalTime.parse(rs.getString("end_time"))))
                .list());
  }

  /**
   * Places booked (sum of party sizes of bookings not cancelled) per slot; slots nobody booked are
   * left out.
   */
  public Map<String, Integer> bookedPlaces(List<String> slotIds) {
    if (slotIds.isEmpty()) {
      return Map.of();
    }
    return database.withHandle(
        h -> {
          Map<String, Integer> booked = new HashMap<>();
          BoundLists.inSlices(
              slotIds,
              ids ->
                  h.createQuery(
                          """
                          SELECT slot_id, SUM(party_size) AS places FROM reception_booking
                          WHERE slot_id IN (<ids>) AND status = 'BOOKED' GROUP BY slot_id
                          """)
                      .bindList("ids", ids)
                      .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                      .forEach(e -> booked.put(e.getKey(), e.getValue())));
          return booked;
        });
  }

  /** Changes a slot in place; a slot made by a rule stays linked to it. */
  public void update(Handle h, ReceptionSlot slot) {
    h.createUpdate(
            """
            UPDATE reception_slot SET station_id = :station, slot_date = :date, start_time = :start, end_time = :end,
                   theme = :theme, location = :location, status = :status, capacity = :capacity, updated_at = :now
            WHERE id = :id
            """)
        .bind("id", slot.id())
        .bind("capacity", slot.capacity())
        .bind("station", slot.stationId())
        .bind("date", Sql.date(slot.date()))
        .bind("start", Sql.time(slot.start()))
        .bind("end", Sql.time(slot.end()))
        .bind("theme", slot.theme())
        .bind("location", slot.location())
        .bind("status", slot.status().name())
        .bind("now", Sql.instant(OffsetDateTime.now(clock)))
        .execute();
    h.createUpdate("DELETE FROM reception_deputy WHERE slot_id = :id")
        .bind("id", slot.id())
        .execute();
    insertDeputies(h, slot);
    // A deputy taken off the slot is no longer "present" at it.
    if (slot.deputyIds().isEmpty()) {
      h.createUpdate("DELETE FROM reception_attendance WHERE slot_id = :id")
          .bind("id", slot.id())
          .execute();
    } else {
      h.createUpdate(
              "DELETE FROM reception_attendance WHERE slot_id = :id AND deputy_id NOT IN (<onDuty>)")
          .bind("id", slot.id())
          .bindList("onDuty", slot.deputyIds())
          .execute();
    }
  }

  /** Inserts a slot made by a rule, unless the rule already has one on that date. */
  public boolean insertFromRule(Handle h, ReceptionSlot slot, String ruleId) {
    boolean exists =
        h.createQuery(
                    "SELECT COUNT(*) FROM reception_slot WHERE rule_id = :rule AND slot_date = :date")
                .bind("rule", ruleId)
                .bind("date", Sql.date(slot.date()))
                .mapTo(Integer.class)
                .one()
            > 0;
    if (exists) {
      return false;
    }
    insert(h, slot);
    h.createUpdate("UPDATE reception_slot SET rule_id = :rule WHERE id = :id")
        .bind("rule", ruleId)
        .bind("id", slot.id())
        .execute();
    return true;
  }

  /**
   * Removes the slots a rule made from {@code from} on that are still only planned (not announced,
   * held or cancelled by hand), so a changed rule can make them again.
   */
  public int deletePlannedFromRule(Handle h, String ruleId, LocalDate from) {
    List<String> ids =
        h.createQuery(
                "SELECT id FROM reception_slot WHERE rule_id = :rule AND slot_date >= :from AND status = 'PLANNED'")
            .bind("rule", ruleId)
            .bind("from", Sql.date(from))
            .mapTo(String.class)
            .list();
    ids.forEach(id -> delete(h, id));
    return ids.size();
  }

  public void delete(Handle h, String id) {
    h.createUpdate("DELETE FROM reception_attendance WHERE slot_id = :id").bind("id", id).execute();
    h.createUpdate("DELETE FROM reception_deputy WHERE slot_id = :id").bind("id", id).execute();
    h.createUpdate("DELETE FROM reception_slot WHERE id = :id").bind("id", id).execute();
  }

  private static List<ReceptionSlot> load(Handle h, String where, Map<String, String> params) {
    return load(h, where, q -> params.forEach(q::bind));
  }

  private static List<ReceptionSlot> load(Handle h, String where, Consumer<Query> bind) {
    var query =
        h.createQuery(
            "SELECT * FROM reception_slot WHERE " + where + " ORDER BY slot_date, start_time, id");
    bind.accept(query);
    List<ReceptionSlot> bare =
        query
            .map(
                (rs, ctx) ->
                    new ReceptionSlot(
                        rs.getString("id"),
                        rs.getString("station_id"),
                        LocalDate.parse(rs.getString("slot_date")),
                        LocalTime.parse(rs.getString("start_time")),
                        LocalTime.parse(rs.getString("end_time")),
                        rs.getString("theme"),
                        rs.getString("location"),
                        ReceptionStatus.valueOf(rs.getString("status")),
                        List.of(),
                        rs.getObject("capacity") == null ? null : rs.getInt("capacity")))
            .list();
    if (bare.isEmpty()) {
      return bare;
    }
    Map<String, List<String>> deputies =
        BoundLists.grouped(
            h,
            "SELECT slot_id, deputy_id FROM reception_deputy WHERE slot_id IN (<ids>) ORDER BY slot_id, position",
            bare.stream().map(ReceptionSlot::id).toList());
    return bare.stream()
        .map(
            s ->
                new ReceptionSlot(
                    s.id(),
                    s.stationId(),
                    s.date(),
                    s.start(),
                    s.end(),
                    s.theme(),
                    s.location(),
                    s.status(),
                    deputies.getOrDefault(s.id(), List.of()),
                    s.capacity()))
        .toList();
  }

  public void insert(Handle h, ReceptionSlot slot) {
    String now = Sql.instant(OffsetDateTime.now(clock));
    h.createUpdate(
            """
            INSERT INTO reception_slot (id, station_id, slot_date, start_time, end_time, theme, location,
                                        status, capacity, created_at, updated_at)
            VALUES (:id, :station, :date, :start, :end, :theme, :location, :status, :capacity, :now, :now)
            """)
        .bind("id", slot.id())
        .bind("capacity", slot.capacity())
        .bind("station", slot.stationId())
        .bind("date", Sql.date(slot.date()))
        .bind("start", Sql.time(slot.start()))
        .bind("end", Sql.time(slot.end()))
        .bind("theme", slot.theme())
        .bind("location", slot.location())
        .bind("status", slot.status().name())
        .bind("now", now)
        .execute();
    insertDeputies(h, slot);
  }

  private static void insertDeputies(Handle h, ReceptionSlot slot) {
    int position = 0;
    for (String deputyId : slot.deputyIds()) {
      h.createUpdate(
              "INSERT INTO reception_deputy (slot_id, deputy_id, position) VALUES (:slot, :deputy, :position)")
          .bind("slot", slot.id())
          .bind("deputy", deputyId)
          .bind("position", position++)
          .execute();
    }
  }
}
