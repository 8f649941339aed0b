package liaison.hub.duty;

import io.micronaut.core.annotation.Introspected;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import liaison.hub.audit.AuditLog;
import liaison.hub.db.Database;
import liaison.hub.db.Ids;
import liaison.hub.db.Sql;
import liaison.hub.deputy.DeputyRepository;
import liaison.hub.opinion.ReplyFiles;
import liaison.hub.problem.BadInput;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;

/**
 * Duty points for staff and deputies: a deputy's year (total, by kind, every entry with its
 * source), the rankings, the hand entries with their evidence and a county administrator's
 * decision, and the year's close (积分跨年清零). Who may: county administrators for the county's
 * deputies; station managers read and enter for the deputies of their stations; a deputy's account
 * reads its own year only. Every change is audited.
 */
@Singleton
public class DutyPoints {
  static final String AUDITED = "duty-point";

  /** The longest note and refusal reason kept. */
  public static final int MAX_NOTE = 500;

  private final Database database;
  private final DutyPointRepository repository;
  private final DutyRules rules;
  private final DeputyRepository deputies;
  private final ReplyFiles files;
  private final liaison.hub.station.StationRepository stations;
  private final Access access;
  private final AuditLog audit;
  private final BadInput badInput;
  private final Clock clock;

  public DutyPoints(
      Database database,
      DutyPointRepository repository,
      DutyRules rules,
      DeputyRepository deputies,
      ReplyFiles files,
      liaison.hub.station.StationRepository stations,
      Access access,
      AuditLog audit,
      BadInput badInput,
      Clock clock) {
    this.database = database;
    this.repository = repository;
    this.rules = rules;
    this.deputies = deputies;
    this.files = files;
    this.stations = stations;
    this.access = access;
    this.audit = audit;
    this.badInput = badInput;
    this.clock = clock;
  }

  public LocalDate today() {
    return OffsetDateTime.now(clock).atZoneSameInstant(Sql.ZONE).toLocalDate();
  }

  // ---- reading ----

  /** A kind's part of a deputy's total. */
  public record KindTotal(DutyKind kind, int points, int entries) {}

  /** A deputy's year: approved points only count; pending and refused entries are listed apart. */
  public record DeputyYear(
      String deputyId,
      String name,
      int year,
      boolean closed,
      int total,
      List<KindTotal> byKind,
      List<DutyEntry> entries,
      int rank,
      int of) {}

  /**
   * A deputy's year, if this person may see the deputy: a deputy's account only its own (another
   * deputy answers 404, as if absent).
   */
  public DeputyYear deputyYear(Staff staff, String deputyId, int year) {
    seeDeputy(staff, deputyId);
    String name = deputies.find(deputyId).orElseThrow().name();
    List<DutyEntry> entries = repository.ofDeputy(deputyId, year);
    Map<DutyKind, int[]> byKind = new EnumMap<>(DutyKind.class);
    int total = 0;
    for (DutyEntry e : entries) {
      if (e.status() == DutyEntry.Status.APPROVED) {
        int[] t = byKind.computeIfAbsent(e.kind(), k -> new int[2]);
        t[0] += e.points();
        t[1]++;
        total += e.points();
      }
    }
    List<KindTotal> kinds =
        byKind.entrySet().stream()
            .map(k -> new KindTotal(k.getKey(), k.getValue()[0], k.getValue()[1]))
            .toList();
    List<Standing> county = ranking(staff.countyId(), Period.year(year), null, null);
    int rank =
        county.stream()
            .filter(s -> s.deputyId().equals(deputyId))
            .findFirst()
            .map(Standing::rank)
            .orElse(0);
    return new DeputyYear(
        deputyId,
        name,
        year,
        repository.isClosed(staff.countyId(), year),
        total,
        kinds,
        entries,
        rank,
        county.size());
  }

  private void seeDeputy(Staff staff, String deputyId) {
    Access.Seat seat =
        deputies
            .seat(deputyId)
            .orElseThrow(() -> new NotFoundProblem(Text.of("problem.deputy.not-found", deputyId)));
    if (staff.deputyId() != null && !staff.canEdit() && !deputyId.equals(staff.deputyId())) {
      throw new NotFoundProblem(Text.of("problem.deputy.not-found", deputyId));
    }
    if (staff.isDepartment()) {
      throw new NotFoundProblem(Text.of("problem.deputy.not-found", deputyId));
    }
    access.requireSeeDeputy(staff, seat);
  }

  /** A year, or a month of it. */
  public record Period(int year, @Nullable Integer month) {
    public static Period year(int year) {
      return new Period(year, null);
    }

    public LocalDate from() {
      return month == null ? LocalDate.of(year, 1, 1) : LocalDate.of(year, month, 1);
    }

    public LocalDate to() {
      return month == null ? LocalDate.of(year, 12, 31) : YearMonth.of(year, month).atEndOfMonth();
    }

    /** As duty_star keeps it: 'YYYY' or 'YYYY-MM'. */
    public String key() {
      return month == null ? String.valueOf(year) : YearMonth.of(year, month).toString();
    }
  }

  /**
   * A deputy's place in a ranking: deputies with the same points share a rank (1, 1, 3).
   *
   * @param kinds how many kinds of activity earned points
   * @param reachedOn the day the deputy's points first reached the total (for the stars'
   *     tie-break); null without entries
   */
  public record Standing(
      int rank,
      String deputyId,
      String name,
      int points,
      int kinds,
      @Nullable LocalDate reachedOn) {}

  /** The ranking of the county's deputies, or of a township's or a station's. */
  public List<Standing> rankings(
      Staff staff, Period period, @Nullable String townshipId, @Nullable String stationId) {
    access.requireEditor(staff);
    if (stationId != null) {
      access.requireSee(staff, stationId);
    }
    return ranking(staff.countyId(), period, townshipId, stationId);
  }

  List<Standing> ranking(
      String countyId, Period period, @Nullable String townshipId, @Nullable String stationId) {
    List<DutyPointRepository.Member> members = repository.members(countyId, townshipId, stationId);
    Map<String, List<DutyEntry>> byDeputy = new HashMap<>();
    for (DutyEntry e : repository.approved(countyId, period.from(), period.to())) {
      byDeputy.computeIfAbsent(e.deputyId(), d -> new ArrayList<>()).add(e);
    }
    List<Standing> unranked = new ArrayList<>();
    for (DutyPointRepository.Member m : members) {
      List<DutyEntry> entries = byDeputy.getOrDefault(m.id(), List.of());
      int total = entries.stream().mapToInt(DutyEntry::points).sum();
      int kinds =
          (int)
              entries.stream().filter(e -> e.points() > 0).map(DutyEntry::kind).distinct().count();
      unranked.add(new Standing(0, m.id(), m.name(), total, kinds, reachedOn(entries, total)));
    }
    unranked.sort(
        Comparator.comparingInt(Standing::points).reversed().thenComparing(Standing::deputyId));
    List<Standing> ranked = new ArrayList<>();
    for (int i = 0; i < unranked.size(); i++) {
      Standing s = unranked.get(i);
      int rank =
          i > 0 && unranked.get(i - 1).points() == s.points() ? ranked.get(i - 1).rank() : i + 1;
      ranked.add(new Standing(rank, s.deputyId(), s.name(), s.points(), s.kinds(), s.reachedOn()));
    }
    return ranked;
  }

  /** The first day on which the running sum, in the order things happened, reached the total. */
  private static @Nullable LocalDate reachedOn(List<DutyEntry> entries, int total) {
    int sum = 0;
    for (DutyEntry e : entries) {
      sum += e.points();
      if (sum >= total) {
        return e.occurredOn();
      }
    }
    return entries.isEmpty() ? null : entries.getLast().occurredOn();
  }

  /** What staff recognise an entry's source by (a reception's day and station, a case's code…). */
  public String sourceLabel(DutyEntry e) {
    return e.byHand() ? "" : repository.sourceLabel(e);
  }

  /**
   * The deputies this person may enter points for, by id: a county administrator the county's, a
   * station manager those of their stations.
   */
  public java.util.Set<String> enterable(Staff staff) {
    if (!staff.canEdit()) {
      return java.util.Set.of();
    }
    if (staff.isCountyAdmin()) {
      return repository.members(staff.countyId(), null, null).stream()
          .map(DutyPointRepository.Member::id)
          .collect(java.util.stream.Collectors.toSet());
    }
    return staff.stationIds().stream()
        .flatMap(s -> repository.members(staff.countyId(), null, s).stream())
        .map(DutyPointRepository.Member::id)
        .collect(java.util.stream.Collectors.toSet());
  }

  /** The townships a ranking may be narrowed to: the county's, or those of one's stations. */
  public List<liaison.hub.station.Township> townships(Staff staff) {
    List<String> mine =
        access.visibleStations(staff).stream().map(p -> p.station().townshipId()).toList();
    return stations.townships(staff.countyId()).stream()
        .filter(t -> staff.isCountyAdmin() || mine.contains(t.id()))
        .toList();
  }

  // ---- hand entries ----

  /** A hand entry as the form or the API sends it. */
  @Introspected
  public record Draft(
      @Nullable String deputyId,
      @Nullable String date,
      @Nullable String kind,
      @Nullable String note) {}

  /**
   * Enters an activity by hand for a county administrator to approve: the deputy must be one this
   * person may enter for (a county administrator: the county's; a station manager: those of their
   * stations), the day not to come and in an open year, the kind one staff enter, the note given.
   * Every problem is collected and nothing is written unless all is well, evidence included.
   */
  public DutyEntry enter(Staff staff, Draft draft, List<ReplyFiles.Upload> evidence) {
    access.requireEditor(staff);
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    String deputyId = strip(draft.deputyId());
    Optional<Access.Seat> seat = deputyId.isEmpty() ? Optional.empty() : deputies.seat(deputyId);
    if (seat.isEmpty() || !sitsAtTheirs(staff, seat.get())) {
      problems.add("deputyId", Text.of("problem.points.deputy", deputyId));
    }
    LocalDate day = null;
    try {
      day = LocalDate.parse(strip(draft.date()));
      if (day.isAfter(today())) {
        problems.add("date", Text.of("problem.points.date.future", day));
        day = null;
      } else if (repository.isClosed(staff.countyId(), day.getYear())) {
        problems.add("date", Text.of("problem.points.year.closed", String.valueOf(day.getYear())));
        day = null;
      }
    } catch (DateTimeParseException e) {
      problems.add("date", Text.of("problem.points.date.invalid", strip(draft.date())));
    }
    DutyKind kind = null;
    try {
      kind = DutyKind.valueOf(strip(draft.kind()));
      if (kind.automatic()) {
        problems.add("kind", Text.of("problem.points.kind.automatic", kind.text()));
        kind = null;
      }
    } catch (IllegalArgumentException e) {
      problems.add("kind", Text.of("problem.points.kind.invalid"));
    }
    String note = strip(draft.note());
    if (note.isEmpty()) {
      problems.add("note", Text.of("problem.points.note.missing"));
    } else if (note.length() > MAX_NOTE) {
      problems.add("note", Text.of("problem.points.note.too-long", MAX_NOTE));
    }
    List<ReplyFiles.Checked> checked = files.check(evidence, problems);
    if (checked.size() > 1) {
      problems.add("files", Text.of("problem.points.evidence.one"));
    }
    if (!problems.isEmpty()) {
      badInput.record("points.entry", "refused", deputyId);
    }
    problems.throwIfAny();
    LocalDate on = java.util.Objects.requireNonNull(day);
    DutyKind k = java.util.Objects.requireNonNull(kind);
    ReplyFiles.Checked file = checked.isEmpty() ? null : checked.getFirst();
    String id = Ids.next("dp");
    OffsetDateTime now = OffsetDateTime.now(clock);
    return database.inTransaction(
        h -> {
          DutyEntry entry =
              new DutyEntry(
                  id,
                  deputyId,
                  staff.countyId(),
                  on.getYear(),
                  on,
                  k,
                  rules.pointsOn(h, staff.countyId(), k, on),
                  DutyEntry.Status.PENDING,
                  DutyEntry.HAND,
                  id,
                  note,
                  now,
                  staff.id(),
                  file == null
                      ? null
                      : new DutyEntry.Evidence(file.hash(), file.kind().name(), file.name()),
                  null,
                  "");
          if (file != null) {
            files.store(file);
          }
          repository.add(h, entry);
          audit.record(
              h,
              staff,
              "create",
              AUDITED,
              id,
              deputyId + " " + on + " " + k.text().zh() + " " + entry.points() + " " + note);
          return entry;
        });
  }

  private static boolean sitsAtTheirs(Staff staff, Access.Seat seat) {
    return staff.canEdit()
        && seat.countyId().equals(staff.countyId())
        && (staff.isCountyAdmin()
            || seat.stationIds().stream().anyMatch(staff.stationIds()::contains));
  }

  /** A county administrator's decision on a hand entry, as the form or the API sends it. */
  @Introspected
  public record Decision(@Nullable String decision, @Nullable String reason) {}

  /**
   * Approves or refuses a pending hand entry (a refusal says why). Conflict when it was decided
   * already or its year is closed.
   */
  public DutyEntry decide(Staff staff, String entryId, Decision decision) {
    access.requireCountyAdmin(staff);
    DutyEntry entry =
        repository
            .find(entryId)
            .filter(e -> e.countyId().equals(staff.countyId()) && e.byHand())
            .orElseThrow(
                () -> new NotFoundProblem(Text.of("problem.points.entry.not-found", entryId)));
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    String said = strip(decision.decision());
    DutyEntry.Status status =
        switch (said) {
          case "APPROVE" -> DutyEntry.Status.APPROVED;
          case "REFUSE" -> DutyEntry.Status.REFUSED;
          default -> null;
        };
    if (status == null) {
      problems.add("decision", Text.of("problem.points.decision.invalid"));
    }
    String reason = strip(decision.reason());
    if (status == DutyEntry.Status.REFUSED && reason.isEmpty()) {
      problems.add("reason", Text.of("problem.points.reason.missing"));
    } else if (reason.length() > MAX_NOTE) {
      problems.add("reason", Text.of("problem.points.note.too-long", MAX_NOTE));
    }
    if (!problems.isEmpty()) {
      badInput.record("points.decision", "refused", entryId);
    }
    problems.throwIfAny();
    DutyEntry.Status s = java.util.Objects.requireNonNull(status);
    OffsetDateTime now = OffsetDateTime.now(clock);
    database.useTransaction(
        h -> {
          if (repository.isClosed(h, entry.countyId(), entry.year())) {
            throw new ConflictProblem(
                Text.of("problem.points.year.closed", String.valueOf(entry.year())));
          }
          if (!repository.decide(h, entryId, s, staff.id(), now, reason)) {
            throw new ConflictProblem(Text.of("problem.points.entry.decided"));
          }
          audit.record(
              h,
              staff,
              s == DutyEntry.Status.APPROVED ? "approve" : "refuse",
              AUDITED,
              entryId,
              reason);
        });
    return repository.find(entryId).orElseThrow();
  }

  /** The county's hand entries awaiting a decision (a county administrator's queue). */
  public List<DutyEntry> pending(Staff staff) {
    access.requireEditor(staff);
    return repository.pending(staff.countyId()).stream()
        .filter(e -> staff.isCountyAdmin() || staff.id().equals(e.enteredBy()))
        .toList();
  }

  /** A hand entry's evidence, for whoever may see its deputy's year. */
  public Optional<ReplyFiles.Download> evidence(Staff staff, String entryId, String file) {
    DutyEntry entry =
        repository
            .find(entryId)
            .orElseThrow(
                () -> new NotFoundProblem(Text.of("problem.points.entry.not-found", entryId)));
    seeDeputy(staff, entry.deputyId());
    DutyEntry.Evidence e = entry.evidence();
    if (e == null || !e.file().equals(file)) {
      return Optional.empty();
    }
    ReplyFiles.Kind kind = ReplyFiles.Kind.valueOf(e.kind());
    return files.read(kind, e.hash()).map(bytes -> new ReplyFiles.Download(kind, e.name(), bytes));
  }

  // ---- the rule table ----

  /**
   * Sets a kind's points from a day on (a county administrator): the day in a year not closed, the
   * points a whole number from -100 to 100. Entries already made keep theirs.
   */
  public void setRule(
      Staff staff, @Nullable String kind, @Nullable String from, @Nullable String value) {
    access.requireCountyAdmin(staff);
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    DutyKind k = null;
    try {
      k = DutyKind.valueOf(strip(kind));
    } catch (IllegalArgumentException e) {
      problems.add("kind", Text.of("problem.points.kind.invalid"));
    }
    LocalDate day = null;
    try {
      day = LocalDate.parse(strip(from));
      if (repository.isClosed(staff.countyId(), day.getYear())) {
        problems.add("from", Text.of("problem.points.year.closed", String.valueOf(day.getYear())));
      }
    } catch (DateTimeParseException e) {
      problems.add("from", Text.of("problem.points.date.invalid", strip(from)));
    }
    int points = DutyStars.number(problems, "points", value, -100, 100);
    if (!problems.isEmpty()) {
      badInput.record("points.rule", "refused", strip(kind));
    }
    problems.throwIfAny();
    DutyKind rk = java.util.Objects.requireNonNull(k);
    LocalDate rd = java.util.Objects.requireNonNull(day);
    database.useTransaction(
        h -> {
          rules.put(h, staff.countyId(), rk, rd, points, staff.id());
          audit.record(
              h, staff, "update", "duty-rule", rk.name(), rk.text().zh() + " " + rd + " " + points);
        });
  }

  // ---- the year's close ----

  /**
   * Closes a year that is over: its totals are frozen and shown as history; the next year starts at
   * zero since totals are per year. Refused while any of its entries awaits a decision.
   */
  public void closeYear(Staff staff, int year) {
    access.requireCountyAdmin(staff);
    if (year >= today().getYear()) {
      badInput.record("points.close", "refused", String.valueOf(year));
      throw ValidationProblem.of(
          "year", Text.of("problem.points.close.not-over", String.valueOf(year)));
    }
    database.useTransaction(
        h -> {
          int pending = repository.pendingIn(h, staff.countyId(), year);
          if (pending > 0) {
            throw new ConflictProblem(
                Text.of("problem.points.close.pending", String.valueOf(year), pending));
          }
          if (!repository.close(h, staff.countyId(), year, staff.id(), OffsetDateTime.now(clock))) {
            throw new ConflictProblem(Text.of("problem.points.year.closed", String.valueOf(year)));
          }
          audit.record(h, staff, "close", AUDITED, String.valueOf(year), String.valueOf(year));
        });
  }

  public List<Integer> closedYears(Staff staff) {
    return repository.closedYears(staff.countyId());
  }

  private static String strip(@Nullable String s) {
    return s == null ? "" : s.strip();
  }
}
