package liaison.hub.spreadsheet;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import liaison.hub.security.Staff;
import liaison.hub.station.Station;
import liaison.hub.station.StationDraft;
import liaison.hub.station.StationPlace;
import liaison.hub.station.StationRepository;
import liaison.hub.station.StationService;
import liaison.hub.station.Township;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;

/**
 * The stations sheet: 编号,名称,类型,乡镇,地址,开放时间,标识牌文字,纬度,经度. The kind and the township are written by
 * name (人大代表之家, 城关镇) and read by name or code. A row whose 编号 exists changes that station; a new 编号
 * adds one. A column left out of the file keeps what is stored, so a station manager may send just
 * 编号 and 地址.
 */
@Singleton
final class StationSheet {
  static final List<String> COLUMNS =
      List.of("编号", "名称", "类型", "乡镇", "地址", "开放时间", "标识牌文字", "纬度", "经度");
  static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("id", "编号"),
          Map.entry("name", "名称"),
          Map.entry("kind", "类型"),
          Map.entry("township", "乡镇"),
          Map.entry("townshipid", "乡镇"),
          Map.entry("address", "地址"),
          Map.entry("openinghours", "开放时间"),
          Map.entry("signplate", "标识牌文字"),
          Map.entry("latitude", "纬度"),
          Map.entry("longitude", "经度"));
  static final Map<String, String> COLUMN_OF_FIELD =
      Map.of(
          "id",
          "编号",
          "name",
          "名称",
          "kind",
          "类型",
          "townshipId",
          "乡镇",
          "address",
          "地址",
          "openingHours",
          "开放时间",
          "signPlate",
          "标识牌文字",
          "latitude",
          "纬度",
          "longitude",
          "经度");

  private final StationService stations;
  private final StationRepository repository;

  StationSheet(StationService stations, StationRepository repository) {
    this.stations = stations;
    this.repository = repository;
  }

  List<List<String>> rows(Staff staff) {
    return stations.list(staff, StationService.Filter.NONE).stream()
        .map(StationSheet::row)
        .toList();
  }

  private static List<String> row(StationPlace p) {
    Station s = p.station();
    return List.of(
        s.id(),
        s.name(),
        s.kind().zh(),
        p.townshipName(),
        s.address(),
        s.openingHours(),
        s.signPlate(),
        number(s.latitude()),
        number(s.longitude()));
  }

  private static String number(@Nullable Double value) {
    return value == null ? "" : BigDecimal.valueOf(value).toPlainString();
  }

  List<RowOutcome<StationService.Change>> check(Staff staff, CsvTable table) {
    table.require(List.of("编号"));
    if (!table.problems().isEmpty()) {
      return List.of();
    }
    List<Township> townships = stations.townships(staff);
    Map<String, Long> seen = new HashMap<>();
    List<RowOutcome<StationService.Change>> outcomes = new ArrayList<>();
    for (CsvTable.Row row : table.rows()) {
      String id = orEmpty(row.get("编号"));
      String name = orEmpty(row.get("名称"));
      List<ImportReport.Problem> reasons = new ArrayList<>();
      if (row.extraCells() > 0) {
        reasons.add(
            ImportReport.Problem.of(row.number(), "", Text.of("problem.sheet.row.extra-cells")));
      }
      if (id.isEmpty()) {
        reasons.add(
            ImportReport.Problem.of(
                row.number(), "编号", Text.of("problem.sheet.station.id.missing")));
      } else if (seen.containsKey(id)) {
        reasons.add(
            ImportReport.Problem.of(
                row.number(), "编号", Text.of("problem.sheet.id.repeated", id, seen.get(id))));
      } else {
        seen.put(id, row.number());
      }
      // The form's rules run too, so a row with several faults lists them all at once.
      StationDraft draft =
          new StationDraft(
              id,
              row.get("名称"),
              row.get("类型"),
              township(row.get("乡镇"), townships),
              row.get("地址"),
              row.get("开放时间"),
              row.get("标识牌文字"),
              row.get("纬度"),
              row.get("经度"));
      try {
        Optional<StationPlace> existing = id.isEmpty() ? Optional.empty() : repository.find(id);
        StationService.Change change =
            existing.isPresent()
                ? stations.prepareUpdate(staff, id, draft)
                : stations.prepareCreate(staff, draft);
        if (!reasons.isEmpty()) {
          outcomes.add(RowOutcome.rejected(row.number(), id, name, reasons));
          continue;
        }
        String action =
            change.isNew() ? "create" : change.changesSomething() ? "update" : "unchanged";
        outcomes.add(RowOutcome.accepted(row.number(), id, change.after().name(), change, action));
      } catch (RuntimeException e) {
        outcomes.add(
            RowOutcome.rejected(
                row.number(),
                id,
                name,
                RowOutcome.merged(reasons, RowOutcome.reasons(row.number(), e, COLUMN_OF_FIELD))));
      }
    }
    return outcomes;
  }

  /**
   * The township's id, found by code or by name; what was typed when there is none (the check names
   * it).
   */
  private static @Nullable String township(@Nullable String text, List<Township> townships) {
    if (text == null || text.isBlank()) {
      return text;
    }
    return townships.stream()
        .filter(t -> t.id().equals(text) || t.name().equals(text))
        .map(Township::id)
        .findFirst()
        .orElse(text);
  }

  private static String orEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }
}
