package liaison.hub.software;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.event.ApplicationEventPublisher;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import liaison.hub.OnBothStores;
import liaison.hub.TestDatabases;
import liaison.hub.TestStore;
import liaison.hub.audit.AuditLog;
import liaison.hub.config.HubConfig;
import liaison.hub.db.Database;
import liaison.hub.ingest.EventProjection.RefusedEvent;
import liaison.hub.problem.BadInput;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.ForbiddenProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Role;
import liaison.hub.security.Staff;
import liaison.hub.software.SoftwareRollouts.Draft;
import liaison.hub.software.SoftwareRollouts.Rollout;
import liaison.hub.software.SoftwareRollouts.Scope;
import liaison.hub.software.SoftwareRollouts.StageProgress;
import liaison.hub.software.SoftwareRollouts.State;
import liaison.hub.station.StationsChanged;
import liaison.signage.protocol.StationEvent;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * Rollouts on both stores: the stages (one station, a tenth, the rest), each station's target as
 * the snapshot takes it, the next stage once every station reached runs the version, a rollback
 * reported by a station halting the rollout, and what only a county administrator may do.
 */
@OnBothStores
class SoftwareRolloutsTest {
  @Parameter TestDatabases.Store store;

  private final TestClock clock = TestClock.at("2026-12-05T10:00:00+08:00");
  private final Staff admin =
      new Staff("u-admin", "admin", "县管理员", Role.COUNTY_ADMIN, "c-1", null, Set.of());
  private final Staff manager =
      new Staff("u-m1", "chengguan", "站长", Role.STATION_MANAGER, "c-1", null, Set.of("s-001"));
  private final List<StationsChanged> announced = new ArrayList<>();

  private SoftwareRollouts rollouts;
  private UpdateReportIngest ingest;
  private Database database;

  private void county(TestStore db, Path data, int stations) {
    database = db.database();
    database.useTransaction(
        h -> {
          h.execute("INSERT INTO county (id, name) VALUES ('c-1', '青溪县')");
          h.execute("INSERT INTO county (id, name) VALUES ('c-2', '邻县')");
          h.execute("INSERT INTO township (id, county_id, name) VALUES ('t-1', 'c-1', '城关镇')");
          h.execute("INSERT INTO township (id, county_id, name) VALUES ('t-2', 'c-1', '石桥镇')");
          h.execute("INSERT INTO township (id, county_id, name) VALUES ('t-9', 'c-2', '别处')");
          for (int i = 1; i <= stations; i++) {
            station(h, "s-%03d".formatted(i), i <= stations / 2 ? "t-1" : "t-2");
          }
          station(h, "s-900", "t-9");
        });
    StationBundles bundles =
        new StationBundles(
            database,
            new SigningKey(database, clock),
            new AuditLog(database, clock),
            new BadInput(clock),
            clock,
            new HubConfig(8080, "127.0.0.1", data.toString(), "https://hub.example.cn", "never"));
    for (String arch : List.of("linux-x64", "linux-aarch64")) {
      bundles.upload(admin, new ByteArrayInputStream(TestBundles.bundle("0.2.0", arch).tarGz()));
    }
    bundles.upload(
        admin, new ByteArrayInputStream(TestBundles.bundle("0.3.0", "linux-x64").tarGz()));
    ApplicationEventPublisher<StationsChanged> events = announced::add;
    rollouts =
        new SoftwareRollouts(database, bundles, new AuditLog(database, clock), events, clock);
    ingest = new UpdateReportIngest(rollouts);
  }

  private static void station(org.jdbi.v3.core.Handle h, String id, String township) {
    h.execute(
        "INSERT INTO station (id, township_id, name, kind, public_token, created_at, updated_at)"
            + " VALUES (?, ?, ?, 'WORKSTATION', ?, '2026-01-01T00:00:00+08:00',"
            + " '2026-01-01T00:00:00+08:00')",
        id,
        township,
        "站点" + id,
        "tok-" + id);
  }

  private void runs(String station, String version) {
    database.useHandle(
        h -> {
          h.execute("DELETE FROM station_state WHERE station_id = ?", station);
          h.execute(
              "INSERT INTO station_state (station_id, presence, session, app_version,"
                  + " content_version, screen, reported_at, received_at) VALUES (?, 'ONLINE', 'x',"
                  + " ?, 1, 'ON', '2026-12-05T10:00:00+08:00', '2026-12-05T10:00:00+08:00')",
              station,
              version);
        });
  }

  private void reports(String station, String version, String outcome, String reason)
      throws RefusedEvent {
    StationEvent event =
        new StationEvent(
            UUID.randomUUID(),
            UpdateReportIngest.EVENT_TYPE,
            OffsetDateTime.now(clock),
            Map.of("version", version, "outcome", outcome, "reason", reason));
    UpdateReportIngest.Row row = ingest.read(station, event);
    database.useTransaction(h -> ingest.store(h, List.of(row)));
  }

  @Test
  void shouldStageTheCountyOneStationThenATenthThenTheRestAsTheStationsComeUp(@TempDir Path dir) {
    try (TestStore db = TestStore.migrated(store, dir.resolve("db"))) {
      county(db, dir.resolve("data"), 30);

      Rollout started = rollouts.start(admin, new Draft("0.2.0", Scope.COUNTY, ""));

      assertThat(started.state()).isEqualTo(State.RUNNING);
      assertThat(started.stage()).isEqualTo(1);
      assertThat(started.progress())
          .as(
              "30 stations of c-1 (not s-900 of the other county): 1, then 2 more (a tenth in all), then 27")
          .containsExactly(
              new StageProgress(1, 1, 0, 0),
              new StageProgress(2, 2, 0, 0),
              new StageProgress(3, 27, 0, 0));
      assertThat(announced.getLast().stationIds()).containsExactly("s-001");
      SoftwareRollouts.Target target = rollouts.targetFor("s-001").orElseThrow();
      assertThat(target.version()).isEqualTo("0.2.0");
      assertThat(target.bundles())
          .extracting(StationBundle::arch)
          .containsExactlyInAnyOrder("linux-x64", "linux-aarch64");
      assertThat(rollouts.targetFor("s-002")).as("not reached yet").isEmpty();
      assertThat(rollouts.targetFor("s-900")).isEmpty();

      assertThat(rollouts.moveRunning()).as("s-001 still runs the old version").isEmpty();
      runs("s-001", "0.2.0");
      assertThat(rollouts.moveRunning()).containsExactly(started.id());
      assertThat(rollouts.find(started.id()).orElseThrow().stage()).isEqualTo(2);
      assertThat(announced.getLast().stationIds()).contains("s-001", "s-002", "s-003");
      assertThat(rollouts.targetFor("s-003")).isPresent();
      assertThat(rollouts.targetFor("s-004")).isEmpty();

      rollouts.advance(admin, started.id());
      assertThat(rollouts.targetFor("s-030")).as("the administrator advanced it").isPresent();
      for (int i = 1; i <= 30; i++) {
        runs("s-%03d".formatted(i), "0.2.0");
      }
      rollouts.moveRunning();
      assertThat(rollouts.find(started.id()).orElseThrow().state()).isEqualTo(State.DONE);
      assertThatThrownBy(() -> rollouts.advance(admin, started.id()))
          .isInstanceOf(ConflictProblem.class);
    }
  }

  @Test
  void shouldHaltOnAStationsRollbackWithItsReasonUntilResumedAndFallBackWhenCancelled(
      @TempDir Path dir) throws Exception {
    try (TestStore db = TestStore.migrated(store, dir.resolve("db"))) {
      county(db, dir.resolve("data"), 4);
      Rollout first = rollouts.start(admin, new Draft("0.2.0", Scope.TOWNSHIP, "t-1"));
      clock.advance(java.time.Duration.ofMinutes(1));
      Rollout second = rollouts.start(admin, new Draft("0.3.0", Scope.STATION, "s-001"));
      assertThat(rollouts.targetFor("s-001").orElseThrow().version())
          .as("the newest rollout that reached the station")
          .isEqualTo("0.3.0");

      reports("s-001", "0.3.0", "downloading", "");
      reports("s-001", "0.3.0", "rolled-back", "deadline");

      Rollout halted = rollouts.find(second.id()).orElseThrow();
      assertThat(halted.state()).isEqualTo(State.HALTED);
      assertThat(halted.haltedStation()).isEqualTo("s-001");
      assertThat(halted.haltedReason()).isEqualTo("deadline");
      assertThat(halted.progress()).containsExactly(new StageProgress(1, 1, 0, 1));
      assertThat(rollouts.find(first.id()).orElseThrow().state())
          .as("another version's rollout goes on")
          .isEqualTo(State.RUNNING);
      runs("s-001", "0.3.0");
      assertThat(rollouts.moveRunning()).doesNotContain(second.id());

      assertThat(rollouts.resume(admin, second.id()).state()).isEqualTo(State.RUNNING);
      assertThat(rollouts.cancel(admin, second.id()).state()).isEqualTo(State.CANCELLED);
      assertThat(rollouts.targetFor("s-001").orElseThrow().version())
          .as("the older rollout's target again")
          .isEqualTo("0.2.0");
      assertThat(announced.getLast().stationIds()).containsExactly("s-001");
    }
  }

  @Test
  void shouldRefuseWhatCannotBeRolledOutAndLetOnlyACountyAdministratorDoIt(@TempDir Path dir) {
    try (TestStore db = TestStore.migrated(store, dir.resolve("db"))) {
      county(db, dir.resolve("data"), 2);

      assertThatThrownBy(() -> rollouts.start(manager, new Draft("0.2.0", Scope.STATION, "s-001")))
          .isInstanceOf(ForbiddenProblem.class);
      assertThatThrownBy(() -> rollouts.start(admin, new Draft("9.9.9", Scope.COUNTY, "")))
          .isInstanceOf(ValidationProblem.class)
          .hasMessageContaining("no station bundle of version 9.9.9");
      assertThatThrownBy(() -> rollouts.start(admin, new Draft("0.2.0", Scope.STATION, "s-900")))
          .as("a station of another county")
          .isInstanceOf(ValidationProblem.class)
          .hasMessageContaining("no station of your county");
      assertThatThrownBy(() -> rollouts.list(manager)).isInstanceOf(ForbiddenProblem.class);
      assertThatThrownBy(
              () ->
                  ingest.read(
                      "s-001",
                      new StationEvent(
                          UUID.randomUUID(),
                          UpdateReportIngest.EVENT_TYPE,
                          OffsetDateTime.now(clock),
                          Map.of("version", "0.2.0", "outcome", "exploded"))))
          .isInstanceOf(RefusedEvent.class)
          .hasMessageContaining("expected one of");
      int rows =
          database.withHandle(
              h ->
                  h.createQuery("SELECT COUNT(*) FROM software_rollout")
                      .mapTo(Integer.class)
                      .one());
      assertThat(rows).isZero();
    }
  }

  @Test
  void shouldStageSmallScopesInAsFewStagesAsTheyHave() {
    assertThat(SoftwareRollouts.stages(1)).containsExactly(1);
    assertThat(SoftwareRollouts.stages(2)).containsExactly(1, 2);
    assertThat(SoftwareRollouts.stages(3)).containsExactly(1, 2, 3);
    assertThat(SoftwareRollouts.stages(30)[2]).isEqualTo(2);
    assertThat(SoftwareRollouts.stages(30)[3]).isEqualTo(3);
  }
}
