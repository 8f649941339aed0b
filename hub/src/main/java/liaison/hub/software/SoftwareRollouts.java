package liaison.hub.software;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import liaison.hub.audit.AuditLog;
import liaison.hub.db.Database;
import liaison.hub.db.Leased;
import liaison.hub.db.Sql;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.ForbiddenProblem;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.StationsChanged;
import liaison.hub.text.Text;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A version rolled out to one station, a township or the county, in stages: the first station, then
 * a tenth of them, then all (docs/FIELD.md "Rollouts"). A station's target is the version of the
 * newest rollout, not cancelled, whose current stage has reached it; the snapshot carries it. The
 * next stage starts when every station reached so far runs the version (its heartbeat says so) or
 * when an administrator advances it; a station that rolls back halts the rollout with its reason
 * until an administrator resumes or cancels it. Only county administrators roll out.
 */
@Singleton
public class SoftwareRollouts {
  public static final String LEASE = "software-rollouts";

  private static final Logger LOG = LoggerFactory.getLogger(SoftwareRollouts.class);

  private final Database database;
  private final StationBundles bundles;
  private final AuditLog audit;
  private final ApplicationEventPublisher<StationsChanged> stationsChanged;
  private final Clock clock;

  public SoftwareRollouts(
      Database database,
      StationBundles bundles,
      AuditLog audit,
      ApplicationEventPublisher<StationsChanged> stationsChanged,
      Clock clock) {
    this.database = database;
    this.bundles = bundles;
    this.audit = audit;
    this.stationsChanged = stationsChanged;
    this.clock = clock;
  }

  /** Whom a rollout is for. */
  public enum Scope {
    STATION,
    TOWNSHIP,
    COUNTY
  }

  /** Where a rollout stands. */
  public enum State {
    RUNNING,
    HALTED,
    CANCELLED,
    DONE
  }

  /** What an administrator asks for: a version, to whom. */
  public record Draft(String version, Scope scope, String scopeId) {}

  /** The version a station is to run and its bundles, one for each processor the hub has. */
  public record Target(String rolloutId, String version, List<StationBundle> bundles) {}

  /**
   * One stage of a rollout.
   *
   * @param running its stations whose heartbeat reports the version
   * @param rolledBack its stations that reported the version rolled back
   */
  public record StageProgress(int stage, int stations, int running, int rolledBack) {}

  /** A rollout as the software page and the API show it. */
  public record Rollout(
      String id,
      String version,
      Scope scope,
      String scopeId,
      State state,
      int stage,
      int stages,
      String haltedStation,
      String haltedReason,
      String createdBy,
      OffsetDateTime createdAt,
      List<StageProgress> progress) {}

  /**
   * Starts a rollout at its first stage.
   *
   * @throws ValidationProblem when the hub has no bundle of the version or the scope holds no
   *     station of the administrator's county
   */
  public Rollout start(Staff staff, Draft draft) {
    requireAdmin(staff);
    String version = draft.version() == null ? "" : draft.version().strip();
    if (bundles.list().stream().noneMatch(b -> b.version().equals(version))) {
      throw ValidationProblem.of("version", Text.of("problem.rollout.no-bundle", version));
    }
    if (draft.scope() == null) {
      throw ValidationProblem.of("scope", Text.of("problem.rollout.no-scope"));
    }
    String scopeId = draft.scopeId() == null ? "" : draft.scopeId().strip();
    List<String> stations = stationsIn(staff.countyId(), draft.scope(), scopeId);
    if (stations.isEmpty()) {
      throw ValidationProblem.of("scopeId", Text.of("problem.rollout.no-stations"));
    }
    int[] stageOf = stages(stations.size());
    int stages = stageOf[stageOf.length - 1];
    String id = "ro-" + UUID.randomUUID().toString().substring(0, 8);
    String now = Sql.instant(OffsetDateTime.now(clock));
    database.useTransaction(
        h -> {
          h.createUpdate(
                  """
                  INSERT INTO software_rollout
                    (id, version, scope, scope_id, state, stage, stages, halted_station,
                     halted_reason, created_by, created_at, updated_at)
                  VALUES (:id, :version, :scope, :scopeId, 'RUNNING', 1, :stages, '', '',
                          :by, :at, :at)
                  """)
              .bind("id", id)
              .bind("version", version)
              .bind("scope", draft.scope().name())
              .bind("scopeId", scopeId)
              .bind("stages", stages)
              .bind("by", staff.displayName())
              .bind("at", now)
              .execute();
          var insert =
              h.prepareBatch(
                  """
                  INSERT INTO software_rollout_station (rollout_id, station_id, stage, outcome, reason)
                  VALUES (:id, :station, :stage, '', '')
                  """);
          for (int i = 0; i < stations.size(); i++) {
            insert.bind("id", id).bind("station", stations.get(i)).bind("stage", stageOf[i]).add();
          }
          insert.execute();
          audit.record(
              h,
              staff,
              "start",
              "software-rollout",
              id,
              version + " → " + draft.scope().name().toLowerCase() + " " + scopeId);
        });
    LOG.info(
        "rollout {} of {} to {} {} started: {} stations in {} stages",
        id,
        version,
        draft.scope(),
        scopeId,
        stations.size(),
        stages);
    announce(id, 1);
    return find(id).orElseThrow();
  }

  /** The rollouts of the administrator's county, newest first. */
  public List<Rollout> list(Staff staff) {
    requireAdmin(staff);
    return database.withHandle(
        h ->
            h
                .createQuery(SELECT + " ORDER BY r.created_at DESC, r.id DESC")
                .map((rs, ctx) -> rolloutRow(rs))
                .list()
                .stream()
                .map(r -> withProgress(h, r))
                .toList());
  }

  public Optional<Rollout> find(String id) {
    return database.withHandle(
        h ->
            h.createQuery(SELECT + " WHERE r.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> rolloutRow(rs))
                .findOne()
                .map(r -> withProgress(h, r)));
  }

  /** Starts the next stage now, without waiting for the current one's stations. */
  public Rollout advance(Staff staff, String id) {
    Rollout r = rollout(staff, id);
    refuseUnless(r.state() == State.RUNNING || r.state() == State.HALTED, "problem.rollout.over");
    refuseUnless(r.stage() < r.stages(), "problem.rollout.last-stage");
    Rollout moved = moved(staff, "advance", r, r.stage() + 1, State.RUNNING, "");
    announce(id, moved.stage());
    return moved;
  }

  /** Stops the rollout where it stands: no further stage starts until it is resumed. */
  public Rollout halt(Staff staff, String id) {
    Rollout r = rollout(staff, id);
    refuseUnless(r.state() == State.RUNNING, "problem.rollout.not-running");
    return moved(staff, "halt", r, r.stage(), State.HALTED, "");
  }

  /** Lets a halted rollout go on at its stage. */
  public Rollout resume(Staff staff, String id) {
    Rollout r = rollout(staff, id);
    refuseUnless(r.state() == State.HALTED, "problem.rollout.not-halted");
    return moved(staff, "resume", r, r.stage(), State.RUNNING, "");
  }

  /**
   * Ends the rollout: its stations no longer have its version as target (an older rollout's, if
   * any, is theirs again; a station already switched stays on what it runs).
   */
  public Rollout cancel(Staff staff, String id) {
    Rollout r = rollout(staff, id);
    refuseUnless(r.state() == State.RUNNING || r.state() == State.HALTED, "problem.rollout.over");
    Rollout moved = moved(staff, "cancel", r, r.stage(), State.CANCELLED, r.haltedReason());
    announce(id, r.stages());
    return moved;
  }

  private Rollout rollout(Staff staff, String id) {
    requireAdmin(staff);
    return find(id).orElseThrow(() -> new NotFoundProblem(Text.of("problem.rollout.not-found")));
  }

  private static void refuseUnless(boolean allowed, String why) {
    if (!allowed) {
      throw new ConflictProblem(Text.of(why));
    }
  }

  /** An administrator's change of the rollout's stage or state, with its audit entry. */
  private Rollout moved(
      Staff staff, String action, Rollout r, int stage, State state, String reason) {
    database.useTransaction(
        h -> {
          move(h, r, stage, state, reason);
          audit.record(h, staff, action, "software-rollout", r.id(), r.version());
        });
    return find(r.id()).orElseThrow();
  }

  /** The version this station is to run, when a rollout's stage has reached it. */
  public Optional<Target> targetFor(String stationId) {
    return Optional.ofNullable(targetsFor(List.of(stationId)).get(stationId));
  }

  /**
   * {@link #targetFor} for many stations, by station id (absent where no rollout reached the
   * station): one query, and the hub's bundles listed once.
   */
  public java.util.Map<String, Target> targetsFor(java.util.Collection<String> stationIds) {
    if (stationIds.isEmpty()) {
      return java.util.Map.of();
    }
    java.util.Map<String, String[]> newest = new java.util.HashMap<>();
    database.useHandle(
        h ->
            h.createQuery(
                    """
                    SELECT s.station_id, r.id, r.version FROM software_rollout r
                      JOIN software_rollout_station s ON s.rollout_id = r.id
                     WHERE s.station_id IN (<stations>) AND r.state <> 'CANCELLED'
                       AND s.stage <= r.stage
                     ORDER BY r.created_at DESC, r.id DESC
                    """)
                .bindList("stations", List.copyOf(stationIds))
                .map(
                    (rs, ctx) ->
                        new String[] {
                          rs.getString("station_id"), rs.getString("id"), rs.getString("version")
                        })
                .forEach(row -> newest.putIfAbsent(row[0], row)));
    if (newest.isEmpty()) {
      return java.util.Map.of();
    }
    List<StationBundle> all = bundles.list();
    java.util.Map<String, Target> targets = new java.util.HashMap<>();
    newest.forEach(
        (station, row) ->
            targets.put(
                station,
                new Target(
                    row[1],
                    row[2],
                    all.stream().filter(b -> b.version().equals(row[2])).toList())));
    return targets;
  }

  /**
   * Where a station stands with the newest rollout that reached it: the version, the last step it
   * reported (empty before its first report) and its reason.
   */
  public record StationUpdateState(String version, String outcome, String reason) {}

  /** Each station's update state, for the fleet page; stations no rollout reached are absent. */
  public java.util.Map<String, StationUpdateState> updateStates() {
    java.util.Map<String, StationUpdateState> states = new java.util.HashMap<>();
    database.useHandle(
        h ->
            h.createQuery(
                    """
                    SELECT s.station_id, r.version, s.outcome, s.reason
                      FROM software_rollout_station s
                      JOIN software_rollout r ON r.id = s.rollout_id
                     WHERE r.state <> 'CANCELLED' AND s.stage <= r.stage
                     ORDER BY r.created_at DESC, r.id DESC
                    """)
                .map(
                    (rs, ctx) ->
                        java.util.Map.entry(
                            rs.getString("station_id"),
                            new StationUpdateState(
                                rs.getString("version"),
                                rs.getString("outcome"),
                                rs.getString("reason"))))
                .forEach(e -> states.putIfAbsent(e.getKey(), e.getValue())));
    return states;
  }

  /**
   * Moves each running rollout on: the next stage once every station reached so far runs the
   * version, done once the last stage does.
   */
  @Scheduled(
      fixedDelay = "${hub.software.rollout-every:30s}",
      initialDelay = "${hub.software.rollout-every:30s}")
  @Leased(LEASE)
  void moveOnSchedule() {
    moveRunning();
  }

  /** One round of {@link #moveOnSchedule}; answers the rollouts that moved. */
  public List<String> moveRunning() {
    List<String> moved = new ArrayList<>();
    List<Rollout> running =
        database.withHandle(
            h ->
                h
                    .createQuery(SELECT + " WHERE r.state = 'RUNNING'")
                    .map((rs, ctx) -> rolloutRow(rs))
                    .list()
                    .stream()
                    .map(r -> withProgress(h, r))
                    .toList());
    for (Rollout r : running) {
      boolean reachedAllRun =
          r.progress().stream()
              .filter(p -> p.stage() <= r.stage())
              .allMatch(p -> p.running() == p.stations());
      if (!reachedAllRun) {
        continue;
      }
      if (r.stage() >= r.stages()) {
        database.useTransaction(h -> move(h, r, r.stage(), State.DONE, ""));
        LOG.info("rollout {} of {} done", r.id(), r.version());
      } else {
        database.useTransaction(h -> move(h, r, r.stage() + 1, State.RUNNING, ""));
        LOG.info("rollout {} of {} at stage {}", r.id(), r.version(), r.stage() + 1);
        announce(r.id(), r.stage() + 1);
      }
      moved.add(r.id());
    }
    return moved;
  }

  /**
   * What a station reported of an update, inside the transaction that stores its event: kept on
   * every rollout of that version that holds the station; a rollback halts a running one with the
   * reason.
   */
  void reported(Handle h, String stationId, UpdateReport report) {
    String at = Sql.instant(report.at());
    h.createUpdate(
            """
            UPDATE software_rollout_station SET outcome = :outcome, reason = :reason,
                   reported_at = :at
             WHERE station_id = :station
               AND rollout_id IN (SELECT id FROM software_rollout
                                   WHERE version = :version AND state <> 'CANCELLED')
               AND (reported_at IS NULL OR reported_at <= :at)
            """)
        .bind("outcome", report.outcome())
        .bind("reason", report.reason())
        .bind("at", at)
        .bind("station", stationId)
        .bind("version", report.version())
        .execute();
    if (report.outcome().equals(UpdateReport.ROLLED_BACK)) {
      h.createUpdate(
              """
              UPDATE software_rollout SET state = 'HALTED', halted_station = :station,
                     halted_reason = :reason, updated_at = :now
               WHERE state = 'RUNNING' AND version = :version
                 AND id IN (SELECT rollout_id FROM software_rollout_station
                             WHERE station_id = :station)
              """)
          .bind("reason", report.reason())
          .bind("now", Sql.instant(OffsetDateTime.now(clock)))
          .bind("version", report.version())
          .bind("station", stationId)
          .execute();
    }
  }

  /**
   * The stage of each of {@code n} stations, in order: the first alone, then up to a tenth of them,
   * then the rest; the last element is the number of stages.
   */
  static int[] stages(int n) {
    int[] stage = new int[n];
    int tenth = Math.max(2, (n + 9) / 10);
    for (int i = 0; i < n; i++) {
      stage[i] = i == 0 ? 1 : i < tenth ? 2 : 3;
    }
    return stage;
  }

  private List<String> stationsIn(String countyId, Scope scope, String scopeId) {
    String where =
        switch (scope) {
          case STATION -> "s.id = :scopeId";
          case TOWNSHIP -> "s.township_id = :scopeId";
          case COUNTY -> "t.county_id = :scopeId";
        };
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT s.id FROM station s JOIN township t ON t.id = s.township_id"
                        + " WHERE t.county_id = :county AND "
                        + where
                        + " ORDER BY s.id")
                .bind("county", countyId)
                .bind("scopeId", scope == Scope.COUNTY ? countyId : scopeId)
                .mapTo(String.class)
                .list());
  }

  private void move(Handle h, Rollout r, int stage, State state, String reason) {
    h.createUpdate(
            """
            UPDATE software_rollout SET stage = :stage, state = :state,
                   halted_station = :station, halted_reason = :reason, updated_at = :now
             WHERE id = :id
            """)
        .bind("stage", stage)
        .bind("state", state.name())
        .bind("station", reason.isEmpty() ? "" : r.haltedStation())
        .bind("reason", reason)
        .bind("now", Sql.instant(OffsetDateTime.now(clock)))
        .bind("id", r.id())
        .execute();
  }

  /** The stations of the rollout up to this stage get a new snapshot (their target changed). */
  private void announce(String id, int uptoStage) {
    List<String> stations =
        database.withHandle(
            h ->
                h.createQuery(
                        "SELECT station_id FROM software_rollout_station"
                            + " WHERE rollout_id = :id AND stage <= :stage")
                    .bind("id", id)
                    .bind("stage", uptoStage)
                    .mapTo(String.class)
                    .list());
    if (!stations.isEmpty()) {
      stationsChanged.publishEvent(new StationsChanged(stations));
    }
  }

  private static void requireAdmin(Staff staff) {
    if (!staff.isCountyAdmin()) {
      throw new ForbiddenProblem(Text.of("problem.bundle.admin-only"));
    }
  }

  private static final String SELECT =
      "SELECT r.id, r.version, r.scope, r.scope_id, r.state, r.stage, r.stages,"
          + " r.halted_station, r.halted_reason, r.created_by, r.created_at"
          + " FROM software_rollout r";

  private static Rollout rolloutRow(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Rollout(
        rs.getString("id"),
        rs.getString("version"),
        Scope.valueOf(rs.getString("scope")),
        rs.getString("scope_id"),
        State.valueOf(rs.getString("state")),
        rs.getInt("stage"),
        rs.getInt("stages"),
        rs.getString("halted_station"),
        rs.getString("halted_reason"),
        rs.getString("created_by"),
        Sql.instant(rs.getString("created_at")),
        List.of());
  }

  private static Rollout withProgress(Handle h, Rollout r) {
    List<StageProgress> progress =
        h.createQuery(
                """
                SELECT s.stage, COUNT(*) AS stations,
                       SUM(CASE WHEN st.app_version = :version THEN 1 ELSE 0 END) AS running,
                       SUM(CASE WHEN s.outcome = 'rolled-back' THEN 1 ELSE 0 END) AS rolled_back
                  FROM software_rollout_station s
                  LEFT JOIN station_state st ON st.station_id = s.station_id
                 WHERE s.rollout_id = :id
                 GROUP BY s.stage ORDER BY s.stage
                """)
            .bind("id", r.id())
            .bind("version", r.version())
            .map(
                (rs, ctx) ->
                    new StageProgress(
                        rs.getInt("stage"),
                        rs.getInt("stations"),
                        rs.getInt("running"),
                        rs.getInt("rolled_back")))
            .list();
    return new Rollout(
        r.id(),
        r.version(),
        r.scope(),
        r.scopeId(),
        r.state(),
        r.stage(),
        r.stages(),
        r.haltedStation(),
        r.haltedReason(),
        r.createdBy(),
        r.createdAt(),
        progress);
  }
}
