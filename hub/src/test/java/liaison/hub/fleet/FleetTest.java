package liaison.hub.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.browser.Chromium;
import liaison.hub.ingest.StateIngest;
import liaison.hub.station.StationRepository;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationEvent;
import liaison.signage.protocol.StationState;
import liaison.signage.protocol.Topic;
import liaison.testkit.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fleet page from what stations report through the real broker. */
class FleetTest {
  @TempDir static Path dir;
  static RunningHub hub;

  @BeforeAll
  static void start() {
    hub = RunningHub.start(dir);
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  @Test
  void shouldShowEachStationsPresenceReadingsFootfallAndCallsAndFlagWhatNeedsAttention()
      throws Exception {
    OffsetDateTime now = OffsetDateTime.now();
    try (TestClient s1 = hub.station("s-001", "fleet");
        TestClient s2 = hub.station("s-002", "fleet")) {
      s1.publish(
          Topic.stationState("s-001").toString(),
          ProtocolCodec.encode(
              new StationState(
                  StationState.Presence.ONLINE,
                  "a",
                  "0.1.0",
                  1,
                  StationState.Screen.ON,
                  now,
                  new StationState.Telemetry(
                      600, 47.0, 20_000_000_000L, 50_000_000L, 200_000_000L))),
          true);
      s1.publish(
          Topic.stationEvent("s-001").toString(),
          ProtocolCodec.encode(
              new StationEvent(
                  UUID.randomUUID(), "footfall", now, Map.of("hour", now.toString(), "count", 12))),
          false);
      s1.publish(
          Topic.stationEvent("s-001").toString(),
          ProtocolCodec.encode(new StationEvent(UUID.randomUUID(), "button.call", now, Map.of())),
          false);
      // s-002 went offline half an hour ago with almost no disk left.
      s2.publish(
          Topic.stationState("s-002").toString(),
          ProtocolCodec.encode(
              new StationState(
                  StationState.Presence.OFFLINE,
                  "b",
                  "0.1.0",
                  1,
                  StationState.Screen.ON,
                  now.minusMinutes(30),
                  new StationState.Telemetry(99, null, 200_000_000L, 50_000_000L, 200_000_000L))),
          true);
    }
    FleetOverview fleet = hub.bean(FleetOverview.class);
    var places = hub.bean(StationRepository.class).all();
    await()
        .until(
            () ->
                fleet.rows(places).stream()
                            .filter(r -> r.callsToday() == 1 && r.footfallToday() == 12)
                            .count()
                        == 1
                    && hub.bean(StateIngest.class).state("s-002").isPresent());
    // Half an hour passes for s-002: its will came in then.
    hub.bean(liaison.hub.db.Database.class)
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE station_state SET received_at = :at WHERE station_id = 's-002'")
                    .bind("at", liaison.hub.db.Sql.instant(now.minusMinutes(30)))
                    .execute());

    var rows = fleet.rows(places);
    var s1 = rows.stream().filter(r -> r.place().id().equals("s-001")).findFirst().orElseThrow();
    var s2 = rows.stream().filter(r -> r.place().id().equals("s-002")).findFirst().orElseThrow();
    var s3 = rows.stream().filter(r -> r.place().id().equals("s-003")).findFirst().orElseThrow();
    assertThat(s1.status()).isEqualTo(FleetOverview.Status.ONLINE);
    assertThat(s1.lag())
        .as("published a newer version than the one shown")
        .isEqualTo(s1.published() - 1);
    assertThat(s1.alerts())
        .doesNotContain(FleetOverview.Alert.OFFLINE_LONG, FleetOverview.Alert.DISK_LOW);
    assertThat(s2.status()).isEqualTo(FleetOverview.Status.OFFLINE);
    assertThat(s2.alerts())
        .contains(FleetOverview.Alert.OFFLINE_LONG, FleetOverview.Alert.DISK_LOW);
    assertThat(s3.status()).isEqualTo(FleetOverview.Status.NEVER_SEEN);
    assertThat(s2.since()).as("offline since its will arrived, not since it connected").isNotNull();

    // A will that has just come in (a station that dropped and is reconnecting) does not flap.
    try (TestClient reconnecting = hub.station("s-003", "fleet")) {
      reconnecting.publish(
          Topic.stationState("s-003").toString(),
          ProtocolCodec.encode(
              new StationState(
                  StationState.Presence.OFFLINE,
                  "c",
                  "0.1.0",
                  1,
                  StationState.Screen.ON,
                  now.minusHours(2))),
          true);
    }
    await().until(() -> hub.bean(StateIngest.class).state("s-003").isPresent());
    var blip =
        fleet.rows(places).stream()
            .filter(r -> r.place().id().equals("s-003"))
            .findFirst()
            .orElseThrow();
    assertThat(blip.status()).isEqualTo(FleetOverview.Status.ONLINE);
    assertThat(blip.alerts()).doesNotContain(FleetOverview.Alert.OFFLINE_LONG);

    StaffClient admin = StaffClient.loggedIn(hub, "admin", "demo-2026");
    String page = admin.get("/admin/fleet").body();
    assertThat(page).contains("设备状态", "在线", "离线超过 10 分钟", "磁盘不足 1 GB", "47 °C");
    String manager = StaffClient.loggedIn(hub, "baisha", "demo-2026").get("/admin/fleet").body();
    assertThat(manager)
        .as("a station manager sees only their stations")
        .contains("s-002")
        .doesNotContain("s-001");

    try (Chromium chromium = Chromium.launch()) {
      com.microsoft.playwright.Page browser = chromium.laptop();
      browser.navigate(hub.url("/login").toString());
      browser.getByLabel("用户名").fill("admin");
      browser.getByLabel("密码").fill("demo-2026");
      browser.getByLabel("密码").press("Enter");
      browser.waitForURL("**/admin/dashboard");
      browser.navigate(hub.url("/admin/fleet").toString());
      assertThat(browser.locator("tr.needs-attention").count()).isEqualTo(1);
      Chromium.screenshot(browser, "fleet-laptop");
    }
  }
}
