package liaison.hub.software;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.db.Database;
import liaison.hub.demo.DemoCounty;
import liaison.hub.publish.PublicationRepository;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationContent;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rollouts over real HTTP and on the staff's pages: a county administrator starts one, the station
 * reached gets the target in its published snapshot with its bundle's address, signature and
 * SHA-256; the page lists it with its stages, the fleet shows the station's update; a station's
 * rollback halts it; nobody but a county administrator may.
 */
class SoftwareRolloutApiTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void shouldRollAVersionOutIntoTheStationsSnapshotAndHaltOnItsRollback(@TempDir Path dir)
      throws Exception {
    try (RunningHub hub = RunningHub.start(dir)) {
      StaffClient admin = StaffClient.basic(hub, "admin", DemoCounty.PASSWORD);
      StaffClient manager = StaffClient.basic(hub, "chengguan", DemoCounty.PASSWORD);
      HttpResponse<String> kept =
          admin.apiBytes(
              "POST",
              "/api/software/bundles",
              "application/gzip",
              TestBundles.bundle("0.5.0", "linux-aarch64").tarGz());
      assertThat(kept.statusCode()).as(kept.body()).isEqualTo(201);
      String draft = "{\"version\":\"0.5.0\",\"scope\":\"STATION\",\"scopeId\":\"s-001\"}";

      assertThat(manager.api("POST", "/api/software/rollouts", draft).statusCode()).isEqualTo(403);
      HttpResponse<String> unknown =
          admin.api(
              "POST",
              "/api/software/rollouts",
              "{\"version\":\"9.0.0\",\"scope\":\"COUNTY\",\"scopeId\":\"\"}");
      assertThat(unknown.statusCode()).isEqualTo(422);
      assertThat(unknown.body()).contains("没有 9.0.0 版本").contains("no station bundle");
      HttpResponse<String> started = admin.api("POST", "/api/software/rollouts", draft);
      assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
      JsonNode rollout = json.readTree(started.body());
      String id = rollout.path("id").asText();
      assertThat(rollout.path("state").asText()).isEqualTo("RUNNING");
      assertThat(rollout.path("progress").get(0).path("stations").asInt()).isEqualTo(1);

      StationContent.Software target =
          Awaitility.await()
              .until(
                  () ->
                      hub.bean(PublicationRepository.class)
                          .current("s-001")
                          .map(
                              p ->
                                  ProtocolCodec.decode(
                                      p.payload().getBytes(), StationContent.class))
                          .flatMap(StationContent::softwareIfAny),
                  java.util.Optional::isPresent)
              .orElseThrow();
      StationBundle bundle = hub.bean(StationBundles.class).find("linux-aarch64", "0.5.0").get();
      assertThat(target.version()).isEqualTo("0.5.0");
      assertThat(target.bundles())
          .containsExactly(
              new StationContent.Bundle(
                  "linux-aarch64",
                  bundle.sha256(),
                  bundle.sizeBytes(),
                  bundle.signature(),
                  "/install/bundle?arch=linux-aarch64&version=0.5.0"));
      assertThat(
              hub.bean(PublicationRepository.class)
                  .current("s-003")
                  .map(p -> p.payload().contains("\"software\""))
                  .orElse(false))
          .as("a station the rollout does not reach")
          .isFalse();

      StaffClient browser = StaffClient.loggedIn(hub, "admin", DemoCounty.PASSWORD);
      String page = browser.get("/admin/software").body();
      assertThat(page).contains("版本推送").contains("进行中").contains("第 1 批：1 个站点");
      assertThat(browser.get("/admin").body()).contains("href=\"/admin/software\"");

      // The station reports the version rolled back (as its events are ingested).
      hub.bean(Database.class)
          .useTransaction(
              h ->
                  hub.bean(SoftwareRollouts.class)
                      .reported(
                          h,
                          "s-001",
                          new UpdateReport(
                              "0.5.0", "rolled-back", "deadline", OffsetDateTime.now())));
      JsonNode listed = json.readTree(admin.api("GET", "/api/software/rollouts", null).body());
      assertThat(listed.get(0).path("state").asText()).isEqualTo("HALTED");
      assertThat(listed.get(0).path("haltedStation").asText()).isEqualTo("s-001");
      assertThat(listed.get(0).path("haltedReason").asText()).isEqualTo("deadline");
      assertThat(browser.get("/admin/fleet").body()).contains("0.5.0 已回退：未在时限内正常运行");
      assertThat(browser.get("/admin/software").body())
          .contains("城关镇人大代表之家：未在时限内正常运行")
          .doesNotContain("s-001:");

      HttpResponse<String> resumed =
          browser.submit(
              "/admin/software/rollouts/" + id + "/resume",
              browser.csrf("/admin/software"),
              List.of(Map.entry("x", "")));
      assertThat(resumed.statusCode()).as(resumed.body()).isIn(200, 303);
      assertThat(hub.bean(SoftwareRollouts.class).find(id).orElseThrow().state())
          .isEqualTo(SoftwareRollouts.State.RUNNING);
      assertThat(admin.api("POST", "/api/software/rollouts/" + id + "/cancel", null).statusCode())
          .isEqualTo(200);
      assertThat(admin.api("POST", "/api/software/rollouts/" + id + "/halt", null).statusCode())
          .as("a cancelled rollout")
          .isEqualTo(409);
    }
  }
}
