package liaison.hub.migrate;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import liaison.hub.text.Text;
import org.flywaydb.core.api.MigrationVersion;

/**
 * One move of a county's hub from its SQLite file into PostgreSQL, with the hub stopped.
 *
 * <ol>
 *   <li>Refuses, writing nothing, when the file is missing, not a Liaison hub's, held by a running
 *       hub, damaged, or newer than this hub; when the target is not PostgreSQL, not UTF-8, newer
 *       than the file, or already holds Liaison data.
 *   <li>Brings the target to the file's schema version with the hub's own Flyway migrations (the
 *       hub takes it further when it starts).
 *   <li>Copies every table of the file, parents before children, in batches, in one transaction on
 *       the target, and checks each table as soon as it is copied: row count and the digest of all
 *       rows on both sides.
 *   <li>Commits only when every table is the same. Otherwise rolls back and, when the target had
 *       nothing of Liaison's before, drops what the migrations made: the target is as it was.
 * </ol>
 */
final class Migration {
  private final Path source;
  private final String url;
  private final String user;
  private final String password;
  private final java.util.Map<String, String> flyway;
  private final MigrationReport report;
  private final LongSupplier nanos;

  Migration(
      Path source,
      String url,
      String user,
      String password,
      java.util.Map<String, String> flyway,
      MigrationReport report,
      LongSupplier nanos) {
    this.source = source;
    this.url = url;
    this.user = user;
    this.password = password;
    this.flyway = flyway;
    this.report = report;
    this.nanos = nanos;
  }

  /**
   * @return whether every table came through the same (and was committed)
   * @throws MigrationRefused when it refused or failed; the target is as it was, or, when it had
   *     Liaison's empty tables at an older version, brought to the file's version and still empty
   */
  boolean run() throws SQLException {
    long started = nanos.getAsLong();
    Text nothingWritten = Text.of("migrate.nothing-written", PostgresTarget.shown(url));
    try (SqliteFile file = opened(nothingWritten);
        PostgresTarget target = reached(nothingWritten)) {
      report.say(Text.of("migrate.start", file.path(), PostgresTarget.shown(url)));
      HubMigrations migrations = new HubMigrations(flyway, url, user, password);
      MigrationVersion version;
      List<String> names;
      Optional<MigrationVersion> targetVersion;
      try {
        List<SchemaHistory.Applied> history = file.history(migrations.historyTable());
        if (history.isEmpty()) {
          throw new MigrationRefused(Text.of("migrate.refused.not-liaison", file.path()));
        }
        target.checkEncoding();
        SortedMap<MigrationVersion, Integer> known = migrations.known();
        version = SchemaHistory.version(file.path(), history, known);
        names = file.tables(migrations.historyTable());
        targetVersion = migrations.applied();
        checkTarget(target, names, version, targetVersion);
        file.check();
      } catch (MigrationRefused e) {
        throw e.withOutcome(nothingWritten);
      } catch (SQLException e) {
        throw new MigrationRefused(Text.of("migrate.failed", TableCopy.reason(e)), e)
            .withOutcome(nothingWritten);
      }

      Set<PostgresTarget.Relation> before = target.relations();
      boolean hadNothing = targetVersion.isEmpty();
      try {
        migrations.migrateTo(version);
        report.say(Text.of("migrate.schema", version));
        List<Table> tables = TargetSchema.read(target.connection(), names);
        checkColumns(file, tables);
        Copied copied = copy(file, target.connection(), tables);
        report.endOfTables();
        Duration took = Duration.ofNanos(nanos.getAsLong() - started);
        if (!copied.different().isEmpty()) {
          report.say(
              Text.of(
                  "migrate.different",
                  copied.different().size(),
                  String.join(", ", copied.different()),
                  MigrationReport.seconds(took)));
          report.say(undo(target, hadNothing, before));
          return false;
        }
        report.say(
            Text.of(
                "migrate.done",
                tables.size(),
                copied.rows(),
                MigrationReport.seconds(took),
                PostgresTarget.shown(url)));
        report.say(Text.of("migrate.next", PostgresTarget.shown(url)));
        return true;
      } catch (SQLException | RuntimeException e) {
        Text outcome = undo(target, hadNothing, before);
        MigrationRefused refused =
            e instanceof MigrationRefused r
                ? r
                : new MigrationRefused(
                    Text.of(
                        "migrate.failed",
                        e instanceof SQLException sql
                            ? TableCopy.reason(sql)
                            : String.valueOf(e.getMessage())),
                    e);
        throw refused.withOutcome(outcome);
      }
    }
  }

  private SqliteFile opened(Text nothingWritten) {
    try {
      return SqliteFile.open(source);
    } catch (MigrationRefused e) {
      throw e.withOutcome(nothingWritten);
    }
  }

  private PostgresTarget reached(Text nothingWritten) {
    try {
      return PostgresTarget.connect(url, user, password);
    } catch (MigrationRefused e) {
      throw e.withOutcome(nothingWritten);
    }
  }

  /** Nothing is written to a target that is newer, or holds Liaison's rows or tables of ours. */
  private static void checkTarget(
      PostgresTarget target,
      List<String> names,
      MigrationVersion version,
      Optional<MigrationVersion> targetVersion)
      throws SQLException {
    if (targetVersion.isPresent() && targetVersion.get().isNewerThan(version)) {
      throw new MigrationRefused(
          Text.of(
              "migrate.refused.target-newer",
              PostgresTarget.shown(target.url()),
              targetVersion.get(),
              version));
    }
    List<String> filled = target.withRows(names);
    if (!filled.isEmpty()) {
      throw new MigrationRefused(
          Text.of(
              "migrate.refused.target-not-empty",
              PostgresTarget.shown(target.url()),
              String.join(", ", filled.subList(0, Math.min(5, filled.size())))));
    }
    Set<String> existing = target.existing(names);
    if (targetVersion.isEmpty() && !existing.isEmpty()) {
      throw new MigrationRefused(
          Text.of(
              "migrate.refused.target-has-tables",
              PostgresTarget.shown(target.url()),
              String.join(", ", existing)));
    }
  }

  /** The migrations made the same columns the file has, no more and no fewer. */
  private static void checkColumns(SqliteFile file, List<Table> tables) throws SQLException {
    for (Table table : tables) {
      Set<String> inFile = new TreeSet<>(file.columns(table.name()));
      Set<String> inTarget =
          table.columns().stream()
              .map(Table.Column::name)
              .collect(Collectors.toCollection(TreeSet::new));
      if (!inFile.equals(inTarget)) {
        Set<String> onlyInFile = new TreeSet<>(inFile);
        onlyInFile.removeAll(inTarget);
        Set<String> onlyInTarget = new TreeSet<>(inTarget);
        onlyInTarget.removeAll(inFile);
        throw new MigrationRefused(
            Text.of(
                "migrate.refused.columns",
                table.name(),
                String.join(", ", onlyInFile),
                String.join(", ", onlyInTarget)));
      }
    }
  }

  /** The tables that differ (nothing committed then), and the rows the target holds. */
  private record Copied(List<String> different, long rows) {}

  /** Copies and checks every table in one transaction, committed only when all are the same. */
  private Copied copy(SqliteFile file, Connection target, List<Table> tables) throws SQLException {
    List<String> different = new ArrayList<>();
    target.setAutoCommit(false);
    try {
      try (Statement s = target.createStatement()) {
        // A large county takes a while: no server-side limit cuts the one transaction short.
        s.execute("SET LOCAL statement_timeout = 0");
        // No hub started on the target meanwhile reads half a county or writes into it.
        s.execute(
            "LOCK TABLE "
                + tables.stream().map(t -> Table.quote(t.name())).collect(Collectors.joining(", "))
                + " IN ACCESS EXCLUSIVE MODE NOWAIT");
      }
      TableCopy copy = new TableCopy(file.connection(), target);
      long rows = 0;
      for (Table table : tables) {
        long tableStarted = nanos.getAsLong();
        long copied = copy.copy(table);
        TableDigest from = TableDigest.of(file.connection(), table, TableDigest.Side.SQLITE);
        TableDigest to = TableDigest.of(target, table, TableDigest.Side.POSTGRESQL);
        boolean same = from.equals(to) && copied == from.rows();
        report.table(
            new MigrationReport.TableResult(
                table.name(),
                from.rows(),
                to.rows(),
                same,
                Duration.ofNanos(nanos.getAsLong() - tableStarted)));
        if (!same) {
          different.add(table.name());
        }
        rows += to.rows();
      }
      copy.setSequencesPast(tables);
      if (different.isEmpty()) {
        target.commit();
      } else {
        target.rollback();
      }
      return new Copied(different, rows);
    } catch (SQLException | RuntimeException e) {
      target.rollback();
      throw e;
    } finally {
      target.setAutoCommit(true);
    }
  }

  /**
   * After a failure: the copy's transaction is rolled back already; what the migrations made goes
   * too when the target had nothing of Liaison's before.
   *
   * @return what became of the target, for the person to read
   */
  private Text undo(
      PostgresTarget target, boolean hadNothing, Set<PostgresTarget.Relation> before) {
    String shown = PostgresTarget.shown(url);
    try {
      if (!target.connection().getAutoCommit()) {
        target.connection().rollback();
        target.connection().setAutoCommit(true);
      }
      if (!hadNothing) {
        return Text.of("migrate.undone-kept-schema", shown);
      }
      target.dropMadeSince(before);
      return Text.of("migrate.undone", shown);
    } catch (SQLException e) {
      return Text.of("migrate.undo-failed", shown, TableCopy.reason(e));
    }
  }
}
