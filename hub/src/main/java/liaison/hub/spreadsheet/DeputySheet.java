package liaison.hub.spreadsheet;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import liaison.hub.db.Sql;
import liaison.hub.deputy.Deputy;
import liaison.hub.deputy.DeputyChange;
import liaison.hub.deputy.DeputyDirectory;
import liaison.hub.deputy.DeputyDraft;
import liaison.hub.deputy.DeputyRepository;
import liaison.hub.deputy.DeputyService;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.StationPlace;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;

/**
 * The deputies sheet: 编号,姓名,层级,选区,职业,工作单位,专长,电话,公开电话,所属站点. Levels, specialties and stations are
 * separated by 、. A row with a known 编号 changes that deputy; a row without one changes the county's
 * deputy of the same name and constituency, or adds a new deputy. 所属站点 lists the stations among
 * those the importing staff member manages (others stay as they are).
 */
@Singleton
final class DeputySheet {
  static final List<String> COLUMNS =
      List.of("编号", "姓名", "层级", "选区", "职业", "工作单位", "专长", "电话", "公开电话", "所属站点");
  static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("id", "编号"),
          Map.entry("name", "姓名"),
          Map.entry("levels", "层级"),
          Map.entry("constituency", "选区"),
          Map.entry("occupation", "职业"),
          Map.entry("workunit", "工作单位"),
          Map.entry("specialties", "专长"),
          Map.entry("phone", "电话"),
          Map.entry("phonepublic", "公开电话"),
          Map.entry("stations", "所属站点"),
          Map.entry("stationids", "所属站点"));
  static final Map<String, String> COLUMN_OF_FIELD =
      Map.of(
          "id",
          "编号",
          "name",
          "姓名",
          "levels",
          "层级",
          "constituency",
          "选区",
          "occupation",
          "职业",
          "workUnit",
          "工作单位",
          "specialties",
          "专长",
          "phone",
          "电话",
          "phonePublic",
          "公开电话",
          "stationIds",
          "所属站点");

  private final DeputyService deputies;
  private final DeputyDirectory directory;
  private final DeputyRepository repository;
  private final Access access;

  DeputySheet(
      DeputyService deputies,
      DeputyDirectory directory,
      DeputyRepository repository,
      Access access) {
    this.directory = directory;
    this.deputies = deputies;
    this.repository = repository;
    this.access = access;
  }

  List<List<String>> rows(Staff staff) {
    return directory.list(staff, DeputyDirectory.Filter.NONE).stream()
        .sorted(java.util.Comparator.comparing((DeputyDirectory.Listed l) -> l.deputy().id()))
        .map(l -> row(l.deputy(), l.stationIds(), l.phoneVisible()))
        .toList();
  }

  private static List<String> row(Deputy d, List<String> stationIds, boolean phoneVisible) {
    return List.of(
        d.id(),
        d.name(),
        d.levels().stream().map(l -> l.zh()).collect(Collectors.joining("、")),
        d.constituency(),
        d.occupation(),
        d.workUnit(),
        Sql.list(d.specialties()),
        d.phone() == null || !(phoneVisible || d.phonePublic()) ? "" : d.phone(),
        d.phonePublic() ? "是" : "否",
        String.join("、", stationIds));
  }

  List<RowOutcome<DeputyChange>> check(Staff staff, CsvTable table) {
    if (!table.has("编号")) {
      table.require(List.of("姓名", "选区"));
    }
    if (!table.problems().isEmpty()) {
      return List.of();
    }
    List<StationPlace> stations = access.visibleStations(staff);
    Map<String, Long> seenIds = new HashMap<>();
    Map<String, Long> seenPeople = new HashMap<>();
    List<RowOutcome<DeputyChange>> outcomes = new ArrayList<>();
    for (CsvTable.Row row : table.rows()) {
      long n = row.number();
      String id = orEmpty(row.get("编号"));
      String name = orEmpty(row.get("姓名"));
      List<ImportReport.Problem> reasons = new ArrayList<>();
      if (row.extraCells() > 0) {
        reasons.add(ImportReport.Problem.of(n, "", Text.of("problem.sheet.row.extra-cells")));
      }
      if (!id.isEmpty()) {
        Long first = seenIds.putIfAbsent(id, n);
        if (first != null) {
          reasons.add(
              ImportReport.Problem.of(n, "编号", Text.of("problem.sheet.id.repeated", id, first)));
        }
      }
      Deputy stored = id.isEmpty() ? null : ownDeputy(staff, id);
      String person = key(row.get("姓名"), row.get("选区"), stored);
      if (person != null) {
        Long first = seenPeople.putIfAbsent(person, n);
        if (first != null) {
          reasons.add(
              ImportReport.Problem.of(n, "姓名", Text.of("problem.sheet.deputy.same-person", first)));
        }
      }
      Boolean phonePublic = null;
      String consent = row.get("公开电话");
      if (consent != null) {
        phonePublic = yesNo(consent);
        if (phonePublic == null) {
          reasons.add(
              ImportReport.Problem.of(n, "公开电话", Text.of("problem.sheet.deputy.phone-public")));
        }
      }
      // The form's rules run too, so a row with several faults lists them all at once.
      DeputyDraft draft =
          new DeputyDraft(
              row.get("姓名"),
              list(row.get("层级")),
              row.get("选区"),
              row.get("职业"),
              row.get("工作单位"),
              row.get("专长") == null ? null : List.of(row.get("专长")),
              row.get("电话"),
              consent == null ? null : (consent.isBlank() ? Boolean.FALSE : phonePublic),
              stations(row.get("所属站点"), stations));
      try {
        DeputyChange change;
        if (!id.isEmpty() && repository.countyOf(id).isPresent()) {
          change = deputies.prepareUpdate(staff, id, draft);
        } else if (id.isEmpty()) {
          Optional<String> same =
              repository.idByNameAndConstituency(staff.countyId(), name, orEmpty(row.get("选区")));
          change =
              same.isPresent()
                  ? deputies.prepareUpdate(staff, same.get(), draft)
                  : deputies.prepareCreate(staff, null, draft);
        } else {
          change = deputies.prepareCreate(staff, id, draft);
        }
        if (!reasons.isEmpty()) {
          outcomes.add(RowOutcome.rejected(n, id, name, reasons));
          continue;
        }
        String action =
            change.isNew() ? "create" : change.changesSomething() ? "update" : "unchanged";
        // A new deputy's id is made when the row is written: the dry run's would not be the one
        // kept.
        String shownId = change.isNew() && id.isEmpty() ? "" : change.after().id();
        outcomes.add(RowOutcome.accepted(n, shownId, change.after().name(), change, action));
      } catch (RuntimeException e) {
        outcomes.add(
            RowOutcome.rejected(
                n,
                id,
                name,
                RowOutcome.merged(reasons, RowOutcome.reasons(n, e, COLUMN_OF_FIELD))));
      }
    }
    return outcomes;
  }

  /**
   * The stored deputy of this id in the staff member's county, to know a row's person when it
   * leaves out the name.
   */
  private @Nullable Deputy ownDeputy(Staff staff, String id) {
    if (repository.countyOf(id).filter(staff.countyId()::equals).isEmpty()) {
      return null;
    }
    return repository.find(id).orElse(null);
  }

  private static @Nullable String key(
      @Nullable String name, @Nullable String constituency, @Nullable Deputy stored) {
    String n = name != null ? name : stored == null ? null : stored.name();
    String c = constituency != null ? constituency : stored == null ? null : stored.constituency();
    return n == null || n.isEmpty() ? null : n + "\u0000" + (c == null ? "" : c);
  }

  private static @Nullable List<String> list(@Nullable String cell) {
    return cell == null ? null : Sql.list(cell);
  }

  /**
   * Station ids, or names of the staff member's stations; what was typed when neither (the check
   * names it).
   */
  private static @Nullable List<String> stations(
      @Nullable String cell, List<StationPlace> visible) {
    if (cell == null) {
      return null;
    }
    return Sql.list(cell).stream()
        .map(
            text ->
                visible.stream()
                    .filter(p -> p.id().equals(text) || p.station().name().equals(text))
                    .map(StationPlace::id)
                    .findFirst()
                    .orElse(text))
        .toList();
  }

  static @Nullable Boolean yesNo(String text) {
    return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "是", "公开", "同意", "y", "yes", "true", "1", "√" -> Boolean.TRUE;
      case "否", "不公开", "不同意", "", "n", "no", "false", "0", "×" -> Boolean.FALSE;
      default -> null;
    };
  }

  private static String orEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }
}
