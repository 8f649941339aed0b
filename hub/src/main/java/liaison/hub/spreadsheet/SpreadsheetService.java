package liaison.hub.spreadsheet;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import liaison.hub.audit.AuditLog;
import liaison.hub.db.Database;
import liaison.hub.deputy.DeputyChange;
import liaison.hub.deputy.DeputyService;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.StationService;
import liaison.hub.text.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports the stations or deputies a staff member may see as a CSV file for Excel, and imports one:
 * every row is checked by the same rules as the forms; a dry run only reports; a real import writes
 * all accepted rows in one transaction (all of them or, on a failure, none), skips the rejected
 * ones, records an audit entry per change and one for the import, and then rebuilds the screens of
 * every station touched.
 */
@Singleton
public class SpreadsheetService {
  private static final Logger LOG = LoggerFactory.getLogger(SpreadsheetService.class);

  /** Which sheet. */
  public enum Kind {
    STATIONS,
    DEPUTIES;

    public String path() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Kind> of(String path) {
      for (Kind k : values()) {
        if (k.path().equals(path)) {
          return Optional.of(k);
        }
      }
      return Optional.empty();
    }
  }

  private final Database database;
  private final StationSheet stationSheet;
  private final DeputySheet deputySheet;
  private final StationService stations;
  private final DeputyService deputies;
  private final AuditLog audit;
  private final Access access;

  SpreadsheetService(
      Database database,
      StationSheet stationSheet,
      DeputySheet deputySheet,
      StationService stations,
      DeputyService deputies,
      AuditLog audit,
      Access access) {
    this.access = access;
    this.database = database;
    this.stationSheet = stationSheet;
    this.deputySheet = deputySheet;
    this.stations = stations;
    this.deputies = deputies;
    this.audit = audit;
  }

  /** The sheet as a CSV file: UTF-8 with BOM, Chinese column names. */
  public byte[] export(Staff staff, Kind kind) {
    requireEditor(staff);
    return switch (kind) {
      case STATIONS -> CsvText.write(StationSheet.COLUMNS, stationSheet.rows(staff));
      case DEPUTIES -> CsvText.write(DeputySheet.COLUMNS, deputySheet.rows(staff));
    };
  }

  /** Checks a file (dry run) or imports its accepted rows. */
  public ImportReport importFile(Staff staff, Kind kind, byte[] bytes, boolean dryRun) {
    requireEditor(staff);
    CsvText.Decoded decoded;
    try {
      decoded = CsvText.decode(bytes);
    } catch (CsvText.UnreadableFile e) {
      return new ImportReport(
          kind.path(),
          "?",
          dryRun,
          false,
          List.of(),
          List.of(),
          List.of(ImportReport.Problem.of(0, "", Text.of("problem.sheet.unreadable"))));
    }
    return switch (kind) {
      case STATIONS -> {
        CsvTable table = CsvTable.parse(decoded.text(), StationSheet.COLUMNS, StationSheet.ALIASES);
        List<RowOutcome<StationService.Change>> outcomes = stationSheet.check(staff, table);
        yield finish(
            staff,
            kind,
            decoded,
            table,
            outcomes,
            dryRun,
            (h, c) -> stations.write(h, staff, c),
            stations::published);
      }
      case DEPUTIES -> {
        CsvTable table = CsvTable.parse(decoded.text(), DeputySheet.COLUMNS, DeputySheet.ALIASES);
        List<RowOutcome<DeputyChange>> outcomes = deputySheet.check(staff, table);
        yield finish(
            staff,
            kind,
            decoded,
            table,
            outcomes,
            dryRun,
            (h, c) -> deputies.write(h, staff, c),
            deputies::published);
      }
    };
  }

  private interface Writer<C> {
    void write(org.jdbi.v3.core.Handle h, C change);
  }

  private <C> ImportReport finish(
      Staff staff,
      Kind kind,
      CsvText.Decoded decoded,
      CsvTable table,
      List<RowOutcome<C>> outcomes,
      boolean dryRun,
      Writer<C> writer,
      java.util.function.Consumer<List<C>> publish) {
    List<ImportReport.Accepted> accepted = new ArrayList<>();
    List<ImportReport.Rejected> rejected = new ArrayList<>();
    List<C> changes = new ArrayList<>();
    for (RowOutcome<C> o : outcomes) {
      if (o.isAccepted()) {
        accepted.add(new ImportReport.Accepted(o.row(), o.id(), o.name(), o.action()));
        changes.add(o.change());
      } else {
        rejected.add(new ImportReport.Rejected(o.row(), o.id(), o.name(), o.reasons()));
      }
    }
    boolean write =
        !dryRun
            && table.problems().isEmpty()
            && accepted.stream().anyMatch(a -> !a.action().equals("unchanged"));
    if (write) {
      long created = accepted.stream().filter(a -> a.action().equals("create")).count();
      long updated = accepted.stream().filter(a -> a.action().equals("update")).count();
      database.useTransaction(
          h -> {
            for (C change : changes) {
              writer.write(h, change);
            }
            audit.record(
                h,
                staff,
                "import",
                "spreadsheet",
                kind.path(),
                kind.path()
                    + " ("
                    + decoded.encoding()
                    + "): "
                    + created
                    + " new, "
                    + updated
                    + " changed, "
                    + (accepted.size() - created - updated)
                    + " unchanged, "
                    + rejected.size()
                    + " rejected");
          });
      publish.accept(changes);
      LOG.info(
          "{} imported {}: {} new, {} changed, {} rejected",
          staff.username(),
          kind.path(),
          created,
          updated,
          rejected.size());
    }
    return new ImportReport(
        kind.path(), decoded.encoding(), dryRun, write, accepted, rejected, table.problems());
  }

  /**
   * Refuses a deputy's account, which neither imports nor exports (asked before a file is read).
   */
  public void requireEditor(Staff staff) {
    access.requireEditor(staff);
  }
}
