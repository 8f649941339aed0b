package liaison.hub.ledger;

import io.micronaut.core.annotation.Introspected;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import liaison.hub.audit.AuditLog;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.opinion.CaseStatus;
import liaison.hub.opinion.Category;
import liaison.hub.opinion.FollowUp;
import liaison.hub.opinion.FollowUps;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.reception.ReceptionDetails;
import liaison.hub.reception.ReceptionRepository;
import liaison.hub.reception.ReceptionSlot;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.StationPlace;
import liaison.hub.text.ResidentText;
import liaison.hub.text.Text;
import liaison.signage.protocol.ReceptionStatus;
import org.jspecify.annotations.Nullable;

/**
 * The reception ledger (接待台账): per reception held, who was on duty and who signed in, how many
 * residents came (as staff counted them, with the station's motion sensor's count beside it as a
 * hint), the opinions received at it, and staff's notes. Like the opinion ledger it is the
 * stations' staff's (never a deputy's account) and carries no resident's name, phone or words: an
 * opinion shows as its tracking code, category, staff's summary and status.
 */
@Singleton
public class ReceptionLedger {
  static final int MAX_NOTE = 1000;

  /** More people than a station's hall holds in a morning: a typo guard. */
  static final int MAX_VISITORS = 2000;

  /** The event a station's kiosk sends at most once per 30 s while someone is in front of it. */
  public static final String MOTION_EVENT = "motion";

  private final Database database;
  private final ReceptionRepository receptions;
  private final ReceptionDetails details;
  private final FollowUps followUps;
  private final Access access;
  private final AuditLog audit;
  private final Clock clock;

  public ReceptionLedger(
      Database database,
      ReceptionRepository receptions,
      ReceptionDetails details,
      FollowUps followUps,
      Access access,
      AuditLog audit,
      Clock clock) {
    this.database = database;
    this.receptions = receptions;
    this.details = details;
    this.followUps = followUps;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  /** An opinion received at the reception, as the ledger may show it (never the resident's). */
  public record Collected(
      String caseId, String trackingCode, Category category, String summary, CaseStatus status) {}

  /**
   * One reception in the ledger.
   *
   * @param onDuty the on-duty deputies' names, in the slot's order
   * @param signedIn the names of those marked as arrived (签到), in the order they were marked
   * @param visitors as staff counted them; null until entered
   * @param motions the station's motion detections during the reception's hours (a hint)
   */
  public record Entry(
      ReceptionSlot slot,
      StationPlace place,
      List<String> onDuty,
      List<String> signedIn,
      @Nullable Integer visitors,
      int motions,
      List<Collected> collected,
      String note) {
    public boolean held(LocalDate today) {
      return !slot.date().isAfter(today);
    }
  }

  /** What staff write about a reception: how many came (empty: not counted) and notes. */
  @Introspected
  public record Written(@Nullable String visitors, @Nullable String note) {}

  /** The month as typed ({@code 2026-03}); empty for this month. */
  public YearMonth month(@Nullable String typed) {
    if (typed == null || typed.isBlank()) {
      return YearMonth.now(clock.withZone(Sql.ZONE));
    }
    try {
      return YearMonth.parse(typed.strip());
    } catch (DateTimeParseException e) {
      throw ValidationProblem.of("month", Text.of("problem.reception-ledger.month.invalid"));
    }
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(Sql.ZONE));
  }

  /**
   * The receptions of a month not cancelled, of one station or of every station the staff member
   * may see, in date order.
   */
  public List<Entry> month(Staff staff, @Nullable String stationId, YearMonth month) {
    access.requireEditor(staff);
    List<StationPlace> places;
    if (stationId != null && !stationId.isBlank()) {
      places = List.of(access.requireStationStaff(staff, stationId.strip()));
    } else {
      places = access.visibleStations(staff);
    }
    List<ReceptionSlot> slots = new ArrayList<>();
    Map<String, StationPlace> byId = new HashMap<>();
    for (StationPlace place : places) {
      byId.put(place.id(), place);
      receptions.forStation(place.id(), month.atDay(1), month.atEndOfMonth()).stream()
          .filter(s -> s.status() != ReceptionStatus.CANCELLED)
          .forEach(slots::add);
    }
    slots.sort(
        java.util.Comparator.comparing(ReceptionSlot::date)
            .thenComparing(ReceptionSlot::start)
            .thenComparing(s -> byId.get(s.stationId()).station().name())
            .thenComparing(ReceptionSlot::id));
    return entries(slots, byId);
  }

  /** One reception's entry, for its station's staff. */
  public Entry entry(Staff staff, String slotId) {
    ReceptionSlot slot = slot(slotId);
    StationPlace place = access.requireStationStaff(staff, slot.stationId());
    return entries(List.of(slot), Map.of(place.id(), place)).getFirst();
  }

  /**
   * Writes how many came and the notes; every problem at once, nothing saved on any.
   *
   * @throws ValidationProblem visitors (not a count, or for a reception still to come), note
   */
  public Entry write(Staff staff, String slotId, Written written) {
    ReceptionSlot slot = slot(slotId);
    StationPlace place = access.requireEdit(staff, slot.stationId());
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    Integer visitors = null;
    String typed = written.visitors() == null ? "" : written.visitors().strip();
    if (!typed.isEmpty()) {
      if (!typed.matches("[0-9]{1,6}") || Integer.parseInt(typed) > MAX_VISITORS) {
        problems.add("visitors", Text.of("problem.reception-ledger.visitors", MAX_VISITORS));
      } else if (slot.date().isAfter(today())) {
        problems.add("visitors", Text.of("problem.reception-ledger.not-yet", slot.date()));
      } else {
        visitors = Integer.parseInt(typed);
      }
    }
    String note = ResidentText.clean(written.note());
    if (ResidentText.length(note) > MAX_NOTE) {
      problems.add("note", Text.of("problem.reception-ledger.note.too-long", MAX_NOTE));
    }
    problems.throwIfAny();
    Integer counted = visitors;
    database.useTransaction(
        h -> {
          h.createUpdate(
                  "UPDATE reception_slot SET visitors = :visitors, ledger_note = :note, updated_at = :now WHERE id = :id")
              .bind("visitors", counted)
              .bind("note", note)
              .bind("now", Sql.instant(OffsetDateTime.now(clock)))
              .bind("id", slotId)
              .execute();
          audit.record(
              h,
              staff,
              "ledger",
              "reception",
              slotId,
              slot.auditName() + " 来访 visitors " + (counted == null ? "—" : counted));
        });
    return entries(List.of(slot(slotId)), Map.of(place.id(), place)).getFirst();
  }

  /** How many residents staff counted at the reception; empty until they entered it. */
  public Optional<Integer> visitorsAt(String slotId) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT visitors FROM reception_slot WHERE id = :id")
                .bind("id", slotId)
                .mapTo(Integer.class)
                .findFirst());
  }

  /**
   * The residents staff counted at a station's receptions with dates in [from, to] (receptions not
   * counted add nothing).
   */
  public int visitors(String stationId, LocalDate from, LocalDate to) {
    return database.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT COALESCE(SUM(visitors), 0) FROM reception_slot
                    WHERE station_id = :station AND slot_date >= :from AND slot_date <= :to
                      AND status <> 'CANCELLED'
                    """)
                .bind("station", stationId)
                .bind("from", Sql.date(from))
                .bind("to", Sql.date(to))
                .mapTo(Integer.class)
                .one());
  }

  /** The station's motion detections in [from, until): the kiosk's hint beside staff's count. */
  public int motions(String stationId, OffsetDateTime from, OffsetDateTime until) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT COUNT(*) FROM station_event WHERE station_id = :s AND type = :type"
                        + " AND occurred_at >= :from AND occurred_at < :until")
                .bind("s", stationId)
                .bind("type", MOTION_EVENT)
                .bind("from", Sql.instant(from))
                .bind("until", Sql.instant(until))
                .mapTo(Integer.class)
                .one());
  }

  /** The follow-up calls of the cases received at a reception, for its record. */
  public List<FollowUp> followUps(Entry entry) {
    return followUps.of(entry.collected().stream().map(Collected::caseId).toList());
  }

  private ReceptionSlot slot(String slotId) {
    return receptions
        .find(slotId)
        .orElseThrow(() -> new NotFoundProblem(Text.of("problem.reception.not-found", slotId)));
  }

  private List<Entry> entries(List<ReceptionSlot> slots, Map<String, StationPlace> places) {
    if (slots.isEmpty()) {
      return List.of();
    }
    List<String> ids = slots.stream().map(ReceptionSlot::id).toList();
    record Written(@Nullable Integer visitors, String note) {}
    Map<String, Written> written = new HashMap<>();
    Map<String, List<Collected>> collected = new HashMap<>();
    database.useHandle(
        h -> {
          h.createQuery("SELECT id, visitors, ledger_note FROM reception_slot WHERE id IN (<ids>)")
              .bindList("ids", ids)
              .map(
                  (rs, ctx) -> {
                    int v = rs.getInt("visitors");
                    // Asked at once: wasNull speaks of the column read last.
                    Integer visitors = rs.wasNull() ? null : v;
                    return Map.entry(
                        rs.getString("id"), new Written(visitors, rs.getString("ledger_note")));
                  })
              .forEach(e -> written.put(e.getKey(), e.getValue()));
          h.createQuery(
                  """
                  SELECT id, tracking_code, category, summary, status, reception_id FROM opinion_case
                  WHERE reception_id IN (<ids>) ORDER BY submitted_at, id
                  """)
              .bindList("ids", ids)
              .map(
                  (rs, ctx) ->
                      Map.entry(
                          rs.getString("reception_id"),
                          new Collected(
                              rs.getString("id"),
                              rs.getString("tracking_code"),
                              Category.valueOf(rs.getString("category")),
                              rs.getString("summary"),
                              CaseStatus.valueOf(rs.getString("status")))))
              .forEach(
                  e ->
                      collected
                          .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                          .add(e.getValue()));
        });
    List<Entry> entries = new ArrayList<>();
    for (ReceptionDetails.Detailed d : details.of(slots)) {
      ReceptionSlot s = d.slot();
      Written w = written.getOrDefault(s.id(), new Written(null, ""));
      Map<String, String> names = new HashMap<>();
      d.onDuty().forEach(m -> names.put(m.deputyId(), m.name()));
      entries.add(
          new Entry(
              s,
              places.get(s.stationId()),
              d.onDuty().stream().map(ReceptionDetails.DutyMark::name).toList(),
              d.presentDeputyIds().stream().map(id -> names.getOrDefault(id, id)).toList(),
              w.visitors(),
              motions(
                  s.stationId(),
                  s.date().atTime(s.start()).atZone(Sql.ZONE).toOffsetDateTime(),
                  s.date().atTime(s.end()).atZone(Sql.ZONE).toOffsetDateTime()),
              collected.getOrDefault(s.id(), List.of()),
              w.note()));
    }
    return entries;
  }
}
