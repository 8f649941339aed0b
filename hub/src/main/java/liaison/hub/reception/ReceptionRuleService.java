package liaison.hub.reception;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import liaison.hub.audit.AuditLog;
import liaison.hub.db.Database;
import liaison.hub.db.Ids;
import liaison.hub.db.Leased;
import liaison.hub.deputy.Deputy;
import liaison.hub.deputy.DeputyRepository;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.StationPlace;
import liaison.hub.station.StationsChanged;
import liaison.hub.text.Text;
import liaison.signage.protocol.ReceptionStatus;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recurring receptions: a rule makes planned slots for the coming {@link #AHEAD_DAYS} days, and a
 * timer keeps that window filled. A changed rule remakes its slots that are still only planned;
 * slots a manager announced, held or cancelled by hand stay as they are.
 */
@Singleton
public class ReceptionRuleService {
  private static final Logger LOG = LoggerFactory.getLogger(ReceptionRuleService.class);

  /**
   * How far ahead rules make slots: four weeks, beyond what screens show, for the admin's calendar.
   */
  static final int AHEAD_DAYS = 28;

  private final Database database;
  private final ReceptionRuleRepository rules;
  private final ReceptionRepository receptions;
  private final DeputyRepository deputies;
  private final Access access;
  private final AuditLog audit;
  private final ApplicationEventPublisher<StationsChanged> stationsChanged;
  private final Clock clock;

  public ReceptionRuleService(
      Database database,
      ReceptionRuleRepository rules,
      ReceptionRepository receptions,
      DeputyRepository deputies,
      Access access,
      AuditLog audit,
      ApplicationEventPublisher<StationsChanged> stationsChanged,
      Clock clock) {
    this.database = database;
    this.rules = rules;
    this.receptions = receptions;
    this.deputies = deputies;
    this.access = access;
    this.audit = audit;
    this.stationsChanged = stationsChanged;
    this.clock = clock;
  }

  /** The station's rules; a deputy's account gets only those the deputy is on duty in. */
  public List<ReceptionRule> list(Staff staff, String stationId) {
    StationPlace place = access.requireSee(staff, stationId);
    return rules.forStation(stationId).stream()
        .filter(r -> access.canSeeDuty(staff, place, r.deputyIds()))
        .toList();
  }

  public ReceptionRule get(Staff staff, String id) {
    ReceptionRule rule =
        rules
            .find(id)
            .orElseThrow(() -> new NotFoundProblem(Text.of("problem.rule.not-found", id)));
    access.requireSeeDuty(
        staff, rule.stationId(), rule.deputyIds(), Text.of("problem.rule.duties"));
    return rule;
  }

  public ReceptionRule create(Staff staff, ReceptionRuleDraft draft) {
    access.requireEditor(staff);
    ReceptionRule rule = check(staff, Ids.next("rr"), draft);
    database.useTransaction(
        h -> {
          rules.insert(h, rule);
          int made = fill(h, rule);
          audit.record(
              h,
              staff,
              "create",
              "reception-rule",
              rule.id(),
              describe(rule) + " (" + made + " slots)");
        });
    stationsChanged.publishEvent(new StationsChanged(List.of(rule.stationId())));
    return rule;
  }

  public ReceptionRule update(Staff staff, String id, ReceptionRuleDraft draft) {
    ReceptionRule before = get(staff, id);
    access.requireEdit(staff, before.stationId());
    ReceptionRule after = check(staff, id, draft);
    database.useTransaction(
        h -> {
          // Slots a manager kept (announced, held, cancelled) stay linked, so no date gets a second
          // one.
          receptions.deletePlannedFromRule(h, id, today());
          rules.replace(h, after);
          fill(h, after);
          audit.record(
              h, staff, "update", "reception-rule", id, describe(before) + " → " + describe(after));
        });
    stationsChanged.publishEvent(
        new StationsChanged(new LinkedHashSet<>(List.of(before.stationId(), after.stationId()))));
    return after;
  }

  public void delete(Staff staff, String id) {
    ReceptionRule rule = get(staff, id);
    access.requireEdit(staff, rule.stationId());
    database.useTransaction(
        h -> {
          int removed = receptions.deletePlannedFromRule(h, id, today());
          rules.delete(h, id);
          audit.record(
              h,
              staff,
              "delete",
              "reception-rule",
              id,
              describe(rule) + " (" + removed + " planned slots removed)");
        });
    stationsChanged.publishEvent(new StationsChanged(List.of(rule.stationId())));
  }

  /**
   * Keeps every rule's window of slots filled as the days go by; a date that clashes is skipped and
   * logged.
   */
  @Scheduled(fixedDelay = "6h", initialDelay = "30s")
  @Leased("reception-rules")
  void extendOnSchedule() {
    extendAll();
  }

  /** Fills every rule's window now (the demo, once it is loaded; the schedule, on one hub). */
  public void extendAll() {
    Set<String> changed = new HashSet<>();
    for (ReceptionRule rule : rules.all()) {
      int made = database.inTransaction(h -> fill(h, rule));
      if (made > 0) {
        changed.add(rule.stationId());
      }
    }
    if (!changed.isEmpty()) {
      stationsChanged.publishEvent(new StationsChanged(changed));
    }
  }

  /** Makes the rule's missing slots in the window; returns how many. */
  private int fill(Handle h, ReceptionRule rule) {
    int made = 0;
    LocalDate from = today().isAfter(rule.validFrom()) ? today() : rule.validFrom();
    for (LocalDate date : rule.datesBetween(from, today().plusDays(AHEAD_DAYS))) {
      List<ReceptionRepository.Clash> clashes =
          receptions.clashes("", rule.id(), date, rule.start(), rule.end(), rule.deputyIds());
      if (!clashes.isEmpty()) {
        LOG.warn(
            "rule {} at {}: no slot on {}, {} already receives then",
            rule.id(),
            rule.stationId(),
            date,
            clashes.getFirst().deputyId());
        continue;
      }
      ReceptionSlot slot =
          new ReceptionSlot(
              Ids.next("r"),
              rule.stationId(),
              date,
              rule.start(),
              rule.end(),
              rule.theme(),
              rule.location(),
              ReceptionStatus.PLANNED,
              rule.deputyIds());
      if (receptions.insertFromRule(h, slot, rule.id())) {
        made++;
      }
    }
    return made;
  }

  ReceptionRule check(Staff staff, String id, ReceptionRuleDraft d) {
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    String stationId =
        d.stationId() == null || d.stationId().isBlank() ? null : d.stationId().strip();
    if (stationId == null) {
      problems.add("stationId", Text.of("problem.reception.station.missing"));
    } else {
      access.requireEdit(staff, stationId);
    }
    ReceptionRule.Kind kind = ReceptionRule.Kind.WEEKLY;
    try {
      kind =
          ReceptionRule.Kind.valueOf(
              d.kind() == null ? "" : d.kind().strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add("kind", Text.of("problem.rule.kind.unknown"));
    }
    DayOfWeek weekday = null;
    Integer monthDay = null;
    if (kind == ReceptionRule.Kind.WEEKLY) {
      Integer n = number(d.weekday());
      if (n == null || n < 1 || n > 7) {
        problems.add("weekday", Text.of("problem.rule.weekday.missing"));
      } else {
        weekday = DayOfWeek.of(n);
      }
    } else {
      monthDay = number(d.monthDay());
      if (monthDay == null || monthDay < 1 || monthDay > 31) {
        problems.add("monthDay", Text.of("problem.rule.month-day.invalid"));
        monthDay = null;
      }
    }
    LocalTime start =
        ReceptionService.parseTime("start", d.start(), problems, ReceptionService.START);
    LocalTime end = ReceptionService.parseTime("end", d.end(), problems, ReceptionService.END);
    if (start != null && end != null && !end.isAfter(start)) {
      problems.add("end", Text.of("problem.reception.end.before-start"));
    }
    String theme = d.theme() == null || d.theme().isBlank() ? null : d.theme().strip();
    if (theme != null && theme.length() > ReceptionService.MAX_THEME) {
      problems.add(
          "theme", Text.of("problem.reception.theme.too-long", ReceptionService.MAX_THEME));
    }
    String location = d.location() == null ? "" : d.location().strip();
    if (location.isEmpty()) {
      problems.add("location", Text.of("problem.reception.location.missing"));
    } else if (location.length() > ReceptionService.MAX_LOCATION) {
      problems.add(
          "location",
          Text.of("problem.reception.location.too-long", ReceptionService.MAX_LOCATION));
    }
    LocalDate from =
        d.validFrom() == null || d.validFrom().isBlank()
            ? today()
            : date("validFrom", d.validFrom(), problems);
    LocalDate until =
        d.validUntil() == null || d.validUntil().isBlank()
            ? null
            : date("validUntil", d.validUntil(), problems);
    if (from != null && until != null && until.isBefore(from)) {
      problems.add("validUntil", Text.of("problem.rule.until.before-from"));
    }
    Set<LocalDate> exceptions = new HashSet<>();
    if (d.exceptions() != null && !d.exceptions().isBlank()) {
      for (String part : d.exceptions().split("[\\s,，、;；]+")) {
        if (part.isBlank()) {
          continue;
        }
        try {
          exceptions.add(LocalDate.parse(part.strip()));
        } catch (DateTimeParseException e) {
          problems.add("exceptions", Text.of("problem.rule.exception.invalid", part));
        }
      }
    }
    List<String> deputyIds =
        new ArrayList<>(new LinkedHashSet<>(d.deputyIds() == null ? List.of() : d.deputyIds()));
    deputyIds.removeIf(s -> s == null || s.isBlank());
    Map<String, Deputy> assigned =
        stationId == null
            ? Map.of()
            : deputies.atStation(stationId).stream().collect(Collectors.toMap(Deputy::id, x -> x));
    if (deputyIds.isEmpty()) {
      problems.add("deputyIds", Text.of("problem.reception.deputies.missing"));
    }
    for (String deputyId : deputyIds) {
      if (!assigned.containsKey(deputyId)) {
        problems.add(
            "deputyIds",
            Text.of(
                "problem.reception.deputy.not-here",
                deputies.find(deputyId).map(Deputy::name).orElse(deputyId)));
      }
    }
    problems.throwIfAny();
    ReceptionRule rule =
        new ReceptionRule(
            id,
            stationId,
            kind,
            weekday,
            monthDay,
            start,
            end,
            theme,
            location,
            from,
            until,
            deputyIds,
            exceptions);
    // The slots it would make now must not put a deputy in two places at once.
    LocalDate windowStart = today().isAfter(from) ? today() : from;
    for (LocalDate date : rule.datesBetween(windowStart, today().plusDays(AHEAD_DAYS))) {
      for (ReceptionRepository.Clash c : receptions.clashes("", id, date, start, end, deputyIds)) {
        String name =
            assigned.containsKey(c.deputyId()) ? assigned.get(c.deputyId()).name() : c.deputyId();
        problems.add(
            "deputyIds",
            Text.of("problem.rule.deputy.clash", name, date, c.stationName(), c.start(), c.end()));
      }
    }
    problems.throwIfAny();
    return rule;
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
  }

  private static @Nullable Integer number(@Nullable String text) {
    try {
      return text == null ? null : Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static @Nullable LocalDate date(
      String field, String text, ValidationProblem.Collector problems) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      problems.add(field, Text.of("problem.date.invalid"));
      return null;
    }
  }

  static String describe(ReceptionRule r) {
    // Stored in the county's language, Chinese.
    return r.stationId()
        + " "
        + when(r).zh()
        + " "
        + r.start()
        + "–"
        + r.end()
        + " "
        + r.deputyIds()
        + " "
        + r.validFrom()
        + "–"
        + r.validUntil()
        + (r.exceptions().isEmpty()
            ? ""
            : " " + Text.of("audit.summary.exceptions", r.exceptions()).zh());
  }

  /** "每周二" or "每月15日": when a rule makes its slots. */
  public static Text when(ReceptionRule r) {
    return r.kind() == ReceptionRule.Kind.WEEKLY
        ? Text.of("rules.every-weekday", Text.of("weekday." + r.weekday().getValue()))
        : Text.of("rules.every-month-day", r.monthDay());
  }
}
