package liaison.hub.ledger;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.opinion.CaseEvent;
import liaison.hub.opinion.CaseRepository;
import liaison.hub.opinion.CaseStatus;
import liaison.hub.opinion.Category;
import liaison.hub.opinion.FollowUp;
import liaison.hub.opinion.FollowUps;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.satisfaction.Satisfaction;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.StationPlace;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;

/**
 * The cases submitted in a period (both days included, Beijing time), of one station or of all the
 * stations the staff member may see, oldest first, each with its timeline. Reads no contact
 * details.
 */
@Singleton
public class CaseLedger {
  static final int MAX_DAYS = 366 * 3;
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Database database;
  private final CaseRepository cases;
  private final Access access;
  private final FollowUps followUps;

  public CaseLedger(Database database, CaseRepository cases, Access access, FollowUps followUps) {
    this.database = database;
    this.cases = cases;
    this.access = access;
    this.followUps = followUps;
  }

  /** The period and scope, as typed; checked into a {@link Period}. */
  public record Period(LocalDate from, LocalDate to, @Nullable String stationId) {}

  /**
   * The period a staff member asked for, once they may have it: the ledger holds every resident's
   * text, so it is the stations' staff's (never a deputy's account), refused before the dates are
   * read.
   */
  public Period period(
      Staff staff, @Nullable String from, @Nullable String to, @Nullable String stationId) {
    access.requireEditor(staff);
    if (stationId != null && !stationId.isBlank()) {
      access.requireStationStaff(staff, stationId.strip());
    }
    return period(from, to, stationId);
  }

  static Period period(@Nullable String from, @Nullable String to, @Nullable String stationId) {
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    LocalDate f = date(problems, "from", from);
    LocalDate t = date(problems, "to", to);
    if (f != null && t != null && t.isBefore(f)) {
      problems.add("to", Text.of("problem.ledger.to.before-from"));
    } else if (f != null && t != null && f.plusDays(MAX_DAYS).isBefore(t)) {
      problems.add("to", Text.of("problem.ledger.too-long"));
    }
    problems.throwIfAny();
    return new Period(f, t, stationId == null || stationId.isBlank() ? null : stationId.strip());
  }

  private static @Nullable LocalDate date(
      ValidationProblem.Collector problems, String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      problems.add(field, Text.of("problem.ledger.date.missing"));
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (java.time.format.DateTimeParseException e) {
      problems.add(field, Text.of("problem.ledger.date.invalid"));
      return null;
    }
  }

  public List<LedgerEntry> entries(Staff staff, Period period) {
    access.requireEditor(staff);
    List<String> stations;
    if (period.stationId() != null) {
      access.requireStationStaff(staff, period.stationId());
      stations = List.of(period.stationId());
    } else {
      stations = access.visibleStations(staff).stream().map(StationPlace::id).toList();
    }
    if (stations.isEmpty()) {
      return List.of();
    }
    String fromInstant = Sql.instant(period.from().atStartOfDay(Sql.ZONE).toOffsetDateTime());
    String toInstant =
        Sql.instant(period.to().plusDays(1).atStartOfDay(Sql.ZONE).toOffsetDateTime());
    Map<String, String> names = staffNames();
    record Raw(String id, Map<String, String> values) {}
    List<Raw> raws =
        database.withHandle(
            h ->
                h.createQuery(
                        """
                        SELECT c.id, c.tracking_code, c.submitted_at, c.category, c.text, c.summary, c.status, c.deadline,
                               c.department_reply, c.answer, c.guidance, c.escalated_at, c.suggestion, c.rating, c.closed_at,
                               s.name AS station_name, d.name AS department_name, m.tracking_code AS merged_code,
                               dep.name AS deputy_name, r.slot_date, r.start_time, r.end_time
                        FROM opinion_case c
                        JOIN station s ON s.id = c.station_id
                        LEFT JOIN department d ON d.id = c.department_id
                        LEFT JOIN opinion_case m ON m.id = c.merged_into
                        LEFT JOIN deputy dep ON dep.id = c.suggestion_deputy_id
                        LEFT JOIN reception_slot r ON r.id = c.reception_id
                        WHERE c.station_id IN (<stations>) AND c.submitted_at >= :from AND c.submitted_at < :to
                        ORDER BY c.submitted_at, c.id
                        """)
                    .bindList("stations", stations)
                    .bind("from", fromInstant)
                    .bind("to", toInstant)
                    .map(
                        (rs, ctx) -> {
                          Map<String, String> v = new HashMap<>();
                          for (String col :
                              List.of(
                                  "tracking_code",
                                  "submitted_at",
                                  "category",
                                  "text",
                                  "summary",
                                  "status",
                                  "deadline",
                                  "department_reply",
                                  "answer",
                                  "guidance",
                                  "escalated_at",
                                  "rating",
                                  "closed_at",
                                  "station_name",
                                  "department_name",
                                  "merged_code",
                                  "deputy_name",
                                  "slot_date",
                                  "start_time",
                                  "end_time")) {
                            v.put(col, rs.getString(col));
                          }
                          v.put("suggestion", rs.getBoolean("suggestion") ? "1" : "");
                          return new Raw(rs.getString("id"), v);
                        })
                    .list());
    Map<String, List<String>> calls = new HashMap<>();
    for (FollowUp f : followUps.of(raws.stream().map(Raw::id).toList())) {
      calls.computeIfAbsent(f.caseId(), k -> new ArrayList<>()).add(call(f));
    }
    List<LedgerEntry> entries = new ArrayList<>();
    for (Raw raw : raws) {
      Map<String, String> v = raw.values();
      List<LedgerEntry.Step> steps = new ArrayList<>();
      for (CaseEvent e : cases.events(raw.id())) {
        steps.add(
            new LedgerEntry.Step(
                shown(Sql.instant(e.at())), who(e.actor(), names), what(e), e.note()));
      }
      String deputy = v.get("deputy_name");
      entries.add(
          new LedgerEntry(
              v.get("tracking_code"),
              v.get("station_name"),
              shown(v.get("submitted_at")),
              Category.of(v.get("category"))
                  .map(Category::zh)
                  .orElse(LedgerEntry.orEmpty(v.get("category"))),
              v.get("text"),
              LedgerEntry.orEmpty(v.get("summary")),
              CaseStatus.valueOf(v.get("status")).zh(),
              LedgerEntry.orEmpty(v.get("department_name")),
              LedgerEntry.orEmpty(v.get("deadline")),
              LedgerEntry.orEmpty(v.get("department_reply")),
              LedgerEntry.orEmpty(v.get("answer")),
              LedgerEntry.orEmpty(v.get("guidance")),
              LedgerEntry.orEmpty(v.get("merged_code")),
              shown(v.get("escalated_at")),
              v.get("suggestion").isEmpty()
                  ? ""
                  : (deputy == null
                          ? Text.of("ledger.suggestion")
                          : Text.of("ledger.suggestion-by", deputy))
                      .zh(),
              v.get("rating") == null ? "" : Satisfaction.valueOf(v.get("rating")).zh(),
              shown(v.get("closed_at")),
              v.get("slot_date") == null
                  ? ""
                  : v.get("slot_date") + " " + v.get("start_time") + "–" + v.get("end_time"),
              String.join("\n", calls.getOrDefault(raw.id(), List.of())),
              steps));
    }
    return entries;
  }

  /** A follow-up call as a ledger cell's line: 2026-03-05 林晓梅 已接通，满意：说明. */
  private static String call(FollowUp f) {
    return f.calledOn()
        + " "
        + f.caller()
        + " "
        + f.result().text().zh()
        + (f.note().isEmpty() ? "" : "：" + f.note());
  }

  private Map<String, String> staffNames() {
    Map<String, String> names = new LinkedHashMap<>();
    database.useHandle(
        h ->
            h.createQuery("SELECT username, display_name FROM staff_account")
                .map((rs, ctx) -> Map.entry(rs.getString("username"), rs.getString("display_name")))
                .forEach(e -> names.put(e.getKey(), e.getValue())));
    return names;
  }

  static String who(String actor, Map<String, String> names) {
    return switch (actor) {
      case CaseEvent.RESIDENT, CaseEvent.SYSTEM -> actor(actor).orElseThrow().zh();
      default -> names.getOrDefault(actor, actor);
    };
  }

  /** "群众" (the resident) or "系统" (the hub) for a line nobody of the staff wrote. */
  public static Optional<Text> actor(String actor) {
    return switch (actor) {
      case CaseEvent.RESIDENT -> Optional.of(Text.of("ledger.actor.resident"));
      case CaseEvent.SYSTEM -> Optional.of(Text.of("ledger.actor.system"));
      default -> Optional.empty();
    };
  }

  /** What a timeline line says happened, in Chinese. */
  public static String what(CaseEvent e) {
    if (e.to() != null) {
      return e.to().zh();
    }
    return switch (e.action()) {
      case "submit" -> Text.of("ledger.event.submit").zh();
      case "escalated" -> Text.of("ledger.event.escalated").zh();
      case "suggestion" -> Text.of("ledger.event.suggestion").zh();
      case "merged-from" -> Text.of("ledger.event.merged-from").zh();
      case "rate" -> Text.of("ledger.event.rate").zh();
      case "follow-up" -> Text.of("ledger.event.follow-up").zh();
      case "reception" -> Text.of("ledger.event.reception").zh();
      case "extension-asked", "extension-approved", "extension-refused" ->
          Text.of("ledger.event." + e.action()).zh();
      default -> e.action();
    };
  }

  private static String shown(@Nullable String instant) {
    return instant == null
        ? ""
        : SHOWN.format(OffsetDateTime.parse(instant).atZoneSameInstant(Sql.ZONE));
  }
}
