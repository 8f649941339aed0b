package liaison.hub.reception;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import liaison.hub.audit.AuditLog;
import liaison.hub.db.Database;
import liaison.hub.db.Ids;
import liaison.hub.deputy.Deputy;
import liaison.hub.deputy.DeputyRepository;
import liaison.hub.notify.ResidentSms;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.StationPlace;
import liaison.hub.station.StationsChanged;
import liaison.hub.text.Text;
import liaison.signage.protocol.ReceptionStatus;
import org.jspecify.annotations.Nullable;

/**
 * Reception slots as staff create, change and remove them: checked in full before anything is
 * written, written in one transaction with its audit entry, then announced ({@link
 * StationsChanged}) to the publisher, which never holds up the request.
 */
@Singleton
public class ReceptionService {
  static final int MAX_THEME = 60;
  static final int MAX_LOCATION = 100;

  /** More than a station's hall holds; a typo guard. */
  static final int MAX_CAPACITY = 500;

  private final Database database;
  private final ReceptionRepository receptions;
  private final DeputyRepository deputies;
  private final Access access;
  private final AuditLog audit;
  private final ApplicationEventPublisher<StationsChanged> stationsChanged;
  private final ResidentSms residentSms;

  public ReceptionService(
      Database database,
      ReceptionRepository receptions,
      DeputyRepository deputies,
      Access access,
      AuditLog audit,
      ApplicationEventPublisher<StationsChanged> stationsChanged,
      ResidentSms residentSms) {
    this.database = database;
    this.receptions = receptions;
    this.deputies = deputies;
    this.access = access;
    this.audit = audit;
    this.stationsChanged = stationsChanged;
    this.residentSms = residentSms;
  }

  /** The station's slots in the period; a deputy's account gets only the deputy's own. */
  public List<ReceptionSlot> list(Staff staff, String stationId, LocalDate from, LocalDate to) {
    StationPlace place = access.requireSee(staff, stationId);
    return receptions.forStation(stationId, from, to).stream()
        .filter(s -> access.canSeeDuty(staff, place, s.deputyIds()))
        .toList();
  }

  public ReceptionSlot get(Staff staff, String id) {
    ReceptionSlot slot =
        receptions
            .find(id)
            .orElseThrow(() -> new NotFoundProblem(Text.of("problem.reception.not-found", id)));
    access.requireSeeDuty(
        staff, slot.stationId(), slot.deputyIds(), Text.of("problem.reception.duties"));
    return slot;
  }

  public ReceptionSlot create(Staff staff, ReceptionDraft draft) {
    access.requireEditor(staff);
    ReceptionSlot slot = check(staff, Ids.next("r"), draft);
    database.useTransaction(
        h -> {
          receptions.insert(h, slot);
          audit.record(h, staff, "create", "reception", slot.id(), describe(slot));
        });
    stationsChanged.publishEvent(new StationsChanged(List.of(slot.stationId())));
    return slot;
  }

  public ReceptionSlot update(Staff staff, String id, ReceptionDraft draft) {
    ReceptionSlot before = get(staff, id);
    access.requireEdit(staff, before.stationId());
    ReceptionSlot after = check(staff, id, draft);
    database.useTransaction(
        h -> {
          receptions.update(h, after);
          audit.record(
              h, staff, "update", "reception", id, describe(before) + " → " + describe(after));
          if (after.status() == ReceptionStatus.CANCELLED
              && before.status() != ReceptionStatus.CANCELLED) {
            // Residents who booked and asked for SMS learn it with the cancellation, or neither.
            residentSms.receptionCancelled(h, id);
          }
        });
    stationsChanged.publishEvent(
        new StationsChanged(
            new java.util.LinkedHashSet<>(List.of(before.stationId(), after.stationId()))));
    return after;
  }

  public void delete(Staff staff, String id) {
    ReceptionSlot slot = get(staff, id);
    access.requireEdit(staff, slot.stationId());
    database.useTransaction(
        h -> {
          receptions.delete(h, id);
          audit.record(h, staff, "delete", "reception", id, describe(slot));
        });
    stationsChanged.publishEvent(new StationsChanged(List.of(slot.stationId())));
  }

  /** Every rule a slot must keep; all problems are reported together. */
  ReceptionSlot check(Staff staff, String id, ReceptionDraft d) {
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    String stationId = blankToNull(d.stationId());
    StationPlace station = null;
    if (stationId == null) {
      problems.add("stationId", Text.of("problem.reception.station.missing"));
    } else {
      station = access.requireEdit(staff, stationId);
    }
    LocalDate date = parseDate(d.date(), problems);
    LocalTime start = parseTime("start", d.start(), problems, START);
    LocalTime end = parseTime("end", d.end(), problems, END);
    if (start != null && end != null && !end.isAfter(start)) {
      problems.add("end", Text.of("problem.reception.end.before-start"));
    }
    String theme = blankToNull(d.theme());
    if (theme != null && theme.length() > MAX_THEME) {
      problems.add("theme", Text.of("problem.reception.theme.too-long", MAX_THEME));
    }
    String location = d.location() == null ? "" : d.location().strip();
    if (location.isEmpty()) {
      problems.add("location", Text.of("problem.reception.location.missing"));
    } else if (location.length() > MAX_LOCATION) {
      problems.add("location", Text.of("problem.reception.location.too-long", MAX_LOCATION));
    }
    ReceptionStatus status = ReceptionStatus.PLANNED;
    if (d.status() != null && !d.status().isBlank()) {
      try {
        status = ReceptionStatus.valueOf(d.status().strip().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add("status", Text.of("problem.reception.status.unknown"));
      }
    }
    List<String> deputyIds =
        new ArrayList<>(new LinkedHashSet<>(d.deputyIds() == null ? List.of() : d.deputyIds()));
    deputyIds.removeIf(s -> s == null || s.isBlank());
    if (deputyIds.isEmpty()) {
      problems.add("deputyIds", Text.of("problem.reception.deputies.missing"));
    } else if (station != null) {
      Map<String, Deputy> assigned =
          deputies.atStation(station.id()).stream()
              .collect(Collectors.toMap(Deputy::id, dep -> dep));
      for (String deputyId : deputyIds) {
        if (!assigned.containsKey(deputyId)) {
          String name = deputies.find(deputyId).map(Deputy::name).orElse(deputyId);
          problems.add("deputyIds", Text.of("problem.reception.deputy.not-here", name));
        }
      }
      if (date != null && start != null && end != null && status != ReceptionStatus.CANCELLED) {
        for (ReceptionRepository.Clash clash :
            receptions.clashes(id, date, start, end, deputyIds)) {
          String name =
              Optional.ofNullable(assigned.get(clash.deputyId()))
                  .map(Deputy::name)
                  .orElse(clash.deputyId());
          problems.add(
              "deputyIds",
              Text.of(
                  "problem.reception.deputy.clash",
                  name,
                  clash.stationName(),
                  clash.start(),
                  clash.end()));
        }
      }
    }
    Integer capacity = parseCapacity(id, d.capacity(), problems);
    problems.throwIfAny();
    return new ReceptionSlot(
        id, stationId, date, start, end, theme, location, status, deputyIds, capacity);
  }

  /**
   * Places for booking: empty means none; never fewer than residents have already booked, so
   * nobody's booking is silently pushed out.
   */
  private @Nullable Integer parseCapacity(
      String id, @Nullable String text, ValidationProblem.Collector problems) {
    if (text == null || text.isBlank()) {
      int booked = receptions.bookedPlaces(List.of(id)).getOrDefault(id, 0);
      if (booked > 0) {
        problems.add("capacity", Text.of("problem.reception.capacity.booked-off", booked));
      }
      return null;
    }
    int capacity;
    try {
      capacity = Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      problems.add("capacity", Text.of("problem.reception.capacity.invalid", MAX_CAPACITY));
      return null;
    }
    if (capacity < 1 || capacity > MAX_CAPACITY) {
      problems.add("capacity", Text.of("problem.reception.capacity.invalid", MAX_CAPACITY));
      return null;
    }
    int booked = receptions.bookedPlaces(List.of(id)).getOrDefault(id, 0);
    if (capacity < booked) {
      problems.add("capacity", Text.of("problem.reception.capacity.below-booked", booked));
    }
    return capacity;
  }

  private static @Nullable LocalDate parseDate(
      @Nullable String text, ValidationProblem.Collector problems) {
    if (text == null || text.isBlank()) {
      problems.add("date", Text.of("problem.reception.date.missing"));
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      problems.add("date", Text.of("problem.date.invalid"));
      return null;
    }
  }

  /** What is said when a start or an end time is missing or cannot be read. */
  record TimeProblems(Text missing, Text invalid) {}

  static final TimeProblems START =
      new TimeProblems(
          Text.of("problem.reception.start.missing"), Text.of("problem.reception.start.invalid"));
  static final TimeProblems END =
      new TimeProblems(
          Text.of("problem.reception.end.missing"), Text.of("problem.reception.end.invalid"));

  /**
   * A time of day as typed ("9:00" or "09:00"); a message for the field when it is missing or
   * wrong.
   */
  static @Nullable LocalTime parseTime(
      String field, @Nullable String text, ValidationProblem.Collector problems, TimeProblems say) {
    if (text == null || text.isBlank()) {
      problems.add(field, say.missing());
      return null;
    }
    try {
      return LocalTime.parse(text.strip().length() == 4 ? "0" + text.strip() : text.strip());
    } catch (DateTimeParseException e) {
      problems.add(field, say.invalid());
      return null;
    }
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String describe(ReceptionSlot s) {
    return s.stationId()
        + " "
        + s.date()
        + " "
        + s.start()
        + "–"
        + s.end()
        + " "
        + s.status()
        + " "
        + s.deputyIds()
        + (s.theme() == null ? "" : " " + Text.of("audit.summary.theme", s.theme()).zh())
        + (s.capacity() == null ? "" : " " + Text.of("audit.summary.capacity", s.capacity()).zh());
  }
}
