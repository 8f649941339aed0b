package liaison.hub.deputy;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import liaison.hub.audit.AuditLog;
import liaison.hub.db.Ids;
import liaison.hub.db.Sql;
import liaison.hub.problem.BadRequestProblem;
import liaison.hub.problem.ForbiddenProblem;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.station.StationsChanged;
import liaison.hub.station.Access;
import liaison.hub.security.Staff;
import liaison.hub.station.StationPlace;
import liaison.hub.station.StationRepository;
import liaison.signage.protocol.DeputyLevel;
import org.jdbi.v3.core.Handle;
import liaison.hub.db.Database;
import org.jspecify.annotations.Nullable;

/**
 * Deputies and their assignments to stations, as staff change them.
 *
 * <p>Who may do what is decided by {@link Access} (asked first, before any input is checked): a
 * county administrator everything in the county. A station manager sees the deputies assigned to
 * their stations, attaches to their own stations a deputy who sits at no station or already at one
 * of theirs, removes one from their own stations, adds a deputy when assigning them to one of their
 * stations, and changes the details of (or deletes) a deputy who sits at none but theirs. A
 * deputy's account only reads. A deputy on duty at a reception still to come is neither deleted
 * nor removed from that station: the reception was announced with their name.
 *
 * <p>Every change is checked in full first, written with its audit entry in one transaction, and
 * then the screens of every station it touches are rebuilt.
 */
@Singleton
public class DeputyService {
  static final int MAX_NAME = 20;
  static final int MAX_TEXT = 60;
  static final int MAX_SPECIALTY = 20;
  static final int MAX_SPECIALTIES = 10;
  static final int MAX_PHONE = 30;
  private static final Pattern ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
  private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]+");

  private final Database database;
  private final DeputyRepository deputies;
  private final StationRepository stations;
  private final Access access;
  private final AuditLog audit;
  private final ApplicationEventPublisher<StationsChanged> stationsChanged;
  private final Clock clock;

  public DeputyService(
      Database database,
      DeputyRepository deputies,
      StationRepository stations,
      Access access,
      AuditLog audit,
      ApplicationEventPublisher<StationsChanged> stationsChanged,
      Clock clock) {
    this.database = database;
    this.deputies = deputies;
    this.stations = stations;
    this.access = access;
    this.audit = audit;
    this.stationsChanged = stationsChanged;
    this.clock = clock;
  }

  /** What a list asks for; any part may be empty. */
  public record Filter(@Nullable String q, @Nullable String level, @Nullable String stationId) {
    public static final Filter NONE = new Filter(null, null, null);
  }

  /**
   * A deputy with the stations (among those the reader may see) they are assigned to.
   *
   * @param phoneVisible the reader may see the phone even when it is not public
   * @param changeable the reader may change the deputy's details
   */
  public record Listed(Deputy deputy, List<String> stationIds, boolean phoneVisible, boolean changeable) {}

  /** A checked change, ready to write: {@code before} is null for a new deputy. */
  public record Change(@Nullable Deputy before, Deputy after, List<String> stationsBefore, List<String> stationsAfter) {
    public Change {
      stationsBefore = List.copyOf(stationsBefore);
      stationsAfter = List.copyOf(stationsAfter);
    }

    public boolean isNew() {
      return before == null;
    }

    public boolean changesSomething() {
      return before == null || !before.equals(after) || !Set.copyOf(stationsBefore).equals(Set.copyOf(stationsAfter));
    }

    /** Every station whose screen shows this deputy before or after. */
    public Set<String> stations() {
      Set<String> all = new TreeSet<>(stationsBefore);
      all.addAll(stationsAfter);
      return all;
    }
  }

  public List<Listed> list(Staff staff, Filter filter) {
    Set<String> visibleStations = visibleStationIds(staff);
    Map<String, List<String>> assignments = deputies.assignments(staff.countyId());
    String stationId = blankToNull(filter.stationId());
    if (stationId != null) {
      access.requireSee(staff, stationId);
    }
    DeputyLevel level = filter.level() == null || filter.level().isBlank() ? null : parseLevel(filter.level());
    if (filter.level() != null && !filter.level().isBlank() && level == null) {
      throw BadRequestProblem.unknownChoice(
          "level", filter.level(), java.util.Arrays.stream(DeputyLevel.values()).map(Enum::name).toList());
    }
    String q = blankToNull(filter.q());
    String needle = q == null ? null : q.toLowerCase(Locale.ROOT);
    return deputies.inCounty(staff.countyId()).stream()
        .filter(d -> access.canSeeDeputy(staff, seat(staff.countyId(), d.id(), assignments)))
        .filter(d -> stationId == null || assignments.getOrDefault(d.id(), List.of()).contains(stationId))
        .filter(d -> filter.level() == null || filter.level().isBlank() || d.levels().contains(level))
        .filter(d -> needle == null || matches(d, needle))
        .map(
            d -> {
              Access.Seat seat = seat(staff.countyId(), d.id(), assignments);
              return new Listed(
                  d,
                  visible(assignments.getOrDefault(d.id(), List.of()), visibleStations),
                  access.canSeeDeputyPhone(staff, seat),
                  access.canChangeDeputy(staff, seat));
            })
        .toList();
  }

  private static boolean matches(Deputy d, String needle) {
    return Stream.concat(
            Stream.of(d.id(), d.name(), d.constituency(), d.occupation(), d.workUnit()), d.specialties().stream())
        .anyMatch(text -> text.toLowerCase(Locale.ROOT).contains(needle));
  }

  public Deputy get(Staff staff, String id) {
    access.requireSeeDeputy(staff, seat(id));
    return deputies.find(id).orElseThrow(() -> notFound(id));
  }

  /** Whether the reader may see the deputy's phone even when it is not public. */
  public boolean maySeePhone(Staff staff, String id) {
    return access.canSeeDeputyPhone(staff, seat(id));
  }

  /**
   * Refuses unless the staff member may change the deputy's personal details (photo included);
   * returns every station the deputy sits at, whose screens show those details.
   */
  public List<String> requireChange(Staff staff, String id) {
    Access.Seat seat = seat(id);
    access.requireChangeDeputy(staff, seat);
    return List.copyOf(seat.stationIds());
  }

  /** The stations a deputy is assigned to, among those the staff member may see. */
  public List<StationPlace> stationsOf(Staff staff, String id) {
    get(staff, id);
    Set<String> visible = visibleStationIds(staff);
    return deputies.stationsOf(id).stream()
        .filter(visible::contains)
        .map(stations::find)
        .flatMap(Optional::stream)
        .toList();
  }

  /** Whether the staff member may change this deputy's details. */
  public boolean canEdit(Staff staff, String id) {
    return deputies.countyOf(id).isPresent() && access.canChangeDeputy(staff, seat(id));
  }

  /** The stations where the staff member may assign deputies. */
  public List<StationPlace> assignableStations(Staff staff) {
    return staff.canEdit() ? access.visibleStations(staff) : List.of();
  }

  /**
   * The deputies the staff member may choose from for the station (no contact details): those
   * there now and those they may attach to it.
   */
  public List<Deputy> candidates(Staff staff, String stationId) {
    StationPlace place = access.requireEdit(staff, stationId);
    Map<String, List<String>> assignments = deputies.assignments(staff.countyId());
    return deputies.inCounty(staff.countyId()).stream()
        .filter(
            d ->
                assignments.getOrDefault(d.id(), List.of()).contains(stationId)
                    || access.canAttach(staff, seat(staff.countyId(), d.id(), assignments), place))
        .toList();
  }

  public Deputy create(Staff staff, DeputyDraft draft) {
    Change change = prepareCreate(staff, null, draft);
    database.useTransaction(h -> write(h, staff, change));
    published(List.of(change));
    return change.after();
  }

  public Deputy update(Staff staff, String id, DeputyDraft draft) {
    Change change = prepareUpdate(staff, id, draft);
    database.useTransaction(h -> write(h, staff, change));
    published(List.of(change));
    return change.after();
  }

  public void delete(Staff staff, String id) {
    List<String> at = requireChange(staff, id);
    Deputy deputy = deputies.find(id).orElseThrow(() -> notFound(id));
    List<DeputyRepository.Duty> duties = deputies.upcomingDuties(id, today());
    if (!duties.isEmpty()) {
      throw ValidationProblem.of(
          "duties",
          deputy.name() + " 还要在 " + describeZh(duties) + " 值班接待，请先在接待安排中换人或取消，再删除",
          deputy.name() + " is on duty at " + describeEn(duties) + ": change or cancel those receptions first, then delete");
    }
    database.useTransaction(
        h -> {
          deputies.delete(h, id);
          audit.record(h, staff, "delete", "deputy", id, describe(deputy, at));
        });
    if (!at.isEmpty()) {
      stationsChanged.publishEvent(new StationsChanged(at));
    }
  }

  /** Assigns a deputy of the county to one of the staff member's stations. */
  public void assign(Staff staff, String id, String stationId) {
    changeAssignments(staff, stationId, List.of(id), List.of());
  }

  /** Removes a deputy from one of the staff member's stations (refused while they are on duty there). */
  public void unassign(Staff staff, String id, String stationId) {
    changeAssignments(staff, stationId, List.of(), List.of(id));
  }

  /** Makes {@code deputyIds} exactly the deputies assigned to the station. */
  public void setStationDeputies(Staff staff, String stationId, List<String> deputyIds) {
    access.requireEdit(staff, stationId);
    Set<String> current = deputies.atStation(stationId).stream().map(Deputy::id).collect(Collectors.toSet());
    Set<String> wanted = new LinkedHashSet<>(deputyIds);
    wanted.removeIf(s -> s == null || s.isBlank());
    List<String> add = wanted.stream().filter(d -> !current.contains(d)).toList();
    List<String> remove = current.stream().filter(d -> !wanted.contains(d)).sorted().toList();
    changeAssignments(staff, stationId, add, remove);
  }

  private void changeAssignments(Staff staff, String stationId, List<String> add, List<String> remove) {
    StationPlace place = access.requireEdit(staff, stationId);
    Set<String> current = deputies.atStation(stationId).stream().map(Deputy::id).collect(Collectors.toSet());
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    List<String> adding = new ArrayList<>();
    for (String id : add) {
      if (!current.contains(id)) {
        access.requireAttach(staff, seat(id), place);
        adding.add(id);
      }
    }
    List<String> removing = new ArrayList<>();
    for (String id : remove) {
      if (current.contains(id)) {
        removing.add(id);
        dutiesAt(id, stationId, problems);
      }
    }
    problems.throwIfAny();
    if (adding.isEmpty() && removing.isEmpty()) {
      return;
    }
    database.useTransaction(
        h -> {
          for (String id : adding) {
            deputies.assign(h, stationId, id);
            audit.record(h, staff, "assign", "deputy", id, id + " → " + stationId + " " + place.station().name());
          }
          for (String id : removing) {
            deputies.unassign(h, stationId, id);
            audit.record(h, staff, "unassign", "deputy", id, id + " ← " + stationId + " " + place.station().name());
          }
        });
    stationsChanged.publishEvent(new StationsChanged(List.of(stationId)));
  }

  /**
   * Checks a new deputy. {@code id} is the spreadsheet's when it names one; otherwise a new id is
   * made.
   */
  public Change prepareCreate(Staff staff, @Nullable String id, DeputyDraft d) {
    access.requireEditor(staff);
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    String newId = id == null || id.isBlank() ? Ids.next("d") : id.strip();
    if (id != null && !id.isBlank()) {
      if (!ID.matcher(newId).matches()) {
        problems.add("id", "编号只能用小写字母、数字和中间的连字符，如 d-0013", "The id may only have lower-case letters, digits and inner hyphens, e.g. d-0013");
      } else if (deputies.countyOf(newId).isPresent()) {
        problems.add("id", "编号 " + newId + " 已被使用", "The id " + newId + " is taken");
      }
    }
    Deputy after = fields(staff, newId, d, null, problems);
    List<String> stationsAfter = assignments(staff, after, List.of(), d.stationIds(), problems);
    if (!staff.isCountyAdmin() && stationsAfter.stream().noneMatch(staff.stationIds()::contains) && !problems.has("stationIds")) {
      problems.add(
          "stationIds", "请把新代表编入至少一个您管理的站点", "Assign the new deputy to at least one of your stations");
    }
    problems.throwIfAny();
    return new Change(null, after, List.of(), stationsAfter);
  }

  /** Checks a change of a deputy the staff member may edit. */
  public Change prepareUpdate(Staff staff, String id, DeputyDraft d) {
    List<String> stationsBefore = requireChange(staff, id);
    Deputy before = deputies.find(id).orElseThrow(() -> notFound(id));
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    Deputy after = fields(staff, id, d, before, problems);
    List<String> stationsAfter = assignments(staff, after, stationsBefore, d.stationIds(), problems);
    problems.throwIfAny();
    return new Change(before, after, stationsBefore, stationsAfter);
  }

  /** Writes a checked change with its audit entry; does nothing when nothing changes. */
  public void write(Handle h, Staff staff, Change c) {
    if (!c.changesSomething()) {
      return;
    }
    if (c.isNew()) {
      deputies.insert(h, staff.countyId(), c.after());
    } else {
      deputies.update(h, c.after());
    }
    for (String s : c.stationsBefore()) {
      if (!c.stationsAfter().contains(s)) {
        deputies.unassign(h, s, c.after().id());
      }
    }
    for (String s : c.stationsAfter()) {
      if (!c.stationsBefore().contains(s)) {
        deputies.assign(h, s, c.after().id());
      }
    }
    audit.record(
        h,
        staff,
        c.isNew() ? "create" : "update",
        "deputy",
        c.after().id(),
        c.isNew()
            ? describe(c.after(), c.stationsAfter())
            : describe(Objects.requireNonNull(c.before()), c.stationsBefore()) + " → " + describe(c.after(), c.stationsAfter()));
  }

  /** Announces which screens to rebuild, once the changes are committed. */
  public void published(Collection<Change> changes) {
    Set<String> affected = new TreeSet<>();
    changes.stream().filter(Change::changesSomething).forEach(c -> affected.addAll(c.stations()));
    if (!affected.isEmpty()) {
      stationsChanged.publishEvent(new StationsChanged(affected));
    }
  }

  /** NATIONAL, 全国, 全国人大代表, National; 省/自治区/直辖市, 市/州, 县/区, 乡/镇/乡镇/街道. */
  public static @Nullable DeputyLevel parseLevel(String text) {
    String t = text.strip();
    for (DeputyLevel level : DeputyLevel.values()) {
      if (level.name().equalsIgnoreCase(t) || level.zh().equals(t) || level.en().equalsIgnoreCase(t)) {
        return level;
      }
    }
    String shortName = t.replace("人大代表", "").replace("级", "");
    return switch (shortName) {
      case "全国" -> DeputyLevel.NATIONAL;
      case "省", "自治区", "直辖市", "省级" -> DeputyLevel.PROVINCIAL;
      case "市", "州", "设区的市" -> DeputyLevel.MUNICIPAL;
      case "县", "区", "县区", "县（区）", "县(区)" -> DeputyLevel.COUNTY;
      case "乡", "镇", "乡镇", "街道" -> DeputyLevel.TOWNSHIP;
      default -> null;
    };
  }

  private Deputy fields(Staff staff, String id, DeputyDraft d, @Nullable Deputy before, ValidationProblem.Collector problems) {
    String name = text(d.name(), before == null ? null : before.name());
    if (name.isEmpty()) {
      problems.add("name", "请填写代表姓名", "Enter the deputy's name");
    } else if (name.length() > MAX_NAME) {
      problems.add("name", "姓名不能超过 " + MAX_NAME + " 个字", "Name: at most " + MAX_NAME + " characters");
    }
    List<DeputyLevel> levels = before == null ? List.of() : before.levels();
    if (d.levels() != null) {
      Set<DeputyLevel> chosen = new TreeSet<>();
      for (String text : d.levels()) {
        if (text == null || text.isBlank()) {
          continue;
        }
        for (String part : Sql.list(text)) {
          DeputyLevel level = parseLevel(part);
          if (level == null) {
            problems.add(
                "levels",
                "不认识的层级「" + part + "」：应为 全国、省、市、县、乡镇 之一",
                "Unknown level '" + part + "': use NATIONAL, PROVINCIAL, MUNICIPAL, COUNTY or TOWNSHIP");
          } else {
            chosen.add(level);
          }
        }
      }
      levels = List.copyOf(chosen);
    }
    if (levels.isEmpty() && !problems.has("levels")) {
      problems.add("levels", "请至少选择一个代表层级", "Choose at least one level");
    }
    String constituency = text(d.constituency(), before == null ? null : before.constituency());
    if (constituency.isEmpty()) {
      problems.add("constituency", "请填写选区或选举单位", "Enter the constituency or electing unit");
    } else if (constituency.length() > MAX_TEXT) {
      problems.add("constituency", "选区不能超过 " + MAX_TEXT + " 个字", "Constituency: at most " + MAX_TEXT + " characters");
    }
    String occupation = text(d.occupation(), before == null ? null : before.occupation());
    if (occupation.length() > MAX_TEXT) {
      problems.add("occupation", "职业不能超过 " + MAX_TEXT + " 个字", "Occupation: at most " + MAX_TEXT + " characters");
    }
    String workUnit = text(d.workUnit(), before == null ? null : before.workUnit());
    if (workUnit.length() > MAX_TEXT) {
      problems.add("workUnit", "工作单位不能超过 " + MAX_TEXT + " 个字", "Work unit: at most " + MAX_TEXT + " characters");
    }
    List<String> specialties = before == null ? List.of() : before.specialties();
    if (d.specialties() != null) {
      specialties =
          d.specialties().stream().filter(Objects::nonNull).flatMap(s -> Sql.list(s).stream()).distinct().toList();
    }
    if (specialties.size() > MAX_SPECIALTIES) {
      problems.add("specialties", "专长最多 " + MAX_SPECIALTIES + " 项", "At most " + MAX_SPECIALTIES + " specialties");
    }
    for (String s : specialties) {
      if (s.length() > MAX_SPECIALTY) {
        problems.add("specialties", "专长「" + s + "」超过 " + MAX_SPECIALTY + " 个字", "Specialty '" + s + "': at most " + MAX_SPECIALTY + " characters");
      }
    }
    String phone = d.phone() == null ? (before == null ? null : before.phone()) : blankToNull(d.phone());
    if (phone != null) {
      phone = phone.replaceAll("\\s+", " ");
      if (!PHONE.matcher(phone).matches() || phone.chars().noneMatch(Character::isDigit)) {
        problems.add("phone", "电话只能包含数字、空格、- 和 +", "A phone number may only have digits, spaces, - and +");
      } else if (phone.length() > MAX_PHONE) {
        problems.add("phone", "电话不能超过 " + MAX_PHONE + " 个字符", "Phone: at most " + MAX_PHONE + " characters");
      }
    }
    boolean phonePublic = d.phonePublic() == null ? before != null && before.phonePublic() : d.phonePublic();
    if (phonePublic && phone == null) {
      problems.add("phonePublic", "要公开电话，请先填写电话", "A public phone needs a phone number");
    }
    if (!name.isEmpty() && !constituency.isEmpty()) {
      deputies
          .idByNameAndConstituency(staff.countyId(), name, constituency)
          .filter(other -> !other.equals(id))
          .ifPresent(
              other ->
                  problems.add(
                      "name",
                      "本县已有同名同选区的代表（" + other + "）；如是同一人，请修改该代表或把他编入站点",
                      "The county already has a deputy of this name and constituency (" + other + "); if it is the same person, change that one or assign them"));
    }
    return new Deputy(
        id, name, levels, constituency, occupation, workUnit, specialties,
        before == null ? null : before.photoHash(), phone, phonePublic);
  }

  /**
   * The stations the deputy will be assigned to: those the staff member cannot manage stay as
   * they are; among those they manage, exactly {@code wanted}.
   */
  private List<String> assignments(
      Staff staff, Deputy deputy, List<String> before, @Nullable List<String> wanted, ValidationProblem.Collector problems) {
    if (wanted == null) {
      return before;
    }
    Set<String> editable = assignableStations(staff).stream().map(StationPlace::id).collect(Collectors.toSet());
    Set<String> after = new TreeSet<>();
    for (String s : before) {
      if (!editable.contains(s)) {
        after.add(s);
      }
    }
    for (String raw : wanted) {
      if (raw == null || raw.isBlank()) {
        continue;
      }
      String s = raw.strip();
      Optional<StationPlace> place = stations.find(s).filter(p -> p.countyId().equals(staff.countyId()));
      if (place.isEmpty()) {
        problems.add("stationIds", "本县没有站点 " + s, "No station " + s + " in this county");
      } else if (!editable.contains(s)) {
        throw new ForbiddenProblem("您无权在站点 " + s + " 编入代表", "you may not assign deputies at station " + s);
      } else {
        after.add(s);
      }
    }
    for (String s : before) {
      if (editable.contains(s) && !after.contains(s)) {
        dutiesAt(deputy.id(), s, problems);
      }
    }
    return List.copyOf(after);
  }

  private void dutiesAt(String deputyId, String stationId, ValidationProblem.Collector problems) {
    List<DeputyRepository.Duty> duties =
        deputies.upcomingDuties(deputyId, today()).stream().filter(x -> x.stationId().equals(stationId)).toList();
    if (!duties.isEmpty()) {
      String name = deputies.find(deputyId).map(Deputy::name).orElse(deputyId);
      problems.add(
          "stationIds",
          name + " 还要在 " + describeZh(duties) + " 值班接待，请先在接待安排中换人，再移出该站",
          name + " is on duty at " + describeEn(duties) + ": change those receptions first, then remove them from the station");
    }
  }

  /** The deputy's county and every station they sit at; 404 when there is no such deputy. */
  private Access.Seat seat(String id) {
    String county = deputies.countyOf(id).orElseThrow(() -> notFound(id));
    return new Access.Seat(id, county, deputies.stationsOf(id));
  }

  private static Access.Seat seat(String countyId, String id, Map<String, List<String>> assignments) {
    return new Access.Seat(id, countyId, assignments.getOrDefault(id, List.of()));
  }

  private static NotFoundProblem notFound(String id) {
    return new NotFoundProblem("没有代表 " + id, "no deputy " + id);
  }

  private Set<String> visibleStationIds(Staff staff) {
    return access.visibleStations(staff).stream().map(StationPlace::id).collect(Collectors.toSet());
  }

  private static List<String> visible(List<String> stationIds, Set<String> visible) {
    return stationIds.stream().filter(visible::contains).toList();
  }

  private LocalDate today() {
    return OffsetDateTime.now(clock).atZoneSameInstant(Sql.ZONE).toLocalDate();
  }

  private static String describeZh(List<DeputyRepository.Duty> duties) {
    return duties.stream().limit(3).map(x -> x.stationName() + " " + x.date() + " " + x.start()).collect(Collectors.joining("、"))
        + (duties.size() > 3 ? " 等 " + duties.size() + " 次" : "");
  }

  private static String describeEn(List<DeputyRepository.Duty> duties) {
    return duties.stream().limit(3).map(x -> x.stationName() + " " + x.date() + " " + x.start()).collect(Collectors.joining(", "))
        + (duties.size() > 3 ? " and " + (duties.size() - 3) + " more" : "");
  }

  private static String text(@Nullable String given, @Nullable String current) {
    if (given == null) {
      return current == null ? "" : current;
    }
    return given.strip();
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  static String describe(Deputy d, List<String> stationIds) {
    return d.id() + " " + d.name() + " " + d.levels() + " 「" + d.constituency() + "」 「" + d.occupation() + "」 「"
        + d.workUnit() + "」 " + d.specialties() + " " + (d.phone() == null ? "" : "phone" + (d.phonePublic() ? " public" : ""))
        + " " + stationIds;
  }
}
